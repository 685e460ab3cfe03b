import {
  accessFeatures, categories, costs, facetNames, formalities, languages, phases,
  type FacetName, type Facets, type OfferingFilters, type OfferingHit, type OfferingsQuery,
} from '../../schema';
import type { Db } from '../db/connection';
import { Lru } from '../lib/lru';
import { publishedForIndex } from '../repos/outbox-repo';
import { cardFields, distanceKm, toHit } from './documents';
import { disjunctiveFacets } from './filters';
import { pointMasks, type PointStore } from './point-store';
import type { QueryTerm } from './query-words';
import type { CountedSearch, SearchFallback, SearchPage } from './search-backend';
import { matchExpression, type TextIndex } from './text-index';

// The search without Meilisearch: filters and facets from the in-memory point store (the same one the map
// uses), text from SQLite's full-text index (text-index.ts), the page of hits from SQLite. Same answer
// shape as OfferingSearch; what it cannot do like Meilisearch (typo tolerance, its exact ranking) is the
// reason the answer is marked degraded.

type Without = FacetName | undefined;

function zeroCounts(ids: readonly { id: string }[]): Record<string, number> {
  return Object.fromEntries(ids.map((t) => [t.id, 0]));
}

/** The facet counts of the points at these positions, every option listed (zero included). */
function countFacets(points: PointStore, positions: readonly number[], only?: FacetName): Partial<Facets> {
  const c = points.columns;
  const tallies = {
    category: new Int32Array(pointMasks.category.capacity),
    phase: new Int32Array(pointMasks.phase.capacity),
    lang: new Int32Array(pointMasks.language.capacity),
    access: new Int32Array(pointMasks.access.capacity),
  };
  const formality = new Int32Array(formalities.length);
  const cost = new Int32Array(costs.length);
  let butYes = 0;
  for (const p of positions) {
    if (!only || only === 'category') pointMasks.category.countAt(tallies.category, c.categoryMask, p);
    if (!only || only === 'phase') pointMasks.phase.countAt(tallies.phase, c.phaseMask, p);
    if (!only || only === 'lang') pointMasks.language.countAt(tallies.lang, c.languageMask, p);
    if (!only || only === 'access') pointMasks.access.countAt(tallies.access, c.accessMask, p);
    if (c.formality[p]! < formalities.length) formality[c.formality[p]!]!++;
    if (c.cost[p]! < costs.length) cost[c.cost[p]!]!++;
    if (c.but[p] === 1) butYes++;
  }
  const listed = (terms: readonly { id: string }[], counts: Int32Array) => {
    const out = zeroCounts(terms);
    terms.forEach((t, i) => (out[t.id] = counts[i]!));
    return out;
  };
  return {
    category: listed(categories, tallies.category),
    phase: listed(phases, tallies.phase),
    lang: listed(languages, tallies.lang),
    access: listed(accessFeatures, tallies.access),
    formality: listed(formalities, formality),
    cost: listed(costs, cost),
    but: { true: butYes, false: positions.length - butYes },
  };
}

/** The filters without one "any of" facet's own selection, for that facet's counts. */
function without<T extends OfferingFilters>(query: T, facet: Without): T {
  // The facet names are the query parameters' names.
  return facet ? { ...query, [facet]: undefined } : query;
}

/** Text matches kept: a list, its "any of" facets and the map ask for the same words one after the other. */
const KEPT_MATCHES = 64;

export class DegradedSearch implements SearchFallback {
  readonly name = 'degraded';
  private readonly matches = new Lru<string, number[]>(KEPT_MATCHES);

  constructor(
    private readonly db: Db,
    private readonly points: () => PointStore,
    private readonly text: TextIndex,
    private readonly defaultRadiusKm: number,
    /** Whether the text index holds every published offering. */
    readonly ready: () => boolean,
  ) {}

  /** Ids of the offerings containing every term, best first; the same words are looked up once per change. */
  private match(terms: readonly QueryTerm[]): number[] {
    const key = `${this.text.version} ${matchExpression(terms)}`;
    let ids = this.matches.get(key);
    if (!ids) {
      ids = this.text.match(terms);
      this.matches.set(key, ids);
    }
    return ids;
  }

  /** Positions of the matching points, and the text rank of each id when there is a text. */
  private select(filters: OfferingFilters, terms: readonly QueryTerm[]) {
    const textIds = terms.length > 0 ? this.match(terms) : undefined;
    const positions = this.points().select(filters, this.defaultRadiusKm, textIds);
    return { positions, textIds };
  }

  async ids(filters: OfferingFilters, terms: readonly QueryTerm[], max: number): Promise<number[]> {
    const ids = this.points().columns.ids;
    return this.select(filters, terms).positions.slice(0, max).map((p) => ids[p]!);
  }

  async count(searches: readonly CountedSearch[]): Promise<number[]> {
    return searches.map((s) => this.select(s.filters, s.terms).positions.length);
  }

  async page(query: OfferingsQuery, terms: readonly QueryTerm[]): Promise<SearchPage> {
    return this.search(query, terms);
  }

  search(query: OfferingsQuery, terms: readonly QueryTerm[]): SearchPage {
    const points = this.points();
    const { positions, textIds } = this.select(query, terms);
    const c = points.columns;

    const counted = countFacets(points, positions);
    const facets = {} as Facets;
    for (const facet of facetNames) facets[facet] = counted[facet]!;
    // An "any of" facet in use counts what each option would give with the other filters kept.
    for (const facet of disjunctiveFacets) {
      const inUse = facet === 'but' ? query.but !== undefined : (query[facet] ?? []).length > 0;
      if (!inUse) continue;
      const others = this.select(without(query, facet), terms).positions;
      facets[facet] = countFacets(points, others, facet)[facet]!;
    }

    const order = this.order(query, positions, textIds);
    const start = (query.page - 1) * query.perPage;
    const pageIds = order.slice(start, start + query.perPage).map((p) => c.ids[p]!);
    return { total: positions.length, page: query.page, perPage: query.perPage, hits: this.hits(pageIds, query), facets };
  }

  /** Distance when asked for (or with a place and no text), newest by id, else the text's rank, else map order. */
  private order(query: OfferingsQuery, positions: readonly number[], textIds?: readonly number[]): number[] {
    const c = this.points().columns;
    const sort = query.sort ?? (query.near && !query.q ? 'distance' : 'relevance');
    const sorted = [...positions];
    if (sort === 'distance' && query.near) {
      const near = query.near;
      const km = new Map(sorted.map((p) => [p, distanceKm(near, { lat: c.lat[p]!, lng: c.lng[p]! })]));
      sorted.sort((a, b) => km.get(a)! - km.get(b)! || c.ids[a]! - c.ids[b]!);
    } else if (sort === 'newest') {
      // Ids grow with creation: the newest offering has the highest id.
      sorted.sort((a, b) => c.ids[b]! - c.ids[a]!);
    } else if (textIds) {
      const rank = new Map(textIds.map((id, i) => [id, i]));
      sorted.sort((a, b) => rank.get(c.ids[a]!)! - rank.get(c.ids[b]!)!);
    }
    return sorted;
  }

  /** The result cards of these offerings, in this order, from SQLite. */
  private hits(ids: readonly number[], query: OfferingsQuery): OfferingHit[] {
    const byId = new Map(publishedForIndex(this.db, ids).map((row) => [row.offering.id, row]));
    const hits: OfferingHit[] = [];
    for (const id of ids) {
      const row = byId.get(id);
      if (!row) continue;
      // The card's fields only: the whole search document would decompound and stem every text.
      hits.push(toHit(cardFields(row), query.near));
    }
    return hits;
  }
}
