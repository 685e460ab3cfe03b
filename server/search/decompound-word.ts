import type { Analysis, Atom, Dictionary, Kind, TrieNode } from './decompound-dictionary';
import { recall, remember } from './decompound-dictionary';
import { ENDINGS, LINKS, MIN_PART_LENGTH, type Step, solve, stepsFrom } from './decompound-segmentation';

// The analysis of one lowercase word: its segmentation refined into the finest parts, the written
// forms and runs of those parts worth indexing, and the fallbacks for a word that cannot be cut
// completely.

/** Words shorter than this are left alone: hardly any of them is a compound, and cutting them errs. */
export const MIN_WORD_LENGTH = 6;
/** A tail found without a full segmentation must be this long, having no whole-word check to back it. */
const MIN_FALLBACK_HEAD = 4;
const MIN_FALLBACK_PREFIX = 5;
const LINK_SET: ReadonlySet<string> = new Set(LINKS);
/** Links that are plural endings, so part + link is itself a word (Aufgaben, Kinder, Tage). */
const PLURAL_LINKS: ReadonlySet<string> = new Set(['e', 'n', 'en', 'er']);
/** Endings that turn a combining form into its listed word (sprach-e, schwimm-en, lese-n). */
const ADDED_ENDINGS = ['e', 'n', 'en'] as const;
/** Endings whose removal gives a listed base form (lotse-n, kind-er, lehrer-in). */
const STRIPPED_ENDINGS = ['e', 'n', 'en', 'er', 'in', 'innen'] as const;

/**
 * Particles before which a listed word may still give its tail (Nach-hilfe, Vor-schule, Weiter-bildung).
 * A listed word is otherwise left whole: had it been a compound of listed words, the full
 * segmentation would have cut it, so a leftover known tail is almost always a coincidence
 * (be-gleitung, bei-spiel, inter-essen).
 */
const HEAD_PARTICLES: ReadonlySet<string> = new Set([
  'ab', 'an', 'auf', 'aus', 'durch', 'fort', 'nach', 'um', 'unter', 'vor', 'weiter', 'wieder', 'zu', 'zurück',
  'über',
]);
/**
 * Before an unlisted word, a particle (with -ge- or -zu- after it) marks a particle verb
 * (auf-stellen, ab-ge-laufen, an-zu-rechnen) and these prefixes a derivation (ver-sucht, bei-spiel,
 * ein-fach, mit-glied): neither is a compound whose tail is worth finding.
 */
const NOT_A_FIRST_PART = new RegExp(
  '^(?:(?:ab|an|auf|aus|bei|dar|durch|ein|fort|her|hin|los|mit|nach|vor|weg|weiter|wieder|zu|zurück|zusammen' +
    '|über|unter|um|bereit|fertig|klar|fest|bloß|glatt|statt|davon|entgegen|heraus|hinaus|herum|vorbei|voran)' +
    '(?:ge|zu)?|ver|ent|emp|zer|miss)$',
);
/** A known first part followed by one of these is a derivation (sport-lich, schul-ung), not a compound. */
const DERIVATION_SUFFIXES = ['lich', 'isch', 'heit', 'keit', 'ung', 'ig', 'bar', 'sam', 'haft', 'los'] as const;
const VOWEL = /[aeiouyäöü]/;

const NOTHING: Analysis = { parts: [], atoms: null, head: null, modifier: null };

/** The parts, segmentation, head and modifier of one lowercase word, memoised per dictionary. */
export function analyse(word: string, dictionary: Dictionary): Analysis {
  if (word.length < MIN_WORD_LENGTH) return NOTHING;
  const cached = recall(dictionary.memo, word);
  if (cached) return cached;
  const best = solve(word, dictionary);
  const analysis = best[0]
    ? analyseSegmented(word, stepsFrom(best, 0, word.length), dictionary)
    : analyseUnsegmented(word, best, dictionary);
  remember(dictionary.memo, word, analysis);
  return analysis;
}

function analyseSegmented(word: string, segmentation: readonly Atom[], dictionary: Dictionary): Analysis {
  const extras: string[] = [];
  const atoms = refine(word, segmentation, dictionary, extras);
  const parts = new Set<string>();
  for (const atom of atoms) {
    if (atom.kind !== 'suffix') for (const form of forms(word, atom, dictionary)) parts.add(form);
  }
  for (const extra of extras) parts.add(extra);
  addRuns(word, atoms, dictionary, parts);
  return {
    parts: finish(word, parts),
    atoms,
    head: headOf(word, segmentation),
    modifier: word.slice(0, segmentation[0]!.linkEnd),
  };
}

/**
 * Replaces every part that is itself a compound of listed words by its own parts, so that
 * sommer|ferienprogramm ends as sommer|ferien|programm. Parts that cannot be cut completely add
 * what their fallback finds (nachhilfe → hilfe) to `extras`.
 */
function refine(word: string, segmentation: readonly Atom[], dictionary: Dictionary, extras: string[]): Atom[] {
  const atoms: Atom[] = [];
  for (const atom of segmentation) {
    const inner = atom.kind === 'suffix' ? NOTHING : analyse(word.slice(atom.start, atom.end), dictionary);
    if (!inner.atoms) {
      atoms.push(atom);
      extras.push(...inner.parts);
      continue;
    }
    const last = inner.atoms.length - 1;
    inner.atoms.forEach((part, index) => {
      atoms.push({
        start: atom.start + part.start,
        end: atom.start + part.end,
        // The last inner part carries the outer link: aufgabe + "n" in haus|aufgaben|hilfe.
        linkEnd: index === last ? atom.linkEnd : atom.start + part.linkEnd,
        kind: part.kind,
      });
    });
  }
  return atoms;
}

/** The head as written; a bare derivational suffix is none ("Sprachpatenschaft" has "patenschaft"). */
function headOf(word: string, segmentation: readonly Atom[]): string | null {
  let index = segmentation.length - 1;
  if (segmentation[index]!.kind === 'suffix') index--;
  return index >= 1 ? word.slice(segmentation[index]!.start) : null;
}

/**
 * The written forms of one part worth indexing: the part, the part with a plural link
 * (aufgabe-n), and listed words differing from it by a regular ending (sprach → sprache,
 * lotsen → lotse, kinder → kind), so that a user typing either form finds the compound.
 * For the last part of a run, `inRun` leaves out a bare combining form ("grundschul").
 */
function forms(word: string, atom: Atom, dictionary: Dictionary, inRun = false): string[] {
  const text = word.slice(atom.start, atom.end);
  const combining = atom.kind === 'combining';
  const out: string[] = inRun && combining ? [] : [text];
  const link = word.slice(atom.end, atom.linkEnd);
  if (link && (PLURAL_LINKS.has(link) || isFree(text + link, dictionary))) out.push(text + link);
  if (combining) {
    for (const ending of ADDED_ENDINGS) if (isFree(text + ending, dictionary)) out.push(text + ending);
  }
  for (const ending of STRIPPED_ENDINGS) {
    if (!text.endsWith(ending)) continue;
    const stem = text.slice(0, -ending.length);
    if (stem.length >= MIN_PART_LENGTH && isFree(stem, dictionary)) out.push(stem);
    // The feminine replaces a final e: Pate → Patin, Lotse → Lotsin, Pädagoge → Pädagogin.
    if (ending[0] === 'i' && isFree(stem + 'e', dictionary)) out.push(stem + 'e');
  }
  return out;
}

/** Every run of two or more neighbouring parts: haus+aufgaben, aufgaben+hilfe (not starting with a suffix). */
function addRuns(word: string, atoms: readonly Atom[], dictionary: Dictionary, parts: Set<string>): void {
  for (let first = 0; first < atoms.length - 1; first++) {
    if (atoms[first]!.kind === 'suffix') continue;
    for (let last = first + 1; last < atoms.length; last++) {
      const lastAtom = atoms[last]!;
      const prefix = word.slice(atoms[first]!.start, lastAtom.start);
      for (const form of forms(word, lastAtom, dictionary, true)) parts.add(prefix + form);
    }
  }
}

function analyseUnsegmented(word: string, best: readonly (Step | undefined)[], dictionary: Dictionary): Analysis {
  const parts = new Set<string>();
  const head = addKnownTail(word, best, dictionary, parts);
  addKnownFirstPart(word, dictionary, parts);
  return { parts: finish(word, parts), atoms: null, head, modifier: null };
}

/**
 * The longest tail that is a listed word or a compound of listed words is the head of a compound
 * whose first part is unknown: Mathe|nachhilfe → nachhilfe (and from it hilfe), Bundes|jugendspiele →
 * jugend, spiele, … The segmentation of every tail is already in `best`. Only the longest, because a
 * shorter one inside it is a coincidence ("Freundeskreise" holds "reise"). Returns the tail.
 */
function addKnownTail(
  word: string,
  best: readonly (Step | undefined)[],
  dictionary: Dictionary,
  parts: Set<string>,
): string | null {
  const known = isKnown(word, dictionary);
  for (let start = 1; start <= word.length - MIN_FALLBACK_HEAD; start++) {
    const step = best[start];
    if (!step || step.kind === 'suffix') continue;
    const single = step.parts === 1;
    // The first listed word of the tail must be 4+ letters, or short entries cut anything:
    // Ther|mal|bade|haus, Frei|tag|nachts.
    if (step.end - start < MIN_FALLBACK_HEAD) continue;
    if (!isPlausibleTail(word.slice(0, start), word.charCodeAt(start), single, known)) continue;
    const tail = word.slice(start);
    if (single) {
      for (const form of forms(word, step, dictionary)) parts.add(form);
      for (const part of analyse(word.slice(start, step.end), dictionary).parts) parts.add(part);
    } else {
      parts.add(tail);
      for (const part of analyse(tail, dictionary).parts) parts.add(part);
    }
    return tail;
  }
  return null;
}

/** Whether `modifier` + a known tail looks like a compound rather than a coincidence. */
function isPlausibleTail(modifier: string, tailStart: number, single: boolean, wordIsKnown: boolean): boolean {
  if (wordIsKnown) return HEAD_PARTICLES.has(modifier);
  if (modifier.length < MIN_PART_LENGTH || !VOWEL.test(modifier) || NOT_A_FIRST_PART.test(modifier)) return false;
  // A tail made of several parts after a three-letter start is mostly a seam: Wal|dorfschule.
  if (!single && modifier.length < 4) return false;
  // A tail starting with a vowel after a short unknown start is mostly a syllable seam:
  // inter|essen, adr|essen, red|aktion. Require a longer, more word-like first part there.
  if (VOWEL.test(String.fromCharCode(tailStart)) && modifier.length < 5) return false;
  return true;
}

/**
 * The longest listed first part of 5+ letters, when a real second part (4+ letters) follows:
 * Kinder|schutzbund → kinder. Only the longest, so that "Schuldner" is not taken for "Schul-dner".
 */
function addKnownFirstPart(word: string, dictionary: Dictionary, parts: Set<string>): void {
  let end = -1;
  let kind: Kind | undefined;
  let node: TrieNode | undefined = dictionary.trie;
  for (let index = 0; index < word.length - 1; index++) {
    node = node.children.get(word.charCodeAt(index));
    if (!node) break;
    if ((node.kind === 'free' || node.kind === 'combining') && index + 1 >= MIN_FALLBACK_PREFIX) {
      end = index + 1;
      kind = node.kind;
    }
  }
  if (!kind) return;
  const rest = word.slice(end);
  if (rest.length < MIN_FALLBACK_HEAD || DERIVATION_SUFFIXES.some((suffix) => rest.startsWith(suffix))) return;
  for (const form of forms(word, { start: 0, end, linkEnd: end, kind }, dictionary)) parts.add(form);
}

function isFree(text: string, dictionary: Dictionary): boolean {
  return dictionary.kinds.get(text) === 'free';
}

/** Listed as it stands or with a regular ending removed (Beispiele, Quartiere). */
function isKnown(word: string, dictionary: Dictionary): boolean {
  if (dictionary.kinds.has(word)) return true;
  return ENDINGS.some((ending) => word.endsWith(ending) && isFree(word.slice(0, -ending.length), dictionary));
}

function finish(word: string, parts: Set<string>): string[] {
  parts.delete(word);
  return [...parts].filter((part) => part.length >= MIN_PART_LENGTH && !LINK_SET.has(part));
}
