import { synonymsSetting, germanStopWords } from './synonyms';

/** Fields of the search document that filters and facets use (see documents.ts). */
export const filterableAttributes = [
  'categories', 'phases', 'access', 'languages', 'formality', 'cost', 'butEligible', 'minAge', 'maxAge', 'regions', '_geo',
];

/** The desired settings of the offerings index; applied idempotently on start and on every reindex. */
export function offeringIndexSettings(maxDocuments: number) {
  return {
    // 'sort' first: a chosen order (distance, newest) is kept strictly; without one it changes nothing.
    // 'attribute' before 'proximity': proximity is only "same field or not" here (below), and two words in
    // the attribute words of an offering must not outrank the offering whose own title names one of them.
    rankingRules: ['sort', 'words', 'typo', 'attribute', 'proximity', 'exactness'],
    // Earlier attributes rank higher: a match in the title beats one in the description, and a word as
    // written beats its stem (the *Tokens fields, see search-tokens.ts) from the same source. The words of
    // attributes come after the texts: every offering for pupils has "Gymnasium" among them, and an
    // offering whose own text names it is the better answer.
    searchableAttributes: [
      'title', 'titleTokens', 'categoryLabels', 'categoryTokens', 'compoundParts', 'partTokens', 'providerName',
      'description', 'descriptionTokens', 'attributeTerms', 'attributeTokens', 'city', 'placeTokens', 'postcode',
    ],
    filterableAttributes,
    sortableAttributes: ['_geo', 'createdTs'],
    displayedAttributes: ['*'],
    synonyms: synonymsSetting(),
    // Meilisearch keeps '<' and '>' inside words, so "<b>fett</b>" would not be found by "fett".
    separatorTokens: ['<', '>'],
    stopWords: germanStopWords,
    // Proximity by attribute (same field or not) instead of by word distance: the word-pair index is the
    // largest part of indexing, and with the stem fields it doubled the time to build the index for
    // 100,000 offerings; the texts are short, so the same field says nearly as much.
    proximityPrecision: 'byAttribute',
    // The API never asks Meilisearch to search within facet values.
    facetSearch: false,
    typoTolerance: { enabled: true, disableOnNumbers: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    // Totals and facet counts must be exact for every query, also for the whole country.
    pagination: { maxTotalHits: Math.max(100_000, maxDocuments * 2) },
    faceting: { maxValuesPerFacet: 100 },
  };
}
export type OfferingIndexSettings = ReturnType<typeof offeringIndexSettings>;
