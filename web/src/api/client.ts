import {
  zClientConfig, zOfferingsResponse, zRegionMatch, zRegionOutline, zRegionsResponse, zTaxonomy, type ClientConfig,
  type OfferingsResponse, type RegionMatch, type Taxonomy,
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

export async function getJson<T extends z.ZodType>(path: string, schema: T, signal?: AbortSignal): Promise<z.output<T>> {
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

// The offering detail, the map points and the suggestions have their own modules (api/offering.ts,
// api/map-points.ts, api/suggest.ts): only lazily loaded parts of the page use them, so their schemas stay
// out of the first bundle.
export const api = {
  search: (query: string, signal?: AbortSignal): Promise<OfferingsResponse> =>
    getJson(`/api/offerings?${query}`, zOfferingsResponse, signal),
  regions: async (q: string, signal?: AbortSignal): Promise<RegionMatch[]> =>
    (await getJson(`/api/regions?q=${encodeURIComponent(q)}&limit=8`, zRegionsResponse, signal)).regions,
  /** One region by its official key (for naming a region that a link gave only as a key). */
  region: (key: string, signal?: AbortSignal): Promise<RegionMatch> =>
    getJson(`/api/regions/${encodeURIComponent(key)}`, zRegionMatch, signal),
  regionOutline: (key: string, signal?: AbortSignal) =>
    getJson(`/api/regions/${encodeURIComponent(key)}/outline`, zRegionOutline, signal),
  taxonomy: (): Promise<Taxonomy> => getJson('/api/taxonomy', zTaxonomy),
  clientConfig: (): Promise<ClientConfig> => getJson('/api/client-config', zClientConfig),
};
