import {
  accessFeatures, categories, costs, facetNames, formalities, languages, phases,
  type FacetName, type Facets, type OfferingFilters, type OfferingsQuery, type Term,
} from '../../schema';
import { hitAttributes, toHit } from './documents';
import { disjunctiveFacets, facetAttribute, filterGroups, toMeiliFilter } from './filters';
import type { MeiliClient } from './meili-client';
import { searchedText, type QueryTerm } from './query-words';
import type { CountedSearch, SearchBackend, SearchPage } from './search-backend';

// The search on Meilisearch: every answer is one multi-search round trip.

interface MeiliSearchResult {
  hits: Parameters<typeof toHit>[0][];
  totalHits: number;
  facetDistribution?: Record<string, Record<string, number>>;
}

const vocabulary: Record<FacetName, readonly Term[]> = {
  category: categories,
  phase: phases,
  access: accessFeatures,
  lang: languages,
  formality: formalities,
  cost: costs,
  but: [{ id: 'true', label: { de: '', en: '' } }, { id: 'false', label: { de: '', en: '' } }],
};

/** Every option of a facet with its count, zero included, so a client can show "(0)" next to an option. */
function fullCounts(facet: FacetName, counts: Record<string, number> | undefined): Record<string, number> {
  return Object.fromEntries(vocabulary[facet].map((t) => [t.id, counts?.[t.id] ?? 0]));
}

function sortFor(query: OfferingsQuery): string[] | undefined {
  // Without a text, the nearest offerings are the most relevant ones.
  const sort = query.sort ?? (query.near && !query.q ? 'distance' : 'relevance');
  if (sort === 'distance' && query.near) return [`_geoPoint(${query.near.lat}, ${query.near.lng}):asc`];
  if (sort === 'newest') return ['createdTs:desc'];
  return undefined;
}

export class MeiliBackend implements SearchBackend {
  readonly name = 'meilisearch';

  constructor(
    private readonly client: MeiliClient,
    private readonly indexUid: () => string,
    private readonly defaultRadiusKm: number,
  ) {}

  private base(terms: readonly QueryTerm[]) {
    return { indexUid: this.indexUid(), q: searchedText(terms), matchingStrategy: 'all' as const };
  }

  private filter(filters: OfferingFilters, without?: FacetName) {
    return toMeiliFilter(filterGroups(filters, this.defaultRadiusKm), without);
  }

  /**
   * The multi-search request for a query: the page of hits with the facets counted within the result, plus
   * one hit-less query per "any of" facet in use, which counts what each option would give with the other
   * filters kept (so choosing a second category shows how many it adds).
   */
  buildRequest(query: OfferingsQuery, terms: readonly QueryTerm[]) {
    const groups = filterGroups(query, this.defaultRadiusKm);
    const separate = disjunctiveFacets.filter((f) => groups.has(f));
    const inMain = facetNames.filter((f) => !separate.includes(f));
    const queries = [
      {
        ...this.base(terms),
        filter: toMeiliFilter(groups),
        facets: inMain.map((f) => facetAttribute[f]),
        page: query.page,
        hitsPerPage: query.perPage,
        attributesToRetrieve: [...hitAttributes],
        sort: sortFor(query),
      },
      ...separate.map((facet) => ({
        ...this.base(terms),
        filter: toMeiliFilter(groups, facet),
        facets: [facetAttribute[facet]],
        page: 1,
        hitsPerPage: 0,
      })),
    ];
    return { body: { queries }, inMain, separate };
  }

  async page(query: OfferingsQuery, terms: readonly QueryTerm[]): Promise<SearchPage> {
    const { body, inMain, separate } = this.buildRequest(query, terms);
    const { results } = await this.client.request<{ results: MeiliSearchResult[] }>('POST', '/multi-search', body);
    const [main, ...facetResults] = results as [MeiliSearchResult, ...MeiliSearchResult[]];

    const facets = {} as Facets;
    for (const facet of inMain) facets[facet] = fullCounts(facet, main.facetDistribution?.[facetAttribute[facet]]);
    separate.forEach((facet, i) => {
      facets[facet] = fullCounts(facet, facetResults[i]?.facetDistribution?.[facetAttribute[facet]]);
    });
    return {
      total: main.totalHits,
      page: query.page,
      perPage: query.perPage,
      hits: main.hits.map((h) => toHit(h, query.near)),
      facets,
    };
  }

  async count(searches: readonly CountedSearch[]): Promise<number[]> {
    if (searches.length === 0) return [];
    const queries = searches.map((s) => ({ ...this.base(s.terms), filter: this.filter(s.filters), page: 1, hitsPerPage: 0 }));
    const { results } = await this.client.request<{ results: MeiliSearchResult[] }>('POST', '/multi-search', { queries });
    return results.map((r) => r.totalHits);
  }

  async ids(filters: OfferingFilters, terms: readonly QueryTerm[], max: number): Promise<number[]> {
    const { indexUid, ...base } = this.base(terms);
    const result = await this.client.request<{ hits: { id: number }[] }>('POST', `/indexes/${indexUid}/search`, {
      ...base,
      filter: this.filter(filters),
      attributesToRetrieve: ['id'],
      limit: max,
    });
    return result.hits.map((h) => h.id);
  }
}
