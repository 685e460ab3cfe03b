import { and, asc, count, eq, gt, isNotNull, isNull, lt, lte, max, min, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db, Executor } from '../db/connection';
import { locations, offerings, outbox, providers } from '../db/schema';
import { pointFields, type PointRow } from './offerings-repo';

// The outbox table and the reads the index sync needs. Reads of offerings by id live here too, because
// only the sync asks for "these ids, published or not" (offerings-repo answers the public's questions).

/**
 * `column IN (the ids)` with the whole list as one JSON parameter: one statement text for any number of
 * ids, so SQLite's variable limit never splits a batch and the connection's statement cache keeps one
 * statement instead of one per list length.
 */
function inList(column: SQLiteColumn, ids: readonly number[]): SQL {
  return sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}

const enqueueListeners = new Set<() => void>();
let wakeScheduled = false;

/**
 * Calls `listener` soon after this process enqueued outbox entries, so the worker applies them at once
 * instead of at its next poll. Returns a function that removes the listener.
 */
export function onOutboxEnqueued(listener: () => void): () => void {
  enqueueListeners.add(listener);
  return () => enqueueListeners.delete(listener);
}

/**
 * Records that these offerings may look different to the public now. Call it in the same transaction as
 * the change itself: then the change and its way to the index commit together or not at all.
 * The worker of this process is woken automatically: better-sqlite3 transactions run synchronously, so a
 * callback scheduled with setImmediate runs after the commit (or the rollback, which only costs a look).
 */
export function enqueueOfferingChanges(tx: Executor, offeringIds: readonly number[], reason: string): void {
  if (offeringIds.length === 0) return;
  const now = Date.now();
  // One statement for any number of ids (see inList); the other columns take their defaults.
  tx.run(sql`INSERT INTO ${outbox} (${sql.identifier(outbox.offeringId.name)}, ${sql.identifier(outbox.reason.name)}, ${sql.identifier(outbox.createdAt.name)})
    SELECT value, ${reason}, ${now} FROM json_each(${JSON.stringify(offeringIds)})`);
  if (!wakeScheduled && enqueueListeners.size > 0) {
    wakeScheduled = true;
    setImmediate(() => {
      wakeScheduled = false;
      for (const listener of enqueueListeners) listener();
    });
  }
}

export interface PendingEntry {
  seq: number;
  offeringId: number;
  attempts: number;
  nextAttemptAt: number;
}

/** The oldest pending entries in `seq` order, due or not: the worker decides which it may take. */
export function pendingEntries(db: Executor, limit: number): PendingEntry[] {
  return db
    .select({ seq: outbox.seq, offeringId: outbox.offeringId, attempts: outbox.attempts, nextAttemptAt: outbox.nextAttemptAt })
    .from(outbox)
    .where(isNull(outbox.doneAt))
    .orderBy(asc(outbox.seq))
    .limit(limit)
    .all();
}

/** Whether any pending entry may be tried now. */
export function hasDueEntry(db: Executor, now = Date.now()): boolean {
  return db.select({ seq: outbox.seq }).from(outbox).where(and(isNull(outbox.doneAt), lte(outbox.nextAttemptAt, now))).limit(1).get() !== undefined;
}

/** Marks entries applied; entries already done stay as they were, so nothing is ever marked twice. */
export function markOutboxDone(tx: Executor, seqs: readonly number[], appliedBy: string, now = Date.now()): number {
  return tx
    .update(outbox)
    .set({ doneAt: now, appliedBy, attempts: sql`${outbox.attempts} + 1` })
    .where(and(inList(outbox.seq, seqs), isNull(outbox.doneAt)))
    .run().changes;
}

/** Marks every pending entry up to `maxSeq` applied: a full rebuild that read SQLite after them covers them. */
export function markOutboxDoneUpTo(tx: Executor, maxSeq: number, appliedBy: string, now = Date.now()): number {
  return tx
    .update(outbox)
    .set({ doneAt: now, appliedBy, attempts: sql`${outbox.attempts} + 1` })
    .where(and(lte(outbox.seq, maxSeq), isNull(outbox.doneAt)))
    .run().changes;
}

/**
 * Records a failed attempt: the next one waits `baseMs · 2^attempts`, at most `maxMs`. The shift is capped
 * so that SQLite's 64-bit integers never overflow, however often an entry failed.
 */
export function markOutboxFailed(
  tx: Executor, seqs: readonly number[], error: string, backoff: { baseMs: number; maxMs: number }, now = Date.now(),
): void {
  tx.update(outbox)
    .set({
      attempts: sql`${outbox.attempts} + 1`,
      lastError: error,
      nextAttemptAt: sql`${now} + min(${backoff.maxMs}, ${backoff.baseMs} << min(${outbox.attempts}, 16))`,
    })
    .where(and(inList(outbox.seq, seqs), isNull(outbox.doneAt)))
    .run();
}

/** Makes every waiting entry due now: they waited for Meilisearch to come back, which it did. */
export function makeOutboxDue(db: Executor): void {
  db.update(outbox).set({ nextAttemptAt: 0 }).where(and(isNull(outbox.doneAt), gt(outbox.nextAttemptAt, 0))).run();
}

/** The highest `seq` written so far (0 for none). */
export function maxOutboxSeq(db: Executor): number {
  return db.select({ seq: max(outbox.seq) }).from(outbox).get()?.seq ?? 0;
}

/** The oldest entry left (older ones were pruned), or null for an empty outbox. */
export function minOutboxSeq(db: Executor): number | null {
  return db.select({ seq: min(outbox.seq) }).from(outbox).get()?.seq ?? null;
}

export function minPendingSeq(db: Executor): number | null {
  return db.select({ seq: min(outbox.seq) }).from(outbox).where(isNull(outbox.doneAt)).get()?.seq ?? null;
}

export function countPendingUpTo(db: Executor, maxSeq: number): number {
  return db.select({ n: count() }).from(outbox).where(and(isNull(outbox.doneAt), lte(outbox.seq, maxSeq))).get()?.n ?? 0;
}

/** Every entry after `seq`, done or not, in `seq` order (a range of the primary key: cheap). */
export function entriesAfter(db: Executor, seq: number): { seq: number; offeringId: number; done: boolean }[] {
  return db
    .select({ seq: outbox.seq, offeringId: outbox.offeringId, done: sql<number>`${outbox.doneAt} IS NOT NULL` })
    .from(outbox)
    .where(gt(outbox.seq, seq))
    .orderBy(asc(outbox.seq))
    .all()
    .map((e) => ({ ...e, done: e.done === 1 }));
}

/** The pending entries up to `seq` (through the pending index: as many rows as are pending). */
export function pendingUpTo(db: Executor, seq: number): { seq: number; offeringId: number }[] {
  return db
    .select({ seq: outbox.seq, offeringId: outbox.offeringId })
    .from(outbox)
    .where(and(isNull(outbox.doneAt), lte(outbox.seq, seq)))
    .all();
}

export interface OutboxBacklog {
  pending: number;
  oldestPendingAgeMs: number | null;
  lastError?: string;
}

/** What the health check reports: how many entries wait, since when, and why the oldest failed. */
export function outboxBacklog(db: Executor, now = Date.now()): OutboxBacklog {
  const row = db.select({ n: count(), oldest: min(outbox.createdAt) }).from(outbox).where(isNull(outbox.doneAt)).get();
  const pending = row?.n ?? 0;
  const backlog: OutboxBacklog = { pending, oldestPendingAgeMs: row?.oldest == null ? null : Math.max(0, now - row.oldest) };
  if (pending > 0) {
    const failed = db
      .select({ error: outbox.lastError })
      .from(outbox)
      .where(and(isNull(outbox.doneAt), isNotNull(outbox.lastError)))
      .orderBy(asc(outbox.seq))
      .limit(1)
      .get();
    if (failed?.error) backlog.lastError = failed.error;
  }
  return backlog;
}

/**
 * Deletes done entries older than `keepMs`, always keeping the newest `keepLast` entries and everything
 * from the oldest pending one on (so followers only ever see a gap at the start of the table).
 */
export function pruneOutbox(db: Db, keepMs: number, keepLast: number, now = Date.now()): number {
  const top = maxOutboxSeq(db) - keepLast + 1;
  const firstPending = minPendingSeq(db);
  const below = firstPending === null ? top : Math.min(top, firstPending);
  return db
    .delete(outbox)
    .where(and(isNotNull(outbox.doneAt), lt(outbox.doneAt, now - keepMs), lt(outbox.seq, below)))
    .run().changes;
}

/** The published ones among these offerings, with what their search documents need. */
export function publishedForIndex(db: Executor, ids: readonly number[]) {
  return db
    .select({ offering: offerings, providerName: providers.name, providerKind: providers.kind, location: locations })
    .from(offerings)
    .innerJoin(providers, eq(providers.id, offerings.providerId))
    .innerJoin(locations, eq(locations.id, offerings.locationId))
    .where(and(inList(offerings.id, ids), eq(offerings.status, 'published')))
    .all();
}

/** The map points of the published ones among these offerings (same fields as `publishedPointRows`). */
export function publishedPointRowsByIds(db: Executor, ids: readonly number[]): PointRow[] {
  return db
    .select(pointFields)
    .from(offerings)
    .innerJoin(locations, eq(locations.id, offerings.locationId))
    .where(and(inList(offerings.id, ids), eq(offerings.status, 'published')))
    .all();
}
