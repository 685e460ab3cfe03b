import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/connection';
import { locations, offerings, type LocationRow, type OfferingRow } from '../db/schema';

/** Every offering of an organisation in any state, with its site, in id order (for CSV export and import). */
export function offeringsOfOrganisation(db: Executor, providerId: number): { offering: OfferingRow; location: LocationRow }[] {
  return db
    .select({ offering: offerings, location: locations })
    .from(offerings)
    .innerJoin(locations, eq(locations.id, offerings.locationId))
    .where(eq(offerings.providerId, providerId))
    .orderBy(asc(offerings.id))
    .all();
}
