import type { RegionInput } from '../../seed/demo/places';

// A small, made-up region list in the shape of seed/reference/data/regions.json: one state, a district-free
// city, and two Landkreise with a town and villages each. The keys are chosen on purpose:
// - 08315 is a gap district under the rule in seed/demo/places.ts (categoryGaps('08315') is not empty),
// - 08117 and 08111 are not, so the categories missing in 08315 can be found there.

export const CITY_KEY = '08111000';
export const GAP_DISTRICT = '08315';
export const PLAIN_DISTRICT = '08117';

function region(
  key: string, name: string, level: RegionInput['level'], type: string, weight: number, lat: number, lng: number, half = 0.05,
): RegionInput {
  return {
    key, name, level, type, weight, lat, lng,
    parentKey: level === 'land' ? null : level === 'kreis' ? key.slice(0, 2) : key.slice(0, 5),
    bbox: [lng - half * 1.5, lat - half, lng + half * 1.5, lat + half],
  };
}

export const SYNTHETIC_REGIONS: readonly RegionInput[] = [
  region('08', 'Baden-Württemberg', 'land', 'Land', 1_000_000, 48.6, 9.0, 1.5),
  region('08111', 'Lindenstadt', 'kreis', 'Stadtkreis', 600_000, 48.78, 9.18, 0.1),
  region(CITY_KEY, 'Lindenstadt', 'gemeinde', 'Stadt', 600_000, 48.78, 9.18, 0.1),

  region(GAP_DISTRICT, 'Hochtal', 'kreis', 'Landkreis', 60_000, 47.95, 7.8, 0.3),
  region('08315001', 'Talheim', 'gemeinde', 'Stadt', 40_000, 47.95, 7.8),
  region('08315002', 'Oberried am Bach', 'gemeinde', 'Gemeinde', 2_500, 47.9, 7.95, 0.03),
  region('08315003', 'Unterbach', 'gemeinde', 'Gemeinde', 1_500, 48.02, 7.7, 0.03),
  region('08315004', 'Kleinfelden', 'gemeinde', 'Gemeinde', 800, 48.05, 7.9, 0.02),
  region('08315005', 'Staatsforst Hochtal', 'gemeinde', 'Gemeindefreies Gebiet', 0, 47.85, 7.9, 0.04),

  region(PLAIN_DISTRICT, 'Wiesengau', 'kreis', 'Landkreis', 60_000, 48.7, 9.7, 0.3),
  region('08117001', 'Wiesenstadt', 'gemeinde', 'Stadt', 40_000, 48.7, 9.7),
  region('08117002', 'Birkach', 'gemeinde', 'Gemeinde', 2_500, 48.65, 9.8, 0.03),
  region('08117003', 'Eichenried', 'gemeinde', 'Gemeinde', 1_500, 48.75, 9.6, 0.03),
  region('08117004', 'Mühlhausen im Tal', 'gemeinde', 'Gemeinde', 800, 48.8, 9.75, 0.02),
];

/** Where an offering takes place: the region key of its location. */
export function placeOf(locations: readonly { id?: number; regionKey: string }[]): (locationId: number) => string {
  const byId = new Map(locations.map((l) => [l.id, l.regionKey]));
  return (locationId) => {
    const key = byId.get(locationId);
    if (key === undefined) throw new Error(`no location ${locationId}`);
    return key;
  };
}
