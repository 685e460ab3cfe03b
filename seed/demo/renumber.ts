import type { NewLocationRow } from '../../server/db/schema';
import type { OfferingDraft } from './offerings';
import type { ProviderDraft } from './providers';

type ProviderRow = ProviderDraft['row'];
type LocationRow = NewLocationRow & { id: number };

function byCreation<T extends { createdAt: string; id: number }>(a: T, b: T): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id;
}

/**
 * Gives providers and offerings ids in the order they were created, as an autoincrement key would have,
 * instead of the order they were generated in (municipality by municipality); locations follow their
 * providers. Rewrites the references to match. Sorts and mutates the given arrays and rows.
 */
export function renumberByCreation(providers: ProviderRow[], locations: LocationRow[], offerings: OfferingDraft[]): void {
  providers.sort(byCreation);
  const providerIds = new Int32Array(providers.length + 1);
  providers.forEach((p, i) => {
    providerIds[p.id] = i + 1;
    p.id = i + 1;
  });

  for (const l of locations) l.providerId = providerIds[l.providerId] as number;
  locations.sort((a, b) => a.providerId - b.providerId || a.id - b.id);
  const locationIds = new Int32Array(locations.length + 1);
  locations.forEach((l, i) => {
    locationIds[l.id] = i + 1;
    l.id = i + 1;
  });

  offerings.sort(byCreation);
  offerings.forEach((o, i) => {
    o.id = i + 1;
    o.providerId = providerIds[o.providerId] as number;
    o.locationId = locationIds[o.locationId] as number;
  });
}
