import type { NewLocationRow } from '../../server/db/schema';
import type { OfferingDraft } from './offerings';
import type { ProviderDraft } from './providers';

type ProviderRow = ProviderDraft['row'];
type LocationRow = NewLocationRow & { id: number };

/**
 * Positions of `times` in ascending order, ties kept in generation order. Sorting numbers instead of the
 * ISO strings matters at 200,000 rows.
 */
function creationOrder(times: readonly number[]): Uint32Array {
  const order = new Uint32Array(times.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const at = Float64Array.from(times);
  return order.sort((a, b) => (at[a] as number) - (at[b] as number) || a - b);
}

/**
 * Gives providers and offerings ids in the order they were created, as an autoincrement key would have,
 * instead of the order they were generated in (municipality by municipality); locations follow their
 * providers. Rewrites the references to match. Expects rows in generation order with ids 1, 2, 3, … and
 * their creation times (ms since 1970) at the same positions; returns new arrays, mutating the rows' ids.
 */
export function renumberByCreation(
  providers: readonly ProviderRow[], providerTimes: readonly number[],
  locations: readonly LocationRow[],
  offerings: readonly OfferingDraft[], offeringTimes: readonly number[],
): { providers: ProviderRow[]; locations: LocationRow[]; offerings: OfferingDraft[] } {
  const providerIds = new Int32Array(providers.length + 1);
  const sortedProviders = Array.from(creationOrder(providerTimes), (index, position) => {
    const row = providers[index] as ProviderRow;
    providerIds[row.id] = position + 1;
    row.id = position + 1;
    return row;
  });

  for (const l of locations) l.providerId = providerIds[l.providerId] as number;
  const sortedLocations = [...locations].sort((a, b) => a.providerId - b.providerId || a.id - b.id);
  const locationIds = new Int32Array(locations.length + 1);
  sortedLocations.forEach((l, i) => {
    locationIds[l.id] = i + 1;
    l.id = i + 1;
  });

  const sortedOfferings = Array.from(creationOrder(offeringTimes), (index, position) => {
    const row = offerings[index] as OfferingDraft;
    row.id = position + 1;
    row.providerId = providerIds[row.providerId] as number;
    row.locationId = locationIds[row.locationId] as number;
    return row;
  });
  return { providers: sortedProviders, locations: sortedLocations, offerings: sortedOfferings };
}
