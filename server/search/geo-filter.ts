import type { BboxFilter, OfferingFilters } from '../../schema';

// The place filters, decided once for both places that apply them: the Meilisearch filter (filters.ts, for
// the result list) and the point store (point-store.ts, for the map). Both take the circle from
// `geoCircle`, so a radius is rounded exactly once and the map and the list cannot disagree about it.

/** A `near` filter as applied: centre and radius in whole meters. */
export interface GeoCircle {
  lat: number;
  lng: number;
  meters: number;
}

/**
 * The earth radius Meilisearch's `_geoRadius` computes with (6371 km), not the 6371.0088 km of distanceKm
 * (documents.ts, which only shows distances): at 176 km the two differ by 0.24 m, enough to put a point
 * in the list and not on the map (found by tests/server/filters-agree-property.test.ts).
 */
const EARTH_RADIUS_M = 6_371_000;
const RAD = Math.PI / 180;

/**
 * The radius in whole meters. Meilisearch's `_geoRadius` is written with the radius in meters, and a
 * fraction of a meter means nothing for "how far"; the point store compares against the same number.
 */
export function radiusMeters(radiusKm: number): number {
  return Math.round(radiusKm * 1000);
}

/** The circle of `near` (with `radius`, else the default), or none without `near`. */
export function geoCircle(
  filters: Pick<OfferingFilters, 'near' | 'radius'>,
  defaultRadiusKm: number,
): GeoCircle | undefined {
  if (!filters.near) return undefined;
  return { lat: filters.near.lat, lng: filters.near.lng, meters: radiusMeters(filters.radius ?? defaultRadiusKm) };
}

/**
 * Whether a point lies in the circle, edge included, as Meilisearch decides it: haversine distance in meters
 * `<= radius`. Written out on numbers because the map tests every point of the store with it.
 */
export function inCircle(circle: GeoCircle, lat: number, lng: number): boolean {
  const dLat = (lat - circle.lat) * RAD;
  const dLng = (lng - circle.lng) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(circle.lat * RAD) * Math.cos(lat * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h))) <= circle.meters;
}

/** Whether a point lies in the box, edges included (as Meilisearch's `_geoBoundingBox`). */
export function inBbox(bbox: BboxFilter, lat: number, lng: number): boolean {
  return lat >= bbox.south && lat <= bbox.north && lng >= bbox.west && lng <= bbox.east;
}
