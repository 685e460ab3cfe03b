import type { MapPointsResponse, OfferingDetail, OfferingsResponse } from '../../../schema';

/** The query parameters the API knows; the page's URL carries others too (place, view, map, ui). */
const FILTER_PARAMS = new Set([
  'q', 'category', 'phase', 'lang', 'formality', 'cost', 'access', 'age', 'region', 'but', 'near', 'radius', 'bbox',
]);

/** The API query (filters only) that the page's current URL stands for, in a stable order. */
export function filterQueryOf(pageUrl: string): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of new URL(pageUrl).searchParams) {
    if (FILTER_PARAMS.has(key)) out.append(key, value);
  }
  return out;
}

/** GETs JSON from the running server over real HTTP, as the browser would. */
export async function getJson<T>(baseUrl: string, path: string): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`);
  const body = await res.text();
  if (!res.ok) throw new Error(`GET ${path} → ${res.status}: ${body.slice(0, 300)}`);
  return JSON.parse(body) as T;
}

export const searchOfferings = (baseUrl: string, query: URLSearchParams | string) =>
  getJson<OfferingsResponse>(baseUrl, `/api/offerings?${query.toString()}`);

export const mapPoints = (baseUrl: string, query: URLSearchParams | string) =>
  getJson<MapPointsResponse>(baseUrl, `/api/map-points?${query.toString()}`);

export const offeringDetail = (baseUrl: string, id: number | string) =>
  getJson<OfferingDetail>(baseUrl, `/api/offerings/${id}`);
