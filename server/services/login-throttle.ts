import type { Db, Executor } from '../db/connection';
import {
  clearAccountFailures, deleteFailuresBefore, failureTimes, recordLoginFailure,
} from '../repos/login-failures-repo';
import { HttpError } from '../plugins/errors';

// Guessing passwords is slowed down per account (someone trying many passwords for one person) and per
// client address (someone trying one password for many people). Both count failures in a sliding window;
// reaching the limit locks until enough failures have left the window. An address without an account
// counts exactly like one with an account, so the answers never tell whether an account exists.

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

/** A 429 that also tells the route what to put into Retry-After. */
export class TooManyAttemptsError extends HttpError {
  constructor(readonly retryAt: number, now: number) {
    const seconds = Math.max(1, Math.ceil((retryAt - now) / 1000));
    const minutes = Math.ceil(seconds / 60);
    const clock = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(retryAt);
    super(
      429,
      'too_many_attempts',
      `Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es ab ${clock} Uhr wieder (in ${minutes} Min.) / ` +
        `Too many failed sign-in attempts. Please try again from ${clock} (German time), in ${minutes} min.`,
      { retryAfterSeconds: seconds, retryAt: new Date(retryAt).toISOString() },
    );
  }

  get retryAfterSeconds(): number {
    return (this.details as { retryAfterSeconds: number }).retryAfterSeconds;
  }
}

/** When the lock on this key ends, or null when it is not locked. */
function lockEnd(times: number[], limit: number): number | null {
  // `times` is newest first: the lock holds until the limit-th newest failure leaves the window.
  const oldestCounted = times[limit - 1];
  return oldestCounted === undefined ? null : oldestCounted + LOGIN_WINDOW_MS;
}

/** Throws TooManyAttemptsError while the account or the address is locked. */
function assertLoginAllowed(db: Executor, account: string, address: string, now = Date.now()): void {
  const since = now - LOGIN_WINDOW_MS;
  const ends = [
    lockEnd(failureTimes(db, 'account', account, since), MAX_FAILURES_PER_ACCOUNT),
    lockEnd(failureTimes(db, 'address', address, since), MAX_FAILURES_PER_ADDRESS),
  ].filter((t): t is number => t !== null && t > now);
  if (ends.length > 0) throw new TooManyAttemptsError(Math.max(...ends), now);
}

/**
 * Starts a login attempt: throws TooManyAttemptsError while the account or the address is locked, and
 * otherwise counts the attempt as a failure at once, before the password is checked. Checking a password
 * takes a while; were the failure recorded only afterwards, any number of attempts sent at the same time
 * would all pass the check. Both steps run in one immediate transaction, so processes sharing the database
 * count each other's attempts too. A successful attempt takes its failure back with `noteLoginSuccess`.
 */
export function startLoginAttempt(db: Db, account: string, address: string, now = Date.now()): void {
  db.transaction(
    (tx) => {
      assertLoginAllowed(tx, account, address, now);
      recordLoginFailure(tx, { account, address, at: now });
    },
    { behavior: 'immediate' },
  );
}

/**
 * A successful sign-in (or password reset) forgives the account's failures, the attempt's provisional one
 * with them. The address's count keeps the failures recorded for other accounts.
 */
export function noteLoginSuccess(db: Executor, account: string): void {
  clearAccountFailures(db, account);
}

export function pruneLoginFailures(db: Executor, before: number): number {
  return deleteFailuresBefore(db, before);
}
