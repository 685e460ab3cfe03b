// Folding German spelling variants, so that two entries of one programme typed by different people compare
// equal: "Lesepaten München", "Lesepaten Muenchen" and "LESEPATEN MUNCHEN"; "Hausaufgaben-Hilfe",
// "Hausaufgaben Hilfe" and "Hausaufgabenhilfe"; "Lernfreunde e.V." and "Lernfreunde". The folds are applied
// to both sides of every comparison, so they need not be linguistically right, only the same for all
// variants: "ä", "ae" and "a" all become "a" (likewise ö/oe/o, ü/ue/u), "ß", "ss" and "s" become "s".
// Words are compared joined (spaces and hyphens removed), so a compound written apart, hyphenated or
// joined gives the same string; similarity is then measured on character trigrams of that string.

import { editDistance } from '../../lib/edit-distance';

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const WORD = /[\p{L}\p{N}]+/gu;
/**
 * Gender-inclusive endings ("Schüler*innen", "Lehrer:innen", "Pat_innen", "SchülerInnen", "Lesepat/-innen")
 * are dropped, leaving the stem both spellings share.
 */
const GENDER_ENDING = /[*:_·/]-?in(?:nen)?\b/giu;
const BINNEN_I = /(\p{Ll})In(?:nen)?\b/gu;

const NOT_ASCII = /[^\u0000-\u007f]/;

/** Lower case without diacritics, ß as s, gender endings dropped; letters and digits kept, the rest spaces. */
function lowerPlain(text: string): string {
  const lower = text.replace(GENDER_ENDING, '').replace(BINNEN_I, '$1').toLowerCase();
  // Most titles are plain ASCII once "ä" is typed "ae": no decomposition needed.
  return NOT_ASCII.test(lower) ? lower.replace(/ß/g, 's').normalize('NFD').replace(COMBINING_MARKS, '') : lower;
}

const DIGRAPH = /ae|oe|ue|ss/g;
const SINGLE: Record<string, string> = { ae: 'a', oe: 'o', ue: 'u', ss: 's' };

/** The transliterations folded back: ae→a, oe→o, ue→u, ss→s (see the file comment for why this is safe). */
function foldDigraphs(word: string): string {
  return word.replace(DIGRAPH, (d) => SINGLE[d]!);
}

/** Abbreviations written out, so that "St. Marien" and "Sankt Marien" meet (a whole word only). */
const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([['st', 'sankt']]);
const expand = (word: string) => ABBREVIATIONS.get(word) ?? word;

/** The words of a text, each folded: `words('Lesepaten Muenchen e.V.')` → ['lesepaten', 'munchen', 'e', 'v']. */
export function words(text: string): string[] {
  return rawWords(text).map(foldDigraphs);
}

/**
 * Words joined and folded as one string: the digraphs are folded after joining, so "Kita Eltern" and
 * "Kitaeltern" give the same key although "a" + "e" meet only in the joined form.
 */
export function joinedKey(rawWords: readonly string[]): string {
  return foldDigraphs(rawWords.join(''));
}

/** The words of a text before digraph folding (for joinedKey). */
export function rawWords(text: string): string[] {
  return (lowerPlain(text).match(WORD) ?? []).map(expand);
}

/** A dot or an apostrophe: a short word next to one is an abbreviation ("e.V", "d.") or an elision ("geht's"). */
const ABBREVIATION_MARK = /[.'’]/;
/** Letters only: "A1.1" is a level and its part, not an abbreviation. */
const SHORT_LETTERS = /^\p{L}{1,2}$/u;

/**
 * The folded words of a title without the one- and two-letter words written as abbreviations or elisions
 * ("Haus d. kleinen Forscher", "Lesepaten e. V.", "Wie geht's"): a short word standing alone is a label
 * ("Gruppe A", "Teil II", see markers.ts), one with a dot beside it is not.
 */
function labelledWords(title: string): string[] {
  const plain = lowerPlain(title);
  const out: string[] = [];
  for (const m of plain.matchAll(WORD)) {
    const word = m[0];
    const end = m.index + word.length;
    if (SHORT_LETTERS.test(word) && (ABBREVIATION_MARK.test(plain.charAt(m.index - 1)) || ABBREVIATION_MARK.test(plain.charAt(end)))) continue;
    out.push(foldDigraphs(expand(word)));
  }
  return out;
}

/** Small words that carry no meaning of their own in a title ("Hilfe für Kinder" = "Hilfe Kinder"), folded. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  [
    'und', 'oder', 'für', 'der', 'die', 'das', 'den', 'dem', 'des', 'im', 'in', 'am', 'an', 'auf', 'mit', 'von',
    'vom', 'zum', 'zur', 'zu', 'bei', 'ab', 'ein', 'eine', 'einer', 'einem', 'einen', 'fürs', 'ins', 'u',
    'the', 'and', 'for', 'of',
  ].map((w) => words(w)[0]!),
);

/**
 * Legal forms of German organisations, as folded word sequences. They are cut from the end of a name
 * (repeatedly: "gemeinnützige GmbH & Co. KG"), never from inside it, since some are ordinary words
 * elsewhere ("AG Jugendarbeit" is a working group).
 */
const LEGAL_FORMS: readonly (readonly string[])[] = [
  'e.V.', 'eV', 'e.K.', 'gGmbH', 'GmbH', 'mbH', 'gUG', 'UG', 'haftungsbeschränkt', 'eG', 'KdöR', 'AöR', 'KöR',
  'gAG', 'AG', 'KG', 'KGaA', 'OHG', 'GbR', 'PartG', 'SE', 'Co', 'gemeinnützige', 'gemeinnütziger', 'gemeinnütziges',
  'rechtsfähige', 'eingetragener Verein', 'eingetragene Genossenschaft',
].map((form) => words(form));

/**
 * An organisation's name without its legal form, as a joined key: "Lernfreunde Regen e. V." →
 * "lernfreunderegen". A name that is nothing but a legal form keeps it.
 */
export function organisationKey(name: string): string {
  const folded = words(name);
  const raw = rawWords(name);
  let end = folded.length;
  for (let cut = true; cut && end > 0; ) {
    cut = false;
    for (const form of LEGAL_FORMS) {
      if (form.length <= end - 1 && form.every((w, k) => folded[end - form.length + k] === w)) {
        end -= form.length;
        cut = true;
        break;
      }
    }
  }
  return joinedKey(raw.slice(0, end).filter((_, k) => !STOP_WORDS.has(folded[k]!)));
}

export interface TitleKeys {
  /** The title's words, folded, without short abbreviations (for markers; see labelledWords). */
  words: string[];
  /** The words that carry meaning, joined as written. */
  key: string;
  /** The same words in alphabetical order, joined. */
  sorted: string;
}

/**
 * A title as joined keys without small words and without the name of the place it happens in ("Lesepaten
 * Regen" at a site in Regen = "Lesepaten"): a provider may name the town in the title, another may not.
 * `sorted` joins the words in alphabetical order, so "Nachhilfe Englisch" and "Englisch-Nachhilfe" meet.
 */
export function titleKeys(title: string, placeWords: ReadonlySet<string> = new Set()): TitleKeys {
  const raw = rawWords(title);
  const folded = raw.map(foldDigraphs);
  let kept = raw.filter((_, k) => !STOP_WORDS.has(folded[k]!) && !placeWords.has(folded[k]!));
  // A title that is only the place name ("Regen") or only small words is compared as it is.
  if (kept.length === 0) kept = raw;
  return { words: labelledWords(title), key: joinedKey(kept), sorted: joinedKey(kept.map(foldDigraphs).sort()) };
}

/** The joined key of a title (see titleKeys). */
export function titleKey(title: string, placeWords?: ReadonlySet<string>): string {
  return titleKeys(title, placeWords).key;
}

/** Long texts are compared by their beginning: a text pasted twice shows in its first lines. */
const TEXT_COMPARED = 1500;

/** A description as one joined, folded key (its beginning), for trigram similarity. */
export function textKey(text: string): string {
  return joinedKey(rawWords(text.slice(0, TEXT_COMPARED)));
}

/** The folded words of a place name that a title may repeat ("Freiburg im Breisgau" → freiburg, breisgau). */
export function placeWords(city: string): Set<string> {
  return new Set(words(city).filter((w) => !STOP_WORDS.has(w) && w.length > 2));
}

/**
 * Street and postcode as one key: "Hauptstraße 1", "Hauptstr. 1", "Haupt-Strasse 1" and "hauptstrasse 1"
 * give "94209|hauptstr1". Null without a street.
 */
export function addressKey(street: string, postcode: string): string | null {
  const key = joinedKey(rawWords(street)).replace(/strase/g, 'str');
  return key ? `${postcode}|${key}` : null;
}

/** A text folded to one line of words, for comparing schedules and the like as a whole. */
export function foldedText(text: string): string {
  return words(text).join(' ');
}

// ---- Character trigrams ---------------------------------------------------------------------------------

/**
 * The distinct character trigrams of a key (padded with a boundary mark, so short keys still have a few),
 * as sorted 32-bit hashes: compact, and two sets intersect in one merge pass.
 */
export function trigrams(key: string): Int32Array {
  const padded = `\u0001${key}\u0001`;
  const out = new Int32Array(Math.max(0, padded.length - 2));
  for (let i = 0; i + 2 < padded.length; i++) {
    out[i] = Math.imul(Math.imul(padded.charCodeAt(i), 0x01000193) ^ padded.charCodeAt(i + 1), 0x01000193) ^ padded.charCodeAt(i + 2);
  }
  out.sort();
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i]!;
  return out.slice(0, n);
}

/** Sørensen–Dice coefficient of two trigram sets: 2·|A∩B| / (|A|+|B|); 0 when both are empty. */
export function dice(a: Int32Array, b: Int32Array): number {
  if (a.length + b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return (2 * shared) / (a.length + b.length);
}

/** Shorter keys are not compared by edits: one letter turns "lesen" into "losen", "tanz" into "tanzen". */
export const MIN_EDIT_LENGTH = 8;
/**
 * 1 − edits / length of the longer key: a typo costs one edit ("Hausaufgabenhlife": 0.94), whereas
 * trigrams lose up to four of a word's trigrams to a swap. 0 for keys shorter than MIN_EDIT_LENGTH.
 */
export function editSimilarity(a: string, b: string): number {
  if (Math.min(a.length, b.length) < MIN_EDIT_LENGTH) return 0;
  return 1 - editDistance(a, b) / Math.max(a.length, b.length);
}

/** Words of six letters or more one edit apart: the same word mistyped ("Jugentdreff"), not another word. */
export function isTypo(a: string, b: string): boolean {
  return a !== b && Math.min(a.length, b.length) >= 6 && Math.abs(a.length - b.length) <= 1 && editDistance(a, b) <= 1;
}

/** Similarity of two short texts after folding (titles, names), 0–1: the best of the three measures. */
export function similarity(a: string, b: string): number {
  const [ka, kb] = [titleKeys(a), titleKeys(b)];
  return Math.max(dice(trigrams(ka.key), trigrams(kb.key)), dice(trigrams(ka.sorted), trigrams(kb.sorted)), editSimilarity(ka.key, kb.key));
}
