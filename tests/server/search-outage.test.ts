import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DegradedSearch } from '../../server/search/degraded-search';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { PROBE_EVERY_MS } from '../../server/search/meili-availability';
import { ensureReferenceData, seedDemoData } from '../../seed/prepare';
import type { FastifyInstance } from 'fastify';
import type { Health, MapPointsResponse, OfferingsResponse } from '../../schema';
import { stableMeilisearch, type StableMeilisearch } from '../helpers/server-process';

// A Meilisearch of its own behind a fixed port, stopped in the middle of the run and started again: the API
// must degrade, not fail with a 500, and come back by itself.

const dir = mkdtempSync(join(tmpdir(), 'blk-outage-'));
let meili: StableMeilisearch;
let app: FastifyInstance;
/**
 * Queries answered before the outage, and what they gave. Without Meilisearch there is no typo tolerance
 * and no word splitting, so a text finds a little less: on this data "q=Nachhilfe" finds 32 of
 * Meilisearch's 33 (its typo derivations reach a "Schülerlabor"), "q=Sprachpatenschaft" 8 of 10. Filters
 * alone, and a text Meilisearch answers without those derivations, give exactly the same.
 */
const fixedQueries = [
  'perPage=100', 'age=10&perPage=100', 'category=tutoring&category=homework_help&perPage=100',
  'cost=free&lang=ar&perPage=100', 'near=52.52,13.405&radius=200&perPage=100',
  'q=Hausaufgabenhilfe&age=9&perPage=100',
];
const before = new Map<string, OfferingsResponse>();
/** Map views (with a text, and one no offering matches completely: relaxed), and their ids before. */
const mapQueries = ['age=10', 'q=Hausaufgabenhilfe', 'q=Hausaufgabenhilfe&age=9', 'q=Hausaufgabenhilfe Zauberwürfel'];
const mapBefore = new Map<string, number[]>();
/**
 * A text the degraded search answers with fewer offerings (no typo tolerance). Its map is first asked for
 * during the outage, so a cache would keep that answer: the list's ids before the outage say what it must be.
 */
const differing = 'q=Nachhilfe';
let differingBefore: number[] = [];

const get = (url: string) => app.inject({ method: 'GET', url });
const mapIds = (body: MapPointsResponse) => [...body.ids].sort((a, b) => a - b);

beforeAll(async () => {
  meili = await stableMeilisearch(join(dir, 'meili'));
  app = await buildApp(
    loadConfig({ DATA_DIR: dir, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, LOG_LEVEL: 'silent' }),
  );
  await app.ready();
  ensureReferenceData(app.db, { info: () => {} });
  seedDemoData(app.db, { count: 200, seed: 5 });
  await app.directory.refresh();
  await app.directory.textRebuilt;
  for (const query of fixedQueries) before.set(query, (await get(`/api/offerings?${query}`)).json());
  for (const query of mapQueries) mapBefore.set(query, mapIds((await get(`/api/map-points?${query}`)).json()));
  differingBefore = ((await get(`/api/offerings?${differing}&perPage=100`)).json() as OfferingsResponse).hits.map((h) => h.id).sort((a, b) => a - b);
  await meili.stop();
});
afterAll(async () => {
  await app?.close();
  await meili?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('when Meilisearch is down', () => {
  it('answers searches from its own data: the same offerings and facet counts, marked as degraded', async () => {
    for (const query of fixedQueries) {
      const res = await app.inject({ method: 'GET', url: `/api/offerings?${query}` });
      expect(res.statusCode, query).toBe(200);
      const answer = res.json() as OfferingsResponse;
      const earlier = before.get(query)!;
      expect(answer.degraded, query).toBe(true);
      expect(answer.total, query).toBe(earlier.total);
      expect(answer.facets, query).toEqual(earlier.facets);
      const ids = (r: OfferingsResponse) => r.hits.map((h) => h.id).sort((a, b) => a - b);
      if (earlier.total <= 100) expect(ids(answer), query).toEqual(ids(earlier));
    }
  });

  it('answers 503 and a message people can act on while its own text index is not complete', async () => {
    app.directory.textReady = false;
    try {
      const res = await app.inject({ method: 'GET', url: '/api/offerings?q=Nachhilfe' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ error: 'search_unavailable' });
      expect(res.json().message).toMatch(/try again/);
    } finally {
      app.directory.textReady = true;
    }
  });

  it('relaxes a query no offering matches completely, and offers broader searches when nothing matches', async () => {
    const relaxed = (await get('/api/offerings?q=Hausaufgabenhilfe Zauberwürfel')).json() as OfferingsResponse;
    expect(relaxed.degraded).toBe(true);
    expect(relaxed.relaxed).toEqual({ matched: ['Hausaufgabenhilfe'], dropped: ['Zauberwürfel'] });
    expect(relaxed.total).toBeGreaterThan(0);

    const nothing = (await get('/api/offerings?q=Qwyxzv&age=10')).json() as OfferingsResponse;
    expect(nothing.total).toBe(0);
    expect(nothing.degraded).toBe(true);
    expect(nothing.alternatives).toEqual([{ kind: 'without_words', total: before.get('age=10&perPage=100')!.total }]);
  });

  it('works out a repeated search once per version of the data, and a repeated map view once', async () => {
    const page = vi.spyOn(DegradedSearch.prototype, 'page');
    const ids = vi.spyOn(DegradedSearch.prototype, 'ids');
    try {
      const query = '/api/offerings?q=Hausaufgabenhilfe&cost=free';
      const first = (await get(query)).json() as OfferingsResponse;
      expect((await get(query)).json()).toEqual(first);
      expect(page).toHaveBeenCalledTimes(1);
      app.directory.version++;
      expect((await get(query)).json()).toEqual(first);
      expect(page).toHaveBeenCalledTimes(2);

      const map = await get('/api/map-points?q=Hausaufgabenhilfe&cost=free');
      expect((await get('/api/map-points?q=Hausaufgabenhilfe&cost=free')).body).toBe(map.body);
      expect(ids).toHaveBeenCalledTimes(1);
    } finally {
      page.mockRestore();
      ids.mockRestore();
    }
  });

  it('reports itself as degraded in the health check, and that searches use its own data', async () => {
    const res = await get('/api/health');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'degraded', database: { ok: true }, search: { ok: false }, fallback: { ready: true, inUse: true } });
  });

  it('serves map points (with a text too, relaxed as the list is) and offerings by id with the same ids as before', async () => {
    for (const query of mapQueries) {
      const res = await get(`/api/map-points?${query}`);
      expect(res.statusCode, query).toBe(200);
      const ids = mapIds(res.json());
      expect(ids.length, query).toBeGreaterThan(0);
      expect(ids, query).toEqual(mapBefore.get(query));
    }
    // Asked during the outage, so a cache would keep it: it must not outlive the outage (checked below).
    const fewer = mapIds((await get(`/api/map-points?${differing}`)).json());
    expect(fewer.length).toBeLessThan(differingBefore.length);
    const [first] = mapBefore.get('age=10')!;
    expect((await get(`/api/offerings/${first}`)).statusCode).toBe(200);
  });

  it('exports the offerings of a map view with a text from its own data', async () => {
    const geojson = await get('/api/offerings.geojson?q=Hausaufgabenhilfe');
    expect(geojson.statusCode).toBe(200);
    const ids = (geojson.json().features as { properties: { id: number } }[]).map((f) => f.properties.id);
    expect(ids.sort((a, b) => a - b)).toEqual(mapBefore.get('q=Hausaufgabenhilfe'));
  });
});

describe('when Meilisearch is back', () => {
  it('answers from Meilisearch again without a restart, and map points are not kept from the outage', async () => {
    // Map views during the outage may be kept by nobody else either.
    const during = await get(`/api/map-points?${differing}`);
    expect(during.headers['cache-control']).toBe('no-store');

    await meili.start();
    // Only health checks and map views now, no list search: they too let a health check (at most one per
    // second) find Meilisearch back.
    let health: Health | undefined;
    for (let i = 0; i < 20 && health?.fallback?.inUse !== false; i++) {
      await new Promise((r) => setTimeout(r, PROBE_EVERY_MS / 2));
      await get(`/api/map-points?${differing}`);
      health = (await get('/api/health')).json() as Health;
    }
    expect(health).toMatchObject({ search: { ok: true }, fallback: { ready: true, inUse: false } });
    const map = await get(`/api/map-points?${differing}`);
    expect(mapIds(map.json())).toEqual(differingBefore);
    expect(map.headers['cache-control']).toBe('public, max-age=60');
    for (const query of mapQueries) expect(mapIds((await get(`/api/map-points?${query}`)).json()), query).toEqual(mapBefore.get(query));

    const answer = (await get('/api/offerings?q=Hausaufgabenhilfe&age=9&perPage=100')).json() as OfferingsResponse;
    expect(answer.degraded).toBeUndefined();
    expect(answer.total).toBe(before.get('q=Hausaufgabenhilfe&age=9&perPage=100')!.total);
  });
});
