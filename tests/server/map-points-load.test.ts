import type { FastifyInstance } from 'fastify';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zMapPointsQuery, type MapPointsQuery } from '../../schema';
import type { OfferingSearch } from '../../server/search/offering-search';
import { MapPointsService, type Encoding } from '../../server/services/map-points';
import { startTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ demoCount: 2000 });
});
afterAll(() => t?.close());

const query = (raw: Record<string, string> = {}): MapPointsQuery => zMapPointsQuery.parse(raw);
const service = (options?: { maxBytes?: number }, search: OfferingSearch = t.app.offeringSearch) =>
  new MapPointsService(t.app.directory, search, options);

function get(app: FastifyInstance, url: string, acceptEncoding?: string) {
  return app.inject({ method: 'GET', url, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });
}

/** The JSON text of a response, whatever its content-encoding. */
function decoded(res: { headers: Record<string, unknown>; rawPayload: Buffer }): string {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(res.rawPayload).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(res.rawPayload).toString('utf8');
  expect(encoding).toBeUndefined();
  return res.rawPayload.toString('utf8');
}

const asText = (body: string | Buffer, encoding: Encoding) =>
  encoding === 'br' ? brotliDecompressSync(body).toString('utf8')
    : encoding === 'gzip' ? gunzipSync(body).toString('utf8')
      : (body as string);

describe('GET /api/map-points under load', () => {
  it('gives 50 concurrent identical requests the identical body', async () => {
    const responses = await Promise.all(Array.from({ length: 50 }, () => get(t.app, '/api/map-points?age=8', 'br')));
    for (const res of responses) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.rawPayload.equals(responses[0]!.rawPayload)).toBe(true);
    }
    expect(JSON.parse(decoded(responses[0]!)).total).toBeGreaterThan(0);
  });

  it('answers the same JSON in every encoding', async () => {
    const headers = ['br', 'gzip', 'identity', undefined, 'gzip;q=1, br;q=0.5', '*'];
    const responses = await Promise.all(headers.map((h) => get(t.app, '/api/map-points?region=08', h)));
    expect(responses.map((r) => r.headers['content-encoding'])).toEqual(['br', 'gzip', undefined, undefined, 'gzip', 'br']);
    const texts = responses.map(decoded);
    for (const text of texts) expect(text).toBe(texts[0]);
    expect(JSON.parse(texts[0]!).total).toBeGreaterThan(0);
  });

  it('never answers in brotli when the client refuses it with q=0', async () => {
    for (const header of ['br;q=0', 'br;q=0, gzip', '*, br;q=0', 'gzip;q=0.1, br;q=0.0']) {
      const res = await get(t.app, '/api/map-points', header);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding'], header).not.toBe('br');
      expect(JSON.parse(decoded(res)).total).toBeGreaterThan(0);
    }
  });
});

describe('MapPointsService', () => {
  it('computes and compresses once for 50 concurrent identical requests', async () => {
    const points = service();
    const bodies = await Promise.all(Array.from({ length: 50 }, () => points.body(query({ age: '9' }), 'br')));
    expect(points.stats).toMatchObject({ computed: 1, compressed: 1, joined: 49 });
    for (const body of bodies) expect(body).toBe(bodies[0]);
  });

  it('shares one computation across a text search that waits for Meilisearch', async () => {
    const points = service();
    const bodies = await Promise.all(Array.from({ length: 20 }, () => points.body(query({ q: 'Nachhilfe' }), 'identity')));
    expect(points.stats).toMatchObject({ computed: 1, compressed: 0 });
    expect(new Set(bodies).size).toBe(1);
  });

  it('computes the JSON once and compresses it once per encoding', async () => {
    const points = service();
    const encodings: Encoding[] = ['br', 'gzip', 'identity'];
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => encodings[i % 3]!).map(async (e) => asText(await points.body(query({ region: '05' }), e), e)),
    );
    expect(points.stats).toMatchObject({ computed: 1, compressed: 2 });
    for (const text of answers) expect(text).toBe(answers[0]);
    // Later requests come from the cache.
    await points.body(query({ region: '05' }), 'gzip');
    expect(points.stats).toMatchObject({ computed: 1, compressed: 2 });
  });

  it('computes anew when the data version changes', async () => {
    const points = service();
    await points.body(query(), 'identity');
    t.app.directory.version++;
    await points.body(query(), 'identity');
    expect(points.stats.computed).toBe(2);
  });

  it('does not keep a failure: the next request tries again', async () => {
    let fail = true;
    const search = {
      matchingIds: (...args: Parameters<OfferingSearch['matchingIds']>) =>
        fail ? Promise.reject(new Error('search down')) : t.app.offeringSearch.matchingIds(...args),
    } as unknown as OfferingSearch;
    const points = service({}, search);
    const failed = await Promise.allSettled(Array.from({ length: 5 }, () => points.body(query({ q: 'Ferien' }), 'br')));
    expect(failed.every((r) => r.status === 'rejected')).toBe(true);
    expect(points.stats).toMatchObject({ computed: 1, compressed: 0, entries: 0 });
    fail = false;
    const body = await points.body(query({ q: 'Ferien' }), 'br');
    expect(JSON.parse(asText(body, 'br')).total).toBeGreaterThan(0);
    expect(points.stats).toMatchObject({ computed: 2, compressed: 1 });
  });

  it('holds fewer answers when they weigh more than its byte bound', async () => {
    const queries = ['01', '02', '03', '04'].map((region) => query({ region }));
    const sizes = await Promise.all(queries.map(async (q) => Buffer.byteLength(await service().body(q, 'identity') as string)));
    expect(sizes.every((s) => s > 0)).toBe(true);

    const unbounded = service();
    for (const q of queries) await unbounded.body(q, 'identity');
    expect(unbounded.stats.entries).toBe(4);

    // Room for the last two answers only: the two older ones are evicted.
    const bounded = service({ maxBytes: sizes[2]! + sizes[3]! });
    for (const q of queries) await bounded.body(q, 'identity');
    expect(bounded.stats.entries).toBe(2);
    await bounded.body(queries[0]!, 'identity');
    expect(bounded.stats.computed).toBe(5);
    await bounded.body(queries[0]!, 'identity');
    expect(bounded.stats.computed).toBe(5);
  });
});
