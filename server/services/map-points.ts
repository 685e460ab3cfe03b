import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { DEFAULT_RADIUS_KM, type MapPointsQuery } from '../../schema';
import { Lru } from '../lib/lru';
import type { OfferingSearch } from '../search/offering-search';
import type { DirectoryState } from './directory-state';

export type Encoding = 'br' | 'gzip' | 'identity';

/** What we produce, most preferred first: brotli is smallest, identity costs no work. */
const PREFERENCE: readonly Encoding[] = ['br', 'gzip', 'identity'];

/**
 * Answers kept at most, in bytes (JSON and compressed forms together). 100,000 points are ~1.5 MB of JSON
 * and ~0.3 MB compressed, so this holds a few dozen queries over all points and many more narrow ones.
 */
export const MAP_POINTS_CACHE_BYTES = 64 * 1024 * 1024;
/** A bound on entries too, so many tiny answers do not make the cache a long list. */
const MAP_POINTS_CACHE_ENTRIES = 512;

// The async forms run in libuv's threadpool: a megabyte compressed synchronously would stall every other
// request for tens of milliseconds.
const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** One coding of an Accept-Encoding header: name and q-value (RFC 9110, section 12.5.3). */
const CODING = /^([a-z0-9!#$%&'*+.^_`|~-]+)\s*(?:;\s*q\s*=\s*(0(?:\.\d{0,3})?|1(?:\.0{0,3})?))?$/;

/**
 * The encoding to answer in, from an Accept-Encoding header: among br, gzip and identity the ones the
 * client accepts (q > 0, directly or through `*`), highest q first, ties broken by our preference
 * (br > gzip > identity). identity is accepted unless excluded by `identity;q=0` or `*;q=0`; not named, it
 * ranks with the least wanted coding that is. A missing, empty or unparseable header, or one that excludes
 * everything, gets identity.
 */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity';
  const q = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const item = part.trim();
    // Empty list elements are allowed ("gzip, , br").
    if (!item) continue;
    const match = CODING.exec(item);
    if (!match) return 'identity';
    // x-gzip is an old alias of gzip (RFC 9110, section 8.4.1.3).
    const name = match[1] === 'x-gzip' ? 'gzip' : match[1]!;
    if (!q.has(name)) q.set(name, match[2] === undefined ? 1 : Number(match[2]));
  }
  const star = q.get('*');
  // identity not named is acceptable but not asked for: it ranks with the least wanted coding named, so that
  // "br;q=0.8" still gets brotli (ties go to our preference), as in the `negotiator` package.
  const named = [...q.values()].filter((v) => v > 0);
  const identity = named.length > 0 ? Math.min(...named) : 1;
  const weight = (encoding: Encoding) => q.get(encoding) ?? star ?? (encoding === 'identity' ? identity : 0);
  let best: Encoding = 'identity';
  let bestQ = 0;
  // PREFERENCE order plus a strict comparison: on equal q the earlier (preferred) one stays.
  for (const encoding of PREFERENCE) {
    const w = weight(encoding);
    if (w > bestQ) [best, bestQ] = [encoding, w];
  }
  return best;
}

/** A computed answer, and whether it came from the degraded search (Meilisearch away). */
export interface Answer {
  body: string | Buffer;
  degraded: boolean;
}

interface Cached {
  version: number;
  body: string | Buffer;
  bytes: number;
  /** From the degraded search: served only while searches are degraded, replaced by the first normal answer. */
  degraded: boolean;
}

/** What the service has done since it was made: read by tests and benchmarks. */
export interface MapPointsStats {
  /** Answers computed (points selected and encoded as JSON). */
  computed: number;
  /** Answers compressed (one per encoding). */
  compressed: number;
  /** Requests that waited for a computation or compression already under way instead of starting one. */
  joined: number;
  /** Bodies in the cache now (each encoding of a query counts once). */
  entries: number;
}

/**
 * All matching map points, encoded once and kept (also compressed) for repeated queries: the first screen of
 * every visitor asks for the same points, and 100,000 of them take ~1.5 MB as JSON.
 *
 * Identical requests arriving together share one computation and one compression (single flight); a failure
 * is not kept, so the next request tries again. Compression runs off the event loop.
 */
export class MapPointsService {
  /** Keyed by encoding and query; the data version is kept in the value so a new one replaces the old. */
  private readonly cache: Lru<string, Cached>;
  /** Work under way, keyed by data version, encoding and query. */
  private readonly flights = new Map<string, Promise<Answer>>();
  private readonly counts = { computed: 0, compressed: 0, joined: 0 };

  constructor(
    private readonly state: DirectoryState,
    private readonly search: OfferingSearch,
    options: { maxBytes?: number; maxEntries?: number } = {},
  ) {
    this.cache = new Lru(
      options.maxEntries ?? MAP_POINTS_CACHE_ENTRIES,
      (cached) => cached.bytes,
      options.maxBytes ?? MAP_POINTS_CACHE_BYTES,
    );
  }

  get stats(): MapPointsStats {
    return { ...this.counts, entries: this.cache.size };
  }

  /** The answer to a query as a JSON string (identity) or compressed bytes. */
  async body(query: MapPointsQuery, encoding: Encoding): Promise<string | Buffer> {
    return (await this.answer(query, encoding)).body;
  }

  /** The answer, and whether it came from the degraded search (then clients must not keep it). */
  answer(query: MapPointsQuery, encoding: Encoding): Promise<Answer> {
    return this.get(JSON.stringify(query), query, encoding);
  }

  private get(queryKey: string, query: MapPointsQuery, encoding: Encoding): Promise<Answer> {
    const version = this.state.version;
    const key = `${encoding} ${queryKey}`;
    const cached = this.cache.get(key);
    if (cached && cached.version === version && (!cached.degraded || this.search.servingDegraded())) {
      return Promise.resolve({ body: cached.body, degraded: cached.degraded });
    }

    const flightKey = `${version} ${key}`;
    const flying = this.flights.get(flightKey);
    if (flying) {
      this.counts.joined++;
      return flying;
    }
    const flight = (async (): Promise<Answer> => {
      let answer: Answer;
      if (encoding === 'identity') {
        answer = await this.encode(query);
      } else {
        const plain = await this.get(queryKey, query, 'identity');
        answer = { body: await this.compress(plain.body as string, encoding), degraded: plain.degraded };
      }
      // Kept under the version the work started with: if the data changed meanwhile, the next request
      // sees a different version and computes again. An answer for newer data is never replaced by it.
      // An answer from the degraded search is kept only for the outage: once Meilisearch is back, its
      // answer is the right one.
      if ((this.cache.peek(key)?.version ?? -1) <= version) {
        const { body, degraded } = answer;
        this.cache.set(key, { version, body, degraded, bytes: typeof body === 'string' ? Buffer.byteLength(body) : body.length });
      }
      return answer;
    })();
    this.flights.set(flightKey, flight);
    // Removed once settled, whether fulfilled or not: failures are not remembered. The cache entry (if any)
    // is in place before this runs, so no request falls between the two.
    const land = () => {
      this.flights.delete(flightKey);
    };
    flight.then(land, land);
    return flight;
  }

  private async encode(query: MapPointsQuery): Promise<Answer> {
    this.counts.computed++;
    const points = this.state.points;
    const matching = query.q ? await this.search.matchingIds(query, points.size, { relax: true }) : undefined;
    const body = JSON.stringify(points.encode(points.select(query, DEFAULT_RADIUS_KM, matching?.ids)));
    return { body, degraded: matching?.degraded ?? false };
  }

  private async compress(json: string, encoding: Exclude<Encoding, 'identity'>): Promise<Buffer> {
    this.counts.compressed++;
    // Quality 5 and level 6: most of the size gain of the highest settings at a fraction of their time.
    return encoding === 'br'
      ? brotliAsync(json, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
      : gzipAsync(json, { level: 6 });
  }
}
