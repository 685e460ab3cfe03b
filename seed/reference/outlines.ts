/**
 * Simplified outlines for the map, which has no tile server: a GeoJSON FeatureCollection per layer with
 * `{ key, name }` properties only, as detailed as a size budget allows.
 */
import type { Polygon } from './geometry';
import { dropSmallParts, simplifyLayer } from './simplify';
import type { AreaFeature } from './sources';

export interface OutlineOptions {
  /** Decimals of the coordinates: 4 ≈ 10 m, 3 ≈ 100 m. */
  decimals: number;
  /** The file must stay below this many bytes. */
  maxBytes: number;
  /** Islands, exclaves and holes smaller than this are left out. */
  minAreaKm2: number;
}

export interface Outlines {
  geojson: string;
  toleranceKm: number;
  bytes: number;
  features: number;
}

/** One feature per line: small, and still readable in a diff. */
function serialise(areas: AreaFeature[], layer: Polygon[][]): string {
  const features = areas.map((area, i) => {
    const polygons = layer[i] ?? [];
    const geometry = polygons.length === 1
      ? { type: 'Polygon', coordinates: polygons[0] }
      : { type: 'MultiPolygon', coordinates: polygons };
    return JSON.stringify({ type: 'Feature', properties: { key: area.key, name: area.name }, geometry });
  });
  return `{"type":"FeatureCollection","features":[\n${features.join(',\n')}\n]}\n`;
}

/**
 * Tries coarser and coarser tolerances, starting near the rounding step, until the file fits the budget.
 * Areas come out sorted by key.
 */
export function buildOutlines(input: AreaFeature[], options: OutlineOptions): Outlines {
  const areas = [...input].sort((a, b) => (a.key < b.key ? -1 : 1));
  const layer = dropSmallParts(areas.map((area) => area.polygons), options.minAreaKm2);
  const stepKm = 111 * 10 ** -options.decimals;
  for (let toleranceKm = stepKm / 2; toleranceKm < 50; toleranceKm *= 1.15) {
    const simplified = simplifyLayer(layer, { toleranceKm, decimals: options.decimals });
    const lost = areas.filter((_, i) => !simplified[i]?.length).map((area) => area.key);
    if (lost.length > 0) throw new Error(`Simplification removed ${lost.join(', ')} entirely`);
    const geojson = serialise(areas, simplified);
    const bytes = Buffer.byteLength(geojson);
    if (bytes < options.maxBytes) return { geojson, toleranceKm, bytes, features: areas.length };
  }
  throw new Error(`Cannot fit the outlines into ${options.maxBytes} bytes`);
}
