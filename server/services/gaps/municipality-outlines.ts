import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Db } from '../../db/connection';
import { HttpError } from '../../plugins/errors';
import { municipalityOutlinesUnder } from '../../repos/regions-repo';
import type { DirectoryState } from '../directory-state';
import type { Encoding } from '../map-points';
import type { RegionLookup } from '../region-lookup';
import { Lru } from '../../lib/lru';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

interface Body {
  json: string;
  compressed: Partial<Record<Exclude<Encoding, 'identity'>, Buffer>>;
}

/** Bodies kept: a district's is 0.1–0.5 MB, a large state's a few MB; 32 MB of JSON at most. */
const MAX_BODIES = 64;
const MAX_JSON_CHARS = 32 * 1024 * 1024;

/**
 * The outlines of all municipalities under a state, administrative region or district as one GeoJSON
 * FeatureCollection (GET /api/regions/:key/municipalities), for the gap map. Built from the stored
 * GeoJSON text without parsing it, and kept, also compressed: outlines change only with the reference data.
 */
export class MunicipalityOutlines {
  // Weighed by the JSON alone; the compressed forms add a tenth or so.
  private readonly bodies = new Lru<string, Body>(MAX_BODIES, (body) => body.json.length, MAX_JSON_CHARS);
  private regions?: RegionLookup;

  constructor(
    private readonly state: DirectoryState,
    private readonly db: Db,
  ) {}

  /** The body for `key` (2, 3 or 5 digits) in the encoding asked for; 404 for a key without municipalities. */
  async body(key: string, encoding: Encoding): Promise<string | Buffer> {
    if (this.regions !== this.state.regions) {
      // The reference data was loaded again (it carries the outlines' names).
      this.bodies.clear();
      this.regions = this.state.regions;
    }
    let body = this.bodies.get(key);
    if (!body) {
      body = { json: this.build(key), compressed: {} };
      this.bodies.set(key, body);
    }
    if (encoding === 'identity') return body.json;
    let compressed = body.compressed[encoding];
    if (!compressed) {
      // In zlib's thread pool, not on the event loop: a state's 1.6 MB took ~0.5 s at brotli quality 9.
      // Quality 6 is within a few per cent of 9 on this text at a fraction of the time.
      compressed =
        encoding === 'br'
          ? await brotliAsync(body.json, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } })
          : await gzipAsync(body.json, { level: 6 });
      body.compressed[encoding] = compressed;
    }
    return compressed;
  }

  private build(key: string): string {
    // A 3-digit administrative region is no region of its own; its state must exist.
    const parent = this.state.regions.get(key.length === 3 ? key.slice(0, 2) : key);
    const rows = parent ? municipalityOutlinesUnder(this.db, key) : [];
    const features: string[] = [];
    for (const row of rows) {
      const region = this.state.regions.get(row.key);
      // An outline without a region is not a municipality the gaps list; leaving it out keeps both in step.
      if (!region) continue;
      const properties = JSON.stringify({ key: row.key, name: region.name });
      features.push(`{"type":"Feature","properties":${properties},"geometry":${row.geometry}}`);
    }
    if (features.length === 0) {
      throw new HttpError(404, 'not_found', `Keine Gemeinden unter dem Schlüssel ${key} / No municipalities under key ${key}`);
    }
    return `{"type":"FeatureCollection","features":[${features.join(',')}]}`;
  }
}
