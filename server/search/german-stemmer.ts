/**
 * German stemmer: our own implementation of the Snowball German stemming algorithm
 * (https://snowballstem.org/algorithms/german/stemmer.html), including the former "german2"
 * behaviour of reading "ae", "oe", "ue" as "ä", "ö", "ü" (except "ue" after "q").
 *
 * Why: Meilisearch has no German stemmer, so "Tanzkurs für Kinder" would not be found by
 * "Kindern" or "tanzen". We index a field of stems and stem the query the same way, so that
 * inflected forms of one word meet on the same stem. Stems are search keys, not words: they are
 * never shown to anyone (the final step removes umlauts, e.g. "Jährige" → "jahrig").
 *
 * The steps follow the published description (prelude, R1/R2, steps 1–3, postlude), written from
 * that description. Additions around it, which do not change the stem of plain lowercase German:
 * - input is lowercased and NFC-normalised; Latin diacritics other than ä/ö/ü/ß are removed
 *   (é → e), so that "Café" and "Cafe" meet;
 * - tokens of digits only are returned unchanged;
 * - results are memoised per word in a bounded Map, because every word of every document is stemmed.
 */

/** Vowels of the algorithm. The marked "U" and "Y" (upper case) are deliberately not in it. */
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'ä', 'ö', 'ü']);
/** Letters that may precede a removable "s" (step 1). */
const S_ENDING = new Set(['b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'r', 't']);
/** Letters that may precede a removable "st" (step 2): the s-endings without "r". */
const ST_ENDING = new Set(['b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 't']);

const DIGITS_ONLY = /^\p{N}+$/u;
/** Characters that need no diacritic handling: ASCII and the German letters the algorithm knows. */
const NEEDS_FOLDING = /[^\u0000-\u007fäöüß]/u;
const COMBINING_MARKS = /\p{M}+/gu;
const COMBINING_MARK = /^\p{M}$/u;
const LATIN = /^\p{Script=Latin}$/u;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

const CACHE_LIMIT = 50_000;
const cache = new Map<string, string>();

function isVowel(c: string | undefined): boolean {
  return c !== undefined && VOWELS.has(c);
}

/** Lowercase, NFC, ß → ss, and other Latin diacritics removed (é → e); ä/ö/ü are kept. */
function normalise(word: string): string {
  let s = word.normalize('NFC').toLowerCase();
  if (NEEDS_FOLDING.test(s)) {
    let out = '';
    for (const ch of s) {
      if (ch === 'ä' || ch === 'ö' || ch === 'ü' || ch.charCodeAt(0) < 0x80) out += ch;
      else if (ch === 'ß') out += 'ss';
      else if (COMBINING_MARK.test(ch)) continue; // a mark NFC could not compose: drop it
      else if (LATIN.test(ch)) out += ch.normalize('NFD').replace(COMBINING_MARKS, '') || ch;
      else out += ch;
    }
    s = out;
  } else if (s.includes('ß')) {
    s = s.replaceAll('ß', 'ss');
  }
  return s;
}

/**
 * Prelude: mark u and y between vowels as "U"/"Y" (so they count as consonants), then read
 * "ae", "oe", "ue" as umlauts, skipping "qu". (ß has already become "ss" in normalise.)
 */
function prelude(s: string): string {
  const chars = [...s];
  for (let i = 0; i + 2 < chars.length; i++) {
    if (!isVowel(chars[i]) || !isVowel(chars[i + 2])) continue;
    if (chars[i + 1] === 'u') chars[i + 1] = 'U';
    else if (chars[i + 1] === 'y') chars[i + 1] = 'Y';
  }
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    const next = chars[i + 1];
    if (next === 'e' && (c === 'a' || c === 'o' || c === 'u')) {
      out += c === 'a' ? 'ä' : c === 'o' ? 'ö' : 'ü';
      i++;
    } else if (c === 'q' && next === 'u') {
      out += 'qu';
      i++;
    } else {
      out += c;
    }
  }
  return out;
}

/** Start of the region after the first non-vowel that follows a vowel, searching from `from`. */
function regionStart(s: string, from: number): number {
  for (let i = from + 1; i < s.length; i++) {
    if (!isVowel(s[i]) && isVowel(s[i - 1])) return i + 1;
  }
  return s.length;
}

/** Step 1: -em (not after "syst"), -ern, -er; -e, -en, -es (then -niss → -nis); -s; -ln(s) → -l. */
function step1(s: string, p1: number): string {
  let suffix: string | undefined;
  if (s.endsWith('ern')) suffix = 'ern';
  else if (s.endsWith('lns')) suffix = 'lns';
  else {
    const two = s.slice(-2);
    if (two === 'em' || two === 'er' || two === 'en' || two === 'es' || two === 'ln') suffix = two;
    else if (s.endsWith('e')) suffix = 'e';
    else if (s.endsWith('s')) suffix = 's';
  }
  if (suffix === undefined) return s;
  const start = s.length - suffix.length;
  if (start < p1) return s;
  const stem = s.slice(0, start);
  switch (suffix) {
    case 'em':
      return stem.endsWith('syst') ? s : stem;
    case 'ern':
    case 'er':
      return stem;
    case 'e':
    case 'en':
    case 'es':
      return stem.endsWith('niss') ? stem.slice(0, -1) : stem;
    case 's':
      return S_ENDING.has(stem.charAt(start - 1)) ? stem : s;
    default: // 'ln', 'lns'
      return stem + 'l';
  }
}

/** Step 2: -en, -er, -est; -st after a valid st-ending that is itself preceded by 3 letters. */
function step2(s: string, p1: number): string {
  let suffix: string | undefined;
  if (s.endsWith('est')) suffix = 'est';
  else {
    const two = s.slice(-2);
    if (two === 'en' || two === 'er' || two === 'st') suffix = two;
  }
  if (suffix === undefined) return s;
  const start = s.length - suffix.length;
  if (start < p1) return s;
  if (suffix === 'st' && !(start - 1 >= 3 && ST_ENDING.has(s.charAt(start - 1)))) return s;
  return s.slice(0, start);
}

/** Step 3: derivational suffixes, all of which must lie in R2. */
function step3(s: string, p1: number, p2: number): string {
  let suffix: string | undefined;
  for (const candidate of ['isch', 'lich', 'heit', 'keit', 'end', 'ung', 'ig', 'ik']) {
    if (s.endsWith(candidate)) {
      suffix = candidate;
      break;
    }
  }
  if (suffix === undefined) return s;
  const start = s.length - suffix.length;
  if (start < p2) return s;
  let stem = s.slice(0, start);
  switch (suffix) {
    case 'end':
    case 'ung':
      // A preceding -ig goes as well, if it is in R2 and not preceded by e.
      if (stem.endsWith('ig') && stem.length - 2 >= p2 && stem.charAt(stem.length - 3) !== 'e') {
        stem = stem.slice(0, -2);
      }
      return stem;
    case 'ig':
    case 'ik':
    case 'isch':
      return stem.charAt(start - 1) === 'e' ? s : stem;
    case 'lich':
    case 'heit':
      // A preceding -er or -en goes as well, if it is in R1.
      if ((stem.endsWith('er') || stem.endsWith('en')) && stem.length - 2 >= p1) stem = stem.slice(0, -2);
      return stem;
    default: // 'keit'; a preceding -lich or -ig goes as well, if it is in R2.
      if (stem.endsWith('lich') && stem.length - 4 >= p2) return stem.slice(0, -4);
      if (stem.endsWith('ig') && stem.length - 2 >= p2) return stem.slice(0, -2);
      return stem;
  }
}

/** Postlude: U/Y back to lower case, and umlauts lose their dots. */
function postlude(s: string): string {
  let out = '';
  for (const c of s) {
    switch (c) {
      case 'U':
      case 'ü':
        out += 'u';
        break;
      case 'Y':
        out += 'y';
        break;
      case 'ä':
        out += 'a';
        break;
      case 'ö':
        out += 'o';
        break;
      default:
        out += c;
    }
  }
  return out;
}

function computeStem(word: string): string {
  if (DIGITS_ONLY.test(word)) return word;
  const s = prelude(normalise(word));
  // Regions: standard R1/R2 first (R2 searched from the unadjusted R1), then R1 made to leave at
  // least 3 letters before it. Words shorter than 3 letters get empty regions, so no suffix goes.
  let p1 = s.length;
  let p2 = s.length;
  if (s.length >= 3) {
    const r1 = regionStart(s, 0);
    p2 = regionStart(s, r1);
    p1 = Math.max(r1, 3);
  }
  let stem = step1(s, p1);
  stem = step2(stem, p1);
  stem = step3(stem, p1, p2);
  return postlude(stem);
}

/** The Snowball German stem of one word (any case). */
export function stemGerman(word: string): string {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const stem = computeStem(word);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, stem);
  return stem;
}

/** The stems of the words of a text (runs of Unicode letters and digits), in order, with repeats. */
export function stemText(text: string): string[] {
  const words = text.normalize('NFC').match(WORD);
  return words === null ? [] : words.map(stemGerman);
}
