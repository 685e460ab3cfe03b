/**
 * The outline of every state, district and municipality, for `GET /api/regions/:key/outline`: the map draws
 * it around the region a search is filtered by. Written as outlines.json, `{ key: GeoJSON geometry }`.
 *
 * The map fits itself to the region it outlines, so a region is seen at a scale that follows its size: a
 * village fills the screen as a state does. The tolerance is therefore a share of each region's extent, so
 * that the error in pixels is alike for all regions of a level. States and districts are few: they get a
 * fixed, fine share. Municipalities (11,000 of them) take the rest of the size budget, with the smallest
 * share that fits. Within a level, neighbours are simplified together (simplify.ts), so a shared border
 * stays shared.
 */
import type { OutlineGeometry } from '../../schema';
import { bboxOf, polygonAreaKm2, type Polygon } from './geometry';
import { jsonLines } from './json-lines';
import type { RegionLevel } from './regions';
import { dropSmallParts, simplifyLayerParts } from './simplify';

export interface OutlineArea {
  key: string;
  level: RegionLevel;
  polygons: Polygon[];
}

interface LevelOptions {
  /** Decimals of the coordinates: 4 ≈ 10 m, 3 ≈ 100 m. */
  decimals: number;
  /** Islands, exclaves and holes smaller than this are left out; a region's largest part never is. */
  minAreaKm2: number;
  /** Tolerance as a share of a region's extent; without it, the smallest share that fits the budget. */
  relativeTolerance?: number;
}

// 0.5 % of the extent is 4 px on a map 800 px wide that shows the whole region.
const LEVELS: Record<RegionLevel, LevelOptions> = {
  land: { decimals: 3, minAreaKm2: 1, relativeTolerance: 0.005 },
  kreis: { decimals: 3, minAreaKm2: 0.1, relativeTolerance: 0.005 },
  gemeinde: { decimals: 4, minAreaKm2: 0.01 },
};

const KM_PER_DEGREE = 111.32;

/** The shares of a region's extent the search starts between, and when it stops. */
const SEARCH = { smallest: 0.001, largest: 0.05, precision: 1.05 };

export interface LevelReport {
  level: RegionLevel;
  regions: number;
  /** Tolerance as a share of each region's extent (the larger of its width and height). */
  relativeTolerance: number;
  positions: number;
  bytes: number;
  /** Tolerances in km across the level's regions. */
  toleranceKm: { min: number; median: number; max: number };
  /** Regions whose largest part vanished in simplification and was simplified again on its own. */
  restored: string[];
}

export interface RegionOutlines {
  json: string;
  bytes: number;
  levels: LevelReport[];
}

/** The larger side of the bounding box in km: what the map fits to the screen. */
function extentKm(polygons: Polygon[]): number {
  const [west, south, east, north] = bboxOf(polygons);
  const cos = Math.cos((((south + north) / 2) * Math.PI) / 180);
  return Math.max((east - west) * cos, north - south) * KM_PER_DEGREE;
}

function largestIndex(polygons: Polygon[]): number {
  let best = 0;
  polygons.forEach((polygon, i) => {
    if (polygonAreaKm2(polygon) > polygonAreaKm2(polygons[best]!)) best = i;
  });
  return best;
}

function toGeometry(polygons: Polygon[]): OutlineGeometry {
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0]! }
    : { type: 'MultiPolygon', coordinates: polygons };
}

/** Simplifies a polygon alone, with smaller and smaller tolerances until it keeps its shape. */
function restore(polygon: Polygon, toleranceKm: number, decimals: number): Polygon {
  for (let tolerance = toleranceKm / 2; ; tolerance /= 2) {
    const options = { toleranceKm: tolerance < 1e-4 ? 0 : tolerance, decimals };
    const simplified = simplifyLayerParts([[polygon]], options)[0]?.[0];
    if (simplified) return simplified;
    if (tolerance < 1e-4) throw new Error('a polygon vanishes even unsimplified');
  }
}

interface PreparedLevel {
  level: RegionLevel;
  options: LevelOptions;
  areas: OutlineArea[];
  /** Polygons after dropping small parts, in the order of `areas`. */
  layer: Polygon[][];
  extents: number[];
  largest: number[];
}

function prepare(level: RegionLevel, areas: OutlineArea[]): PreparedLevel {
  const options = LEVELS[level];
  const layer = dropSmallParts(areas.map((area) => area.polygons), options.minAreaKm2);
  return { level, options, areas, layer, extents: layer.map(extentKm), largest: layer.map(largestIndex) };
}

interface SimplifiedLevel {
  geometries: Array<[string, OutlineGeometry]>;
  report: LevelReport;
}

function simplifyLevel(prepared: PreparedLevel, relativeTolerance: number): SimplifiedLevel {
  const { level, options, areas, layer, extents, largest } = prepared;
  // Below half the rounding step, simplifying removes nothing that rounding would keep.
  const floorKm = (KM_PER_DEGREE * 10 ** -options.decimals) / 2;
  const tolerances = extents.map((extent) => Math.max(floorKm, relativeTolerance * extent));
  const simplified = simplifyLayerParts(layer, {
    toleranceKm: floorKm,
    decimals: options.decimals,
    areaToleranceKm: tolerances,
  });
  const restored: string[] = [];
  let positions = 0;
  let bytes = 0;
  const geometries = areas.map((area, i): [string, OutlineGeometry] => {
    const parts = simplified[i]!;
    const main = largest[i]!;
    if (!parts[main]) {
      parts[main] = restore(layer[i]![main]!, tolerances[i]!, options.decimals);
      restored.push(area.key);
    }
    const polygons = parts.filter((p): p is Polygon => p !== null);
    const geometry = toGeometry(polygons);
    positions += polygons.flat(2).length;
    // Its line in outlines.json, `"key":geometry,` and a line break (all ASCII).
    bytes += area.key.length + 5 + JSON.stringify(geometry).length;
    return [area.key, geometry];
  });
  const sorted = [...tolerances].sort((a, b) => a - b);
  const toleranceKm = {
    min: sorted[0] ?? 0,
    median: sorted[sorted.length >> 1] ?? 0,
    max: sorted[sorted.length - 1] ?? 0,
  };
  return {
    geometries,
    report: { level, regions: areas.length, relativeTolerance, positions, bytes, toleranceKm, restored },
  };
}

/** A searched level with the smallest share (to within 5 %) that keeps it below `maxBytes`. */
function fitLevel(prepared: PreparedLevel, maxBytes: number): SimplifiedLevel {
  let fits = simplifyLevel(prepared, SEARCH.largest);
  if (fits.report.bytes >= maxBytes) {
    throw new Error(`Cannot fit the ${prepared.level} outlines into ${maxBytes} bytes`);
  }
  const finest = simplifyLevel(prepared, SEARCH.smallest);
  if (finest.report.bytes < maxBytes) return finest;
  // Bisection on a logarithmic scale: the outlines shrink steadily as the tolerance grows.
  let tooFine = SEARCH.smallest;
  while (fits.report.relativeTolerance / tooFine > SEARCH.precision) {
    const middle = Math.sqrt(tooFine * fits.report.relativeTolerance);
    const candidate = simplifyLevel(prepared, middle);
    if (candidate.report.bytes < maxBytes) fits = candidate;
    else tooFine = middle;
  }
  return fits;
}

/**
 * Outlines of all `areas`, in a file below `maxBytes`: states and districts at their fixed tolerance,
 * municipalities as detailed as the rest of the budget allows. Every area keeps at least its largest part.
 */
export function buildRegionOutlines(areas: OutlineArea[], options: { maxBytes: number }): RegionOutlines {
  const levels = (Object.keys(LEVELS) as RegionLevel[]).map((level) =>
    prepare(level, areas.filter((area) => area.level === level)),
  );
  const fixed = levels.flatMap((prepared) => {
    const share = prepared.options.relativeTolerance;
    return share === undefined ? [] : [simplifyLevel(prepared, share)];
  });
  const searched = levels.filter((prepared) => prepared.options.relativeTolerance === undefined);
  // `{`, `}` and their line breaks, less the comma the last line does without: 3 bytes.
  let budget = options.maxBytes - 3 - fixed.reduce((sum, level) => sum + level.report.bytes, 0);
  const fitted = searched.map((prepared, i) => {
    // Several searched levels would share what is left equally.
    const level = fitLevel(prepared, budget / (searched.length - i));
    budget -= level.report.bytes;
    return level;
  });
  const results = [...fixed, ...fitted];
  const json = jsonLines(Object.fromEntries(results.flatMap((level) => level.geometries)));
  const bytes = Buffer.byteLength(json);
  if (bytes >= options.maxBytes) {
    throw new Error(`outlines.json has ${bytes} bytes, more than the ${options.maxBytes} planned`);
  }
  return { json, bytes, levels: results.map((level) => level.report) };
}
