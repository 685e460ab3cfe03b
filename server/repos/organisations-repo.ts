import { and, asc, count, eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '../db/connection';
import {
  locations, offerings, postcodes, providers, regions, users, type LocationRow, type NewLocationRow,
  type NewProviderRow, type PostcodeRow, type ProviderRow, type RegionRow,
} from '../db/schema';

// Organisations (the `providers` table) and their sites (`locations`), as their members and reviewers
// change them. The bulk inserts for seeding stay in providers-repo.

export function findOrganisation(db: Executor, id: number): ProviderRow | null {
  return db.select().from(providers).where(eq(providers.id, id)).get() ?? null;
}

export function insertOrganisation(db: Executor, row: NewProviderRow): ProviderRow {
  return db.insert(providers).values(row).returning().get();
}

export function updateOrganisation(db: Executor, id: number, set: Partial<NewProviderRow>): ProviderRow {
  return db
    .update(providers)
    .set({ ...set, updatedAt: new Date().toISOString() })
    .where(eq(providers.id, id))
    .returning()
    .get()!;
}

/** Makes the user a member of the organisation. */
export function linkMember(db: Executor, userId: number, providerId: number): void {
  db.update(users).set({ providerId }).where(eq(users.id, userId)).run();
}

/**
 * Where to send a member the outcome of a review: only confirmed addresses. Used to send mail, never to
 * answer a request.
 */
export function memberMailRecipients(db: Executor, providerId: number) {
  return db
    .select({ email: users.email, displayName: users.displayName, lang: users.lang })
    .from(users)
    .where(and(eq(users.providerId, providerId), isNotNull(users.emailVerifiedAt)))
    .all();
}

export function sitesOf(db: Executor, providerId: number): LocationRow[] {
  return db.select().from(locations).where(eq(locations.providerId, providerId)).orderBy(asc(locations.id)).all();
}

export function findSite(db: Executor, id: number): LocationRow | null {
  return db.select().from(locations).where(eq(locations.id, id)).get() ?? null;
}

export function insertSite(db: Executor, row: NewLocationRow): LocationRow {
  return db.insert(locations).values(row).returning().get();
}

export function updateSite(db: Executor, id: number, set: Partial<NewLocationRow>): LocationRow {
  return db.update(locations).set(set).where(eq(locations.id, id)).returning().get()!;
}

export function deleteSite(db: Executor, id: number): void {
  db.delete(locations).where(eq(locations.id, id)).run();
}

/** Offerings in any state that take place at the site. */
export function countOfferingsAtSite(db: Executor, siteId: number): number {
  return db.select({ n: count() }).from(offerings).where(eq(offerings.locationId, siteId)).get()?.n ?? 0;
}

/** The published offerings of an organisation: their search documents carry its name. */
export function publishedOfferingIdsOfOrganisation(db: Executor, providerId: number): number[] {
  return db
    .select({ id: offerings.id })
    .from(offerings)
    .where(and(eq(offerings.providerId, providerId), eq(offerings.status, 'published')))
    .all()
    .map((r) => r.id);
}

/** The published offerings at a site: their search documents carry its position and place. */
export function publishedOfferingIdsAtSite(db: Executor, siteId: number): number[] {
  return db
    .select({ id: offerings.id })
    .from(offerings)
    .where(and(eq(offerings.locationId, siteId), eq(offerings.status, 'published')))
    .all()
    .map((r) => r.id);
}

export function findPostcode(db: Executor, code: string): PostcodeRow | null {
  return db.select().from(postcodes).where(eq(postcodes.code, code)).get() ?? null;
}

export function findRegion(db: Executor, key: string): RegionRow | null {
  return db.select().from(regions).where(eq(regions.key, key)).get() ?? null;
}
