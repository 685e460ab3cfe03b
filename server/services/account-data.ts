import type { AccountExport } from '../../schema';
import type { Db } from '../db/connection';
import { accountDeletedMail } from '../mail/templates';
import { HttpError } from '../plugins/errors';
import { recordAudit } from '../repos/audit-repo';
import { decisionsByUser } from '../repos/duplicate-decisions-repo';
import { sessionTimesOfUser } from '../repos/sessions-repo';
import { auditEntriesByActor, countUsersWithRole, deleteUser, findOrganisation, findUserById } from '../repos/users-repo';
import { sendInBackground, type MailDeps } from './account-mail';
import { Accounts, langOf } from './accounts';
import type { UserActor } from './actor';

// A person's own data (GDPR): what the directory keeps about them, and deleting their account.

export const lastAdminError = () =>
  new HttpError(
    409,
    'last_admin',
    'Das ist das letzte Admin-Konto. Legen Sie zuerst ein weiteres an / This is the last admin account. Create another admin first.',
  );

export function exportAccount(db: Db, userId: number): AccountExport {
  const user = findUserById(db, userId);
  if (!user) throw new HttpError(401, 'unauthenticated', 'Bitte melden Sie sich an / Please log in.');
  const organisation = findOrganisation(db, user.providerId);
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    exportedAt: new Date().toISOString(),
    account: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      regionPrefix: user.regionPrefix,
      lang: user.lang,
      emailVerifiedAt: user.emailVerifiedAt,
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
      organisation: organisation ? { id: organisation.id, name: organisation.name } : null,
    },
    sessions: sessionTimesOfUser(db, user.id, Date.now()).map((s) => ({ createdAt: iso(s.createdAt), expiresAt: iso(s.expiresAt) })),
    auditEntries: auditEntriesByActor(db, user.id).map((a) => ({
      at: a.at,
      role: a.actorRole,
      entityType: a.entityType,
      entityId: a.entityId,
      action: a.action,
      changes: a.changes,
      note: a.note,
    })),
    duplicateDecisions: decisionsByUser(db, user.id).map((d) => ({
      id: d.id, kind: d.kind, decision: d.decision, offeringIds: d.offeringIds, note: d.note, decidedAt: d.decidedAt,
    })),
  };
}

/**
 * Deletes the signed-in person's account after checking their password. Sessions and tokens go with it;
 * their organisation and its entries stay, and audit rows keep the changes without naming them.
 */
export async function deleteAccount(
  deps: MailDeps & { db: Db },
  actor: UserActor,
  password: string,
  address: string,
): Promise<void> {
  const { db } = deps;
  const user = findUserById(db, actor.id);
  if (!user) throw new HttpError(401, 'unauthenticated', 'Bitte melden Sie sich an / Please log in.');
  try {
    await new Accounts(deps).checkPassword(user.email, password, address);
  } catch (error) {
    if (error instanceof HttpError && error.code === 'invalid_credentials') {
      throw new HttpError(403, 'wrong_password', 'Das Passwort stimmt nicht / The password is wrong.');
    }
    throw error;
  }
  db.transaction((tx) => {
    if (user.role === 'admin' && countUsersWithRole(tx, 'admin') <= 1) throw lastAdminError();
    recordAudit(tx, { actor: { id: user.id, role: user.role }, entityType: 'user', entityId: user.id, action: 'delete' });
    deleteUser(tx, user.id);
  });
  sendInBackground(deps, user.email, accountDeletedMail({ lang: langOf(user), name: user.displayName }));
}
