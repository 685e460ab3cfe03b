import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { locations, offerings, providers } from '../db/schema';

/**
 * What a public export carries of an offering: a subset of what GET /api/offerings/:id shows, never status,
 * moderation fields or contact data.
 */
const publicExportFields = {
  id: offerings.id,
  title: offerings.title,
  providerName: providers.name,
  categories: offerings.categories,
  phases: offerings.phases,
  minAge: offerings.minAge,
  maxAge: offerings.maxAge,
  formality: offerings.formality,
  cost: offerings.cost,
  butEligible: offerings.butEligible,
  languages: offerings.languages,
  access: offerings.access,
  street: locations.street,
  postcode: locations.postcode,
  city: locations.city,
  regionKey: locations.regionKey,
  lat: locations.lat,
  lng: locations.lng,
  lastConfirmedAt: offerings.lastConfirmedAt,
};

/**
 * The public fields of those of `ids` that are published, in id order. Callers pass at most a few thousand
 * ids (one SQL variable each; SQLite allows 32,766).
 */
export function publicOfferingsByIds(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .select(publicExportFields)
    .from(offerings)
    .innerJoin(providers, eq(providers.id, offerings.providerId))
    .innerJoin(locations, eq(locations.id, offerings.locationId))
    .where(and(inArray(offerings.id, [...ids]), eq(offerings.status, 'published')))
    .orderBy(asc(offerings.id))
    .all();
}
export type PublicExportRow = ReturnType<typeof publicOfferingsByIds>[number];
