import { count, isNull } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Db } from '../../server/db/connection';
import { outbox } from '../../server/db/schema';
import { markOutboxDoneUpTo, maxOutboxSeq } from '../../server/repos/outbox-repo';
import { OfferingIndex } from '../../server/search/indexer';
import { MeiliClient, type MeiliTask } from '../../server/search/meili-client';
import { changeSite, compareIndexWithDatabase, createOffering, publishOffering, type ChangeSite } from '../helpers/offering-changes';

// The start-up check that replaced "rebuild when the document count differs": rebuild only when the
// index is missing, of another document format, or drifted with nothing pending; else keep it.

const dir = mkdtempSync(join(tmpdir(), 'blk-outbox-start-'));
const client = new MeiliClient(inject('meiliUrl'), inject('meiliKey'));
const uid = `start${process.pid}_offerings`;
const index = new OfferingIndex(client, uid);
let db: Db;
let site: ChangeSite;

beforeAll(() => {
  db = openDatabase(join(dir, 'test.db'));
  site = changeSite(db);
  for (let i = 0; i < 30; i++) createOffering(site, { title: `Leseclub Bücherwurm ${i}`, status: i % 3 === 0 ? 'draft' : 'published' });
});
afterAll(async () => {
  await client.request('DELETE', `/indexes/${uid}`).catch(() => undefined);
  await client.close();
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const pending = () => db.select({ n: count() }).from(outbox).where(isNull(outbox.doneAt)).get()!.n;

describe('OfferingIndex.ensureInSync', () => {
  it('builds a missing index and marks every entry it covers done', async () => {
    expect(pending()).toBe(30);
    expect(await index.ensureInSync(db)).toBe('missing');
    expect(pending()).toBe(0);
    expect(db.select().from(outbox).all().every((e) => /^\d+-start-/.test(e.appliedBy ?? ''))).toBe(true);
    expect((await compareIndexWithDatabase(db, client, uid)).differences).toEqual([]);
  });

  it('keeps an index that is behind only by pending entries: the outbox catches up, not a rebuild', async () => {
    const id = createOffering(site, { title: 'Leseclub Nachzügler' });
    publishOffering(site, id);
    expect(await index.ensureInSync(db)).toBeNull();
    expect(pending()).toBe(2);
    await index.applyOfferings(db, [id]);
    markOutboxDoneUpTo(db, maxOutboxSeq(db), 'test');
  });

  it('rebuilds an index that holds another number of documents while nothing is pending', async () => {
    await client.waitForTask(await client.request<MeiliTask>('POST', `/indexes/${uid}/documents/delete-batch`, [2]));
    expect(await index.ensureInSync(db)).toBe('drift');
    expect((await compareIndexWithDatabase(db, client, uid)).differences).toEqual([]);
  });

  it('rebuilds an index written in another document format', async () => {
    const ids = (await client.request<{ results: { id: number }[] }>('GET', `/indexes/${uid}/documents?fields=id&limit=1000`)).results;
    await client.waitForTask(
      await client.request<MeiliTask>('PUT', `/indexes/${uid}/documents`, ids.map(({ id }) => ({ id, docFormat: 0 }))),
    );
    expect(await index.ensureInSync(db)).toBe('format');
    expect(await index.ensureInSync(db)).toBeNull();
  });
});

describe('OfferingIndex.reindex', () => {
  it('marks done only the entries written before it read SQLite; later ones stay for the worker', async () => {
    const before = maxOutboxSeq(db);
    let late = 0;
    await index.reindex(db, ({ indexed }) => {
      // Called once the rebuild has read the outbox's position, before it reads the offerings.
      if (indexed === 0) late = createOffering(site, { title: 'Leseclub Spätling', status: 'published' });
    });
    const entries = db.select().from(outbox).all();
    expect(entries.filter((e) => e.seq <= before).every((e) => e.doneAt !== null)).toBe(true);
    expect(entries.filter((e) => e.doneAt === null).map((e) => e.offeringId)).toEqual([late]);
  });
});
