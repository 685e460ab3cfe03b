import {
  accessFeatures, categories, costs, facetNames, formalities, languages, phases,
  type FacetName, type Facets, type OfferingFilters, type OfferingsQuery, type OfferingsResponse, type Term,
} from '../../schema';
import { hitAttributes, toHit } from './documents';
import { disjunctiveFacets, facetAttribute, filterGroups, toMeiliFilter } from './filters';
import type { MeiliClient } from './meili-client';

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

/** Searches published offerings with exact facet counts, in one round trip to Meilisearch. */
export class OfferingSearch {
  constructor(
    private readonly client: MeiliClient,
    private readonly indexUid: () => string,
    private readonly defaultRadiusKm: number,
  ) {}

  private base(filters: OfferingFilters) {
    return { indexUid: this.indexUid(), q: filters.q ?? '', matchingStrategy: 'all' as const };
  }

  /**
   * The multi-search request for a query: the page of hits with the facets counted within the result, plus
   * one hit-less query per "any of" facet in use, which counts what each option would give with the other
   * filters kept (so choosing a second category shows how many it adds).
   */
  buildRequest(query: OfferingsQuery) {
    const groups = filterGroups(query, this.defaultRadiusKm);
    const separate = disjunctiveFacets.filter((f) => groups.has(f));
    const inMain = facetNames.filter((f) => !separate.includes(f));
    const queries = [
      {
        ...this.base(query),
        filter: toMeiliFilter(groups),
        facets: inMain.map((f) => facetAttribute[f]),
        page: query.page,
        hitsPerPage: query.perPage,
        attributesToRetrieve: [...hitAttributes],
        sort: sortFor(query),
      },
      ...separate.map((facet) => ({
        ...this.base(query),
        filter: toMeiliFilter(groups, facet),
        facets: [facetAttribute[facet]],
        page: 1,
        hitsPerPage: 0,
      })),
    ];
    return { body: { queries }, inMain, separate };
  }

  async search(query: OfferingsQuery): Promise<OfferingsResponse> {
    const { body, inMain, separate } = this.buildRequest(query);
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

  /** Ids of every offering matching a text query and filters (for the map, when a text is given). */
  async matchingIds(filters: OfferingFilters, max: number): Promise<number[]> {
    const { indexUid, ...base } = this.base(filters);
    const result = await this.client.request<{ hits: { id: number }[] }>('POST', `/indexes/${indexUid}/search`, {
      ...base,
      filter: toMeiliFilter(filterGroups(filters, this.defaultRadiusKm)),
      attributesToRetrieve: ['id'],
      limit: max,
    });
    return result.hits.map((h) => h.id);
  }
}
