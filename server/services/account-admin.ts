import type { z } from 'zod';
import type { AdminUser, UpdateUserInput, zCreateUserInput } from '../../schema';
import type { Db, Executor } from '../db/connection';
import type { UserRow, UserRoleId } from '../db/schema';
import { invitationMail, LINK_LIFETIME_MS } from '../mail/templates';
import { HttpError } from '../plugins/errors';
import { changedFields, recordAudit } from '../repos/audit-repo';
import { deleteSessionsOfUser } from '../repos/sessions-repo';
import {
  countUsersWithRole, findOrganisation, findUserByEmail, findUserById, insertUserUnlessTaken, listUsers, updateUser,
} from '../repos/users-repo';
import { issueLink, sendInBackground, type MailDeps } from './account-mail';
import { lastAdminError } from './account-data';
import type { UserActor } from './actor';
import { unusablePasswordHash } from './passwords';

// What admins do with accounts: list them, invite coordinators and admins, change roles and regions.
// The routes ask `authorize(…, 'users.manage', …)` first; these functions assume it was asked.

export type CreateUserInput = z.output<typeof zCreateUserInput>;
/** The name of the region with this key prefix, or undefined when there is none. */
export type RegionNames = (prefix: string) => string | undefined;

export interface AdminDeps extends MailDeps {
  db: Db;
  regionName: RegionNames;
}

export function toAdminUser(user: UserRow & { organisationName?: string | null }): AdminUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    regionPrefix: user.regionPrefix,
    emailVerified: user.emailVerifiedAt !== null,
    organisation: user.providerId !== null && user.organisationName ? { id: user.providerId, name: user.organisationName } : null,
    createdAt: user.createdAt,
  };
}

const emailTaken = () =>
  new HttpError(409, 'email_taken', 'Zu dieser Adresse gibt es schon ein Konto / There is already an account for this address.');

function adminView(db: Executor, user: UserRow): AdminUser {
  return toAdminUser({ ...user, organisationName: findOrganisation(db, user.providerId)?.name ?? null });
}

export function listAccounts(db: Db): AdminUser[] {
  return listUsers(db).map(toAdminUser);
}

/**
 * Checks that a coordinator's region exists. Three-digit prefixes (administrative regions) are not in the
 * reference data as regions of their own and are taken as given.
 */
export function checkRegion(regionName: RegionNames, prefix: string): string | undefined {
  if (prefix.length === 3) return undefined;
  const name = regionName(prefix);
  if (name === undefined) {
    throw new HttpError(400, 'unknown_region', `Unbekannter Regionalschlüssel / Unknown region key: ${prefix}`, [
      { parameter: 'regionPrefix', message: 'unknown region key' },
    ]);
  }
  return name;
}

/**
 * Creates a coordinator or admin with a verified address and a password nobody knows, and mails them a link
 * (valid 7 days) to set their own.
 */
export async function inviteUser(deps: AdminDeps, actor: UserActor, input: CreateUserInput): Promise<AdminUser> {
  const { db, config } = deps;
  const regionPrefix = input.role === 'coordinator' ? (input.regionPrefix ?? null) : null;
  const regionName = regionPrefix ? checkRegion(deps.regionName, regionPrefix) : undefined;
  // Checked before hashing, and again by the insert: the same invitation sent twice at once passes the first.
  if (findUserByEmail(db, input.email)) throw emailTaken();
  const passwordHash = await unusablePasswordHash();
  const { user, link } = db.transaction((tx) => {
    const user = insertUserUnlessTaken(tx, {
      email: input.email,
      displayName: input.displayName,
      passwordHash,
      role: input.role,
      regionPrefix,
      emailVerifiedAt: new Date().toISOString(),
    });
    if (!user) throw emailTaken();
    recordAudit(tx, {
      actor,
      entityType: 'user',
      entityId: user.id,
      action: 'create',
      changes: changedFields(null, { role: user.role, regionPrefix: user.regionPrefix }),
    });
    const link = issueLink(tx, config, user, 'reset_password', LINK_LIFETIME_MS.invitation, '/konto/passwort-neu');
    return { user, link };
  });
  sendInBackground(deps, user.email, invitationMail({ lang: 'de', name: user.displayName, role: input.role, regionName, link }));
  return adminView(db, user);
}

/** Changes a user's role and/or region and ends their sessions, so the change holds from their next request. */
export function changeUserRole(deps: AdminDeps, actor: UserActor, userId: number, input: UpdateUserInput): AdminUser {
  const { db } = deps;
  return db.transaction((tx) => {
    const user = findUserById(tx, userId);
    if (!user) throw new HttpError(404, 'not_found', 'Nicht gefunden / Not found.');
    const role: UserRoleId = input.role ?? user.role;
    const regionPrefix = role === 'coordinator' ? (input.regionPrefix !== undefined ? input.regionPrefix : user.regionPrefix) : null;
    if (role !== 'coordinator' && input.regionPrefix) {
      throw new HttpError(400, 'region_not_allowed', 'Nur Koordinierende haben eine Region / Only coordinators have a region.', [
        { parameter: 'regionPrefix', message: 'only coordinators have a region' },
      ]);
    }
    if (role === 'coordinator' && !regionPrefix) {
      throw new HttpError(400, 'region_required', 'Koordinierende brauchen eine Region / Coordinators need a region.', [
        { parameter: 'regionPrefix', message: 'coordinators need a region' },
      ]);
    }
    if (regionPrefix && regionPrefix !== user.regionPrefix) checkRegion(deps.regionName, regionPrefix);
    if (user.role === 'admin' && role !== 'admin' && countUsersWithRole(tx, 'admin') <= 1) throw lastAdminError();
    const changes = changedFields({ role: user.role, regionPrefix: user.regionPrefix }, { role, regionPrefix });
    if (changes.length === 0) return adminView(tx, user);
    const updated = updateUser(tx, user.id, { role, regionPrefix }) ?? user;
    deleteSessionsOfUser(tx, user.id);
    recordAudit(tx, { actor, entityType: 'user', entityId: user.id, action: 'update', changes });
    return adminView(tx, updated);
  });
}
