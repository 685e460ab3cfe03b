import type { Config } from '../config';
import { publicUrl } from '../config';
import type { Executor } from '../db/connection';
import type { Mailer } from '../mail/mailer';
import type { MailContent } from '../mail/templates';
import { insertAuthToken, type TokenPurpose } from '../repos/auth-tokens-repo';
import { newToken } from './secrets';

export interface MailDeps {
  mailer: Mailer;
  config: Config;
  log: { warn(o: object, msg?: string): void };
}

/** The page a mailed link opens; the web client reads `token` from the query. */
export type LinkPage = '/konto/bestaetigen' | '/konto/passwort-neu';

/**
 * Stores a single-use token (as its hash) and returns the link that carries it. The token itself exists only
 * in the returned link, which goes into a mail and nowhere else.
 */
export function issueLink(
  db: Executor,
  config: Config,
  user: { id: number },
  purpose: TokenPurpose,
  lifetimeMs: number,
  page: LinkPage,
): string {
  const { token, hash } = newToken();
  const now = Date.now();
  insertAuthToken(db, { tokenHash: hash, userId: user.id, purpose, expiresAt: now + lifetimeMs, createdAt: now });
  return `${publicUrl(config)}${page}?token=${token}`;
}

/**
 * Sends without making the request wait: answers then take the same time whichever mail (or none) is sent,
 * and a slow mail server does not hold up a sign-up. A failure is logged by the mailer (without content);
 * the person can ask for a new link.
 */
export function sendInBackground(deps: MailDeps, to: string, mail: MailContent): void {
  deps.mailer.send({ to, ...mail }).catch((error: unknown) => {
    deps.log.warn({ mail: mail.kind, reason: (error as Error).message }, 'account mail was not sent');
  });
}
