import type { Session } from 'fastify';
import type { Db } from '../db/connection';
import { deleteSession, findSession, saveSession } from '../repos/sessions-repo';
import { sha256 } from './secrets';

declare module 'fastify' {
  interface Session {
    /** Who signed in; a session without it is never stored. */
    userId?: number;
  }
}

type Callback = (error?: unknown) => void;

/**
 * Keeps @fastify/session's sessions in the `sessions` table. Only the SHA-256 of the id is stored, so a copy
 * of the database does not hand out live sessions; the cookie settings are not stored either (they come from
 * the options on every request, which is what makes the expiry roll).
 */
export class SqliteSessionStore {
  constructor(
    private readonly db: Db,
    /** How long a session lives without being used. */
    private readonly idleMs: number,
    /**
     * A request extends the expiry, but the row is only rewritten once the new expiry is this much later
     * than the stored one: a page that makes ten requests should not cost ten writes.
     */
    private readonly rewriteAfterMs = 60 * 60 * 1000,
  ) {}

  set(sessionId: string, session: Session, callback: Callback): void {
    try {
      const { cookie, userId, ...rest } = session;
      // Anonymous sessions (saveUninitialized is off, but a regenerated one passes here) are not kept.
      if (typeof userId !== 'number') return callback();
      const now = Date.now();
      const expiresAt = cookie?.expires instanceof Date ? cookie.expires.getTime() : now + this.idleMs;
      const id = sha256(sessionId);
      const data = JSON.stringify({ userId, ...rest });
      const stored = findSession(this.db, id, now);
      if (stored && stored.data === data && stored.userId === userId && expiresAt - stored.expiresAt < this.rewriteAfterMs) {
        return callback();
      }
      saveSession(this.db, { id, userId, data, expiresAt, createdAt: stored?.createdAt ?? now });
      callback();
    } catch (error) {
      callback(error);
    }
  }

  get(sessionId: string, callback: (error: unknown, session?: Session | null) => void): void {
    try {
      const row = findSession(this.db, sha256(sessionId), Date.now());
      // Without a `cookie`, @fastify/session builds it from the options: a fresh idle expiry each request.
      callback(null, row ? (JSON.parse(row.data) as Session) : null);
    } catch (error) {
      callback(error);
    }
  }

  destroy(sessionId: string, callback: Callback): void {
    try {
      deleteSession(this.db, sha256(sessionId));
      callback();
    } catch (error) {
      callback(error);
    }
  }
}
