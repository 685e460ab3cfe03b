import {
  type OfferingFilters, type OfferingsQuery, type OfferingsResponse, type QueryChip,
  type SearchAlternative, MAX_QUERY_LENGTH,
} from '../../schema';
import { Lru } from '../lib/lru';
import { MeiliAvailability } from './meili-availability';
import { MeiliBackend } from './meili-backend';
import { isUnavailable, MeiliError, MeiliUnavailableError, type MeiliClient } from './meili-client';
import { relaxQuery, type Relaxation } from './query-relaxation';
import { queryTerms, type QueryTerm } from './query-words';
import type { SearchBackend, SearchFallback } from './search-backend';
import { alternativeCandidates, offeredAlternatives } from './search-alternatives';

/** What the server reads from a query's words besides the words themselves (wired in app.ts). */
export interface QueryHelpers {
  /** Filters offered as chips, and the text to search (without what only a filter can mean, like ages). */
  read(q: string): { chips: QueryChip[]; searchText: string };
  /** A known word close to one no offering contains, for "Meinten Sie …?". */
  correct(word: string): string | undefined;
  /** Changes whenever the published offerings change, so a cached relaxation is not reused after. */
  version(): number;
}

/** Ids matching a text query, and whether they came from the fallback (such answers are not cached). */
export interface MatchingIds {
  ids: number[];
  degraded: boolean;
}

const plainHelpers: QueryHelpers = { read: (q) => ({ chips: [], searchText: q }), correct: () => undefined, version: () => 0 };

/**
 * Whether Meilisearch cannot answer searches for now: it is away, or it lost its data and the offerings index
 * is missing until the outbox worker has rebuilt it. Anything else it refuses is a bug in what was sent.
 */
function isOutage(error: unknown): boolean {
  return isUnavailable(error) || (error instanceof MeiliError && error.code === 'index_not_found');
}

/** At most this many unknown words are looked up for "Meinten Sie …?". */
const MAX_CORRECTED_WORDS = 3;

/** How long a relaxation decided for a query is reused (the list and the map ask for the same query). */
const RELAXATION_TTL_MS = 60_000;
/** Degraded answers kept (~50 kB each at most): the search runs on the server's own thread then. */
const DEGRADED_ANSWERS = 256;

/**
 * Searches published offerings with exact facet counts, in one round trip to Meilisearch when some
 * offering contains every word; otherwise relaxes the query (query-relaxation.ts) or, when nothing is
 * found at all, counts broader searches to offer (search-alternatives.ts). While Meilisearch is away, the
 * same happens on the server's own data (the fallback), and the answer says it is degraded.
 */
export class OfferingSearch {
  private helpers: QueryHelpers = plainHelpers;
  private fallback: SearchFallback | undefined;
  private readonly meili: MeiliBackend;
  readonly availability: MeiliAvailability;
  /** Decided relaxations, and ones being decided: the list and the map ask for the same query at once. */
  private readonly relaxations = new Lru<string, { at: number; value: Promise<Relaxation | null> }>(1000);
  /**
   * Answers of the degraded search, by data version and query. Without Meilisearch every search is work on
   * this process's one thread, and many families ask the same (the first page of a region, a popular word):
   * each is worked out once per version of the data.
   */
  private readonly degradedAnswers = new Lru<string, Promise<OfferingsResponse>>(DEGRADED_ANSWERS);

  constructor(
    client: MeiliClient,
    private readonly indexUid: () => string,
    private readonly defaultRadiusKm: number,
  ) {
    this.meili = new MeiliBackend(client, indexUid, defaultRadiusKm);
    this.availability = new MeiliAvailability(() => client.healthy());
  }

  /** Sets how queries are read (chips, spelling), once the reference data is loaded. */
  useHelpers(helpers: QueryHelpers): void {
    this.helpers = helpers;
  }

  /** Answers searches from the server's own data while Meilisearch is away (wired in app.ts). */
  useFallback(fallback: SearchFallback): void {
    this.fallback = fallback;
  }

  private read(q: string | undefined): { chips: QueryChip[]; terms: QueryTerm[] } {
    if (!q) return { chips: [], terms: [] };
    const { chips, searchText } = this.helpers.read(q);
    return { chips, terms: queryTerms(searchText) };
  }

  /** The multi-search request Meilisearch gets for a query (the benchmark sends it directly). */
  buildRequest(query: OfferingsQuery) {
    return this.meili.buildRequest(query, this.read(query.q).terms);
  }

  /**
   * Runs `work` on Meilisearch, or on the fallback while Meilisearch is away and the fallback is ready. Only
   * an outage switches over: a bug (a 4xx from Meilisearch) stays an error.
   */
  private async onAvailable<T>(work: (backend: SearchBackend) => Promise<T>): Promise<{ value: T; degraded: boolean }> {
    // Whether the fallback is ready reads SQLite: asked only once Meilisearch is away, not on every search.
    if (this.servingDegraded()) return { value: await work(this.fallback!), degraded: true };
    try {
      const value = await work(this.meili);
      this.availability.markBack();
      return { value, degraded: false };
    } catch (error) {
      if (!isOutage(error)) throw error;
      this.availability.markAway();
      if (!this.fallback?.ready()) {
        throw isUnavailable(error) ? error : new MeiliUnavailableError('the search index is being rebuilt', 'server');
      }
      return { value: await work(this.fallback), degraded: true };
    }
  }

  /**
   * Whether searches are answered by the fallback now (Meilisearch away, the fallback ready). Asking starts a
   * health check when one is due, so map views served from the cache and health checks find Meilisearch
   * back too, not only list searches.
   */
  servingDegraded(): boolean {
    return this.fallback !== undefined && !this.availability.worthAsking() && this.fallback.ready();
  }

  async search(query: OfferingsQuery): Promise<OfferingsResponse> {
    const { chips, terms } = this.read(query.q);
    const { value, degraded } = await this.onAvailable((backend) =>
      backend === this.meili ? this.answer(backend, query, chips, terms) : this.degradedAnswer(backend, query, chips, terms),
    );
    return degraded ? { ...value, degraded: true } : value;
  }

  private degradedAnswer(backend: SearchBackend, query: OfferingsQuery, chips: QueryChip[], terms: QueryTerm[]): Promise<OfferingsResponse> {
    const key = JSON.stringify([this.helpers.version(), query]);
    const kept = this.degradedAnswers.get(key);
    if (kept) return kept;
    const answer = this.answer(backend, query, chips, terms);
    this.degradedAnswers.set(key, answer);
    answer.catch(() => this.degradedAnswers.delete(key));
    return answer;
  }

  private async answer(backend: SearchBackend, query: OfferingsQuery, chips: QueryChip[], terms: QueryTerm[]): Promise<OfferingsResponse> {
    let result = await backend.page(query, terms);
    let relaxed: Relaxation | null = null;
    if (result.total === 0 && terms.length > 0) {
      relaxed = await this.relax(backend, query, terms);
      if (relaxed) result = await backend.page(query, relaxed.terms);
    }
    const answer: OfferingsResponse = { ...result, chips };
    if (relaxed?.partial) answer.relaxed = { matched: relaxed.matched, dropped: relaxed.dropped };
    if (result.total === 0) answer.alternatives = await this.alternatives(backend, query, terms);
    return answer;
  }

  /** The relaxed query for filters and terms no offering matches together; decided once per minute. */
  private relax(backend: SearchBackend, filters: OfferingFilters, terms: readonly QueryTerm[]): Promise<Relaxation | null> {
    // The index uid changes with every rebuild; the helpers' version with every change of the directory.
    const key = JSON.stringify([backend.name, this.indexUid(), this.helpers.version(), relaxationFilters(filters), terms.map((t) => t.token)]);
    const cached = this.relaxations.get(key);
    if (cached && Date.now() - cached.at < RELAXATION_TTL_MS) return cached.value;
    const value = relaxQuery(terms, (lists) => backend.count(lists.map((list) => ({ filters, terms: list })))).then((r) => r ?? null);
    this.relaxations.set(key, { at: Date.now(), value });
    // A failed decision is not kept: the next request tries again.
    value.catch(() => this.relaxations.delete(key));
    return value;
  }

  /** Broader searches that find something, for a query that found nothing at all. */
  private async alternatives(backend: SearchBackend, query: OfferingsQuery, terms: readonly QueryTerm[]): Promise<SearchAlternative[]> {
    const corrected = this.correctedQ(query.q, terms);
    const candidates = alternativeCandidates(query, this.defaultRadiusKm, corrected);
    if (candidates.length === 0) return [];
    const totals = await backend.count(candidates.map((c) => ({ filters: c.filters, terms: this.read(c.filters.q).terms })));
    return offeredAlternatives(candidates, totals);
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
  async matchingIds(filters: OfferingFilters, max: number, options: { relax?: boolean } = {}): Promise<MatchingIds> {
    const { terms } = this.read(filters.q);
    const { value, degraded } = await this.onAvailable(async (backend) => {
      const ids = await backend.ids(filters, terms, max);
      if (ids.length > 0 || !options.relax || terms.length === 0) return ids;
      const relaxed = await this.relax(backend, filters, terms);
      return relaxed ? backend.ids(filters, relaxed.terms, max) : ids;
    });
    return { ids: value, degraded };
  }
}

/** The filters a relaxation depends on: everything but the page, its size and the order. */
function relaxationFilters(query: OfferingFilters & { page?: number; perPage?: number; sort?: string }) {
  const { page: _p, perPage: _pp, sort: _s, ...filters } = query;
  return filters;
}
