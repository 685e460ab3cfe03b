import { eq, gt } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { offerings, outbox } from '../../server/db/schema';
import { maxOutboxSeq } from '../../server/repos/outbox-repo';
import { archiveOffering } from '../../server/services/offering-lifecycle';
import { updateOffering } from '../../server/services/offerings-service';
import { ensureReferenceData, seedDemoData } from '../../seed/prepare';
import { changeSite, compareIndexWithDatabase, expectedIndex, makeChanges } from '../helpers/offering-changes';
import { stableMeilisearch, type StableMeilisearch } from '../helpers/server-process';
import { makeServiceChanges, serviceActors } from '../helpers/service-changes';

// A Meilisearch of its own that goes away while offerings change: the writes must succeed, the health
// check must show the backlog, and once Meilisearch is back the index must equal the database.

const dir = mkdtempSync(join(tmpdir(), 'blk-outbox-outage-'));
let meili: StableMeilisearch;
let app: FastifyInstance;

beforeAll(async () => {
  meili = await stableMeilisearch(join(dir, 'meili'));
  app = await buildApp(loadConfig({ DATA_DIR: dir, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, LOG_LEVEL: 'silent' }));
  await app.ready();
  ensureReferenceData(app.db, { info: () => {} });
  seedDemoData(app.db, { count: 100, seed: 11 });
  await app.directory.refresh();
});
afterAll(async () => {
  await app?.close();
  await meili?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function health() {
  const res = await app.inject({ method: 'GET', url: '/api/health' });
  return { code: res.statusCode, body: res.json() };
}

async function until(timeoutMs: number, check: () => Promise<boolean> | boolean): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - started;
}

describe('when Meilisearch is down while offerings change', () => {
  it('keeps every write, shows the backlog, and catches up exactly once Meilisearch is back', async () => {
    const site = changeSite(app.db);
    const before = maxOutboxSeq(app.db);
    await meili.stop();

    makeChanges(site, 200, 3);
    const written = app.db.select({ seq: outbox.seq }).from(outbox).where(gt(outbox.seq, before)).all();
    expect(written).toHaveLength(200);
    expect(app.db.select({ id: offerings.id }).from(offerings).where(gt(offerings.providerId, 0)).all().length).toBeGreaterThan(100);

    // The worker has tried once and recorded why it failed; the backlog stays.
    await until(10_000, async () => (await health()).body.outbox.lastError !== undefined);
    const down = await health();
    expect(down.code).toBe(503);
    expect(down.body).toMatchObject({ status: 'degraded', search: { ok: false } });
    expect(down.body.outbox.pending).toBe(200);
    expect(down.body.outbox.oldestPendingAgeMs).toBeGreaterThanOrEqual(0);
    expect(down.body.outbox.lastError).toMatch(/not reachable/);
    expect(down.body.outbox.lastError).not.toContain(meili.masterKey);

    await meili.start();
    await until(20_000, async () => (await health()).body.outbox.pending === 0);
    expect((await health()).body).toMatchObject({ status: 'ok', outbox: { pending: 0, oldestPendingAgeMs: null } });

    const { documents, differences } = await compareIndexWithDatabase(app.db, app.meili, app.offeringIndex.uid);
    expect(differences).toEqual([]);
    const expected = expectedIndex(app.db).hashes;
    expect(documents).toBe(expected.size);

    // The map shows the same offerings as the index.
    await until(2000, async () => {
      const ids = (await app.inject({ method: 'GET', url: '/api/map-points' })).json().ids as number[];
      return ids.length === expected.size && ids.every((id) => expected.has(id));
    });
  }, 60_000);

  it('catches up the same after 200 changes made through the services (create, edit, submit, publish, reject, revise, correct, archive)', async () => {
    const site = changeSite(app.db);
    const actors = serviceActors(site);
    // First, entries the index already holds: the worker writes an offering's current state, so a change
    // that forgot its outbox entry only shows for an offering with no other entry pending.
    const ids: number[] = [];
    makeServiceChanges(site, actors, 80, 5, ids);
    await until(20_000, async () => (await health()).body.outbox.pending === 0);
    const indexed = ids.filter((id) => app.db.select({ s: offerings.status }).from(offerings).where(eq(offerings.id, id)).get()!.s === 'published');
    expect(indexed.length).toBeGreaterThanOrEqual(3);
    const before = maxOutboxSeq(app.db);
    await meili.stop();

    archiveOffering(app.db, actors.coordinator, indexed[0]!);
    updateOffering(app.db, actors.coordinator, indexed[1]!, { title: 'Berichtigt während der Störung', maxAge: 14 });
    updateOffering(app.db, actors.provider, indexed[2]!, { title: 'Vorschlag, noch nicht geprüft' });
    const made = makeServiceChanges(site, actors, 197, 6, ids);
    expect(Object.values(made).reduce((a, b) => a + b, 0)).toBe(197);
    for (const kind of ['create', 'publish', 'reject', 'propose revision', 'correct', 'archive']) expect(made[kind], kind).toBeGreaterThan(0);
    // Only what changes the public view reaches the outbox (publishing, corrections, archiving …).
    const written = app.db.select({ seq: outbox.seq }).from(outbox).where(gt(outbox.seq, before)).all().length;
    expect(written).toBeGreaterThan(0);
    await until(10_000, async () => (await health()).body.outbox.pending === written);

    await meili.start();
    await until(20_000, async () => (await health()).body.outbox.pending === 0);
    const { documents, differences } = await compareIndexWithDatabase(app.db, app.meili, app.offeringIndex.uid);
    expect(differences).toEqual([]);
    expect(documents).toBe(expectedIndex(app.db).hashes.size);
  }, 90_000);
});
