import type { FacetName, OfferingFilters } from '../../schema';
import { geoCircle } from './geo-filter';

// Builds Meilisearch filters from validated filters. Every value is also quoted and escaped, so even a value
// that slipped past validation can only ever be compared, never change the expression's structure.

/** Quotes a value for a Meilisearch filter expression. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function finite(n: number): string {
  if (!Number.isFinite(n)) throw new Error('a filter number must be finite');
  return String(n);
}

/** The index field each facet counts. */
export const facetAttribute: Record<FacetName, string> = {
  category: 'categories',
  phase: 'phases',
  access: 'access',
  lang: 'languages',
  formality: 'formality',
  cost: 'cost',
  but: 'butEligible',
};

/** Facets whose options combine with "any of": their counts ignore their own selection. */
export const disjunctiveFacets: readonly FacetName[] = ['category', 'phase', 'lang', 'formality', 'cost', 'but'];

/** One group of conditions per facet (or other filter), so a facet's own group can be left out. */
export type FilterGroups = Map<FacetName | 'age' | 'region' | 'geo', string[][]>;

function anyOf(attribute: string, values: readonly string[]): string[] {
  return values.map((v) => `${attribute} = ${quote(v)}`);
}

export function filterGroups(filters: OfferingFilters, defaultRadiusKm: number): FilterGroups {
  const groups: FilterGroups = new Map();
  const anyOfFacets = [
    ['category', filters.category],
    ['phase', filters.phase],
    ['lang', filters.lang],
    ['formality', filters.formality],
    ['cost', filters.cost],
  ] as const;
  for (const [facet, values] of anyOfFacets) {
    if (values && values.length > 0) groups.set(facet, [anyOf(facetAttribute[facet], values)]);
  }
  if (filters.access && filters.access.length > 0) {
    groups.set('access', filters.access.map((v) => [`access = ${quote(v)}`]));
  }
  if (filters.but !== undefined) groups.set('but', [[`butEligible = ${filters.but ? 'true' : 'false'}`]]);
  if (filters.age !== undefined) {
    groups.set('age', [[`minAge <= ${finite(filters.age)}`], [`maxAge >= ${finite(filters.age)}`]]);
  }
  if (filters.region) groups.set('region', [[`regions = ${quote(filters.region)}`]]);
  const geo: string[][] = [];
  const circle = geoCircle(filters, defaultRadiusKm);
  if (circle) {
    geo.push([`_geoRadius(${finite(circle.lat)}, ${finite(circle.lng)}, ${finite(circle.meters)})`]);
  }
  if (filters.bbox) {
    const { west, south, east, north } = filters.bbox;
    geo.push([
      `_geoBoundingBox([${finite(north)}, ${finite(east)}], [${finite(south)}, ${finite(west)}])`,
    ]);
  }
  if (geo.length > 0) groups.set('geo', geo);
  return groups;
}

/** Flattens groups into Meilisearch's array form: outer list AND, inner lists OR. */
export function toMeiliFilter(groups: FilterGroups, without?: FacetName): string[][] {
  const filter: string[][] = [];
  for (const [name, conditions] of groups) {
    if (name !== without) filter.push(...conditions);
  }
  return filter;
}
