import { MAX_RADIUS_KM, type OfferingFilters, type SearchAlternative } from '../../schema';

// Broader searches offered when a query finds nothing at all: another spelling, without the place, a
// bigger radius, without one filter, without the words. Each is counted before it is offered, so the
// page never links from one empty result to another.

/** A broader search, the filters it runs with, and how the client applies it. */
export interface AlternativeCandidate {
  alternative: Omit<SearchAlternative, 'total'>;
  filters: OfferingFilters;
}

const RADII_KM = [25, 50, 100, MAX_RADIUS_KM];
/** "Any of" filters are dropped whole; `access` means "all of", so each feature is dropped on its own. */
const LIST_FILTERS = ['category', 'phase', 'lang', 'formality', 'cost'] as const;

export function alternativeCandidates(
  filters: OfferingFilters,
  defaultRadiusKm: number,
  correctedQ: string | undefined,
): AlternativeCandidate[] {
  const out: AlternativeCandidate[] = [];
  if (correctedQ && correctedQ !== filters.q) {
    out.push({ alternative: { kind: 'spelling', q: correctedQ }, filters: { ...filters, q: correctedQ } });
  }
  if (filters.region || filters.near || filters.bbox) {
    const { region: _r, near: _n, radius: _d, bbox: _b, ...rest } = filters;
    out.push({ alternative: { kind: 'without_place', drop: ['region', 'near', 'radius', 'bbox'] }, filters: rest });
  }
  if (filters.near) {
    const radius = RADII_KM.find((r) => r > (filters.radius ?? defaultRadiusKm));
    if (radius) out.push({ alternative: { kind: 'wider_radius', radius }, filters: { ...filters, radius } });
  }
  for (const key of LIST_FILTERS) {
    if (!filters[key]?.length) continue;
    const { [key]: _dropped, ...rest } = filters;
    out.push({ alternative: { kind: 'without_filter', drop: [key] }, filters: rest });
  }
  for (const feature of filters.access ?? []) {
    const access = filters.access!.filter((a) => a !== feature);
    out.push({
      alternative: { kind: 'without_filter', drop: ['access'], value: feature },
      filters: { ...filters, access: access.length > 0 ? access : undefined },
    });
  }
  if (filters.age !== undefined) {
    const { age: _a, ...rest } = filters;
    out.push({ alternative: { kind: 'without_filter', drop: ['age'] }, filters: rest });
  }
  if (filters.but !== undefined) {
    const { but: _b, ...rest } = filters;
    out.push({ alternative: { kind: 'without_filter', drop: ['but'] }, filters: rest });
  }
  if (filters.q) {
    const { q: _q, ...rest } = filters;
    out.push({ alternative: { kind: 'without_words' }, filters: rest });
  }
  return out;
}

/** The candidates that find something, in the order offered, at most `max`. */
export function offeredAlternatives(
  candidates: readonly AlternativeCandidate[],
  totals: readonly number[],
  max = 6,
): SearchAlternative[] {
  return candidates
    .map((c, i) => ({ ...c.alternative, total: totals[i] ?? 0 }))
    .filter((a) => a.total > 0)
    .slice(0, max);
}
