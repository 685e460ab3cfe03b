import { eq, inArray } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { categories, type OfferingFilters } from '../../schema';
import { openDatabase, type Db } from '../../server/db/connection';
import { outbox } from '../../server/db/schema';
import { holdsLease, releaseLease, takeLease } from '../../server/repos/leases-repo';
import type { PointRow } from '../../server/repos/offerings-repo';
import {
  enqueueOfferingChanges, markOutboxDone, markOutboxFailed, outboxBacklog, pendingEntries, pruneOutbox,
} from '../../server/repos/outbox-repo';
import { PointStore } from '../../server/search/point-store';

// The pieces of the outbox that need no Meilisearch: the lease, retries, pruning, and patching map points.

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
});

describe('the outbox lease', () => {
  it('is held by one owner at a time until it expires or is released', () => {
    expect(takeLease(db, 'outbox', 'a', 10_000, 1000)).toBe(true);
    expect(takeLease(db, 'outbox', 'b', 10_000, 2000)).toBe(false);
    expect(holdsLease(db, 'outbox', 'a', 0, 2000)).toBe(true);
    expect(holdsLease(db, 'outbox', 'b', 0, 2000)).toBe(false);
    // Renewing extends it; the other owner gets it only after it ran out.
    expect(takeLease(db, 'outbox', 'a', 10_000, 5000)).toBe(true);
    expect(takeLease(db, 'outbox', 'b', 10_000, 14_000)).toBe(false);
    expect(holdsLease(db, 'outbox', 'a', 3000, 13_000)).toBe(false);
    expect(takeLease(db, 'outbox', 'b', 10_000, 15_001)).toBe(true);
    expect(holdsLease(db, 'outbox', 'a', 0, 15_001)).toBe(false);
    // Releasing someone else's lease does nothing; releasing one's own frees it.
    releaseLease(db, 'outbox', 'a');
    expect(takeLease(db, 'outbox', 'a', 10_000, 16_000)).toBe(false);
    releaseLease(db, 'outbox', 'b');
    expect(takeLease(db, 'outbox', 'a', 10_000, 16_000)).toBe(true);
  });
});

describe('outbox entries', () => {
  it('back off exponentially after failures: 0.5 s, 1 s, 2 s … at most 30 s', () => {
    db.transaction((tx) => enqueueOfferingChanges(tx, [7], 'test'));
    const backoff = { baseMs: 500, maxMs: 30_000 };
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      markOutboxFailed(db, [1], 'Meilisearch is not reachable', backoff, 1_000_000);
      waits.push(pendingEntries(db, 1)[0]!.nextAttemptAt - 1_000_000);
    }
    expect(waits).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
    expect(pendingEntries(db, 1)[0]!.attempts).toBe(9);
    expect(outboxBacklog(db).lastError).toBe('Meilisearch is not reachable');
  });

  it('are marked done once: a second mark changes nothing', () => {
    db.transaction((tx) => enqueueOfferingChanges(tx, [1, 2], 'test'));
    expect(markOutboxDone(db, [1, 2], 'first', 100)).toBe(2);
    expect(markOutboxDone(db, [1, 2], 'second', 200)).toBe(0);
    const rows = db.select().from(outbox).all();
    expect(rows.map((r) => [r.appliedBy, r.doneAt, r.attempts])).toEqual([['first', 100, 1], ['first', 100, 1]]);
  });

  it('are pruned when done and old, keeping the newest and everything from the oldest pending one on', () => {
    db.transaction((tx) => enqueueOfferingChanges(tx, Array.from({ length: 20 }, (_, i) => i + 1), 'test'));
    const day = 24 * 3600_000;
    markOutboxDone(db, Array.from({ length: 20 }, (_, i) => i + 1).filter((s) => s !== 8), 'w', 0);
    // Keep 5: seqs 16–20 stay; 8 is pending, so 8 and everything after it stays too.
    expect(pruneOutbox(db, day, 5, 2 * day)).toBe(7);
    expect(db.select({ seq: outbox.seq }).from(outbox).all().map((r) => r.seq)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    // Entries younger than the keeping time stay, however many there are.
    markOutboxDone(db, [8], 'w', 2 * day);
    expect(pruneOutbox(db, day, 5, 2 * day)).toBe(7);
    expect(db.select({ seq: outbox.seq }).from(outbox).where(inArray(outbox.seq, [8])).all()).toEqual([{ seq: 8 }]);
    expect(db.select({ seq: outbox.seq }).from(outbox).where(eq(outbox.seq, 15)).all()).toEqual([]);
  });
});

function point(id: number, lat: number, lng: number, category = categories[id % categories.length]!.id): PointRow {
  return {
    id, categories: [category], phases: ['primary_school'], access: [], languages: ['de'], formality: 'non_formal', cost: 'free',
    but: id % 2 === 0, minAge: 6, maxAge: 6 + (id % 10), seeksVolunteers: id % 4 === 0, lastConfirmedAt: `2025-0${1 + (id % 9)}-15`, regionKey: id % 3 === 0 ? '08311000' : '09162000', lat, lng,
  };
}

describe('PointStore.withChanges', () => {
  it('gives exactly the store a full rebuild gives: same points, same order, same filters', () => {
    const rows = new Map<number, PointRow>();
    for (let id = 1; id <= 2000; id++) rows.set(id, point(id, 47.5 + ((id * 7919) % 700) / 100, 6 + ((id * 104_729) % 900) / 100));
    let store = new PointStore([...rows.values()]);
    // Moves, removals and new points, in several rounds, as the outbox would bring them.
    for (let round = 0; round < 5; round++) {
      const changed: number[] = [];
      const upserts: PointRow[] = [];
      for (let k = 0; k < 60; k++) {
        const id = 1 + ((round * 997 + k * 131) % 2300);
        changed.push(id);
        if (k % 4 === 0) {
          rows.delete(id);
        } else {
          const moved = point(id, 48 + ((k * 37 + round) % 300) / 100, 8 + ((k * 53) % 400) / 100, k % 3 === 0 ? 'music_arts' : undefined);
          rows.set(id, moved);
          upserts.push(moved);
        }
      }
      store = store.withChanges(changed, upserts);
      const rebuilt = new PointStore([...rows.values()]);
      expect(store.size).toBe(rows.size);
      expect(store.encode(store.select({}, 10))).toEqual(rebuilt.encode(rebuilt.select({}, 10)));
      const filters: OfferingFilters = { category: ['music_arts'], but: true, region: '08' };
      expect(store.encode(store.select(filters, 10))).toEqual(rebuilt.encode(rebuilt.select(filters, 10)));
      expect(store.select({}, 10, [changed[1]!, changed[2]!, 99_999])).toEqual(rebuilt.select({}, 10, [changed[1]!, changed[2]!, 99_999]));
    }
  });
});
