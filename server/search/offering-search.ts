import {
  accessFeatures, categories, costs, facetNames, formalities, languages, phases,
  type FacetName, type Facets, type OfferingFilters, type OfferingsQuery, type OfferingsResponse, type QueryChip,
  type SearchAlternative, type Term, MAX_QUERY_LENGTH,
} from '../../schema';
import { Lru } from '../lib/lru';
import { hitAttributes, toHit } from './documents';
import { disjunctiveFacets, facetAttribute, filterGroups, toMeiliFilter } from './filters';
import { isUnavailable, type MeiliClient } from './meili-client';
import { relaxQuery, type Relaxation } from './query-relaxation';
import { queryTerms, searchedText, type QueryTerm } from './query-words';
import { alternativeCandidates, offeredAlternatives } from './search-alternatives';

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

/** What the server reads from a query's words besides the words themselves (wired in app.ts). */
export interface QueryHelpers {
  /** Filters offered as chips, and the text to search (without what only a filter can mean, like ages). */
  read(q: string): { chips: QueryChip[]; searchText: string };
  /** A known word close to one no offering contains, for "Meinten Sie …?". */
  correct(word: string): string | undefined;
  /** Changes whenever the published offerings change, so a cached relaxation is not reused after. */
  version(): number;
}

const plainHelpers: QueryHelpers = { read: (q) => ({ chips: [], searchText: q }), correct: () => undefined, version: () => 0 };

/** At most this many unknown words are looked up for "Meinten Sie …?". */
const MAX_CORRECTED_WORDS = 3;

/** How long a relaxation decided for a query is reused (the list and the map ask for the same query). */
const RELAXATION_TTL_MS = 60_000;


/**
 * Searches published offerings with exact facet counts, in one round trip to Meilisearch when some
 * offering contains every word; otherwise relaxes the query (query-relaxation.ts) or, when nothing is
 * found at all, counts broader searches to offer (search-alternatives.ts).
 */
/** The search without Meilisearch (degraded-search.ts), once its text index is complete. */
export interface SearchFallback {
  ready(): boolean;
  search(query: OfferingsQuery, terms: readonly QueryTerm[]): Omit<OfferingsResponse, 'chips'>;
}

export class OfferingSearch {
  private helpers: QueryHelpers = plainHelpers;
  private fallback: SearchFallback | undefined;
  /** Decided relaxations, and ones being decided: the list and the map ask for the same query at once. */
  private readonly relaxations = new Lru<string, { at: number; value: Promise<Relaxation | null> }>(1000);

  constructor(
    private readonly client: MeiliClient,
    private readonly indexUid: () => string,
    private readonly defaultRadiusKm: number,
  ) {}

  /** Sets how queries are read (chips, spelling), once the reference data is loaded. */
  useHelpers(helpers: QueryHelpers): void {
    this.helpers = helpers;
  }

  private read(q: string | undefined): { chips: QueryChip[]; terms: QueryTerm[] } {
    if (!q) return { chips: [], terms: [] };
    const { chips, searchText } = this.helpers.read(q);
    return { chips, terms: queryTerms(searchText) };
  }

  private base(text: string) {
    return { indexUid: this.indexUid(), q: text, matchingStrategy: 'all' as const };
  }

  /**
   * The multi-search request for a query: the page of hits with the facets counted within the result, plus
   * one hit-less query per "any of" facet in use, which counts what each option would give with the other
   * filters kept (so choosing a second category shows how many it adds).
   */
  buildRequest(query: OfferingsQuery, terms: readonly QueryTerm[] = this.read(query.q).terms) {
    const text = searchedText(terms);
    const groups = filterGroups(query, this.defaultRadiusKm);
    const separate = disjunctiveFacets.filter((f) => groups.has(f));
    const inMain = facetNames.filter((f) => !separate.includes(f));
    const queries = [
      {
        ...this.base(text),
        filter: toMeiliFilter(groups),
        facets: inMain.map((f) => facetAttribute[f]),
        page: query.page,
        hitsPerPage: query.perPage,
        attributesToRetrieve: [...hitAttributes],
        sort: sortFor(query),
      },
      ...separate.map((facet) => ({
        ...this.base(text),
        filter: toMeiliFilter(groups, facet),
        facets: [facetAttribute[facet]],
        page: 1,
        hitsPerPage: 0,
      })),
    ];
    return { body: { queries }, inMain, separate };
  }

  private async run(query: OfferingsQuery, terms: readonly QueryTerm[]) {
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

  /** Answers searches from the server's own data while Meilisearch is away (wired in app.ts). */
  useFallback(fallback: SearchFallback): void {
    this.fallback = fallback;
  }

  async search(query: OfferingsQuery): Promise<OfferingsResponse> {
    const { chips, terms } = this.read(query.q);
    try {
      return await this.searchIndex(query, chips, terms);
    } catch (error) {
      // Only an outage is answered from the server's own data; a bug (a 4xx from Meilisearch) stays an error.
      if (!isUnavailable(error) || !this.fallback?.ready()) throw error;
      return { ...this.fallback.search(query, terms), chips, degraded: true };
    }
  }

  private async searchIndex(query: OfferingsQuery, chips: QueryChip[], terms: QueryTerm[]): Promise<OfferingsResponse> {
    let result = await this.run(query, terms);
    let relaxed: Relaxation | null = null;
    if (result.total === 0 && terms.length > 0) {
      relaxed = await this.relax(query, terms);
      if (relaxed) result = await this.run(query, relaxed.terms);
    }
    const answer: OfferingsResponse = { ...result, chips };
    if (relaxed?.partial) answer.relaxed = { matched: relaxed.matched, dropped: relaxed.dropped };
    if (result.total === 0) answer.alternatives = await this.alternatives(query, terms);
    return answer;
  }

  /** Counts, with the filters given, the offerings containing every term of each list: one round trip. */
  private async count(filters: OfferingFilters, lists: readonly (readonly QueryTerm[])[]): Promise<number[]> {
    if (lists.length === 0) return [];
    const filter = toMeiliFilter(filterGroups(filters, this.defaultRadiusKm));
    const queries = lists.map((terms) => ({ ...this.base(searchedText(terms)), filter, page: 1, hitsPerPage: 0 }));
    const { results } = await this.client.request<{ results: MeiliSearchResult[] }>('POST', '/multi-search', { queries });
    return results.map((r) => r.totalHits);
  }

  /** The relaxed query for filters and terms no offering matches together; decided once per minute. */
  private relax(filters: OfferingFilters, terms: readonly QueryTerm[]): Promise<Relaxation | null> {
    // The index uid changes with every rebuild; the helpers' version with every change of the directory.
    const key = JSON.stringify([this.indexUid(), this.helpers.version(), relaxationFilters(filters), terms.map((t) => t.token)]);
    const cached = this.relaxations.get(key);
    if (cached && Date.now() - cached.at < RELAXATION_TTL_MS) return cached.value;
    const value = relaxQuery(terms, (lists) => this.count(filters, lists)).then((r) => r ?? null);
    this.relaxations.set(key, { at: Date.now(), value });
    // A failed decision is not kept: the next request tries again.
    value.catch(() => this.relaxations.delete(key));
    return value;
  }

  /** Broader searches that find something, for a query that found nothing at all. */
  private async alternatives(query: OfferingsQuery, terms: readonly QueryTerm[]): Promise<SearchAlternative[]> {
    const corrected = this.correctedQ(query.q, terms);
    const candidates = alternativeCandidates(query, this.defaultRadiusKm, corrected);
    if (candidates.length === 0) return [];
    const filter = (f: OfferingFilters) => toMeiliFilter(filterGroups(f, this.defaultRadiusKm));
    const queries = candidates.map((c) => ({
      ...this.base(searchedText(this.read(c.filters.q).terms)), filter: filter(c.filters), page: 1, hitsPerPage: 0,
    }));
    const { results } = await this.client.request<{ results: MeiliSearchResult[] }>('POST', '/multi-search', { queries });
    return offeredAlternatives(candidates, results.map((r) => r.totalHits));
  }

  /** The query with every searched word no offering contains replaced by a close known word, if any. */
  private correctedQ(q: string | undefined, terms: readonly QueryTerm[]): string | undefined {
    if (!q) return undefined;
    const corrections = new Map<string, string>();
    for (const term of terms.slice(0, MAX_CORRECTED_WORDS)) {
      const better = this.helpers.correct(term.typed);
      if (better) corrections.set(term.typed, better);
    }
    if (corrections.size === 0) return undefined;
    // Whole words only, so a word inside another one stays as it is.
    const corrected = q.replace(/[\p{L}\p{N}]+/gu, (word) => corrections.get(word) ?? word);
    return corrected !== q && corrected.length <= MAX_QUERY_LENGTH ? corrected : undefined;
  }

  /**
   * Ids of every offering matching a text query and filters (for the map, exports and monitoring, when a
   * text is given). With `relax`, a query no offering matches completely is relaxed as the list does.
   */
  async matchingIds(filters: OfferingFilters, max: number, options: { relax?: boolean } = {}): Promise<number[]> {
    const { terms } = this.read(filters.q);
    let ids = await this.ids(filters, terms, max);
    if (ids.length === 0 && options.relax && terms.length > 0) {
      const relaxed = await this.relax(filters, terms);
      if (relaxed) ids = await this.ids(filters, relaxed.terms, max);
    }
    return ids;
  }

  private async ids(filters: OfferingFilters, terms: readonly QueryTerm[], max: number): Promise<number[]> {
    const { indexUid, ...base } = this.base(searchedText(terms));
    const result = await this.client.request<{ hits: { id: number }[] }>('POST', `/indexes/${indexUid}/search`, {
      ...base,
      filter: toMeiliFilter(filterGroups(filters, this.defaultRadiusKm)),
      attributesToRetrieve: ['id'],
      limit: max,
    });
    return result.hits.map((h) => h.id);
  }
}

/** The filters a relaxation depends on: everything but the page, its size and the order. */
function relaxationFilters(query: OfferingFilters & { page?: number; perPage?: number; sort?: string }) {
  const { page: _p, perPage: _pp, sort: _s, ...filters } = query;
  return filters;
}
