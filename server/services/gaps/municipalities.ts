import type { SettlementType } from '../../../schema';
import type { RegionRow } from '../../db/schema';

/** A municipality as the gap computation needs it. */
export interface Municipality {
  key: string;
  /** The key as a number, as the point store keeps it. */
  keyNumber: number;
  name: string;
  lat: number;
  lng: number;
  population: number | null;
  populationEstimated: boolean;
  settlement: SettlementType | null;
}

/** The BBSR's thresholds (see zSettlementType). */
export function settlementOf(population: number | null): SettlementType | null {
  if (population === null) return null;
  if (population < 5_000) return 'rural';
  if (population < 20_000) return 'small_town';
  if (population < 100_000) return 'medium_town';
  return 'large_city';
}

/**
 * All municipalities in key order, so that those under a key prefix are one contiguous run found by two
 * binary searches: all of Germany is ~11,000 of them and is answered without filtering a list.
 */
export class MunicipalityTable {
  private readonly list: Municipality[];

  /** `rows`: the municipalities of the reference data (municipalityRegions). */
  constructor(rows: readonly RegionRow[]) {
    const perDistrict = new Map<string, number>();
    for (const row of rows) perDistrict.set(row.key.slice(0, 5), (perDistrict.get(row.key.slice(0, 5)) ?? 0) + 1);
    const sorted = [...rows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    this.list = sorted.map((row) => {
      // Weight 0 marks unincorporated areas (forests, lakes, military grounds): nothing is known.
      const population = row.weight > 0 ? row.weight : null;
      return {
        key: row.key,
        keyNumber: Number(row.key),
        name: row.name,
        lat: row.lat,
        lng: row.lng,
        population,
        // Weights share a district's official population among its municipalities (seed/reference/weights.ts);
        // a district's only municipality gets all of it, which is then the official figure.
        populationEstimated: population !== null && perDistrict.get(row.key.slice(0, 5)) !== 1,
        settlement: settlementOf(population),
      };
    });
  }

  get size(): number {
    return this.list.length;
  }

  /** The municipalities whose key starts with `prefix` (all of them for ''), in key order. */
  under(prefix: string): Municipality[] {
    if (prefix === '') return this.list;
    return this.list.slice(this.lowerBound(prefix.padEnd(8, '0')), this.lowerBound(`${prefix.padEnd(8, '9')}~`));
  }

  /** The first position whose key is not below `key`. */
  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.list[mid]!.key < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
