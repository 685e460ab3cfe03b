import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { startMeilisearch, type MeiliProcess } from '../../server/search/meili-process';
import { ensureReferenceData, seedDemoData } from '../../seed/prepare';
import type { FastifyInstance } from 'fastify';

// A Meilisearch of its own, stopped in the middle of the run: the API must degrade, not fail with a 500.

const dir = mkdtempSync(join(tmpdir(), 'blk-outage-'));
let meili: MeiliProcess;
let app: FastifyInstance;

beforeAll(async () => {
  meili = await startMeilisearch(join(dir, 'meili'), { info: () => {}, warn: () => {}, debug: () => {} });
  app = await buildApp(
    loadConfig({ DATA_DIR: dir, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, LOG_LEVEL: 'silent' }),
  );
  await app.ready();
  ensureReferenceData(app.db, { info: () => {} });
  seedDemoData(app.db, { count: 200, seed: 5 });
  await app.directory.refresh();
  await meili.stop();
});
afterAll(async () => {
  await app?.close();
  await meili?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('when Meilisearch is down', () => {
  it('answers searches with 503 and a message people can act on', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/offerings?q=Nachhilfe' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ error: 'search_unavailable' });
    expect(res.json().message).toMatch(/try again/);
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
