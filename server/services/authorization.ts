import type { Status } from '../../schema';
import { HttpError } from '../plugins/errors';
import type { Actor, UserActor } from './actor';

// The one place that answers "may this actor do this to this resource". Every private or state-changing
// route asks `authorize` before it reads or writes; services take the actor and ask too where a rule
// depends on data the route does not have. The table test (tests/server/authorization-matrix.test.ts)
// checks every role against every route.

export type Resource =
  | { type: 'offering'; providerId: number; regionKey: string; status: Status }
  | { type: 'organisation'; id: number; regionKey: string }
  | { type: 'site'; providerId: number; regionKey: string }
  /** A region's review queue or list; `prefix` null means the actor's own region. */
  | { type: 'region'; prefix: string | null }
  | { type: 'users' }
  /** Creating something new for oneself: an organisation, or an offering of one's organisation. */
  | { type: 'own-account' };

export type Action =
  | 'offering.view' | 'offering.create' | 'offering.edit' | 'offering.submit' | 'offering.withdraw'
  | 'offering.archive' | 'offering.confirm' | 'offering.review' | 'offering.delete'
  | 'organisation.create' | 'organisation.view' | 'organisation.edit' | 'organisation.verify' | 'organisation.import'
  /** Who belongs to an organisation (names and addresses: for its members and admins, never coordinators). */
  | 'organisation.members.view' | 'organisation.members.manage'
  | 'site.create' | 'site.edit' | 'site.delete'
  | 'review.queue' | 'users.manage'
  /** A region's duplicate structures: looking at the groups, and deciding on one (not a duplicate, intended, merged). */
  | 'duplicates.view' | 'duplicates.decide';

export type Decision =
  | { allowed: true }
  | { allowed: false; status: 401 | 403 | 404 | 409; code: string; message: string };

const allow: Decision = { allowed: true };
const deny = (status: 401 | 403 | 404 | 409, code: string, message: string): Decision => ({ allowed: false, status, code, message });
const unauthenticated = deny(401, 'unauthenticated', 'Bitte melden Sie sich an / Please log in.');
const wrongRole = deny(403, 'forbidden', 'Dafür fehlt Ihrer Rolle die Berechtigung / Your role may not do this.');
const outsideRegion = deny(403, 'outside_region', 'Das liegt außerhalb Ihrer Region / This is outside your region.');
const notVerified = deny(403, 'email_not_verified', 'Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse / Please confirm your e-mail address first.');
const hidden = deny(404, 'not_found', 'Nicht gefunden / Not found.');

/** Actions that only read; everything else changes data and needs a confirmed e-mail address. */
const readOnly = new Set<Action>(['offering.view', 'organisation.view', 'organisation.members.view', 'review.queue', 'duplicates.view']);
/** Actions on a whole region (`{ type: 'region' }`), for its coordinators. */
const regionActions = new Set<Action>(['review.queue', 'duplicates.view', 'duplicates.decide']);

function regionOf(resource: Resource): string | null {
  switch (resource.type) {
    case 'offering':
    case 'site':
    case 'organisation':
      return resource.regionKey;
    default:
      return null;
  }
}

function decideCoordinator(actor: UserActor, action: Action, resource: Resource): Decision {
  const scope = actor.regionPrefix ?? '\u0000';
  if (regionActions.has(action) && resource.type === 'region') {
    if (resource.prefix !== null && !resource.prefix.startsWith(scope)) return outsideRegion;
    return !readOnly.has(action) && !actor.emailVerified ? notVerified : allow;
  }
  const coordinatorActions: readonly Action[] = [
    // Not organisation.edit: an organisation describes itself (the contract gives PATCH to members and admins).
    // Not organisation.members.*: the accounts behind an organisation are personal data a coordinator does not
    // need; they reach the organisation through its public contact.
    'offering.view', 'offering.edit', 'offering.archive', 'offering.confirm', 'offering.review',
    'organisation.view', 'organisation.verify', 'site.edit',
  ];
  if (!coordinatorActions.includes(action)) return wrongRole;
  const region = regionOf(resource);
  return region !== null && region.startsWith(scope) ? allow : outsideRegion;
}

function decideProvider(actor: UserActor, action: Action, resource: Resource): Decision {
  if (['offering.review', 'organisation.verify', 'review.queue', 'users.manage', 'duplicates.view', 'duplicates.decide'].includes(action)) return wrongRole;
  // Asked only once the resource is known to be the actor's own: answered for someone else's, it would tell an
  // unconfirmed account which hidden ids exist (403 here, 404 for ids that do not).
  const unverified = !readOnly.has(action) && !actor.emailVerified;
  if (resource.type === 'own-account') {
    if (unverified) return notVerified;
    // An account belongs to one organisation; a second one would leave the first without this member.
    if (action === 'organisation.create') {
      return actor.providerId === null ? allow : deny(409, 'organisation_exists', 'Ihr Konto gehört schon zu einer Organisation / Your account already belongs to an organisation.');
    }
    if (action === 'offering.create') return actor.providerId !== null ? allow : deny(403, 'no_organisation', 'Bitte legen Sie zuerst Ihre Organisation an / Please describe your organisation first.');
    return wrongRole;
  }
  const ownerId = resource.type === 'organisation' ? resource.id : resource.type === 'offering' || resource.type === 'site' ? resource.providerId : null;
  if (ownerId !== null && actor.providerId !== null && ownerId === actor.providerId) return unverified ? notVerified : allow;
  // Another organisation's published offering is public anyway; anything else of theirs must not leak.
  if (resource.type === 'offering' && resource.status === 'published') return wrongRole;
  return hidden;
}

/** The rule itself, as a value (the table test reads it; routes use `authorize`). */
export function decide(actor: Actor, action: Action, resource: Resource): Decision {
  if (actor.kind === 'anonymous') return unauthenticated;
  if (actor.role === 'admin') return allow;
  if (actor.role === 'coordinator') return decideCoordinator(actor, action, resource);
  return decideProvider(actor, action, resource);
}

/** Throws the HTTP error (401, 403 or 404) when the actor may not; returns the signed-in actor otherwise. */
export function authorize(actor: Actor, action: Action, resource: Resource): UserActor {
  const decision = decide(actor, action, resource);
  if (!decision.allowed) throw new HttpError(decision.status, decision.code, decision.message);
  return actor as UserActor;
}

/** For routes that only need someone signed in (their own account). */
export function requireUser(actor: Actor): UserActor {
  if (actor.kind === 'anonymous') throw new HttpError(401, 'unauthenticated', 'Bitte melden Sie sich an / Please log in.');
  return actor;
}
