import { stemGerman } from './german-stemmer';

// The search token of a word: its Snowball German stem (umlauts and ae/oe/ue folded), so inflections,
// verb forms and transliterations meet ("polnische", "polnischen" → "polnisch"; "Tanzen", "Tanz" → "tanz";
// "Muetter", "Mütter" → "mutt"). Documents carry the tokens of their words in extra fields (documents.ts)
// and queries are searched by token (query-words.ts), so both sides must use this one function.

/**
 * Countries and their adjectives are different stems ("Polen" → "pol", "polnisch"); a family typing
 * "polnische Familien" means offerings for families from Poland as well. Both map to the adjective's
 * stem, which is longer and so safer as the prefix Meilisearch matches the last query word by.
 */
const COUNTRY_ADJECTIVES: readonly [string, string][] = [
  ['Polen', 'polnisch'], ['Türkei', 'türkisch'], ['Ukraine', 'ukrainisch'], ['Syrien', 'syrisch'],
  ['Russland', 'russisch'], ['Afghanistan', 'afghanisch'], ['Italien', 'italienisch'], ['Spanien', 'spanisch'],
  ['Frankreich', 'französisch'], ['Griechenland', 'griechisch'], ['Rumänien', 'rumänisch'],
  ['Bulgarien', 'bulgarisch'], ['Kroatien', 'kroatisch'], ['Serbien', 'serbisch'], ['Albanien', 'albanisch'],
  ['Bosnien', 'bosnisch'], ['Kosovo', 'kosovarisch'], ['Iran', 'iranisch'], ['Irak', 'irakisch'],
  ['Eritrea', 'eritreisch'], ['Somalia', 'somalisch'], ['Vietnam', 'vietnamesisch'], ['China', 'chinesisch'],
  ['Portugal', 'portugiesisch'], ['Ungarn', 'ungarisch'], ['Tschechien', 'tschechisch'], ['Araber', 'arabisch'],
  ['Kurden', 'kurdisch'], ['Afrika', 'afrikanisch'], ['Europa', 'europäisch'], ['Asien', 'asiatisch'],
];

const canonical = new Map<string, string>(
  COUNTRY_ADJECTIVES.map(([country, adjective]) => [stemGerman(country), stemGerman(adjective)]),
);

/** The search token of one word (lowercase, folded, stemmed). */
export function searchToken(word: string): string {
  const stem = stemGerman(word);
  return canonical.get(stem) ?? stem;
}

const WORD = /[\p{L}\p{N}]+/gu;
const COMBINING = /[\u0300-\u036f]/g;

/** How Meilisearch itself normalises a word (lowercase, accents off), to skip tokens it already has. */
function asIndexed(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(COMBINING, '');
}

/**
 * The tokens of a text's words that differ from the words as Meilisearch indexes them, deduplicated:
 * the extra field that lets a searched token find the word. Words the index already holds as they are
 * ("kurs") add nothing, which keeps the index small.
 */
export function documentTokens(text: string): string {
  const tokens = new Set<string>();
  for (const word of text.match(WORD) ?? []) {
    const token = searchToken(word);
    if (token !== asIndexed(word)) tokens.add(token);
  }
  return [...tokens].join(' ');
}
