import { and, count, gt, isNotNull, isNull } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { databaseFile, loadConfig } from '../../server/config';
import { openDatabase, type Db } from '../../server/db/connection';
import { outbox } from '../../server/db/schema';
import { leaseHolder } from '../../server/repos/leases-repo';
import { MeiliClient } from '../../server/search/meili-client';
import { changeSite, compareIndexWithDatabase, makeChanges } from '../helpers/offering-changes';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';

// `kill -9` while the server applies a large backlog: after a restart, nothing is lost and nothing that
// was marked done is marked again.

const dataDir = mkdtempSync(join(tmpdir(), 'blk-outbox-crash-'));
const prefix = `crash${process.pid}_`;
const env = {
  DATA_DIR: dataDir, MEILI_URL: inject('meiliUrl'), MEILI_MASTER_KEY: inject('meiliKey'), MEILI_INDEX_PREFIX: prefix,
};
const client = new MeiliClient(inject('meiliUrl'), inject('meiliKey'));
const servers: ServerProcess[] = [];
let db: Db;

beforeAll(async () => {
  // A first start creates the (empty) index; each test then writes its backlog while no server runs.
  const first = await start();
  await first.stop();
  db = openDatabase(databaseFile(loadConfig(env)));
}, 120_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  db?.$client.close();
  await client.request('DELETE', `/indexes/${prefix}offerings`).catch(() => undefined);
  await client.close();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

async function start(): Promise<ServerProcess> {
  const server = await startServerProcess(env);
  servers.push(server);
  return server;
}

const doneCount = () => db.select({ n: count() }).from(outbox).where(isNotNull(outbox.doneAt)).get()!.n;
const pendingCount = () => db.select({ n: count() }).from(outbox).where(isNull(outbox.doneAt)).get()!.n;

async function waitUntil(check: () => boolean, timeoutMs: number, everyMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, everyMs));
}

describe('a server killed while it applies the outbox', () => {
  it('loses nothing: after a restart the index equals the database', async () => {
    const doneBefore = doneCount();
    makeChanges(changeSite(db), 3000, 5);
    expect(pendingCount()).toBe(3000);

    const second = await start();
    // Kill it as soon as the first batch is marked done, while the next ones are on their way.
    await waitUntil(() => doneCount() > doneBefore, 60_000, 5);
    second.child.kill('SIGKILL');
    expect(await second.exited()).toBe('SIGKILL');
    const doneAtKill = db.select({ seq: outbox.seq, doneAt: outbox.doneAt }).from(outbox).where(isNotNull(outbox.doneAt)).all();
    expect(doneAtKill.length).toBeGreaterThan(doneBefore);
    expect(pendingCount()).toBeGreaterThan(0);
    // Its lease is still there: the next process must wait for it to run out, not ignore it.
    expect(leaseHolder(db, 'outbox')?.owner).toMatch(new RegExp(`^${second.child.pid}-`));

    const third = await start();
    await waitUntil(() => pendingCount() === 0, 60_000, 50);
    expect(pendingCount()).toBe(0);

    const { differences } = await compareIndexWithDatabase(db, client, `${prefix}offerings`);
    expect(differences).toEqual([]);
    // What was confirmed before the kill stays as it was: done once, never again.
    const after = new Map(db.select({ seq: outbox.seq, doneAt: outbox.doneAt }).from(outbox).all().map((e) => [e.seq, e.doneAt]));
    for (const e of doneAtKill) expect(after.get(e.seq)).toBe(e.doneAt);
    await third.stop();
    expect(await third.exited()).toBe(0);
  }, 120_000);
});

describe('a server stopped with SIGTERM while it applies the outbox', () => {
  it('abandons its batch unmarked and releases its lease, so the next start goes on at once', async () => {
    const doneBefore = doneCount();
    makeChanges(changeSite(db), 3000, 6);
    const server = await start();
    await waitUntil(() => doneCount() > doneBefore, 60_000, 5);
    await server.stop();
    expect(await server.exited()).toBe(0);
    expect(leaseHolder(db, 'outbox')).toBeNull();
    expect(pendingCount()).toBeGreaterThan(0);
    // Nothing was marked done without Meilisearch's confirmation, and no attempt was counted as failed.
    expect(db.select({ n: count() }).from(outbox).where(and(isNull(outbox.doneAt), gt(outbox.attempts, 0))).get()!.n).toBe(0);

    await start();
    await waitUntil(() => pendingCount() === 0, 60_000, 50);
    expect(pendingCount()).toBe(0);
    const { differences } = await compareIndexWithDatabase(db, client, `${prefix}offerings`);
    expect(differences).toEqual([]);
  }, 120_000);
});
