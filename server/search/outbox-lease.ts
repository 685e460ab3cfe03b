import { randomBytes } from 'node:crypto';
import type { Db } from '../db/connection';
import { holdsLease, releaseLease, takeLease } from '../repos/leases-repo';

/** The lease that decides which process applies the outbox (and rebuilds the index) right now. */
export const OUTBOX_LEASE = 'outbox';
export const LEASE_TTL_MS = 10_000;
/**
 * Before sending a change to Meilisearch, the lease must still hold for this long. A process that lost its
 * lease without noticing (stopped for > TTL) could otherwise send an old state after the new holder sent a
 * newer one; the margin makes that need a stall of seconds between the check and the request.
 */
export const LEASE_MARGIN_MS = 3_000;

/**
 * Runs a write without waiting for SQLite's write lock: `undefined` when another connection holds it.
 * better-sqlite3 waits for the lock synchronously (busy_timeout, 5 s), which would stop this process's event
 * loop — and every search with it — for as long as, say, a CSV import's transaction in another thread runs.
 * The outbox's own bookkeeping can always be tried again a moment later instead.
 */
export function writeNowOrLater<T>(db: Db, write: () => T): T | undefined {
  const sqlite = db.$client;
  const timeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma('busy_timeout = 0');
  try {
    return write();
  } catch (error) {
    if ((error as { code?: unknown }).code?.toString().startsWith('SQLITE_BUSY')) return undefined;
    throw error;
  } finally {
    sqlite.pragma(`busy_timeout = ${timeout}`);
  }
}

/** A name for this holder: the process id (so tests and people can tell processes apart) and a random part. */
export function newOwnerId(role = 'worker'): string {
  return `${process.pid}-${role}-${randomBytes(4).toString('hex')}`;
}

/**
 * One holder's view of a lease in SQLite. While held, a timer renews it every third of its lifetime, so
 * it only expires when this process stops (or is stalled for longer than the lifetime).
 */
export class Lease {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    readonly owner: string,
    readonly name = OUTBOX_LEASE,
    private readonly ttlMs = LEASE_TTL_MS,
  ) {}

  get held(): boolean {
    return this.timer !== undefined;
  }

  /**
   * Takes (or renews) the lease if it is free, expired or ours; returns whether we hold it now. False also
   * when SQLite is busy with another writer: the caller tries again at its next look.
   */
  tryTake(): boolean {
    const taken = writeNowOrLater(this.db, () => takeLease(this.db, this.name, this.owner, this.ttlMs));
    if (taken === undefined) return false;
    if (!taken) {
      this.stopRenewing();
      return false;
    }
    if (!this.timer) {
      // Renewed every third of its lifetime: two renewals may meet a busy database before it runs out.
      this.timer = setInterval(() => {
        try {
          const renewed = writeNowOrLater(this.db, () => takeLease(this.db, this.name, this.owner, this.ttlMs));
          if (renewed === false) this.stopRenewing();
        } catch {
          // The database is closing: the check before each write decides.
          this.stopRenewing();
        }
      }, Math.floor(this.ttlMs / 3));
      this.timer.unref();
    }
    return true;
  }

  /** Waits until the lease can be taken, trying every `everyMs`; false after `timeoutMs`. */
  async take(timeoutMs: number, everyMs = 100): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.tryTake()) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }

  /** Whether we hold the lease for at least `marginMs` more, asked of SQLite (not of our own memory). */
  holds(marginMs = 0): boolean {
    return holdsLease(this.db, this.name, this.owner, marginMs);
  }

  /**
   * Gives the lease up. Without `wait` a busy database skips it (the lease then runs out by itself); a
   * server shutting down waits, so that the next start can go on at once.
   */
  release(wait = false): void {
    this.stopRenewing();
    if (wait) releaseLease(this.db, this.name, this.owner);
    else writeNowOrLater(this.db, () => releaseLease(this.db, this.name, this.owner));
  }

  private stopRenewing(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
