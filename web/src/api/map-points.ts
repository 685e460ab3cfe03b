import { decodeMapPoints, zMapPointsResponse, type MapPoint } from '../../../schema';
import { getJson } from './client';

/** Every point matching the filters (API query parameters), decoded from the compact answer. */
export async function fetchMapPoints(query: string, signal?: AbortSignal): Promise<MapPoint[]> {
  return decodeMapPoints(await getJson(`/api/map-points?${query}`, zMapPointsResponse, signal));
}
