import { COMBINING_MARK } from './lexicon';

// The decompounder's view of a lexicon: what kind each entry is, a prefix tree over the entries
// and the memo of analysed words. Prepared once per lexicon object (lexicons are treated as immutable).

/** Upper bound on memoised words per lexicon (two generations of half this size). */
const CACHE_LIMIT = 50_000;

/**
 * Derivational suffixes that may end a compound but are never emitted alone: Pate-n-schaft is
 * worth cutting (users type "Paten"), "schaft" by itself is not worth finding.
 */
const BOUND_SUFFIXES = ['schaft'] as const;

export type Kind = 'free' | 'combining' | 'suffix';

/** word.slice(start, end) is a lexicon entry; word.slice(end, linkEnd) the link or ending after it. */
export interface Atom {
  readonly start: number;
  readonly end: number;
  readonly linkEnd: number;
  readonly kind: Kind;
}

/** What the memo holds for one lowercase word (computed in decompound-word.ts). */
export interface Analysis {
  /** The emitted parts: lowercase, deduplicated, without the word itself. */
  readonly parts: readonly string[];
  /** The finest complete segmentation, or null when the word cannot be cut completely. */
  readonly atoms: readonly Atom[] | null;
  /** The head as written, to complete "Erwachsenen- und Weiterbildung" into "erwachsenenbildung". */
  readonly head: string | null;
  /** The first part with its link ("berufs"), to complete "Berufsberatung und -orientierung". */
  readonly modifier: string | null;
}

/** Prefix tree of the lexicon: the segmenter walks it from each position instead of slicing every length. */
export interface TrieNode {
  readonly children: Map<number, TrieNode>;
  kind: Kind | undefined;
}

/**
 * Bounded memo in two generations: when the recent one is full it becomes the older one and the
 * previous older one is dropped whole; words still in use are copied forward on their next lookup.
 * (Evicting a Map's oldest key one at a time instead makes every later eviction scan the holes
 * the deletions leave behind, which turned a 10,000-document run from 2 s into 10 s.)
 */
interface Memo {
  recent: Map<string, Analysis>;
  older: Map<string, Analysis>;
}

export interface Dictionary {
  readonly kinds: ReadonlyMap<string, Kind>;
  readonly trie: TrieNode;
  readonly memo: Memo;
}

const dictionaries = new WeakMap<ReadonlySet<string>, Dictionary>();

export function dictionaryFor(lexicon: ReadonlySet<string>): Dictionary {
  let dictionary = dictionaries.get(lexicon);
  if (!dictionary) {
    const kinds = new Map<string, Kind>();
    for (const entry of lexicon) {
      if (entry.endsWith(COMBINING_MARK)) kinds.set(entry.slice(0, -1), 'combining');
      else kinds.set(entry, 'free');
    }
    for (const suffix of BOUND_SUFFIXES) if (!kinds.has(suffix)) kinds.set(suffix, 'suffix');
    dictionary = { kinds, trie: buildTrie(kinds), memo: { recent: new Map(), older: new Map() } };
    dictionaries.set(lexicon, dictionary);
  }
  return dictionary;
}

function buildTrie(kinds: ReadonlyMap<string, Kind>): TrieNode {
  const root: TrieNode = { children: new Map(), kind: undefined };
  for (const [text, kind] of kinds) {
    let node = root;
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      let child = node.children.get(code);
      if (!child) node.children.set(code, (child = { children: new Map(), kind: undefined }));
      node = child;
    }
    node.kind = kind;
  }
  return root;
}

export function recall(memo: Memo, word: string): Analysis | undefined {
  const recent = memo.recent.get(word);
  if (recent) return recent;
  const older = memo.older.get(word);
  if (older) remember(memo, word, older);
  return older;
}

export function remember(memo: Memo, word: string, analysis: Analysis): void {
  if (memo.recent.size >= CACHE_LIMIT / 2) {
    memo.older = memo.recent;
    memo.recent = new Map();
  }
  memo.recent.set(word, analysis);
}

/** Empties the memo of the lexicon's dictionary, if one has been prepared (none is built for it). */
export function clearMemo(lexicon: ReadonlySet<string>): void {
  const memo = dictionaries.get(lexicon)?.memo;
  if (memo) {
    memo.recent = new Map();
    memo.older = new Map();
  }
}
