import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFile } from '../../server/config';
import { enqueueOfferingChanges, maxOutboxSeq } from '../../server/repos/outbox-repo';
import { queryTerms } from '../../server/search/query-words';
import { TextIndex } from '../../server/search/text-index';
import { addOffering, setStatus } from '../helpers/fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

// The text index for the degraded search lives in the database file: a start catches up with the outbox
// instead of writing every offering again, and rebuilds when it cannot trust what it holds.

let t: TestApp;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await startTestApp({
    fill: (db) => {
      ids.chess = addOffering(db, { title: 'Schachclub für Kinder', categories: ['stem'] });
      ids.choir = addOffering(db, { title: 'Kinderchor am Nachmittag', categories: ['music_arts'] });
    },
  });
  await t.app.directory.textRebuilt;
  expect(t.app.directory.textReady).toBe(true);
});
afterAll(async () => t?.close());

const db = () => t.app.db;
const find = (index: TextIndex, q: string) => index.match(queryTerms(q));
const meta = (key: string) =>
  (db().$client.prepare('SELECT value FROM offering_text_meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
const setMeta = (key: string, value: string) =>
  db().$client.prepare('INSERT OR REPLACE INTO offering_text_meta (key, value) VALUES (?, ?)').run(key, value);

describe('the text index after a restart', () => {
  it('catches up with the changes written to the outbox meanwhile, without a rebuild', () => {
    // No await between the changes and the catch-up: the running app cannot follow the outbox meanwhile.
    const kite = addOffering(db(), { title: 'Drachenbau im Herbst', categories: ['stem'] });
    setStatus(db(), ids.choir!, 'archived');
    enqueueOfferingChanges(db(), [kite, ids.choir!], 'test');
    const restarted = new TextIndex(db());
    expect(find(restarted, 'Drachenbau')).toEqual([]);
    expect(find(restarted, 'Kinderchor')).toEqual([ids.choir]);

    expect(restarted.catchUp()).toBe(true);
    expect(find(restarted, 'Drachenbau')).toEqual([kite]);
    expect(find(restarted, 'Kinderchor')).toEqual([]);
    expect(find(restarted, 'Schachclub')).toEqual([ids.chess]);
    expect(meta('seq')).toBe(String(maxOutboxSeq(db())));
  });

  it('is ready at once when the directory starts again, and a search finds what it found before', async () => {
    await t.app.directory.refresh();
    // A rebuild would have switched the degraded search off until it is done.
    expect(t.app.directory.textReady).toBe(true);
    expect(find(t.app.directory.text, 'Schachclub')).toEqual([ids.chess]);
  });

  it('asks for a rebuild when offerings changed behind the outbox, and the rebuild repairs it', async () => {
    const hidden = addOffering(db(), { title: 'Töpferkurs ohne Ankündigung', categories: ['music_arts'] });
    const index = new TextIndex(db());
    expect(index.catchUp()).toBe(false);
    expect(await index.rebuild()).toBe(true);
    expect(find(index, 'Töpferkurs')).toEqual([hidden]);
    expect(index.catchUp()).toBe(true);
  });

  it('asks for a rebuild when the published offerings are as many as before but others', async () => {
    const index = new TextIndex(db());
    expect(index.catchUp()).toBe(true);
    setStatus(db(), ids.chess!, 'archived');
    const swapped = addOffering(db(), { title: 'Schachtreff für Senioren', categories: ['stem'] });
    expect(index.catchUp()).toBe(false);
    expect(await index.rebuild()).toBe(true);
    expect(find(index, 'Schachtreff')).toEqual([swapped]);
    setStatus(db(), ids.chess!, 'published');
    setStatus(db(), swapped, 'archived');
    expect(await index.rebuild()).toBe(true);
  });

  it('asks for a rebuild when outbox entries it has not seen were pruned', () => {
    const seq = Number(meta('seq'));
    const later = addOffering(db(), { title: 'Lesepaten gesucht', categories: ['reading_mentorship'] });
    enqueueOfferingChanges(db(), [later], 'test');
    enqueueOfferingChanges(db(), [later], 'test');
    db().$client.prepare('DELETE FROM outbox WHERE seq <= ?').run(seq + 1);
    expect(new TextIndex(db()).catchUp()).toBe(false);
  });

  it('asks for a rebuild after an interrupted rebuild or in an older format', async () => {
    const index = new TextIndex(db());
    expect(await index.rebuild()).toBe(true);
    expect(index.catchUp()).toBe(true);
    let turns = 0;
    expect(await index.rebuild(() => ++turns > 0)).toBe(false);
    expect(index.catchUp()).toBe(false);
    expect(await index.rebuild()).toBe(true);
    setMeta('format', '1');
    expect(index.catchUp()).toBe(false);
  });

  it('makes the table anew when its definition changed', async () => {
    setMeta('table', 'an older definition');
    const index = new TextIndex(db());
    expect(index.current).toBe(false);
    expect(find(index, 'Schachclub')).toEqual([]);
    expect(await index.rebuild()).toBe(true);
    expect(find(index, 'Schachclub')).toEqual([ids.chess]);
  });

  it('is not used by this process while another process sharing the database rebuilds it', async () => {
    expect(t.app.directory.textUsable()).toBe(true);
    // Another process's rebuild, stopped after its first step: the rows are gone, marked incomplete.
    expect(await new TextIndex(db()).rebuild(() => true)).toBe(false);
    expect(t.app.directory.textUsable()).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).json().fallback.ready).toBe(false);
    expect(await new TextIndex(db()).rebuild()).toBe(true);
    expect(t.app.directory.textUsable()).toBe(true);
  });
});

describe('the text index while another connection holds the write lock', () => {
  it('neither catches up nor rebuilds by stopping the event loop: the rebuild waits, then completes', async () => {
    const other = new Database(databaseFile(t.config));
    other.exec('BEGIN IMMEDIATE');
    const index = new TextIndex(db());
    let rebuilt: Promise<boolean> | undefined;
    try {
      let started = performance.now();
      expect(index.catchUp()).toBe(false);
      // SQLite's busy timeout is 5 s: waiting for the lock would take that long.
      expect(performance.now() - started).toBeLessThan(1000);
      started = performance.now();
      rebuilt = index.rebuild();
      let settled = false;
      void rebuilt.then(() => (settled = true));
      await new Promise((r) => setTimeout(r, 300));
      expect(performance.now() - started).toBeLessThan(1500);
      expect(settled).toBe(false);
    } finally {
      other.exec('COMMIT');
      other.close();
    }
    expect(await rebuilt).toBe(true);
    expect(find(index, 'Schachclub')).toEqual([ids.chess]);
    expect(index.catchUp()).toBe(true);
  });
});
