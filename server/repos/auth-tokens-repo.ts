import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Executor } from '../db/connection';
import { authTokens, tokenPurposes } from '../db/schema';

export type TokenPurpose = (typeof tokenPurposes)[number];

export function insertAuthToken(
  db: Executor,
  row: { tokenHash: string; userId: number; purpose: TokenPurpose; expiresAt: number; createdAt: number },
): void {
  db.insert(authTokens).values(row).run();
}

/**
 * Marks the token used and returns its user, in one statement: of two requests with the same token only one
 * can win. Null when it is unknown, of another purpose, used or expired.
 */
export function consumeAuthToken(db: Executor, tokenHash: string, purpose: TokenPurpose, now: number): number | null {
  const row = db
    .update(authTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(authTokens.tokenHash, tokenHash),
        eq(authTokens.purpose, purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, now),
      ),
    )
    .returning({ userId: authTokens.userId })
    .get();
  return row?.userId ?? null;
}

/** Voids a user's other open tokens of a purpose (an older reset link after a reset). */
export function deleteOpenAuthTokens(db: Executor, userId: number, purpose: TokenPurpose): number {
  return db
    .delete(authTokens)
    .where(and(eq(authTokens.userId, userId), eq(authTokens.purpose, purpose), isNull(authTokens.usedAt)))
    .run().changes;
}

export function deleteExpiredAuthTokens(db: Executor, now: number): number {
  return db.delete(authTokens).where(lt(authTokens.expiresAt, now)).run().changes;
}
