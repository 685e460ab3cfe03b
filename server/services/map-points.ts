import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { DEFAULT_RADIUS_KM, type MapPointsQuery } from '../../schema';
import type { OfferingSearch } from '../search/offering-search';
import type { DirectoryState } from './directory-state';

export type Encoding = 'br' | 'gzip' | 'identity';

interface Entry {
  version: number;
  json: string;
  compressed: Partial<Record<Exclude<Encoding, 'identity'>, Buffer>>;
}

/** The client's preferred encoding among those we produce. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = (acceptEncoding ?? '').toLowerCase();
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return 'identity';
}

/**
 * All matching map points, encoded once and kept (compressed) for repeated queries: the first screen of
 * every visitor asks for the same points, and 100,000 of them take ~1.5 MB as JSON.
 */
export class MapPointsService {
  private readonly cache = new Map<string, Entry>();

  constructor(
    private readonly state: DirectoryState,
    private readonly search: OfferingSearch,
    private readonly maxEntries = 64,
  ) {}

  async body(query: MapPointsQuery, encoding: Encoding): Promise<string | Buffer> {
    const key = JSON.stringify(query);
    let entry = this.cache.get(key);
    if (!entry || entry.version !== this.state.version) {
      entry = { version: this.state.version, json: await this.encode(query), compressed: {} };
      this.remember(key, entry);
    } else {
      // Map iteration order is insertion order: re-inserting marks the entry as recently used.
      this.cache.delete(key);
      this.cache.set(key, entry);
    }
    if (encoding === 'identity') return entry.json;
    let compressed = entry.compressed[encoding];
    if (!compressed) {
      compressed =
        encoding === 'br'
          ? brotliCompressSync(entry.json, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
          : gzipSync(entry.json, { level: 6 });
      entry.compressed[encoding] = compressed;
    }
    return compressed;
  }

  private async encode(query: MapPointsQuery): Promise<string> {
    const points = this.state.points;
    const ids = query.q ? await this.search.matchingIds(query, points.size, { relax: true }) : undefined;
    return JSON.stringify(points.encode(points.select(query, DEFAULT_RADIUS_KM, ids)));
  }

  private remember(key: string, entry: Entry): void {
    this.cache.set(key, entry);
    while (this.cache.size > this.maxEntries) this.cache.delete(this.cache.keys().next().value!);
  }
}
