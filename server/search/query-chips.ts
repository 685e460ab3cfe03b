import {
  accessFeatures, costs, languages,
  type AccessFeature, type ChipFilters, type Cost, type Label, type Language, type QueryChip,
} from '../../schema';
import { foldLetters, foldName } from '../lib/fold-name';
import {
  accessWords, butLabel, butWords, categoryWords, costWords, formalityWords, languagePhrases, languageWords, phaseWords,
} from './attribute-words';
import { findAges } from './age-expressions';
import type { ChipSpan as Found } from './chip-span';
import type { PlaceNames } from './place-names';

// Reads, from what a parent types, filters to offer as chips: "für 9-Jährige" → age 9, "in Zwiesel" →
// Zwiesel, "kostenlos" → free. A chip is an offer: the server never applies it by itself, so a reading may be
// generous, but it must not be silly (no place "Essen" out of "essen kochen").

export interface ChipReading {
  chips: QueryChip[];
  /** The query without its age and grade expressions, which never match offering texts. */
  searchText: string;
}

type Kind = QueryChip['kind'];

// Words of the query

interface Word {
  start: number;
  end: number;
  /** As typed. */
  raw: string;
  /** Folded (`foldName`); '' for a word of a script foldName drops (Arabic, Cyrillic), which matches nothing. */
  fold: string;
  /** Folded without reading "ue" as "ü" (`foldLetters`), to tell "Neuenkirchen" from "Neunkirchen". */
  asWritten: string;
}

function wordsOf(q: string): Word[] {
  const words: Word[] = [];
  for (const m of q.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const start = m.index;
    const end = start + m[0].length;
    const folded = foldName(m[0]);
    const parts = folded === '' ? [''] : folded.split(' ');
    const written = foldLetters(m[0]).split(' ');
    // Both folds split a word at the same characters; should they ever differ, the plain fold is used alone.
    parts.forEach((fold, i) => words.push({ start, end, raw: m[0], fold, asWritten: written.length === parts.length ? written[i]! : fold }));
  }
  return words;
}

// Attribute phrases: cost, language, accessibility, BuT

interface Phrase {
  words: string[];
  kind: Kind;
  label: Label;
  apply: ChipFilters;
}

function buildPhrases(): Map<string, Phrase[]> {
  const byFirst = new Map<string, Phrase[]>();
  const seen = new Set<string>();
  const add = (text: string, kind: Kind, label: Label, apply: ChipFilters) => {
    const folded = foldName(text);
    if (folded === '' || seen.has(folded)) return;
    seen.add(folded);
    const words = folded.split(' ');
    const list = byFirst.get(words[0]!) ?? [];
    list.push({ words, kind, label, apply });
    byFirst.set(words[0]!, list);
  };
  for (const c of costs) for (const t of costWords[c.id as Cost]) add(t, 'cost', c.label, { cost: c.id });
  for (const t of butWords) add(t, 'but', butLabel, { but: true });
  for (const f of accessFeatures) {
    for (const t of accessWords[f.id as AccessFeature]) add(t, 'access', f.label, { access: f.id });
  }
  for (const l of languages) {
    const label = { de: `Sprache: ${l.label.de}`, en: `Language: ${l.label.en}` };
    for (const t of languagePhrases[l.id as Language]) add(t, 'lang', label, { lang: l.id });
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return byFirst;
}

const phrases = buildPhrases();

/** A word right before a phrase that turns it around ("nicht barrierefrei"): no chip then. */
const NEGATIONS = new Set(['nicht', 'kein', 'keine', 'keinen', 'ohne', 'not', 'no', 'without', 'non']);

// Places

/** Words before a place that say "there"; "in der Nähe von" and the like as word sequences. */
const PLACE_PREPOSITIONS = [
  ['in', 'der', 'nahe', 'von'], ['in', 'der', 'nahe'], ['in', 'der', 'umgebung', 'von'], ['rund', 'um'],
  ['in'], ['im'], ['bei'], ['aus'], ['nahe'], ['near'], ['around'], ['um'],
];
/** Words right before any chip's words that go with it when it is taken out. */
const PREPOSITIONS = new Set(['in', 'im', 'bei', 'fur', 'for', 'ab', 'auf', 'aus', 'nahe', 'near', 'mit', 'with']);

/** "Landkreis Regen", "Kreis Regen", "LK Regen", "Lkr. Regen". */
const DISTRICT_WORDS = new Set(['landkreis', 'kreis', 'lk', 'lkr', 'landkr', 'district']);

/**
 * Ordinary words that are also names of municipalities ("Essen", "Singen", "Buch", "Halle"): a place only after
 * "in", "bei" and the like, never from the word alone, even capitalised (German nouns and the first word are).
 */
const PLACE_STOP_WORDS = new Set(
  [
    'essen', 'lernen', 'spiel', 'spielen', 'sport', 'kunst', 'musik', 'tanz', 'tanzen', 'bad', 'berg', 'wald', 'see',
    'hof', 'kirchen', 'haus', 'hausen', 'lehre', 'wissen', 'stelle', 'schutz', 'singen', 'buch', 'halle', 'laufen',
    'fahren', 'kuchen', 'grund', 'welt', 'wetter', 'drogen', 'schuld', 'kleinen', 'waren', 'nutzen', 'kommen', 'weiden',
    'bescheid', 'ohne', 'burgen', 'weil', 'linden', 'bergen', 'garten', 'feld', 'mark', 'brand', 'ort', 'tal', 'rot',
    'roth', 'born', 'moos', 'rain', 'lage', 'zell', 'au', 'alle', 'neu', 'hilden', 'stein', 'leer', 'senden', 'werne',
    'beten', 'wiesen', 'auen', 'ried', 'loch', 'ebene', 'kranich', 'biene', 'falken', 'wolfen', 'hagen', 'hemmingen',
  ].map(foldName),
);

/** Every single word of the attribute and category vocabularies ("singen", "loop"): a place only after "in". */
const VOCABULARY_WORDS: ReadonlySet<string> = new Set(
  [categoryWords, phaseWords, formalityWords, accessWords, costWords, languageWords, { but: butWords }]
    .flatMap((record) => Object.values(record as Record<string, readonly string[]>).flat())
    .flatMap((t) => foldName(t).split(' '))
    .filter((w) => w.length > 0),
);

function isCapitalised(raw: string): boolean {
  return /^\p{Lu}/u.test(raw);
}

/** The number of words of a place preposition ending right before word `i` (0 when there is none). */
function placePrepositionBefore(words: readonly Word[], i: number, taken: readonly boolean[]): number {
  for (const prep of PLACE_PREPOSITIONS) {
    const from = i - prep.length;
    if (from < 0) continue;
    if (prep.every((w, k) => words[from + k]!.fold === w && !taken[from + k])) return prep.length;
  }
  return 0;
}

// Reading

/**
 * The chips in a query, in the order they appear, and the text to search (the query without its age
 * expressions). Never throws: any text gives an answer, perhaps without chips.
 */
export function readChips(q: string, places: PlaceNames): ChipReading {
  const ages = findAges(q);
  const words = wordsOf(q);
  const taken = words.map((w) => ages.some((a) => w.start < a.cutEnd && w.end > a.cut));
  const found: Found[] = [...ages];

  const spanOf = (from: number, to: number) => ({ start: words[from]!.start, end: words[to - 1]!.end });
  const free = (from: number, to: number) => {
    if (to > words.length) return false;
    for (let k = from; k < to; k++) if (taken[k] || words[k]!.fold === '') return false;
    return true;
  };
  const take = (from: number, to: number) => {
    for (let k = from; k < to; k++) taken[k] = true;
  };
  /** Where the removal starts: a preposition right before `from` that no chip took goes with it. */
  const cutBefore = (from: number) => {
    const prev = words[from - 1];
    if (from > 0 && !taken[from - 1] && PREPOSITIONS.has(prev!.fold)) return prev!.start;
    return words[from]!.start;
  };

  for (let i = 0; i < words.length; i++) {
    if (!free(i, i + 1)) continue;
    const word = words[i]!;

    // A cost, language, accessibility or BuT phrase, the longest first.
    const phrase = (phrases.get(word.fold) ?? []).find(
      (p) => free(i, i + p.words.length) && p.words.every((w, k) => words[i + k]!.fold === w),
    );
    if (phrase) {
      const to = i + phrase.words.length;
      const negated = i > 0 && !taken[i - 1] && NEGATIONS.has(words[i - 1]!.fold);
      if (!negated) {
        const { start, end } = spanOf(i, to);
        found.push({
          kind: phrase.kind, start, end, cut: cutBefore(i), cutEnd: end, text: q.slice(start, end),
          label: phrase.label, apply: phrase.apply,
        });
      }
      take(i, to);
      i = to - 1;
      continue;
    }

    // A postcode.
    if (/^\d{5}$/.test(word.fold)) {
      const postcode = places.postcode(word.fold);
      if (postcode) {
        const name = `${postcode.code} ${postcode.place}`;
        found.push({
          kind: 'place', start: word.start, end: word.end, cut: cutBefore(i), cutEnd: word.end, text: word.raw,
          label: { de: name, en: name }, apply: { near: { lat: postcode.lat, lng: postcode.lng }, place: name },
        });
        take(i, i + 1);
      }
      continue;
    }

    // A district named as one ("Landkreis Regen").
    if (DISTRICT_WORDS.has(word.fold)) {
      const to = matchPlace(words, i + 1, places.maxWords, free, (w, written) => places.district(w, written));
      if (to) {
        addPlace(found, q, words, i, to.end, to.place, placePrepositionBefore(words, i, taken));
        take(i, to.end);
        i = to.end - 1;
        continue;
      }
    }

    // A municipality (or a district by its own name), capitalised or after "in", "bei" and the like.
    if (/^\d/.test(word.fold) || PREPOSITIONS.has(word.fold)) continue;
    const prep = placePrepositionBefore(words, i, taken);
    if (prep === 0 && !isCapitalised(word.raw)) continue;
    const to = matchPlace(words, i, places.maxWords, free, (w, written) => places.place(w, written));
    if (!to) continue;
    const single = to.end === i + 1;
    if (single && prep === 0 && (PLACE_STOP_WORDS.has(word.fold) || VOCABULARY_WORDS.has(word.fold))) continue;
    addPlace(found, q, words, i, to.end, to.place, prep);
    take(i, to.end);
    i = to.end - 1;
  }

  // One chip per kind and value, in the order of the query.
  found.sort((a, b) => a.start - b.start);
  const chips: QueryChip[] = [];
  const seen = new Set<string>();
  for (const f of found) {
    const key = `${f.kind}:${JSON.stringify(f.apply)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    chips.push({ kind: f.kind, text: f.text, label: f.label, apply: f.apply, remainingQ: without(q, [f]) });
  }
  return { chips, searchText: without(q, ages) };
}

/** The longest sequence of free words from `from` that `lookup` knows as a place. */
function matchPlace(
  words: readonly Word[],
  from: number,
  maxWords: number,
  free: (from: number, to: number) => boolean,
  lookup: (folded: string[], asWritten: string[]) => ReturnType<PlaceNames['place']>,
): { end: number; place: NonNullable<ReturnType<PlaceNames['place']>> } | undefined {
  for (let n = Math.min(maxWords, words.length - from); n >= 1; n--) {
    if (!free(from, from + n)) continue;
    const span = words.slice(from, from + n);
    const place = lookup(span.map((w) => w.fold), span.map((w) => w.asWritten));
    if (place) return { end: from + n, place };
  }
  return undefined;
}

function addPlace(
  found: Found[],
  q: string,
  words: readonly Word[],
  from: number,
  to: number,
  place: NonNullable<ReturnType<PlaceNames['place']>>,
  prepositionWords: number,
): void {
  const start = words[from - prepositionWords]!.start;
  let end = words[to - 1]!.end;
  // "Halle (Saale)": the closing bracket belongs to the name.
  if (q[end] === ')' && q.slice(words[from]!.start, end).includes('(')) end++;
  found.push({
    kind: 'place', start, end, cut: start, cutEnd: end, text: q.slice(start, end),
    label: { de: place.name, en: place.name }, apply: { region: place.key, place: place.name },
  });
}

/** The query without the given spans, whitespace tidied. */
function without(q: string, spans: readonly Pick<Found, 'cut' | 'cutEnd'>[]): string {
  let text = q;
  for (const s of [...spans].sort((a, b) => b.cut - a.cut)) {
    text = `${text.slice(0, s.cut)} ${text.slice(s.cutEnd)}`;
  }
  return text
    .replace(/\s+/g, ' ')
    .replace(/ ([,.;:!?])/g, '$1')
    .replace(/[,;:]+(?=[,.;:!?])/g, '')
    .replace(/^[\s,;:]+|[\s,;:]+$/g, '');
}
