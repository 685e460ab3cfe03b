import { eq } from 'drizzle-orm';
import type { OfferingInput } from '../../schema';
import type { Db } from '../../server/db/connection';
import { locations, offerings, providers, type NewOfferingRow } from '../../server/db/schema';

/** The provider-written fields of a plain, valid offering; each fixture overrides what its test is about. */
export const offeringDefaults: Omit<OfferingInput, 'locationId' | 'title'> = {
  description: 'Ein Angebot für Kinder und Jugendliche.',
  categories: ['tutoring'],
  formality: 'non_formal',
  phases: ['primary_school'],
  minAge: 6,
  maxAge: 10,
  access: [],
  languages: ['de'],
  cost: 'free',
  costNote: null,
  butEligible: false,
  childProtection: [],
  capacity: null,
  seatsAvailable: null,
  waitingList: false,
  schedule: { text: 'montags 15 Uhr' },
  funding: [],
  seeksVolunteers: false,
  contact: {},
};

/** A known place for fixtures: Freiburg im Breisgau, Rathausplatz. */
export const FREIBURG = { regionKey: '08311000', lat: 47.9961, lng: 7.8494, postcode: '79098', city: 'Freiburg im Breisgau' };

function fixtureProvider(db: Db, place = FREIBURG): { providerId: number; locationId: number } {
  const provider = db
    .insert(providers)
    .values({ name: 'Testverein Lernen e.V.', kind: 'association', description: '', regionKey: place.regionKey })
    .returning({ id: providers.id })
    .get();
  const location = db
    .insert(locations)
    .values({ providerId: provider.id, street: 'Rathausplatz 1', ...place })
    .returning({ id: locations.id })
    .get();
  return { providerId: provider.id, locationId: location.id };
}

/** Inserts one offering with sensible defaults; returns its id. */
export function addOffering(
  db: Db,
  fields: Partial<NewOfferingRow> & { title: string },
  place = FREIBURG,
): number {
  const { providerId, locationId } = fixtureProvider(db, place);
  const row = db
    .insert(offerings)
    .values({
      providerId,
      locationId,
      ...offeringDefaults,
      status: 'published',
      lastConfirmedAt: '2026-10-01',
      ...fields,
    })
    .returning({ id: offerings.id })
    .get();
  return row.id;
}

export function setStatus(db: Db, id: number, status: NewOfferingRow['status']): void {
  db.update(offerings).set({ status }).where(eq(offerings.id, id)).run();
}
