import { DEFAULT_RADIUS_KM, type RegionMatch } from '../../../schema';
import { placeLabel } from '../lib/format';
import type { Filters, SearchState } from './search-state';

/** The filters without any place: region, distance and map area. */
export function withoutPlace({ near: _n, radius: _r, region: _g, bbox: _b, ...rest }: Filters): Filters {
  return rest;
}

/** Where the user picked a place: states and districts filter by region, towns and postcodes by distance. */
export function applyPlace(state: SearchState, match: RegionMatch): SearchState {
  const rest = withoutPlace(state.filters);
  const place = placeLabel(match);
  if (match.level === 'land' || match.level === 'kreis') {
    return { ...state, place, filters: { ...rest, region: match.key }, map: undefined };
  }
  const radius = state.filters.radius ?? DEFAULT_RADIUS_KM;
  return { ...state, place, filters: { ...rest, near: { lat: match.lat, lng: match.lng }, radius }, map: undefined };
}
