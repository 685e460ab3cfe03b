import { and, eq, gt, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/connection';
import { leases } from '../db/schema';

/**
 * Takes the named lease for `ttlMs` when it is free, expired or already ours (then it is a renewal).
 * One upsert statement, so SQLite's write lock decides between processes racing for it. Returns whether
 * this owner holds the lease now.
 */
export function takeLease(db: Executor, name: string, owner: string, ttlMs: number, now = Date.now()): boolean {
  const result = db
    .insert(leases)
    .values({ name, owner, expiresAt: now + ttlMs })
    .onConflictDoUpdate({
      target: leases.name,
      set: { owner, expiresAt: now + ttlMs },
      setWhere: or(lt(leases.expiresAt, now), eq(leases.owner, owner)),
    })
    .run();
  return result.changes === 1;
}

/** Whether `owner` holds the lease for at least `marginMs` more. Use it inside the transaction it guards. */
export function holdsLease(db: Executor, name: string, owner: string, marginMs = 0, now = Date.now()): boolean {
  const row = db
    .select({ n: sql<number>`1` })
    .from(leases)
    .where(and(eq(leases.name, name), eq(leases.owner, owner), gt(leases.expiresAt, now + marginMs)))
    .get();
  return row !== undefined;
}

/** Gives the lease up at once (instead of letting it expire), if this owner still holds it. */
export function releaseLease(db: Executor, name: string, owner: string): void {
  db.delete(leases).where(and(eq(leases.name, name), eq(leases.owner, owner))).run();
}

export function leaseHolder(db: Executor, name: string): { owner: string; expiresAt: number } | null {
  return db.select({ owner: leases.owner, expiresAt: leases.expiresAt }).from(leases).where(eq(leases.name, name)).get() ?? null;
}
