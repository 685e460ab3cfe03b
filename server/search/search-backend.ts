import type { OfferingFilters, OfferingsQuery, OfferingsResponse } from '../../schema';
import type { QueryTerm } from './query-words';

// What a search runs on: Meilisearch (meili-backend.ts), or the server's own data while Meilisearch is away
// (degraded-search.ts). OfferingSearch reads the query, relaxes it and finds broader searches the same way
// on either, so a family gets the same kind of answer during an outage.

/** One page of hits with the facet counts of the whole result. */
export type SearchPage = Pick<OfferingsResponse, 'total' | 'page' | 'perPage' | 'hits' | 'facets'>;

/** Filters and terms whose matches are counted (for relaxing a query and offering broader searches). */
export interface CountedSearch {
  filters: OfferingFilters;
  terms: readonly QueryTerm[];
}

export interface SearchBackend {
  /** Keeps decisions cached for one backend (relaxations) from answering for the other. */
  readonly name: string;
  page(query: OfferingsQuery, terms: readonly QueryTerm[]): Promise<SearchPage>;
  /** How many offerings each search matches, in the order given. */
  count(searches: readonly CountedSearch[]): Promise<number[]>;
  /** Ids of up to `max` offerings matching the filters and every term. */
  ids(filters: OfferingFilters, terms: readonly QueryTerm[], max: number): Promise<number[]>;
}

/** The search without Meilisearch (degraded-search.ts): usable once its text index is complete. */
export interface SearchFallback extends SearchBackend {
  ready(): boolean;
}
