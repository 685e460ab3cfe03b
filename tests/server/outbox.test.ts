import { queryTerms } from '../../server/search/query-words';
import Database from 'better-sqlite3';
import { count, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFile } from '../../server/config';
import { outbox } from '../../server/db/schema';
import { enqueueOfferingChanges } from '../../server/repos/outbox-repo';
import type { MeiliTask } from '../../server/search/meili-client';
import {
  archiveOffering, changeSite, compareIndexWithDatabase, createOffering, editOffering, publishOffering, type ChangeSite,
} from '../helpers/offering-changes';
import { startTestApp, type TestApp } from '../helpers/test-app';

// The outbox in one process: written with the change or not at all, applied within seconds, and the map
// points follow it.

let t: TestApp;
let site: ChangeSite;

beforeAll(async () => {
  t = await startTestApp({ demoCount: 50 });
  site = changeSite(t.app.db);
});
afterAll(async () => {
  await t?.close();
});

const entries = () => t.app.db.select({ n: count() }).from(outbox).get()!.n;

async function searchTotal(text: string): Promise<number> {
  const res = await t.app.inject({ method: 'GET', url: `/api/offerings?q=${encodeURIComponent(text)}&perPage=5` });
  // While an index is rebuilt the search may answer an error for a moment: not found yet.
  return res.statusCode === 200 ? (res.json().total as number) : -1;
}

async function onMap(id: number): Promise<boolean> {
  const res = await t.app.inject({ method: 'GET', url: '/api/map-points' });
  return (res.json().ids as number[]).includes(id);
}

/** Polls until `check` holds; returns the milliseconds it took, or throws after `timeoutMs`. */
async function within(timeoutMs: number, check: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return performance.now() - started;
}

describe('enqueueOfferingChanges', () => {
  it('writes its entry with the transaction, and nothing when the transaction rolls back', () => {
    const before = entries();
    expect(() =>
      t.app.db.transaction((tx) => {
        enqueueOfferingChanges(tx, [1, 2, 3], 'test');
        throw new Error('the change failed');
      }),
    ).toThrow('the change failed');
    expect(entries()).toBe(before);

    t.app.db.transaction((tx) => enqueueOfferingChanges(tx, [1], 'test'));
    expect(entries()).toBe(before + 1);
  });
});

describe('the outbox worker', () => {
  it('makes a published offering searchable and puts it on the map within 2 s', async () => {
    const id = createOffering(site, { title: 'Zirkuswerkstatt Quarkbällchen' });
    // The draft's own entry is applied too, and must not make it public.
    await within(2000, async () => t.app.db.select({ n: count() }).from(outbox).where(isNull(outbox.doneAt)).get()!.n === 0);
    expect(await searchTotal('Quarkbällchen')).toBe(0);
    expect(await onMap(id)).toBe(false);

    publishOffering(site, id);
    const ms = await within(2000, async () => (await searchTotal('Quarkbällchen')) === 1 && (await onMap(id)));
    expect(ms).toBeLessThan(2000);
    const detail = await t.app.inject({ method: 'GET', url: `/api/offerings/${id}` });
    expect(detail.statusCode).toBe(200);
  });

  it('writes an edit of a published offering to its document', async () => {
    const id = createOffering(site, { title: 'Schachclub Springerzug', status: 'published' });
    await within(2000, async () => (await searchTotal('Springerzug')) === 1);
    editOffering(site, id, { title: 'Schachclub Läuferpaar' });
    await within(2000, async () => (await searchTotal('Läuferpaar')) === 1 && (await searchTotal('Springerzug')) === 0);
  });

  it('removes an offering that is no longer published from search and map within 2 s', async () => {
    const id = createOffering(site, { title: 'Trommelgruppe Paukenschlag', status: 'published' });
    await within(2000, async () => (await searchTotal('Paukenschlag')) === 1 && (await onMap(id)));
    archiveOffering(site, id);
    await within(2000, async () => (await searchTotal('Paukenschlag')) === 0 && !(await onMap(id)));
    expect((await t.app.inject({ method: 'GET', url: `/api/offerings/${id}` })).statusCode).toBe(404);
  });

  it('reports an empty backlog in the health check, and the index equals the database', async () => {
    await within(2000, async () => (await t.app.inject({ method: 'GET', url: '/api/health' })).json().outbox.pending === 0);
    const health = (await t.app.inject({ method: 'GET', url: '/api/health' })).json();
    expect(health).toMatchObject({ status: 'ok', outbox: { pending: 0, oldestPendingAgeMs: null } });
    const { differences } = await compareIndexWithDatabase(t.app.db, t.app.meili, t.app.offeringIndex.uid);
    expect(differences).toEqual([]);
  });

  it('does not stall the server while another connection holds SQLite\'s write lock', async () => {
    const id = createOffering(site, { title: 'Schreibwerkstatt Federkiel', status: 'published' });
    // Before the worker wakes (it is woken after this tick): a CSV import in its thread, say, takes the lock.
    const other = new Database(databaseFile(t.config));
    other.exec('BEGIN IMMEDIATE');
    let worst = 0;
    try {
      for (let i = 0; i < 20; i++) {
        const started = performance.now();
        const res = await t.app.inject({ method: 'GET', url: '/api/map-points?age=8' });
        expect(res.statusCode).toBe(200);
        await new Promise((r) => setTimeout(r, 50));
        worst = Math.max(worst, performance.now() - started);
      }
    } finally {
      other.exec('COMMIT');
      other.close();
    }
    // better-sqlite3 would otherwise wait for the lock synchronously, up to busy_timeout (5 s).
    expect(worst).toBeLessThan(1000);
    await within(3000, async () => (await searchTotal('Federkiel')) === 1 && (await onMap(id)));
    // The text index for the degraded search waited for the lock too, and has it now.
    await within(3000, async () => t.app.directory.text.match(queryTerms('Federkiel')).includes(id));
  });

  it('rebuilds an index that vanished while the server runs, with its settings', async () => {
    const uid = t.app.offeringIndex.uid;
    await t.app.meili.waitForTask(await t.app.meili.request<MeiliTask>('DELETE', `/indexes/${uid}`));
    createOffering(site, { title: 'Theatergruppe Zwirbelbart', status: 'published' });
    // Searching meanwhile would only log errors about the missing index; wait for the worker instead.
    await within(10_000, async () => t.app.db.select({ n: count() }).from(outbox).where(isNull(outbox.doneAt)).get()!.n === 0);
    expect(await searchTotal('Zwirbelbart')).toBe(1);
    const settings = await t.app.meili.request<{ filterableAttributes: string[] }>('GET', `/indexes/${uid}/settings`);
    expect(settings.filterableAttributes).toContain('categories');
    const { differences } = await compareIndexWithDatabase(t.app.db, t.app.meili, uid);
    expect(differences).toEqual([]);
  });
});
