import { count, gt, isNull } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { databaseFile, loadConfig } from '../../server/config';
import { openDatabase, type Db } from '../../server/db/connection';
import { outbox } from '../../server/db/schema';
import { maxOutboxSeq } from '../../server/repos/outbox-repo';
import { MeiliClient } from '../../server/search/meili-client';
import { createUser } from '../helpers/accounts';
import { signInOverHttp } from '../helpers/http-session';
import { changeSite, compareIndexWithDatabase, createOffering, makeChanges, type ChangeSite } from '../helpers/offering-changes';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';

// The scale-out shape: two API processes on one DATA_DIR with one Meilisearch. The lease lets exactly one
// apply each entry, and a change is visible through both within 2 s.

const dataDir = mkdtempSync(join(tmpdir(), 'blk-outbox-scale-'));
const prefix = `scale${process.pid}_`;
const uid = `${prefix}offerings`;
const env = {
  DATA_DIR: dataDir, MEILI_URL: inject('meiliUrl'), MEILI_MASTER_KEY: inject('meiliKey'), MEILI_INDEX_PREFIX: prefix,
};
const client = new MeiliClient(inject('meiliUrl'), inject('meiliKey'));
let servers: ServerProcess[] = [];
let db: Db;
let site: ChangeSite;

beforeAll(async () => {
  // The first process creates the database and the index; the second joins it, as a second core would.
  servers.push(await startServerProcess(env));
  servers.push(await startServerProcess(env));
  db = openDatabase(databaseFile(loadConfig(env)));
  site = changeSite(db);
}, 180_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  db?.$client.close();
  await client.request('DELETE', `/indexes/${uid}`).catch(() => undefined);
  await client.close();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

interface TaskPage {
  results: { type: string; status: string; details?: { receivedDocuments?: number; providedIds?: number } }[];
  next: number | null;
}

/** Documents written and ids deleted by every document task Meilisearch ran on the index since `since`. */
async function documentsSent(since: string): Promise<number> {
  let sent = 0;
  let from: number | null = null;
  do {
    const page: TaskPage = await client.request('GET',
      `/tasks?indexUids=${uid}&types=documentAdditionOrUpdate,documentDeletion&afterEnqueuedAt=${since}&limit=1000${from === null ? '' : `&from=${from}`}`);
    for (const task of page.results) sent += (task.details?.receivedDocuments ?? 0) + (task.details?.providedIds ?? 0);
    from = page.next;
  } while (from !== null);
  return sent;
}

async function visibleThrough(server: ServerProcess, id: number, title: string): Promise<boolean> {
  const [search, detail, points] = await Promise.all([
    fetch(`${server.origin}/api/offerings?q=${encodeURIComponent(title)}`).then((r) => r.json()),
    fetch(`${server.origin}/api/offerings/${id}`),
    fetch(`${server.origin}/api/map-points`).then((r) => r.json()),
  ]);
  return search.total === 1 && detail.status === 200 && (points.ids as number[]).includes(id);
}

describe('two API processes on one DATA_DIR', () => {
  it('apply each outbox entry exactly once, under one lease at a time', async () => {
    const before = maxOutboxSeq(db);
    const since = new Date(Date.now() - 1000).toISOString();
    makeChanges(site, 1000, 9);
    const deadline = Date.now() + 60_000;
    const pending = () => db.select({ n: count() }).from(outbox).where(isNull(outbox.doneAt)).get()!.n;
    while (pending() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(pending()).toBe(0);

    const entries = db.select().from(outbox).where(gt(outbox.seq, before)).all();
    expect(entries).toHaveLength(1000);
    const pids = servers.map((s) => s.child.pid);
    for (const e of entries) {
      expect(e.attempts).toBe(1);
      expect(e.doneAt).not.toBeNull();
      expect(pids).toContain(Number(e.appliedBy?.split('-')[0]));
    }
    // One batch = the entries one holder marked in one transaction. Each sends one document or deletion
    // per distinct offering; had both processes applied the same entries, Meilisearch would have got more.
    const batches = new Map<string, Set<number>>();
    for (const e of entries) {
      const key = `${e.appliedBy} ${e.doneAt}`;
      batches.set(key, (batches.get(key) ?? new Set()).add(e.offeringId));
    }
    const expected = [...batches.values()].reduce((sum, ids) => sum + ids.size, 0);
    expect(await documentsSent(since)).toBe(expected);

    const { differences } = await compareIndexWithDatabase(db, client, uid);
    expect(differences).toEqual([]);
  }, 90_000);

  it('shows a change approved through either process through both within 2 s (search, detail and map)', async () => {
    // A coordinator of Baden-Württemberg (the change site is in Freiburg), signed in to each process.
    const coordinator = createUser(db, { email: 'koordination-bw@test.example', role: 'coordinator', regionPrefix: '08' });
    const sessions = await Promise.all(servers.map((s) => signInOverHttp(s.origin, coordinator.email, coordinator.password)));
    const timings: number[] = [];
    for (let round = 0; round < 4; round++) {
      const title = `Robotik AG Zahnrad ${round}`;
      const id = createOffering(site, { title, status: 'pending' });
      await new Promise((r) => setTimeout(r, 300));
      const started = performance.now();
      const approved = await sessions[round % 2]!.request('POST', `/api/review/offerings/${id}/publish`);
      expect(approved.status, await approved.clone().text()).toBe(200);
      for (;;) {
        const seen = await Promise.all(servers.map((s) => visibleThrough(s, id, title)));
        if (seen.every(Boolean)) break;
        if (performance.now() - started > 5000) throw new Error(`offering ${id} not visible through both: ${seen}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      timings.push(performance.now() - started);
    }
    expect(Math.max(...timings)).toBeLessThanOrEqual(2000);
  }, 60_000);
});
