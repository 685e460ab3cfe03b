import type { Bbox } from '../../../schema';

/** The bounding box of a GeoJSON geometry's coordinates, in [west, south, east, north]. */
export function geometryBbox(geometry: { type: string; coordinates?: unknown }): Bbox | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number' && typeof value[1] === 'number') {
      west = Math.min(west, value[0]);
      east = Math.max(east, value[0]);
      south = Math.min(south, value[1]);
      north = Math.max(north, value[1]);
      return;
    }
    for (const item of value) visit(item);
  };
  visit(geometry.coordinates);
  return Number.isFinite(west) ? [west, south, east, north] : null;
}
