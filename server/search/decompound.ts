import { COMBINING_MARK, lexicon as defaultLexicon } from './lexicon';

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

/** Words shorter than this are left alone: hardly any of them is a compound, and cutting them errs. */
const MIN_WORD_LENGTH = 6;
const MIN_PART_LENGTH = 3;
/** A tail found without a full segmentation must be this long, having no whole-word check to back it. */
const MIN_FALLBACK_HEAD = 4;
const MIN_FALLBACK_PREFIX = 5;
/** Upper bound on memoised words per lexicon (two generations of half this size). */
const CACHE_LIMIT = 50_000;

/** Linking elements between two parts: Bildung-s-beratung, Aufgabe-n-hilfe, Kind-er-garten. */
const LINKS = ['s', 'es', 'n', 'en', 'e', 'er', 'ens', 'ns'] as const;
const LINK_OR_NONE = ['', ...LINKS] as const;
const LINK_SET: ReadonlySet<string> = new Set(LINKS);
/**
 * Inflections a compound may end in while its head is listed bare: Kulturlotse-n, Sprachkurs-e,
 * Lernbegleiter-innen. "nen" only follows a listed feminine in -in (Lesepatin-nen).
 */
const ENDINGS = ['e', 'n', 'en', 'er', 's', 'es', 'ns', 'ens', 'in', 'innen', 'nen'] as const;
/** Links that are plural endings, so part + link is itself a word (Aufgaben, Kinder, Tage). */
const PLURAL_LINKS: ReadonlySet<string> = new Set(['e', 'n', 'en', 'er']);
/** Endings that turn a combining form into its listed word (sprach-e, schwimm-en, lese-n). */
const ADDED_ENDINGS = ['e', 'n', 'en'] as const;
/** Endings whose removal gives a listed base form (lotse-n, kind-er, lehrer-in). */
const STRIPPED_ENDINGS = ['e', 'n', 'en', 'er', 'in', 'innen'] as const;
const E = 0x65;

/**
 * Derivational suffixes that may end a compound but are never emitted alone: Pate-n-schaft is
 * worth cutting (users type "Paten"), "schaft" by itself is not worth finding.
 */
const BOUND_SUFFIXES = ['schaft'] as const;

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

type Kind = 'free' | 'combining' | 'suffix';

/** word.slice(start, end) is a lexicon entry; word.slice(end, linkEnd) the link or ending after it. */
interface Atom {
  readonly start: number;
  readonly end: number;
  readonly linkEnd: number;
  readonly kind: Kind;
}

/** The best segmentation of a word's tail from some position on: its first part and how it scored. */
interface Step extends Atom {
  readonly parts: number;
  readonly linkLetters: number;
}

interface Analysis {
  /** The emitted parts: lowercase, deduplicated, without the word itself. */
  readonly parts: readonly string[];
  /** The finest complete segmentation, or null when the word cannot be cut completely. */
  readonly atoms: readonly Atom[] | null;
  /** The head as written, to complete "Erwachsenen- und Weiterbildung" into "erwachsenenbildung". */
  readonly head: string | null;
  /** The first part with its link ("berufs"), to complete "Berufsberatung und -orientierung". */
  readonly modifier: string | null;
}

const NOTHING: Analysis = { parts: [], atoms: null, head: null, modifier: null };

// ---------------------------------------------------------------------------------------------
// Dictionary and memo, prepared once per lexicon object (lexicons are treated as immutable)

/** Prefix tree of the lexicon: the segmenter walks it from each position instead of slicing every length. */
interface TrieNode {
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

interface Dictionary {
  readonly kinds: ReadonlyMap<string, Kind>;
  readonly trie: TrieNode;
  readonly memo: Memo;
}

const dictionaries = new WeakMap<ReadonlySet<string>, Dictionary>();

function dictionaryFor(lexicon: ReadonlySet<string>): Dictionary {
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

function recall(memo: Memo, word: string): Analysis | undefined {
  const recent = memo.recent.get(word);
  if (recent) return recent;
  const older = memo.older.get(word);
  if (older) remember(memo, word, older);
  return older;
}

function remember(memo: Memo, word: string, analysis: Analysis): void {
  if (memo.recent.size >= CACHE_LIMIT / 2) {
    memo.older = memo.recent;
    memo.recent = new Map();
  }
  memo.recent.set(word, analysis);
}

// ---------------------------------------------------------------------------------------------
// Segmentation

/**
 * Dynamic programming from the right: best[i] is the best segmentation of word.slice(i) into
 * lexicon parts (found by walking the trie from i) with links between them and an optional
 * ending. Best means fewest parts, then fewest letters in links and endings. At position 0 the
 * word must be split in two or more, since one part would be the word itself.
 */
function solve(word: string, dictionary: Dictionary): (Step | undefined)[] {
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
function stepsFrom(best: readonly (Step | undefined)[], from: number, n: number): Step[] {
  const steps: Step[] = [];
  for (let step = best[from]; step; step = best[step.linkEnd]) {
    steps.push(step);
    if (step.linkEnd === n) break;
  }
  return steps;
}

// ---------------------------------------------------------------------------------------------
// Analysis of one lowercase word

function analyse(word: string, dictionary: Dictionary): Analysis {
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

// ---------------------------------------------------------------------------------------------
// Public API

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
  const memo = dictionaries.get(lexicon)?.memo;
  if (memo) {
    memo.recent = new Map();
    memo.older = new Map();
  }
}
