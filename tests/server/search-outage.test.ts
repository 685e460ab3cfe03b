import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { startMeilisearch, type MeiliProcess } from '../../server/search/meili-process';
import { ensureReferenceData, seedDemoData } from '../../seed/prepare';
import type { FastifyInstance } from 'fastify';
import type { OfferingsResponse } from '../../schema';

// A Meilisearch of its own, stopped in the middle of the run: the API must degrade, not fail with a 500.

const dir = mkdtempSync(join(tmpdir(), 'blk-outage-'));
let meili: MeiliProcess;
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

beforeAll(async () => {
  meili = await startMeilisearch(join(dir, 'meili'), { info: () => {}, warn: () => {}, debug: () => {} });
  app = await buildApp(
    loadConfig({ DATA_DIR: dir, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, LOG_LEVEL: 'silent' }),
  );
  await app.ready();
  ensureReferenceData(app.db, { info: () => {} });
  seedDemoData(app.db, { count: 200, seed: 5 });
  await app.directory.refresh();
  await app.directory.textRebuilt;
  for (const query of fixedQueries) before.set(query, (await app.inject({ method: 'GET', url: `/api/offerings?${query}` })).json());
  await meili.stop();
});
afterAll(async () => {
  await app?.close();
  await meili?.stop();
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

  it('reports itself as degraded in the health check', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'degraded', database: { ok: true }, search: { ok: false } });
  });

  it('still serves offerings by id and map points without text from SQLite and memory', async () => {
    const points = await app.inject({ method: 'GET', url: '/api/map-points?age=10' });
    expect(points.statusCode).toBe(200);
    const [first] = points.json().ids as number[];
    expect(first).toBeDefined();
    expect((await app.inject({ method: 'GET', url: `/api/offerings/${first}` })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/map-points?q=Nachhilfe' })).statusCode).toBe(503);
  });
});
