import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { vi } from 'vitest';
import type { OfferingInput } from '../../schema';
import type { Db } from '../../server/db/connection';
import {
  locations, offerings, providers, type LocationRow, type OfferingRow, type ProviderRow,
} from '../../server/db/schema';
import { findUserById } from '../../server/repos/users-repo';
import type { UserActor } from '../../server/services/actor';
import { createUser, type TestUser } from './accounts';
import { offeringDefaults } from './fixtures';

// Two organisations in two states with a site and an entry in each moderation state, the people who act on
// them, and a cheap way back to exactly this state between test cells.

/** Regen (Landkreis Regen, Bavaria): municipality key and postcode from the bundled gazetteer. */
export const REGEN = { regionKey: '09276138', postcode: '94209', city: 'Regen', lat: 48.97, lng: 13.1224 };
/** Freiburg im Breisgau (Baden-Württemberg). */
export const FREIBURG = { regionKey: '08311000', postcode: '79098', city: 'Freiburg im Breisgau', lat: 47.99254, lng: 7.81805 };

/** A complete, valid offering input at a site; `overrides` change single fields. */
export function offeringInput(locationId: number, overrides: Partial<OfferingInput> = {}): OfferingInput {
  return {
    ...offeringDefaults,
    locationId,
    title: 'Lernwerkstatt am Nachmittag',
    description: 'Gemeinsam lernen, mit Begleitung durch Ehrenamtliche.',
    contact: { email: 'kontakt@verein.example' },
    ...overrides,
  };
}

export interface OrganisationFixture {
  organisation: ProviderRow;
  site: LocationRow;
  /** A second site that no offering uses (it may be deleted). */
  spareSite: LocationRow;
  draft: OfferingRow;
  pending: OfferingRow;
  published: OfferingRow;
}

function addOrganisation(db: Db, name: string, place: typeof REGEN, tag: string): OrganisationFixture {
  const organisation = db.insert(providers).values({ name, kind: 'association', regionKey: place.regionKey }).returning().get();
  const site = db.insert(locations).values({ providerId: organisation.id, street: 'Hauptstraße 1', ...place }).returning().get();
  const spareSite = db.insert(locations).values({ providerId: organisation.id, street: 'Nebenweg 2', ...place }).returning().get();
  const add = (status: OfferingRow['status'], title: string) =>
    db.insert(offerings).values({
      ...offeringInput(site.id, { title }),
      providerId: organisation.id,
      status,
      lastConfirmedAt: '2026-01-15',
    }).returning().get();
  return {
    organisation,
    site,
    spareSite,
    draft: add('draft', `Entwurf ${tag}`),
    pending: add('pending', `Wartend ${tag}`),
    published: add('published', `Veröffentlicht ${tag}`),
  };
}

export const roles = ['anonymous', 'providerA', 'providerAUnverified', 'providerB', 'newcomer', 'coordinator09276', 'coordinator08', 'admin'] as const;
export type Role = (typeof roles)[number];
export type SignedInRole = Exclude<Role, 'anonymous'>;

export interface World {
  A: OrganisationFixture;
  B: OrganisationFixture;
  users: Record<SignedInRole, TestUser>;
  /** A second confirmed member of each organisation, signed in by nobody: the one a test may remove. */
  colleagues: Record<'A' | 'B', TestUser>;
}

/** Organisation A seated in Regen (09276…), B in Freiburg (08…), and one account per role. */
export function buildWorld(db: Db): World {
  const A = addOrganisation(db, 'Lernfreunde Regen e.V.', REGEN, 'A');
  const B = addOrganisation(db, 'Bildungsbrücke Freiburg e.V.', FREIBURG, 'B');
  const user = (email: string, extra: Omit<Parameters<typeof createUser>[1], 'email'>) => createUser(db, { email, ...extra });
  return {
    A,
    B,
    users: {
      providerA: user('anbieter-a@test.example', { role: 'provider', providerId: A.organisation.id }),
      providerAUnverified: user('anbieter-a2@test.example', { role: 'provider', providerId: A.organisation.id, verified: false }),
      providerB: user('anbieter-b@test.example', { role: 'provider', providerId: B.organisation.id }),
      newcomer: user('neu@test.example', { role: 'provider' }),
      coordinator09276: user('regen@test.example', { role: 'coordinator', regionPrefix: '09276' }),
      coordinator08: user('bw@test.example', { role: 'coordinator', regionPrefix: '08' }),
      admin: user('admin@test.example', { role: 'admin' }),
    },
    colleagues: {
      A: user('kollegin-a@test.example', { role: 'provider', providerId: A.organisation.id, displayName: 'Kollegin A' }),
      B: user('kollegin-b@test.example', { role: 'provider', providerId: B.organisation.id, displayName: 'Kollegin B' }),
    },
  };
}

/**
 * Puts organisations, sites and offerings back exactly as `buildWorld` left them (same ids), and empties
 * revisions, audit, outbox and duplicate decisions. Accounts and sessions stay, so signed-in clients keep
 * working.
 */
export function resetWorld(db: Db, world: World): void {
  const orgs = [world.A, world.B];
  db.transaction((tx) => {
    for (const table of ['offering_revisions', 'offerings', 'locations', 'audit_log', 'outbox', 'duplicate_decisions']) tx.run(sql.raw(`DELETE FROM ${table}`));
    tx.run(sql`DELETE FROM providers WHERE id NOT IN (${world.A.organisation.id}, ${world.B.organisation.id})`);
    for (const o of orgs) {
      const { id, ...fields } = o.organisation;
      tx.update(providers).set(fields).where(sql`id = ${id}`).run();
    }
    tx.insert(locations).values(orgs.flatMap((o) => [o.site, o.spareSite])).run();
    tx.insert(offerings).values(orgs.flatMap((o) => [o.draft, o.pending, o.published])).run();
    // A provider who created an organisation in a cell is a newcomer again.
    tx.run(sql`UPDATE users SET provider_id = NULL WHERE email = 'neu@test.example'`);
    // Accounts invited into A or B in a cell go; members removed in a cell belong to their organisation again.
    const members = { A: [world.users.providerA, world.users.providerAUnverified, world.colleagues.A], B: [world.users.providerB, world.colleagues.B] };
    const memberIds = [...members.A, ...members.B].map((u) => u.id);
    tx.run(sql`DELETE FROM users WHERE provider_id IN (${world.A.organisation.id}, ${world.B.organisation.id}) AND id NOT IN (${sql.join(memberIds.map((id) => sql`${id}`), sql`, `)})`);
    for (const which of ['A', 'B'] as const) {
      for (const member of members[which]) tx.run(sql`UPDATE users SET provider_id = ${world[which].organisation.id} WHERE id = ${member.id}`);
    }
  });
}

/** The actor a signed-in user is, as the auth plugin builds it, for calling services directly. */
export function actorFor(db: Db, userId: number): UserActor {
  const user = findUserById(db, userId);
  if (!user) throw new Error(`no user ${userId}`);
  return {
    kind: 'user', id: user.id, role: user.role, providerId: user.providerId, regionPrefix: user.regionPrefix, emailVerified: user.emailVerifiedAt !== null,
  };
}

/**
 * Waits until the outbox worker has applied every entry (the search index then holds every change so far).
 * Map points follow right after, on the worker's next look: assert on them with `vi.waitFor`.
 */
export async function outboxDrained(app: FastifyInstance): Promise<void> {
  await vi.waitFor(
    () => {
      const row = app.db.$client.prepare('SELECT count(*) AS n FROM outbox WHERE done_at IS NULL').get() as { n: number };
      if (row.n > 0) throw new Error(`${row.n} outbox entries not applied yet`);
    },
    { timeout: 20_000, interval: 25 },
  );
}
