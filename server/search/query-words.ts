import { analyse } from './decompound-word';
import { dictionaryFor } from './decompound-dictionary';
import { lexicon } from './lexicon';
import { searchToken } from './search-tokens';
import { germanStopWords } from './synonyms';

// Turns what a family types into the words the index is searched with. Every word becomes its search
// token (stem, umlauts folded, see search-tokens.ts), because the documents carry the stems of their
// words too; so "polnische" meets "Polen" and "Tanzen" meets "Tanzkurs".

/** One searched word: as typed (for messages) and as searched. */
export interface QueryTerm {
  typed: string;
  token: string;
  /** Search the token as the start of a word (Meilisearch allows this for the last word of a query only). */
  prefix?: boolean;
  /** The first part and the rest of a compound ("schwimm", "kurs" for "Schwimmkurs"), tried when nothing has it whole. */
  parts?: [string, string];
  /** The same two pieces as typed ("Schwimm", "kurs"), for telling the family which words were searched. */
  partsTyped?: [string, string];
}

/**
 * Words that say nothing about the offering wanted: a parent's "suche bitte … für meinen Sohn",
 * "gibt es hier …?". Dropped from the search; a query made only of them is searched as typed.
 */
const FILLER_WORDS = new Set([
  ...germanStopWords,
  // German requests and politeness
  'suche', 'suchen', 'sucht', 'gesucht', 'such', 'bitte', 'danke', 'hallo', 'gibt', 'gibts', 'es',
  'hier', 'da', 'dort', 'wo', 'was', 'wer', 'wie', 'welche', 'welcher', 'welches', 'kann', 'können', 'koennen',
  'möchte', 'moechte', 'möchten', 'will', 'brauche', 'brauchen', 'benötige', 'finde', 'finden', 'ich', 'wir',
  'mich', 'uns', 'mir', 'mein', 'meine', 'meinen', 'meinem', 'meiner', 'meines', 'unser', 'unsere', 'unseren',
  'unserem', 'unserer', 'sohn', 'sohnes', 'söhne', 'soehne', 'tochter', 'töchter', 'toechter', 'enkel',
  'enkelin', 'enkelkind', 'irgendwas', 'etwas', 'ein', 'gute', 'guter', 'gutes', 'guten', 'gut', 'ist', 'sind',
  'hat', 'haben', 'noch', 'schon', 'sehr', 'mal', 'gern', 'gerne', 'dringend', 'möglichst', 'moeglichst',
  'nähe', 'naehe', 'umgebung', 'wohnort', 'jemand', 'jemanden',
  // English requests
  'looking', 'search', 'searching', 'need', 'needed', 'want', 'please', 'my', 'our', 'son', 'daughter', 'a',
  'an', 'is', 'are', 'there', 'any', 'some', 'near', 'me', 'i', 'we', 'on', 'at', 'to', 'with', 'by',
]);

/**
 * Words that hardly narrow a children's directory ("Schwimmkurs für Kinder"): dropped when other words
 * remain, searched when they are all there is.
 */
const WEAK_WORDS = new Set([
  'kind', 'kinder', 'kindern', 'kids', 'child', 'children', 'angebot', 'angebote', 'angeboten', 'offer',
  'offers', 'programm', 'programme', 'leute', 'kurs', 'kurse', 'kursen', 'course', 'courses', 'class',
  'classes', 'lernen', 'learn', 'learning', 'machen',
]);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
/** More words than this are not a family's query; the rest is ignored rather than searched. */
export const MAX_QUERY_WORDS = 10;

const dictionary = dictionaryFor(lexicon);

/**
 * A compound's first part and the rest, as tokens. When the decompounder cannot cut the whole word
 * (a typo in it: "Lateinnachilfe"), a known first part and the rest as typed still make two words that
 * Meilisearch's typo tolerance can find.
 */
function compoundSplit(typed: string): { tokens: [string, string]; typed: [string, string] } | undefined {
  const word = typed.toLowerCase();
  const { modifier, head, parts } = analyse(word, dictionary);
  let split: [string, string] | undefined;
  if (modifier && head) split = [modifier, head];
  else {
    const first = parts.filter((p) => p.length >= 4 && word.startsWith(p) && word.length - p.length >= 4).sort((a, b) => b.length - a.length)[0];
    if (first) split = [first, word.slice(first.length)];
    else if (head && word.length - head.length >= 3) split = [word.slice(0, -head.length), head];
  }
  if (!split) return undefined;
  const [first, rest] = split.map(searchToken) as [string, string];
  if (first.length < 3 || rest.length < 3 || first === rest) return undefined;
  // Lowercasing keeps the length of German words, so the pieces can be cut from the word as typed.
  const asTyped: [string, string] =
    word.length === typed.length ? [typed.slice(0, split[0].length), typed.slice(typed.length - split[1].length)] : split;
  return { tokens: [first, rest], typed: asTyped };
}

/** The words of a query, as searched: fillers out, each word as its token, duplicates once. */
export function queryTerms(text: string): QueryTerm[] {
  const words = text.match(WORD) ?? [];
  const lower = words.map((w) => w.toLowerCase());
  const strong = words.filter((_, i) => !FILLER_WORDS.has(lower[i]!) && !WEAK_WORDS.has(lower[i]!));
  const weak = words.filter((_, i) => !FILLER_WORDS.has(lower[i]!));
  const chosen = strong.length > 0 ? strong : weak.length > 0 ? weak : words;
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  for (const typed of chosen) {
    const token = searchToken(typed);
    if (token === '' || seen.has(token)) continue;
    seen.add(token);
    const term: QueryTerm = { typed, token };
    const split = compoundSplit(typed);
    if (split) {
      term.parts = split.tokens;
      term.partsTyped = split.typed;
    }
    terms.push(term);
    if (terms.length === MAX_QUERY_WORDS) break;
  }
  return terms;
}

/**
 * The text sent to Meilisearch for a list of terms. The trailing space stops Meilisearch from reading the
 * last word as a prefix: the words are stems already ("free" → "fre"), and as prefixes short stems would
 * match unrelated words ("freizeit"). Only a term marked as a prefix (by a relaxed query) goes last,
 * without it.
 */
export function searchedText(terms: readonly QueryTerm[]): string {
  if (terms.length === 0) return '';
  const prefix = terms.find((t) => t.prefix);
  const words = terms.filter((t) => t !== prefix).map((t) => t.token);
  return prefix ? [...words, prefix.token].join(' ') : `${words.join(' ')} `;
}
