import { clearMemo, dictionaryFor } from './decompound-dictionary';
import { MIN_PART_LENGTH } from './decompound-segmentation';
import { analyse, MIN_WORD_LENGTH } from './decompound-word';
import { lexicon as defaultLexicon } from './lexicon';

// Meilisearch does not split German compounds, so a query for "Nachhilfe" misses "Mathenachhilfe".
// At indexing time every document gets an extra searchable field holding the parts of its compound
// words; this module computes those parts from a dictionary of known words (see lexicon.ts).
//
// A word is cut into lexicon entries joined by optional linking elements (Fugenelemente), the
// segmentation with the fewest parts winning, because every extra cut is another chance to be wrong.
// Parts that are themselves compounds are cut again, and every run of neighbouring parts is kept
// as well ("hausaufgaben" and "aufgabenhilfe" from "Hausaufgabenhilfe"), since users type those.
// A word that cannot be cut completely still gives its known tail (the last part of a German
// compound carries its meaning: Mathe|nachhilfe) and, more cautiously, its known first part.
//
// decompound-dictionary.ts prepares the lexicon, decompound-segmentation.ts finds the segmentation
// and decompound-word.ts turns it into parts; this file tokenises texts and completes truncated
// compounds across words.

const TOKEN = /[\p{L}\p{N}]+/gu;
/** Splits a text into words (even indices) and the separators between them (odd indices). */
const SEPARATOR = /([^\p{L}\p{N}]+)/u;
const COMBINING_DIACRITIC = /[\u0300-\u036f]/;
/** Words that may stand between a truncated first element and the compound completing it. */
const CONJUNCTIONS: ReadonlySet<string> = new Set(['und', 'oder', 'sowie', 'bzw', 'beziehungsweise', 'bis']);

/** Hyphen-minus, hyphen, non-breaking hyphen. */
function isHyphen(code: number): boolean {
  return code === 0x2d || code === 0x2010 || code === 0x2011;
}

function normalise(text: string): string {
  // NFC so that an "ü" typed as u + combining diaeresis matches the lexicon; skipped when no
  // combining mark is present, because normalising every description costs more than the check.
  return (COMBINING_DIACRITIC.test(text) ? text.normalize('NFC') : text).toLowerCase();
}

/**
 * The parts of one compound word, lowercase and deduplicated, without the word itself:
 * "Hausaufgabenhilfe" → haus, aufgaben, aufgabe, hilfe, hausaufgaben, hausaufgabe, aufgabenhilfe.
 * Hyphenated words ("MINT-Ferienprogramm") yield their pieces and the pieces' parts.
 * Words shorter than six letters yield nothing.
 */
export function decompoundWord(word: string, lexicon: ReadonlySet<string> = defaultLexicon): string[] {
  const dictionary = dictionaryFor(lexicon);
  const tokens = normalise(word).match(TOKEN) ?? [];
  if (tokens.length === 1) return [...analyse(tokens[0]!, dictionary).parts];
  const parts = new Set<string>();
  for (const token of tokens) {
    if (token.length >= MIN_PART_LENGTH) parts.add(token);
    for (const part of analyse(token, dictionary).parts) parts.add(part);
  }
  return [...parts];
}

/**
 * The compound parts of every word in a text, space-joined and deduplicated in order of first
 * appearance: the value of the searchable field that lets "Nachhilfe" find "Mathenachhilfe".
 * Also completes truncated compounds: "Erwachsenen- und Weiterbildung" adds "erwachsenenbildung",
 * "Berufsberatung und -orientierung" adds "berufsorientierung".
 */
export function compoundParts(text: string, lexicon: ReadonlySet<string> = defaultLexicon): string {
  const dictionary = dictionaryFor(lexicon);
  const pieces = normalise(text).split(SEPARATOR);
  const parts = new Set<string>();
  const addCompound = (compound: string): void => {
    parts.add(compound);
    for (const part of analyse(compound, dictionary).parts) parts.add(part);
  };
  let truncated: string[] = [];
  let previous: string | null = null;

  for (let index = 0; index < pieces.length; index += 2) {
    const token = pieces[index]!;
    if (token === '') continue;
    if (token.length >= MIN_WORD_LENGTH) for (const part of analyse(token, dictionary).parts) parts.add(part);

    // "Erwachsenen- und …": a first element waiting for the head of a later compound.
    const after = pieces[index + 1];
    if (after && isHyphen(after.charCodeAt(0)) && (after.length > 1 || !pieces[index + 2])) {
      truncated.push(token);
      continue;
    }
    if (truncated.length > 0 && !CONJUNCTIONS.has(token)) {
      const head = analyse(token, dictionary).head;
      if (head) for (const first of truncated) addCompound(first + head);
      truncated = [];
    }
    // "… und -orientierung": a head borrowing the first element of the word before.
    const before = pieces[index - 1];
    if (previous && before && before.length > 1 && isHyphen(before.charCodeAt(before.length - 1))) {
      const modifier = analyse(previous, dictionary).modifier;
      if (modifier) addCompound(modifier + token);
    }
    // Only words long enough to be compounds can lend a first element; conjunctions lend none.
    if (token.length >= MIN_WORD_LENGTH && !CONJUNCTIONS.has(token)) previous = token;
  }
  return [...parts].join(' ');
}

/** Forgets memoised results, for benchmarks and tests that need a cold start. */
export function clearDecompoundCache(lexicon: ReadonlySet<string> = defaultLexicon): void {
  clearMemo(lexicon);
}
