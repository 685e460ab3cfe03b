import { zOfferingFilters, sortOrders, type OfferingFilters } from '../../../schema';

// The URL is the state: every filter, the place, the map view, the view mode and the interface language.
// Filters use the API's own parameter names and schema, so a URL can be handed to the API as it is.

export type Filters = OfferingFilters;
export type Sort = (typeof sortOrders)[number];
export type UiLanguage = 'de' | 'en';
export type ViewMode = 'list' | 'map';

export interface MapViewState {
  zoom: number;
  lat: number;
  lng: number;
}

export interface SearchState {
  filters: Filters;
  sort?: Sort;
  /** What the place field shows for `near` or `region` ("79098 Freiburg im Breisgau", "Mein Standort"). */
  place?: string;
  view: ViewMode;
  map?: MapViewState;
  ui: UiLanguage;
}

const listParams = ['category', 'phase', 'lang', 'formality', 'cost', 'access'] as const;
const filterKeys = Object.keys(zOfferingFilters.shape) as (keyof Filters)[];

/** Reads the state from a query string; a parameter that does not validate is dropped, not fatal. */
export function parseSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: Record<string, unknown> = {};
  for (const key of filterKeys) {
    const values = params.getAll(key);
    if (values.length === 0) continue;
    const raw = (listParams as readonly string[]).includes(key) ? values : values[0];
    const parsed = zOfferingFilters.shape[key].safeParse(raw);
    if (parsed.success && parsed.data !== undefined) filters[key] = parsed.data;
  }
  if (filters.radius !== undefined && filters.near === undefined) delete filters.radius;
  const sort = params.get('sort');
  const map = params.get('map')?.split('/').map(Number);
  const state: SearchState = {
    filters: filters as Filters,
    view: params.get('view') === 'map' ? 'map' : 'list',
    ui: params.get('ui') === 'en' ? 'en' : 'de',
  };
  if (sort && (sortOrders as readonly string[]).includes(sort)) state.sort = sort as Sort;
  const place = params.get('place');
  if (place) state.place = place.slice(0, 120);
  if (map && map.length === 3 && map.every(Number.isFinite)) {
    const [zoom, lat, lng] = map as [number, number, number];
    if (zoom >= 3 && zoom <= 19 && Math.abs(lat) <= 90 && Math.abs(lng) <= 180) state.map = { zoom, lat, lng };
  }
  return state;
}

const round = (n: number, digits: number) => Number(n.toFixed(digits));

/** The filters as API query parameters (also the part of the URL that selects results). */
export function filterParams(filters: Filters, sort?: Sort): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  for (const key of listParams) for (const value of filters[key] ?? []) params.append(key, value);
  if (filters.age !== undefined) params.set('age', String(filters.age));
  if (filters.region) params.set('region', filters.region);
  if (filters.but !== undefined) params.set('but', String(filters.but));
  if (filters.near) params.set('near', `${round(filters.near.lat, 5)},${round(filters.near.lng, 5)}`);
  if (filters.near && filters.radius !== undefined) params.set('radius', String(filters.radius));
  if (filters.bbox) {
    const { west, south, east, north } = filters.bbox;
    params.set('bbox', [west, south, east, north].map((n) => round(n, 4)).join(','));
  }
  // Distance order needs a place; without one the API would refuse the whole query.
  if (sort && (sort !== 'distance' || filters.near)) params.set('sort', sort);
  return params;
}

/** The whole state as a query string, in a stable order so equal states give equal URLs. */
export function serializeSearchState(state: SearchState): string {
  const params = filterParams(state.filters, state.sort);
  if (state.place) params.set('place', state.place);
  if (state.view === 'map') params.set('view', 'map');
  if (state.map) params.set('map', `${round(state.map.zoom, 2)}/${round(state.map.lat, 4)}/${round(state.map.lng, 4)}`);
  if (state.ui === 'en') params.set('ui', 'en');
  return params.toString();
}

/** Whether any filter narrows the results (for showing "reset"). */
export function hasFilters(filters: Filters): boolean {
  return Object.values(filters).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0));
}
