import type { Db } from '../../server/db/connection';
import { locations, offerings, providers } from '../../server/db/schema';
import { offeringDefaults } from '../helpers/fixtures';
import type { RelevanceOffering, Town } from './types';

// Writes the relevance fixture into a database: one provider per name, its location in the town (spread
// over a few hundred metres, as real addresses are), every offering published.

export const towns: Record<Town, { regionKey: string; city: string; postcode: string; lat: number; lng: number }> = {
  zwiesel: { regionKey: '09276148', city: 'Zwiesel', postcode: '94227', lat: 49.0167, lng: 13.2307 },
  regen: { regionKey: '09276138', city: 'Regen', postcode: '94209', lat: 48.97, lng: 13.1224 },
  bodenmais: { regionKey: '09276117', city: 'Bodenmais', postcode: '94249', lat: 49.0707, lng: 13.1003 },
};

/** Inserts the offerings; returns their database ids by fixture key. */
export function loadRelevanceFixture(db: Db, fixture: readonly RelevanceOffering[]): Map<string, number> {
  const ids = new Map<string, number>();
  const providerIds = new Map<string, { providerId: number; locationId: number }>();
  fixture.forEach((o, i) => {
    const town = towns[o.town];
    let provider = providerIds.get(`${o.town}|${o.provider}`);
    if (!provider) {
      const { id: providerId } = db
        .insert(providers)
        .values({ name: o.provider, kind: 'association', description: '', regionKey: town.regionKey })
        .returning({ id: providers.id })
        .get();
      // A deterministic spread of up to ~500 m around the town centre.
      const n = providerIds.size + 1;
      const { id: locationId } = db
        .insert(locations)
        .values({
          providerId, street: `Stadtplatz ${n}`, regionKey: town.regionKey, city: town.city, postcode: town.postcode,
          lat: town.lat + ((n * 37) % 9 - 4) * 0.001, lng: town.lng + ((n * 53) % 9 - 4) * 0.0015,
        })
        .returning({ id: locations.id })
        .get();
      provider = { providerId, locationId };
      providerIds.set(`${o.town}|${o.provider}`, provider);
    }
    const row = db
      .insert(offerings)
      .values({
        ...offeringDefaults,
        ...provider,
        title: o.title,
        description: o.description,
        categories: o.categories,
        phases: o.phases,
        formality: o.formality,
        minAge: o.minAge,
        maxAge: o.maxAge,
        access: o.access,
        languages: o.languages,
        cost: o.cost,
        butEligible: o.butEligible,
        status: 'published',
        lastConfirmedAt: '2026-10-01',
        // Distinct creation times, so no order depends on insertion ties.
        createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      })
      .returning({ id: offerings.id })
      .get();
    ids.set(o.key, row.id);
  });
  return ids;
}
