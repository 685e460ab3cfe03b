import { and, desc, eq, gte, lt } from 'drizzle-orm';
import type { Executor } from '../db/connection';
import { loginFailures } from '../db/schema';

/** The times (ms) of failed logins for an account or an address since `since`, newest first. */
export function failureTimes(db: Executor, by: 'account' | 'address', value: string, since: number): number[] {
  const column = by === 'account' ? loginFailures.account : loginFailures.address;
  return db
    .select({ at: loginFailures.at })
    .from(loginFailures)
    .where(and(eq(column, value), gte(loginFailures.at, since)))
    .orderBy(desc(loginFailures.at))
    .all()
    .map((r) => r.at);
}

export function recordLoginFailure(db: Executor, row: { account: string; address: string; at: number }): void {
  db.insert(loginFailures).values(row).run();
}

export function clearAccountFailures(db: Executor, account: string): number {
  return db.delete(loginFailures).where(eq(loginFailures.account, account)).run().changes;
}

export function deleteFailuresBefore(db: Executor, before: number): number {
  return db.delete(loginFailures).where(lt(loginFailures.at, before)).run().changes;
}
