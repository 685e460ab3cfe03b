/**
 * Population estimates ("weight") that make demo data denser where people live. Districts carry their real
 * population; municipalities get a share of it by a rough heuristic, because no per-municipality figures are
 * among the sources (see docs/data-sources.md).
 */
import type { RegionRecord } from './regions';
import type { DistrictRecord } from './sources';

/**
 * Districts merged after the BKG boundaries (2017) were drawn but before the population figures (2018):
 * the successor's population is split across its predecessors. Landkreis Göttingen and Landkreis Osterode
 * am Harz merged into the new Landkreis Göttingen (03159) on 1 November 2016.
 */
const MERGED_DISTRICTS: Record<string, string[]> = { '03159': ['03152', '03156'] };

/** A "Stadt" is usually denser than a "Gemeinde" of the same area. */
const TOWN_FACTOR = 3;

export interface WeightInput {
  key: string;
  type: string;
  areaKm2: number;
  /** How many postcodes serve the municipality, when known. */
  postcodes?: number;
}

/**
 * Relative size of a municipality inside its district: √area, ×3 for towns, ×√(postcodes serving it), and
 * 0 for unincorporated areas (forests, lakes, military grounds), which have next to no inhabitants. The
 * postcode factor lifts the big cities of districts such as Region Hannover or Städteregion Aachen, where
 * area alone would give Hannover a sixth of its inhabitants: a city has one postcode per ~10,000–20,000
 * people, while villages share one.
 */
export function municipalityScore({ type, areaKm2, postcodes = 1 }: WeightInput): number {
  if (type === 'Gemeindefreies Gebiet') return 0;
  return Math.sqrt(areaKm2) * (type === 'Stadt' ? TOWN_FACTOR : 1) * Math.sqrt(Math.max(1, postcodes));
}

/** Splits `total` in proportion to `scores` into whole numbers that add up to `total` (largest remainder). */
export function apportion(total: number, scores: number[]): number[] {
  if (scores.length === 0) return [];
  const sum = scores.reduce((a, b) => a + b, 0);
  if (sum === 0) {
    // Nothing to go by: share equally rather than lose the population.
    return apportion(total, scores.map(() => 1));
  }
  const exact = scores.map((score) => (total * score) / sum);
  const result = exact.map(Math.floor);
  const left = total - result.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder);
  for (const { index } of byRemainder.slice(0, left)) result[index] = (result[index] ?? 0) + 1;
  return result;
}

/**
 * Population per district key of the BKG boundaries. Throws when a district has no figure, so that a change
 * in either source is noticed rather than silently weighted 0.
 */
export function districtPopulations(
  districts: DistrictRecord[],
  districtKeys: string[],
  municipalities: WeightInput[],
): Map<string, number> {
  const result = new Map(districts.map((d) => [d.key, d.population]));
  for (const [successor, predecessors] of Object.entries(MERGED_DISTRICTS)) {
    const total = result.get(successor);
    if (total === undefined || predecessors.some((key) => result.has(key))) continue;
    const scores = predecessors.map((key) =>
      municipalities.filter((m) => m.key.startsWith(key)).reduce((sum, m) => sum + municipalityScore(m), 0));
    const shares = apportion(total, scores);
    predecessors.forEach((key, index) => result.set(key, shares[index] ?? 0));
  }
  const missing = districtKeys.filter((key) => !result.has(key));
  if (missing.length > 0) throw new Error(`No population for districts ${missing.join(', ')}`);
  return new Map(districtKeys.map((key) => [key, result.get(key) ?? 0]));
}

/** Municipality key → weight, each district's population split over its municipalities. */
export function municipalityWeights(
  populations: Map<string, number>,
  municipalities: WeightInput[],
): Map<string, number> {
  const byDistrict = new Map<string, WeightInput[]>();
  for (const m of municipalities) {
    const list = byDistrict.get(m.key.slice(0, 5)) ?? [];
    list.push(m);
    byDistrict.set(m.key.slice(0, 5), list);
  }
  const weights = new Map<string, number>();
  for (const [district, list] of byDistrict) {
    const shares = apportion(populations.get(district) ?? 0, list.map(municipalityScore));
    list.forEach((m, index) => weights.set(m.key, shares[index] ?? 0));
  }
  return weights;
}

/**
 * Fills in `weight`: districts their population, municipalities their share of it, states the sum of their
 * districts.
 */
export function assignWeights(
  regions: RegionRecord[],
  municipalities: WeightInput[],
  districts: DistrictRecord[],
): RegionRecord[] {
  const districtKeys = regions.filter((r) => r.level === 'kreis').map((r) => r.key);
  const populations = districtPopulations(districts, districtKeys, municipalities);
  const shares = municipalityWeights(populations, municipalities);
  const stateTotals = new Map<string, number>();
  for (const [key, population] of populations) {
    stateTotals.set(key.slice(0, 2), (stateTotals.get(key.slice(0, 2)) ?? 0) + population);
  }
  const weightOf = (r: RegionRecord): number =>
    (r.level === 'land' ? stateTotals : r.level === 'kreis' ? populations : shares).get(r.key) ?? 0;
  return regions.map((r) => ({ ...r, weight: weightOf(r) }));
}
