import type { Session } from 'fastify';
import type { Db } from '../db/connection';
import { deleteSession, findSession, insertSession, updateSession } from '../repos/sessions-repo';
import { sha256 } from './secrets';

declare module 'fastify' {
  interface Session {
    /** Who signed in; a session without it is never stored. */
    userId?: number;
    /**
     * Set on a session read from the store (never stored itself). Such a session's row may be rewritten but
     * never created again: see SqliteSessionStore.set.
     */
    stored?: true;
  }
}

type Callback = (error?: unknown) => void;

/**
 * Keeps @fastify/session's sessions in the `sessions` table. Only the SHA-256 of the id is stored, so a copy
 * of the database does not hand out live sessions; the cookie settings are not stored either (they come from
 * the options on every request, which is what makes the expiry roll).
 *
 * With `rolling`, @fastify/session calls `set` at the end of every request, also for a session that was
 * ended while the request ran (logout elsewhere, password change or reset, role change, account deletion).
 * So `set` creates a row only for a session object that never had one, i.e. one just made by sign-in or
 * `regenerate`; any other session is only updated, and stays ended when its row is gone.
 */
export class SqliteSessionStore {
  /** New sessions whose row this store has created: later writes of the same object only update it. */
  private readonly inserted = new WeakSet<Session>();

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
      const { cookie, userId, stored: _stored, ...rest } = session;
      // Anonymous sessions (saveUninitialized is off, but a regenerated one passes here) are not kept.
      if (typeof userId !== 'number') return callback();
      const now = Date.now();
      const expiresAt = cookie?.expires instanceof Date ? cookie.expires.getTime() : now + this.idleMs;
      const id = sha256(sessionId);
      const data = JSON.stringify({ userId, ...rest });
      if (session.stored !== true && !this.inserted.has(session)) {
        insertSession(this.db, { id, userId, data, expiresAt, createdAt: now });
        this.inserted.add(session);
        return callback();
      }
      const row = findSession(this.db, id, now);
      // Ended while the request ran: it stays ended (the cookie the browser keeps then finds nothing).
      if (!row) return callback();
      if (row.data === data && row.userId === userId && expiresAt - row.expiresAt < this.rewriteAfterMs) return callback();
      updateSession(this.db, id, { userId, data, expiresAt }, now);
      callback();
    } catch (error) {
      callback(error);
    }
  }

  get(sessionId: string, callback: (error: unknown, session?: Session | null) => void): void {
    try {
      const row = findSession(this.db, sha256(sessionId), Date.now());
      // Without a `cookie`, @fastify/session builds it from the options: a fresh idle expiry each request.
      // @fastify/session copies the fields into the request's session, `stored` with them.
      callback(null, row ? ({ ...(JSON.parse(row.data) as object), stored: true } as Session) : null);
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
