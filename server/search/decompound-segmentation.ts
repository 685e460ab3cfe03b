import type { Atom, Dictionary, Kind, TrieNode } from './decompound-dictionary';

// The complete segmentation of a word into lexicon entries joined by optional linking elements
// (Fugenelemente), the segmentation with the fewest parts winning, because every extra cut is
// another chance to be wrong.

export const MIN_PART_LENGTH = 3;

/** Linking elements between two parts: Bildung-s-beratung, Aufgabe-n-hilfe, Kind-er-garten. */
export const LINKS = ['s', 'es', 'n', 'en', 'e', 'er', 'ens', 'ns'] as const;
const LINK_OR_NONE = ['', ...LINKS] as const;
/**
 * Inflections a compound may end in while its head is listed bare: Kulturlotse-n, Sprachkurs-e,
 * Lernbegleiter-innen. "nen" only follows a listed feminine in -in (Lesepatin-nen).
 */
export const ENDINGS = ['e', 'n', 'en', 'er', 's', 'es', 'ns', 'ens', 'in', 'innen', 'nen'] as const;
const E = 0x65;

/** The best segmentation of a word's tail from some position on: its first part and how it scored. */
export interface Step extends Atom {
  readonly parts: number;
  readonly linkLetters: number;
}

/**
 * Dynamic programming from the right: best[i] is the best segmentation of word.slice(i) into
 * lexicon parts (found by walking the trie from i) with links between them and an optional
 * ending. Best means fewest parts, then fewest letters in links and endings. At position 0 the
 * word must be split in two or more, since one part would be the word itself.
 */
export function solve(word: string, dictionary: Dictionary): (Step | undefined)[] {
  const n = word.length;
  const best: (Step | undefined)[] = new Array(n + 1);
  for (let start = n - 1; start >= 0; start--) {
    let node: TrieNode | undefined = dictionary.trie;
    for (let end = start + 1; end <= n; end++) {
      node = node.children.get(word.charCodeAt(end - 1));
      if (!node) break;
      if (node.kind && end - start >= MIN_PART_LENGTH) considerPart(word, start, end, node.kind, best);
    }
  }
  return best;
}

/** Offers word.slice(start, end) as a part: ending the word, or followed by a link and more parts. */
function considerPart(word: string, start: number, end: number, kind: Kind, best: (Step | undefined)[]): void {
  const n = word.length;
  const mayEndWord = start > 0 && kind !== 'combining';
  const endsInE = word.charCodeAt(end - 1) === E;
  if (mayEndWord) {
    if (end === n) offer(best, start, end, n, kind, 1, 0);
    for (const ending of ENDINGS) {
      if (end + ending.length !== n || !word.endsWith(ending)) continue;
      // "Schule-e" is no German form; "-nen" only follows a feminine in -in (Patin-nen).
      if (endsInE && ending.charCodeAt(0) === E) continue;
      if (ending === 'nen' && !word.startsWith('in', end - 2)) continue;
      offer(best, start, end, n, kind, 1, ending.length);
    }
  }
  if (kind === 'suffix' || end === n) return;
  for (const link of LINK_OR_NONE) {
    const next = end + link.length;
    // After a final e only -s, -n, -ns can link (Aufgabe-n-hilfe, not Schule-e-…).
    if (next >= n || (endsInE && link.charCodeAt(0) === E) || !word.startsWith(link, end)) continue;
    const rest = best[next];
    // Only a free word takes a derivational suffix (Paten-schaft, not Sprach-schaft).
    if (!rest || (rest.kind === 'suffix' && kind !== 'free')) continue;
    offer(best, start, end, next, kind, rest.parts + 1, rest.linkLetters + link.length);
  }
}

/** Keeps the candidate unless best[start] is better. Parts arrive shortest first, so ties go to the longer. */
function offer(
  best: (Step | undefined)[],
  start: number,
  end: number,
  linkEnd: number,
  kind: Kind,
  parts: number,
  linkLetters: number,
): void {
  const current = best[start];
  if (current && (parts > current.parts || (parts === current.parts && linkLetters > current.linkLetters))) return;
  best[start] = { start, end, linkEnd, kind, parts, linkLetters };
}

/** The segmentation of word.slice(from) that best[] holds, part by part. */
export function stepsFrom(best: readonly (Step | undefined)[], from: number, n: number): Step[] {
  const steps: Step[] = [];
  for (let step = best[from]; step; step = best[step.linkEnd]) {
    steps.push(step);
    if (step.linkEnd === n) break;
  }
  return steps;
}
