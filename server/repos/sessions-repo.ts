import { and, asc, eq, gt, lt, ne } from 'drizzle-orm';
import type { Executor } from '../db/connection';
import { sessions, type SessionRow } from '../db/schema';

// Rows are keyed by the SHA-256 of the session id (see schema.ts); callers pass that hash, never the id.

/** The live session with this id hash, or null when it is unknown or expired. */
export function findSession(db: Executor, idHash: string, now: number): SessionRow | null {
  return db.select().from(sessions).where(and(eq(sessions.id, idHash), gt(sessions.expiresAt, now))).get() ?? null;
}

/** Stores a session that was just created (at sign-in, or under a new id). */
export function insertSession(db: Executor, row: SessionRow): void {
  db.insert(sessions).values(row).run();
}

/**
 * Rewrites a live session's data and expiry; false when the row is gone or expired, which it then stays: a
 * session that was ended meanwhile is never written back.
 */
export function updateSession(
  db: Executor,
  idHash: string,
  changes: Pick<SessionRow, 'userId' | 'data' | 'expiresAt'>,
  now: number,
): boolean {
  return db.update(sessions).set(changes).where(and(eq(sessions.id, idHash), gt(sessions.expiresAt, now))).run().changes > 0;
}

export function deleteSession(db: Executor, idHash: string): boolean {
  return db.delete(sessions).where(eq(sessions.id, idHash)).run().changes > 0;
}

/** Ends every session of a user, or every one but `keepIdHash` (the one making the request). */
export function deleteSessionsOfUser(db: Executor, userId: number, keepIdHash?: string): number {
  const ofUser = eq(sessions.userId, userId);
  return db.delete(sessions).where(keepIdHash ? and(ofUser, ne(sessions.id, keepIdHash)) : ofUser).run().changes;
}

export function deleteExpiredSessions(db: Executor, now: number): number {
  return db.delete(sessions).where(lt(sessions.expiresAt, now)).run().changes;
}

/** When each live session of a user began and ends (for the GDPR export; ids stay out). */
export function sessionTimesOfUser(db: Executor, userId: number, now: number): { createdAt: number; expiresAt: number }[] {
  return db
    .select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
    .orderBy(asc(sessions.createdAt))
    .all();
}
