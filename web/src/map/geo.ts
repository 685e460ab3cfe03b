/**
 * Where the app's GeoJSON-order arrays ([lng, lat], bbox [west, south, east, north]) become Leaflet's [lat, lng]
 * and back. (Points carry named lat/lng fields, so they need no flipping.)
 */
import * as L from 'leaflet';
import type { Bbox, MapView } from './types';

/** Mainland Germany with a little air around it. */
export const GERMANY_BBOX: Bbox = [5.8, 47.2, 15.1, 55.1];

/** Web Mercator stops here; bboxes sent to the API must stay inside valid degrees. */
const MAX_LAT = 85.05;

export function toLatLng([lng, lat]: readonly [number, number]): L.LatLng {
  return L.latLng(lat, lng);
}

export function toBounds([west, south, east, north]: Bbox): L.LatLngBounds {
  return L.latLngBounds([south, west], [north, east]);
}

/** Leaflet bounds as a bbox, clamped to valid degrees (Leaflet happily reports lng 190 on a wide screen). */
export function fromBounds(bounds: L.LatLngBounds): Bbox {
  const clampLng = (v: number) => Math.max(-180, Math.min(180, v));
  const clampLat = (v: number) => Math.max(-MAX_LAT, Math.min(MAX_LAT, v));
  return [
    clampLng(bounds.getWest()),
    clampLat(bounds.getSouth()),
    clampLng(bounds.getEast()),
    clampLat(bounds.getNorth()),
  ];
}

export function viewOf(map: L.Map): MapView {
  const c = map.getCenter();
  return { center: [c.lng, c.lat], zoom: map.getZoom() };
}

/**
 * Whether two views show the same thing to within about a pixel. Leaflet re-centres by whole pixels after a
 * resize, so exact comparison would report moves nobody made.
 */
export function sameView(a: MapView, b: MapView): boolean {
  if (a.zoom !== b.zoom) return false;
  const degreesPerPixel = 360 / (256 * 2 ** a.zoom);
  return (
    Math.abs(a.center[0] - b.center[0]) < degreesPerPixel && Math.abs(a.center[1] - b.center[1]) < degreesPerPixel
  );
}
