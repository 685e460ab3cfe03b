import type { z } from 'zod';
import type { Me, zPasswordResetRequest, zRegisterInput } from '../../schema';
import type { Db } from '../db/connection';
import type { UserRow } from '../db/schema';
import { LINK_LIFETIME_MS, passwordResetMail, registrationAttemptMail, verifyEmailMail } from '../mail/templates';
import { HttpError } from '../plugins/errors';
import { consumeAuthToken, deleteOpenAuthTokens } from '../repos/auth-tokens-repo';
import { deleteSessionsOfUser } from '../repos/sessions-repo';
import { findOrganisation, findUserByEmail, findUserById, insertUserUnlessTaken, updateUser } from '../repos/users-repo';
import { issueLink, sendInBackground, type MailDeps } from './account-mail';
import type { UserActor } from './actor';
import { noteLoginSuccess, startLoginAttempt } from './login-throttle';
import { hashPassword, verifyAgainstNothing, verifyPassword } from './passwords';
import { sha256 } from './secrets';

export type RegisterInput = z.output<typeof zRegisterInput>;
export type PasswordResetRequest = z.output<typeof zPasswordResetRequest>;
export interface AccountDeps extends MailDeps {
  db: Db;
}

const invalidCredentials = () =>
  new HttpError(401, 'invalid_credentials', 'E-Mail-Adresse oder Passwort stimmen nicht / E-mail address or password is wrong.');
const invalidToken = () =>
  new HttpError(
    400,
    'invalid_token',
    'Der Link ist ungültig, abgelaufen oder wurde schon benutzt. Bitte fordern Sie einen neuen an / ' +
      'The link is invalid, has expired or was already used. Please ask for a new one.',
  );

/** Whether a token could be one we issued (43 base64url characters); anything else is refused unhashed. */
const plausibleToken = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

/** Registration, e-mail confirmation, signing in, and passwords: the rules behind server/routes/auth.ts. */
export class Accounts {
  constructor(private readonly deps: AccountDeps) {}

  /**
   * Creates an unconfirmed provider and mails a confirmation link. For an address that already has an
   * account nothing is created: its owner gets a mail instead, and the caller answers the same either way.
   */
  async register(input: RegisterInput): Promise<void> {
    const { db, config } = this.deps;
    // Hashed before looking: both outcomes then take the same time.
    const passwordHash = await hashPassword(input.password);
    const user = insertUserUnlessTaken(db, { email: input.email, displayName: input.displayName, passwordHash, role: 'provider', lang: input.lang });
    if (!user) {
      // The address has an account, perhaps since a moment ago (two sign-ups at once).
      const owner = findUserByEmail(db, input.email);
      if (owner) this.mailExistingOwner(owner, input.lang);
      return;
    }
    const link = issueLink(db, config, user, 'verify_email', LINK_LIFETIME_MS.verifyEmail, '/konto/bestaetigen');
    sendInBackground(this.deps, user.email, verifyEmailMail({ lang: input.lang, name: user.displayName, link }));
  }

  /**
   * Someone registered with an address that has an account: its owner gets a link to set a new password,
   * which is what a person who forgot they have an account needs. Also when the address is not confirmed
   * yet: the account's password was chosen by whoever registered first, perhaps not the owner of the
   * address, and a confirmation link would confirm the account with that password. Setting the password
   * confirms the address and ends every session.
   */
  private mailExistingOwner(user: UserRow, lang: 'de' | 'en'): void {
    const { db, config } = this.deps;
    const link = issueLink(db, config, user, 'reset_password', LINK_LIFETIME_MS.passwordReset, '/konto/passwort-neu');
    sendInBackground(this.deps, user.email, registrationAttemptMail({ lang, name: user.displayName, link }));
  }

  /**
   * Confirms the address. Every session of the account but `currentSessionId` (the one sending the link,
   * when signed in) ends: they were opened with a password that whoever registered the address chose, and
   * that need not be the person who just proved the mailbox is theirs.
   */
  verifyEmail(token: string, currentSessionId?: string): void {
    const { db } = this.deps;
    if (!plausibleToken(token)) throw invalidToken();
    db.transaction((tx) => {
      const userId = consumeAuthToken(tx, sha256(token), 'verify_email', Date.now());
      if (userId === null) throw invalidToken();
      const user = findUserById(tx, userId);
      if (!user || user.emailVerifiedAt !== null) return;
      updateUser(tx, userId, { emailVerifiedAt: new Date().toISOString() });
      deleteSessionsOfUser(tx, userId, currentSessionId === undefined ? undefined : sha256(currentSessionId));
    });
  }

  /** A new confirmation link for a signed-in person whose address is not confirmed yet. */
  resendVerification(actor: UserActor): void {
    const { db, config } = this.deps;
    const user = findUserById(db, actor.id);
    if (!user) throw new HttpError(401, 'unauthenticated', 'Bitte melden Sie sich an / Please log in.');
    if (user.emailVerifiedAt !== null) {
      throw new HttpError(409, 'already_verified', 'Ihre E-Mail-Adresse ist schon bestätigt / Your e-mail address is already confirmed.');
    }
    // Only the newest link works, so an old mail found later cannot be confused with it.
    deleteOpenAuthTokens(db, user.id, 'verify_email');
    const link = issueLink(db, config, user, 'verify_email', LINK_LIFETIME_MS.verifyEmail, '/konto/bestaetigen');
    sendInBackground(this.deps, user.email, verifyEmailMail({ lang: langOf(user), name: user.displayName, link }));
  }

  /**
   * Checks a password against the throttle and the stored hash. Unknown addresses cost one dummy hash and
   * count as failures like known ones, so neither timing nor lock tells whether an account exists.
   */
  async checkPassword(email: string, password: string, address: string): Promise<UserRow> {
    const { db } = this.deps;
    // Counted as a failure until the password proves right, so attempts sent at once cannot outrun the lock.
    startLoginAttempt(db, email, address);
    const user = findUserByEmail(db, email);
    const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstNothing(password);
    if (!user || !ok) throw invalidCredentials();
    noteLoginSuccess(db, email);
    return user;
  }

  /** Sets a new password after checking the current one; ends every session of the user. */
  async changePassword(actor: UserActor, currentPassword: string, newPassword: string, address: string): Promise<void> {
    const { db } = this.deps;
    const user = findUserById(db, actor.id);
    if (!user) throw new HttpError(401, 'unauthenticated', 'Bitte melden Sie sich an / Please log in.');
    try {
      await this.checkPassword(user.email, currentPassword, address);
    } catch (error) {
      if (error instanceof HttpError && error.code === 'invalid_credentials') {
        throw new HttpError(403, 'wrong_password', 'Das bisherige Passwort stimmt nicht / The current password is wrong.');
      }
      throw error;
    }
    const passwordHash = await hashPassword(newPassword);
    db.transaction((tx) => {
      updateUser(tx, user.id, { passwordHash });
      deleteSessionsOfUser(tx, user.id);
      // A reset link mailed earlier must not undo the change.
      deleteOpenAuthTokens(tx, user.id, 'reset_password');
    });
  }

  /** Mails a link to set a new password when the address has an account; silent otherwise. */
  requestPasswordReset(input: PasswordResetRequest): void {
    const { db, config } = this.deps;
    const user = findUserByEmail(db, input.email);
    if (!user) return;
    const link = issueLink(db, config, user, 'reset_password', LINK_LIFETIME_MS.passwordReset, '/konto/passwort-neu');
    sendInBackground(this.deps, user.email, passwordResetMail({ lang: input.lang, name: user.displayName, link }));
  }

  /** Sets the password through a mailed link (reset or invitation); ends every session of the account. */
  async resetPassword(token: string, password: string): Promise<void> {
    const { db } = this.deps;
    if (!plausibleToken(token)) throw invalidToken();
    const passwordHash = await hashPassword(password);
    db.transaction((tx) => {
      const userId = consumeAuthToken(tx, sha256(token), 'reset_password', Date.now());
      if (userId === null) throw invalidToken();
      const user = findUserById(tx, userId);
      if (!user) throw invalidToken();
      // Following the link proves the mailbox is theirs, so the address counts as confirmed.
      updateUser(tx, userId, { passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? new Date().toISOString() });
      deleteSessionsOfUser(tx, userId);
      deleteOpenAuthTokens(tx, userId, 'reset_password');
      noteLoginSuccess(tx, user.email);
    });
  }

  me(userId: number): Me {
    const user = findUserById(this.deps.db, userId);
    if (!user) throw new HttpError(401, 'unauthenticated', 'Bitte melden Sie sich an / Please log in.');
    return toMe(this.deps.db, user);
  }
}

export function langOf(user: UserRow): 'de' | 'en' {
  return user.lang === 'en' ? 'en' : 'de';
}

export function toMe(db: Db, user: UserRow): Me {
  const organisation = findOrganisation(db, user.providerId);
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    emailVerified: user.emailVerifiedAt !== null,
    organisation: organisation ? { id: organisation.id, name: organisation.name, verified: organisation.verifiedAt !== null } : null,
    regionPrefix: user.regionPrefix,
    createdAt: user.createdAt,
  };
}
