import type { Db } from '../db/connection';
import {
  enqueueOfferingChanges, hasDueEntry, makeOutboxDue, markOutboxDone, markOutboxFailed, onOutboxEnqueued, pendingEntries,
  pruneOutbox, type PendingEntry,
} from '../repos/outbox-repo';
import { AbandonedError, type OfferingIndex } from './indexer';
import { MeiliError, type MeiliClient } from './meili-client';
import { LEASE_MARGIN_MS, Lease, newOwnerId, writeNowOrLater } from './outbox-lease';

export interface OutboxWorkerOptions {
  /** Entries per batch at most. */
  batchSize: number;
  /** How often to look for entries written by other processes (own ones wake the worker at once). */
  pollMs: number;
  /** Back-off after a failure: `baseMs · 2^n`, at most `maxMs`. */
  backoff: { baseMs: number; maxMs: number };
  /** Done entries are kept this long, and the newest `keepLast` always, for followers and diagnosis. */
  keepMs: number;
  keepLast: number;
}

export const defaultOutboxOptions: OutboxWorkerOptions = {
  batchSize: 1000,
  pollMs: 200,
  backoff: { baseMs: 500, maxMs: 30_000 },
  keepMs: 24 * 3600_000,
  keepLast: 10_000,
};

interface Log {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

class LeaseLostError extends Error {}

const MAX_PROBE_MS = 2000;

/** Error texts end up in the table and in /api/health: no credentials from a MEILI_URL, bounded length. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\/\/[^/@\s]*@/g, '//').slice(0, 500);
}

/** No answer at all (refused, reset, timeout): Meilisearch is away, not refusing these documents. */
function unreachable(error: unknown): boolean {
  return error instanceof MeiliError && (error.status === 503 || error.status === 504) && error.code === undefined;
}

/**
 * Applies the outbox to Meilisearch. Every process runs one; the lease lets exactly one of them apply at a
 * time, and it gives the lease up whenever there is nothing to do, so any process can take over.
 */
export class OutboxWorker {
  readonly owner = newOwnerId();
  private readonly lease: Lease;
  private readonly options: OutboxWorkerOptions;
  private readonly followers: (() => void)[] = [];
  private running: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;
  private unsubscribe: (() => void) | undefined;
  /**
   * Meilisearch did not answer the last attempt. Until a health probe says it is back, no batch is tried
   * (which would only count up every entry's attempts); probes back off like retries, capped at
   * `MAX_PROBE_MS` so that the backlog starts moving within seconds of Meilisearch's return.
   */
  private down = false;
  private nextProbe = 0;
  private failures = 0;
  /** Halved after Meilisearch refused a batch, so one bad document ends up alone and the rest goes on. */
  private batchLimit: number;
  private lastPrune = 0;
  private lastLogged = { message: '', at: 0 };

  constructor(
    private readonly db: Db,
    private readonly index: OfferingIndex,
    private readonly client: MeiliClient,
    private readonly log: Log,
    options: Partial<OutboxWorkerOptions> = {},
  ) {
    this.options = { ...defaultOutboxOptions, ...options };
    this.batchLimit = this.options.batchSize;
    this.lease = new Lease(db, this.owner);
  }

  /** `follower` runs after every look at the outbox: the map points catch up with done entries there. */
  onTick(follower: () => void): void {
    this.followers.push(follower);
  }

  /** Starts the loop (once). Entries this process enqueues wake it at once; others are found by polling. */
  start(): void {
    if (this.running || this.stopping) return;
    this.unsubscribe = onOutboxEnqueued(() => this.notify());
    this.running = this.loop();
  }

  notify(): void {
    this.wake?.();
  }

  /**
   * Stops after the current step. A batch still waiting for Meilisearch is abandoned unmarked (it is
   * applied again later, which is harmless); the lease is released so another process can go on at once.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.unsubscribe?.();
    this.notify();
    if (this.running) await Promise.race([this.running, new Promise((r) => setTimeout(r, 5000).unref())]);
    try {
      this.lease.release(true);
    } catch {
      // The database is already closed: the lease expires by itself.
    }
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let worked = false;
      try {
        worked = await this.step();
        for (const follow of this.followers) follow();
      } catch (error) {
        if (this.stopping) break;
        this.logUnexpected(describe(error));
      }
      if (!worked && !this.stopping) await this.sleep(this.options.pollMs);
    }
  }

  /** An unexpected error (SQLite busy for seconds, say) repeats every poll: log it once a minute, not 5 times a second. */
  private logUnexpected(message: string): void {
    const now = Date.now();
    if (message === this.lastLogged.message && now - this.lastLogged.at < 60_000) return;
    this.lastLogged = { message, at: now };
    this.log.error(`outbox worker: ${message}`);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  /** One look at the outbox; returns whether it applied a batch (then it looks again at once). */
  private async step(): Promise<boolean> {
    const now = Date.now();
    if (this.down) {
      if (now < this.nextProbe) return false;
      if (!(await this.client.healthy())) {
        this.failures++;
        this.nextProbe = Date.now() + Math.min(MAX_PROBE_MS, this.backoff());
        return false;
      }
      this.down = false;
      this.log.info('outbox: Meilisearch answers again; applying the backlog');
      // When SQLite is busy, the entries still become due as their back-off runs out.
      writeNowOrLater(this.db, () => makeOutboxDue(this.db));
    }
    if (!hasDueEntry(this.db, now)) {
      if (this.lease.held) this.lease.release();
      return false;
    }
    if (!this.lease.tryTake()) return false;
    const batch = this.pick(now);
    if (batch.length === 0) {
      // Every due entry waits behind an earlier one of its offering: nothing to do for now.
      this.lease.release();
      return false;
    }
    await this.apply(batch);
    if (now - this.lastPrune > 60_000) {
      this.lastPrune = now;
      writeNowOrLater(this.db, () => pruneOutbox(this.db, this.options.keepMs, this.options.keepLast));
    }
    return true;
  }

  /**
   * The next batch: due entries in `seq` order, skipping every offering that has an earlier entry still
   * waiting for its retry. The worker writes an offering's *current* state, so order only matters within
   * one offering, and even there a later entry overtaking would write a newer state, not a wrong one. But
   * keeping each offering's entries in order means "entry n is done" also tells that every earlier entry of
   * that offering is, which the map points and the health check rely on; other offerings are not held up.
   */
  private pick(now: number): PendingEntry[] {
    const waiting = new Set<number>();
    const picked: PendingEntry[] = [];
    for (const entry of pendingEntries(this.db, this.batchLimit * 5)) {
      if (entry.nextAttemptAt > now) waiting.add(entry.offeringId);
      else if (!waiting.has(entry.offeringId)) picked.push(entry);
      if (picked.length >= this.batchLimit) break;
    }
    return picked;
  }

  private async apply(batch: PendingEntry[]): Promise<void> {
    const seqs = batch.map((e) => e.seq);
    const ids = [...new Set(batch.map((e) => e.offeringId))];
    try {
      if (!(await this.index.exists())) {
        // Meilisearch lost its data (or someone deleted the index): writing documents would create an index
        // without our settings. Rebuild it instead; that covers this batch and everything before it.
        this.log.warn('the offerings index is missing; rebuilding it from SQLite');
        await this.index.rebuild(this.db, this.lease);
      } else {
        await this.index.applyOfferings(this.db, ids, {
          beforeSend: () => {
            if (!this.lease.holds(LEASE_MARGIN_MS)) throw new LeaseLostError('the outbox lease ran out before sending');
          },
          shouldStop: () => this.stopping,
        });
        await this.markDone(seqs, ids);
      }
      this.failures = 0;
      this.batchLimit = Math.min(this.options.batchSize, this.batchLimit * 2);
    } catch (error) {
      if (error instanceof AbandonedError || error instanceof LeaseLostError) return;
      this.fail(seqs, error);
    }
  }

  /**
   * Marks the batch done — only while still holding the lease, checked in the same transaction. While
   * another writer holds SQLite's lock it tries again every 50 ms instead of blocking the event loop; a
   * batch left unmarked because the server stops is simply applied again later.
   */
  private async markDone(seqs: number[], ids: number[]): Promise<void> {
    let marked: number | undefined;
    for (;;) {
      marked = writeNowOrLater(this.db, () =>
        this.db.transaction((tx) => (this.lease.holds() ? markOutboxDone(tx, seqs, this.owner) : -1), { behavior: 'immediate' }),
      );
      if (marked !== undefined || this.stopping) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    if (marked === -1) {
      // Another process took over while we waited for Meilisearch, and may have written these offerings
      // before our (older) write landed. New entries make the current holder write them once more.
      this.log.warn(`outbox lease lost during a batch; queueing ${ids.length} offerings again`);
      enqueueOfferingChanges(this.db, ids, 'reapply after a lost lease');
    }
  }

  private backoff(): number {
    const { baseMs, maxMs } = this.options.backoff;
    return Math.min(maxMs, baseMs * 2 ** Math.min(this.failures - 1, 16));
  }

  private fail(seqs: number[], error: unknown): void {
    const message = describe(error);
    // Not recorded when SQLite is busy: the entries stay as they were and are tried again.
    writeNowOrLater(this.db, () =>
      this.db.transaction((tx) => {
        if (this.lease.holds()) markOutboxFailed(tx, seqs, message, this.options.backoff);
      }, { behavior: 'immediate' }),
    );
    if (unreachable(error)) {
      this.failures++;
      this.down = true;
      this.nextProbe = Date.now() + Math.min(MAX_PROBE_MS, this.backoff());
      // Release, so that a process whose connection to Meilisearch works can apply meanwhile.
      this.lease.release();
      if (this.failures === 1 || this.failures % 10 === 0) this.log.warn(`outbox: Meilisearch is unreachable (${message}); retrying`);
    } else {
      this.batchLimit = Math.max(1, Math.floor(this.batchLimit / 2));
      this.log.warn(`outbox: Meilisearch refused a batch of ${seqs.length} entries (${message}); retrying in smaller batches`);
    }
  }
}
