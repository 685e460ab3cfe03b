import { settlementTypes, type GapMunicipality, type GapSummaryRow, type GapsResponse } from '../../../schema';

/** Rounds to `decimals` places once, so that every figure derived from it agrees. */
export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/**
 * Offerings per 1,000 inhabitants to 3 significant digits; null without inhabitants. Not to a fixed number
 * of decimals: a narrow target group has rates such as 0.0023, which 2 decimals would show as 0 although
 * offerings match.
 */
export function perThousand(matching: number, population: number | null): number | null {
  if (!population) return null;
  const rate = (matching * 1000) / population;
  return rate === 0 ? 0 : Number(rate.toPrecision(3));
}

/**
 * Worst served first (zGapsResponse): unserved before served; inhabited before unincorporated areas (a forest
 * far from any offering is no gap people fall into); then nearestKm, farthest first, where null (nothing
 * matches anywhere) is farther than any distance; then population, largest first; then key, so that the
 * order is total and the same on every request.
 */
export function worstServedFirst(a: GapMunicipality, b: GapMunicipality): number {
  if (a.served !== b.served) return a.served ? 1 : -1;
  if ((a.population === null) !== (b.population === null)) return a.population === null ? 1 : -1;
  const distanceA = a.nearestKm ?? Infinity;
  const distanceB = b.nearestKm ?? Infinity;
  if (distanceA !== distanceB) return distanceB > distanceA ? 1 : -1;
  const populationA = a.population ?? -1;
  const populationB = b.population ?? -1;
  if (populationA !== populationB) return populationB - populationA;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** The median of nearestKm, null counting as infinitely far (then the median may be null too). */
export function medianKm(list: readonly GapMunicipality[]): number | null {
  if (list.length === 0) return null;
  const distances = list.map((m) => m.nearestKm ?? Infinity).sort((a, b) => a - b);
  const middle = list.length >> 1;
  const median = list.length % 2 === 1 ? distances[middle]! : (distances[middle - 1]! + distances[middle]!) / 2;
  return Number.isFinite(median) ? round(median, 2) : null;
}

/** The summary figures of a set of municipalities. */
export function summarise(list: readonly GapMunicipality[]): GapSummaryRow {
  let served = 0;
  let population = 0;
  let populationUnserved = 0;
  let matching = 0;
  for (const m of list) {
    if (m.served) served++;
    population += m.population ?? 0;
    if (!m.served) populationUnserved += m.population ?? 0;
    matching += m.matching;
  }
  return {
    municipalities: list.length,
    served,
    unserved: list.length - served,
    population,
    populationUnserved,
    matching,
    perThousand: perThousand(matching, population),
    medianNearestKm: medianKm(list),
  };
}

/** The whole summary with the urban/rural contrast: one row per settlement type that occurs. */
export function summaryWithSettlements(list: readonly GapMunicipality[]): GapsResponse['summary'] {
  const bySettlement = settlementTypes
    .map((settlement) => ({ settlement, members: list.filter((m) => m.settlement === settlement) }))
    .filter(({ members }) => members.length > 0)
    .map(({ settlement, members }) => ({ ...summarise(members), settlement }));
  return { ...summarise(list), bySettlement };
}
