import {
  zClientConfig, zMapPointsResponse, zOfferingDetail, zOfferingsResponse, zRegionOutline, zRegionsResponse,
  zTaxonomy, type ClientConfig, type MapPointsResponse, type OfferingDetail, type OfferingsResponse, type RegionMatch,
  type Taxonomy,
} from '../../../schema';
import type { z } from 'zod';

/** An answer the API refused, with its message for people. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function getJson<T extends z.ZodType>(path: string, schema: T, signal?: AbortSignal): Promise<z.output<T>> {
  const res = await fetch(path, { signal, headers: { accept: 'application/json' } });
  if (!res.ok) {
    let message = res.statusText;
    try {
      message = ((await res.json()) as { message?: string }).message ?? message;
    } catch {
      // No JSON body: keep the status text.
    }
    throw new ApiError(res.status, message);
  }
  // The schemas are shared with the server: a parse failure means client and server disagree.
  return schema.parse(await res.json());
}

export const api = {
  search: (query: string, signal?: AbortSignal): Promise<OfferingsResponse> =>
    getJson(`/api/offerings?${query}`, zOfferingsResponse, signal),
  mapPoints: (query: string, signal?: AbortSignal): Promise<MapPointsResponse> =>
    getJson(`/api/map-points?${query}`, zMapPointsResponse, signal),
  offering: (id: number, signal?: AbortSignal): Promise<OfferingDetail> =>
    getJson(`/api/offerings/${id}`, zOfferingDetail, signal),
  regions: async (q: string, signal?: AbortSignal): Promise<RegionMatch[]> =>
    (await getJson(`/api/regions?q=${encodeURIComponent(q)}&limit=8`, zRegionsResponse, signal)).regions,
  regionOutline: (key: string, signal?: AbortSignal) =>
    getJson(`/api/regions/${encodeURIComponent(key)}/outline`, zRegionOutline, signal),
  taxonomy: (): Promise<Taxonomy> => getJson('/api/taxonomy', zTaxonomy),
  clientConfig: (): Promise<ClientConfig> => getJson('/api/client-config', zClientConfig),
};
