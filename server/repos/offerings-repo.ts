import { and, asc, count, eq, gt, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/connection';
import {
  locations, offerings, providers, type LocationRow, type NewOfferingRow, type OfferingRow, type ProviderRow,
} from '../db/schema';

export interface OfferingWithRelations {
  offering: OfferingRow;
  provider: ProviderRow;
  location: LocationRow;
}

/** Offerings joined with their provider and location; callers add the conditions. */
export function selectWithRelations(db: Executor) {
  return db
    .select({ offering: offerings, provider: providers, location: locations })
    .from(offerings)
    .innerJoin(providers, eq(providers.id, offerings.providerId))
    .innerJoin(locations, eq(locations.id, offerings.locationId));
}

/** The offering with its provider and location, or null when it does not exist or is not published. */
export function findPublishedOffering(db: Db, id: number): OfferingWithRelations | null {
  return selectWithRelations(db).where(and(eq(offerings.id, id), eq(offerings.status, 'published'))).get() ?? null;
}

/** Published offerings with their provider and location, in id order, one batch after the id `afterId`. */
export function publishedOfferingsAfter(db: Db, afterId: number, limit: number): OfferingWithRelations[] {
  return selectWithRelations(db)
    .where(and(eq(offerings.status, 'published'), gt(offerings.id, afterId)))
    .orderBy(asc(offerings.id))
    .limit(limit)
    .all();
}

/** The titles of all published offerings (for suggestions and spelling). */
export function publishedTitles(db: Db): string[] {
  return db.select({ title: offerings.title }).from(offerings).where(eq(offerings.status, 'published')).all().map((r) => r.title);
}

export function countPublishedOfferings(db: Db): number {
  return db.select({ n: count() }).from(offerings).where(eq(offerings.status, 'published')).get()?.n ?? 0;
}

export function countOfferings(db: Db): number {
  return db.select({ n: count() }).from(offerings).get()?.n ?? 0;
}

export function insertOfferings(db: Executor, rows: NewOfferingRow[]): void {
  // SQLite allows 32,766 variables a statement; an offering has ~30 columns.
  for (let i = 0; i < rows.length; i += 500) db.insert(offerings).values(rows.slice(i, i + 500)).run();
}

/** The fields the in-memory point store needs: the map's filters and the monitoring figures. */
export const pointFields = {
  id: offerings.id,
  categories: offerings.categories,
  phases: offerings.phases,
  access: offerings.access,
  languages: offerings.languages,
  formality: offerings.formality,
  cost: offerings.cost,
  but: offerings.butEligible,
  minAge: offerings.minAge,
  maxAge: offerings.maxAge,
  seeksVolunteers: offerings.seeksVolunteers,
  lastConfirmedAt: offerings.lastConfirmedAt,
  regionKey: locations.regionKey,
  lat: locations.lat,
  lng: locations.lng,
};

/** The map-point fields of every published offering. */
export function publishedPointRows(db: Db) {
  return db
    .select(pointFields)
    .from(offerings)
    .innerJoin(locations, eq(locations.id, offerings.locationId))
    .where(eq(offerings.status, 'published'))
    .orderBy(asc(offerings.id))
    .all();
}
export type PointRow = ReturnType<typeof publishedPointRows>[number];

/** Published offerings per district (5-digit key of the site's municipality). */
export function publishedPerDistrict(db: Db): Map<string, number> {
  const district = sql<string>`substr(${locations.regionKey}, 1, 5)`;
  const rows = db
    .select({ key: district, n: count() })
    .from(offerings)
    .innerJoin(locations, eq(locations.id, offerings.locationId))
    .where(eq(offerings.status, 'published'))
    .groupBy(district)
    .all();
  return new Map(rows.map((r) => [r.key, r.n]));
}
