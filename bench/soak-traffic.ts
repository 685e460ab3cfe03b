import { Pool } from 'undici';
import { queryMix } from './queries';
import { seededRandom } from '../tests/helpers/seeded-random';

// The read traffic of families using the directory, as a closed loop of workers over keep-alive
// connections, recording every request: when it was sent, what it asked for, how it ended and how long it took.

export type Route = 'search' | 'search-degraded' | 'map-points' | 'detail' | 'region';
export const routes: readonly Route[] = ['search', 'search-degraded', 'map-points', 'detail', 'region'];

/** An HTTP status, or how the request failed without one. */
export type Outcome = number | 'refused' | 'reset' | 'timeout' | 'error';

export interface Sample {
  /** ms since the load started. */
  sent: number;
  route: Route;
  outcome: Outcome;
  ms: number;
  /** The error code for outcome 'error', to tell unexpected failures apart. */
  code?: string;
}

export interface Mix {
  /** Published offerings, for detail pages. */
  ids: readonly number[];
  regions: readonly { key: string; name: string }[];
}

/** Shares of the requests, in percent. */
export const weights = { search: 50, 'map-points': 20, detail: 20, region: 10 } as const;

interface Planned {
  route: Exclude<Route, 'search-degraded'>;
  path: string;
  headers?: Record<string, string>;
}

// GET /api/map-points takes the filters only: it answers every match at once, unpaged and unsorted.
const mapQueries = queryMix.map((text) => {
  const params = new URLSearchParams(text);
  for (const key of ['sort', 'page', 'perPage']) params.delete(key);
  return params.toString();
});
const mapWithQ = mapQueries.filter((q) => new URLSearchParams(q).has('q'));
// The empty query is the first visit to the map: every point.
const mapWithoutQ = [...new Set(['', ...mapQueries.filter((q) => !new URLSearchParams(q).has('q'))])];

function plan(mix: Mix, random: () => number): Planned {
  const one = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  let roll = random() * 100;
  if ((roll -= weights.search) < 0) return { route: 'search', path: `/api/offerings?${one(queryMix)}` };
  if ((roll -= weights['map-points']) < 0) {
    const query = random() < 0.5 ? one(mapWithQ) : one(mapWithoutQ);
    return { route: 'map-points', path: `/api/map-points${query ? `?${query}` : ''}`, headers: { 'accept-encoding': 'br, gzip' } };
  }
  if ((roll -= weights.detail) < 0) return { route: 'detail', path: `/api/offerings/${one(mix.ids)}` };
  // The region routes the web client uses: naming a region, drawing it, and looking a place up as one types.
  const region = one(mix.regions);
  const kind = random();
  if (kind < 0.5) return { route: 'region', path: `/api/regions/${region.key}` };
  if (kind < 0.75) return { route: 'region', path: `/api/regions/${region.key}/outline` };
  return { route: 'region', path: `/api/regions?q=${encodeURIComponent(region.name.slice(0, 4))}` };
}

function failure(error: unknown): { outcome: Outcome; code?: string } {
  const code = String((error as { code?: unknown }).code ?? (error as Error).name ?? 'unknown');
  if (code === 'ECONNREFUSED') return { outcome: 'refused' };
  // "other side closed" (UND_ERR_SOCKET) is a keep-alive connection the stopping server closed under a request.
  if (['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED'].includes(code)) return { outcome: 'reset' };
  if (code.startsWith('UND_ERR_') && code.endsWith('TIMEOUT')) return { outcome: 'timeout' };
  return { outcome: 'error', code };
}

/** Pause after a failed connection: browsers do not retry in a tight loop, and the server restarts on the same cores. */
const RETRY_PAUSE_MS = 100;

/**
 * `concurrency` workers send back to back until `endAt` (ms after `t0`); each finished request goes to
 * `record`. Resolves when the last answer is read.
 */
export async function runTraffic(options: {
  origin: string;
  concurrency: number;
  mix: Mix;
  t0: number;
  endAt: number;
  record: (sample: Sample) => void;
}): Promise<void> {
  const { origin, concurrency, mix, t0, endAt, record } = options;
  const pool = new Pool(origin, {
    connections: concurrency,
    keepAliveTimeout: 30_000,
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
    connectTimeout: 5_000,
  });
  const worker = async (seed: number) => {
    const random = seededRandom(seed);
    while (performance.now() - t0 < endAt) {
      const planned = plan(mix, random);
      const started = performance.now();
      let route: Route = planned.route;
      let result: { outcome: Outcome; code?: string };
      try {
        const res = await pool.request({ method: 'GET', path: planned.path, headers: planned.headers });
        if (planned.route === 'search' && res.statusCode === 200) {
          const body = (await res.body.json()) as { degraded?: boolean };
          if (body.degraded === true) route = 'search-degraded';
        } else {
          await res.body.arrayBuffer();
        }
        result = { outcome: res.statusCode };
      } catch (error) {
        result = failure(error);
      }
      const ended = performance.now();
      record({ sent: started - t0, route, ms: ended - started, ...result });
      if (typeof result.outcome !== 'number') await new Promise((r) => setTimeout(r, RETRY_PAUSE_MS));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(i + 1)));
  await pool.close();
}
