import type { z } from 'zod';
import type { Member, zInviteMemberInput } from '../../schema';
import type { Db, Executor } from '../db/connection';
import type { UserRow } from '../db/schema';
import { LINK_LIFETIME_MS, memberInvitationMail } from '../mail/templates';
import { HttpError } from '../plugins/errors';
import { changedFields, recordAudit } from '../repos/audit-repo';
import { deleteOpenAuthTokens } from '../repos/auth-tokens-repo';
import { findOrganisation } from '../repos/organisations-repo';
import { deleteSessionsOfUser } from '../repos/sessions-repo';
import { countMembers, findUserByEmail, findUserById, insertUserUnlessTaken, listMembers, updateUser } from '../repos/users-repo';
import { issueLink, sendInBackground, type MailDeps } from './account-mail';
import type { Actor, UserActor } from './actor';
import { authorize, requireUser } from './authorization';
import { writeTransaction } from './offering-rules';
import { unusablePasswordHash } from './passwords';

// The people behind an organisation: its members list each other, invite colleagues and remove them (or
// leave). A second person of an association joins the existing organisation instead of registering a
// duplicate of it.

export type InviteMemberInput = z.output<typeof zInviteMemberInput>;
export interface MemberDeps extends MailDeps {
  db: Db;
}

const who = (user: UserActor) => ({ id: user.id, role: user.role });
const organisationNotFound = (id: number) => new HttpError(404, 'not_found', `Keine Organisation mit der Nummer ${id} / No organisation with id ${id}`);
const memberNotFound = () => new HttpError(404, 'not_found', 'Diese Person gehört nicht zur Organisation / This person is not a member of the organisation.');

/**
 * An address with an account is never added to an organisation by someone else: its owner did not agree,
 * and they would see another organisation's entries. They can be invited with another address.
 */
const emailTaken = () =>
  new HttpError(
    409,
    'email_taken',
    'Zu dieser Adresse gibt es schon ein Konto. Die Person kann Sie bitten, sie mit einer anderen Adresse einzuladen, oder sich an die Koordinierungsstelle wenden / ' +
      'There is already an account for this address. The person can ask you to invite them with another address, or contact the coordination office.',
    [{ parameter: 'email', message: 'already has an account' }],
  );

const lastMember = () =>
  new HttpError(
    409,
    'last_member',
    'Die letzte Person einer Organisation kann nicht entfernt werden: Laden Sie zuerst jemand anderen ein / ' +
      'The last member of an organisation cannot be removed: invite someone else first.',
  );

/** The organisation and the actor, once the rule allows `action` on it (404 for ids that do not exist). */
function allowed(db: Executor, actor: Actor, organisationId: number, action: 'organisation.members.view' | 'organisation.members.manage') {
  requireUser(actor);
  const organisation = findOrganisation(db, organisationId);
  if (!organisation) throw organisationNotFound(organisationId);
  const user = authorize(actor, action, { type: 'organisation', id: organisation.id, regionKey: organisation.regionKey });
  return { organisation, user };
}

function toMember(row: UserRow, actor: UserActor): Member {
  return {
    id: row.id,
    displayName: row.displayName,
    email: row.email,
    emailVerified: row.emailVerifiedAt !== null,
    createdAt: row.createdAt,
    isYou: row.id === actor.id,
  };
}

export function listOrganisationMembers(db: Db, actor: Actor, organisationId: number): Member[] {
  const { user } = allowed(db, actor, organisationId, 'organisation.members.view');
  return listMembers(db, organisationId).map((row) => toMember(row, user));
}

/**
 * Creates a provider account in the organisation with a password nobody knows and mails its owner a link
 * (valid 7 days) to set one. The address counts as confirmed only once they have followed the link.
 */
export async function inviteMember(deps: MemberDeps, actor: Actor, organisationId: number, input: InviteMemberInput): Promise<Member> {
  const { db, config } = deps;
  const { organisation, user: inviter } = allowed(db, actor, organisationId, 'organisation.members.manage');
  // Checked before hashing, and again by the insert: the same invitation sent twice at once passes the first.
  if (findUserByEmail(db, input.email)) throw emailTaken();
  const passwordHash = await unusablePasswordHash();
  const { member, link } = writeTransaction(db, (tx) => {
    const member = insertUserUnlessTaken(tx, {
      email: input.email,
      displayName: input.displayName,
      passwordHash,
      role: 'provider',
      providerId: organisation.id,
      lang: input.lang,
      emailVerifiedAt: null,
    });
    if (!member) throw emailTaken();
    // Like the admin's invitations: role and organisation, not the address (the account row holds that).
    recordAudit(tx, {
      actor: who(inviter),
      entityType: 'user',
      entityId: member.id,
      action: 'invite',
      changes: changedFields(null, { role: member.role, providerId: member.providerId }),
      note: `organisation ${organisation.id}`,
    });
    const link = issueLink(tx, config, member, 'reset_password', LINK_LIFETIME_MS.invitation, '/konto/passwort-neu');
    return { member, link };
  });
  const inviterName = findUserById(db, inviter.id)?.displayName ?? '';
  sendInBackground(deps, member.email, memberInvitationMail({
    lang: input.lang, name: member.displayName, organisationName: organisation.name, inviterName, link,
  }));
  return toMember(member, inviter);
}

/**
 * Takes a person out of the organisation (their account stays, without an organisation) and ends their
 * sessions, so they lose access with their next request. Someone leaving keeps `currentSessionIdHash`, the
 * session they left with, and goes on as a provider without an organisation. An invitation not yet followed
 * is withdrawn with it. The last member stays: an organisation nobody can maintain would only go stale.
 */
export function removeMember(db: Db, actor: Actor, organisationId: number, userId: number, currentSessionIdHash?: string): void {
  writeTransaction(db, (tx) => {
    const { organisation, user } = allowed(tx, actor, organisationId, 'organisation.members.manage');
    const member = findUserById(tx, userId);
    if (!member || member.providerId !== organisation.id) throw memberNotFound();
    if (countMembers(tx, organisation.id) <= 1) throw lastMember();
    updateUser(tx, member.id, { providerId: null });
    const leaving = member.id === user.id;
    deleteSessionsOfUser(tx, member.id, leaving ? currentSessionIdHash : undefined);
    deleteOpenAuthTokens(tx, member.id, 'reset_password');
    recordAudit(tx, {
      actor: who(user),
      entityType: 'user',
      entityId: member.id,
      action: leaving ? 'leave' : 'remove',
      changes: changedFields({ providerId: organisation.id }, { providerId: null }),
      note: `organisation ${organisation.id}`,
    });
  });
}
