import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GapsResponse } from '../../schema';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { ensureReferenceData } from '../../seed/prepare';
import { addOffering } from '../helpers/fixtures';
import { stableMeilisearch, type StableMeilisearch } from '../helpers/server-process';

// A Meilisearch of its own behind a fixed port, stopped and started again: a text target group needs it
// for its ids, the other target groups do not.

const dir = mkdtempSync(join(tmpdir(), 'blk-gaps-outage-'));
let meili: StableMeilisearch;
let app: FastifyInstance;
let chessId: number;

beforeAll(async () => {
  meili = await stableMeilisearch(join(dir, 'meili'));
  app = await buildApp(loadConfig({ DATA_DIR: dir, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, LOG_LEVEL: 'silent' }));
  await app.ready();
  ensureReferenceData(app.db, { info: () => {} });
  chessId = addOffering(app.db, { title: 'Schach für Kinder' }, {
    regionKey: '09276146', city: 'Zachenberg', postcode: '94239', lat: 48.973, lng: 13.02,
  });
  await app.directory.refresh();
});
afterAll(async () => {
  await app?.close();
  await meili?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string) => app.inject({ method: 'GET', url });

describe('GET /api/gaps while Meilisearch is down', () => {
  it('answers a text target group from its own text index once complete (503 before), the others as usual, and from Meilisearch once it is back', async () => {
    await app.directory.textRebuilt;
    await meili.stop();
    app.directory.textReady = false;
    const text = await get('/api/gaps?region=09276&q=Schach');
    expect(text.statusCode).toBe(503);
    expect(text.json()).toMatchObject({ error: 'search_unavailable' });
    const plain = await get('/api/gaps?region=09276&category=tutoring');
    expect(plain.statusCode).toBe(200);
    expect((plain.json() as GapsResponse).summary.matching).toBe(1);

    app.directory.textReady = true;
    const degraded = await get('/api/gaps?region=09276&q=Schach');
    expect(degraded.statusCode).toBe(200);
    expect((degraded.json() as GapsResponse).summary.matching).toBe(1);

    // Neither the failed nor the degraded build is kept: the same request is answered by Meilisearch again.
    await meili.start();
    const again = await get('/api/gaps?region=09276&q=Schach');
    expect(again.statusCode).toBe(200);
    const body = again.json() as GapsResponse;
    expect(body.summary.matching).toBe(1);
    expect(body.municipalities.every((m) => m.nearestOfferingId === chessId)).toBe(true);
  });
});
