import type { RegionLevel } from '../../schema';
import type { RegionLookup } from './region-lookup';

// One answer to "which region is this key, and what is it called", for every route that takes a region key
// (gaps, figures, duplicates). Administrative regions (Regierungsbezirke, 3-digit keys) are no regions of
// the reference data; they exist where districts carry their prefix.

/** The reference data's regions: by key, and the districts under a prefix. */
export type RegionSource = Pick<RegionLookup, 'get' | 'find'>;

export interface RegionDescription {
  key: string;
  name: string;
  /** `bezirk` for an administrative region (3 digits). */
  level: RegionLevel | 'bezirk';
}

/**
 * The region with this official key, or null when there is none. A 3-digit key is an administrative region
 * when at least one district lies under it; it is named after its state ("Bayern, Bezirk 091"), since the
 * reference data holds no names for them (and not every state calls them Regierungsbezirk).
 */
export function describeRegion(regions: RegionSource, key: string): RegionDescription | null {
  const region = regions.get(key);
  if (region) return { key, name: region.name, level: region.level };
  if (key.length !== 3) return null;
  const state = regions.get(key.slice(0, 2));
  if (!state || regions.find({ parent: key, level: 'kreis', limit: 1 }).length === 0) return null;
  return { key, name: `${state.name}, Bezirk ${key}`, level: 'bezirk' };
}
