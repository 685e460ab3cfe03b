import type { Category } from '../../schema';
import type { RegionRow } from '../../server/db/schema';
import { hash32, Weighted, type Rng } from './random';
import { areaCodeFor, derivedPostcodes } from './numbers';

/** Only the fields of a region row the generator reads, so tests can pass plain objects. */
export type RegionInput = Pick<RegionRow, 'key' | 'name' | 'level' | 'type' | 'parentKey' | 'lat' | 'lng' | 'bbox' | 'weight'>;

export type SizeClass = 'village' | 'town' | 'city';

export interface District {
  key: string;
  /** How people name it: "Landkreis Göppingen", "Rhein-Erft-Kreis", "Freiburg im Breisgau". */
  label: string;
  /** A district-free city (one municipality), as opposed to a Landkreis. */
  urban: boolean;
  gaps: ReadonlySet<Category>;
  sparse: boolean;
  places: Place[];
}

export interface Place {
  index: number;
  key: string;
  name: string;
  stateKey: string;
  district: District;
  lat: number;
  lng: number;
  bbox: readonly [number, number, number, number];
  weight: number;
  size: SizeClass;
  /** Officially a town or city ("Stadt"): its library is a Stadtbibliothek, not a Gemeindebücherei. */
  isStadt: boolean;
  postcodes: readonly string[];
  areaCode: string;
}

// ---- Gaps -------------------------------------------------------------------------------------------
// Real directories show white spots, and the gap map has to have something to show. The rule, by key only
// (not by seed), so gaps stay in the same districts whatever the seed:
// - a district is a gap district when hash32('gap:' + key) % 1000 < 80 (about 8% of districts). It then has
//   no offering at all in one, sometimes two, of GAP_GROUPS (picked by hash32('gap-group:' + key)):
//   no offering's categories contain them, not even as a secondary category;
// - a Landkreis (a district of several municipalities) is sparse when hash32('sparse:' + key) % 1000 < 20
//   (about 2%): its municipalities are drawn with 6% of their usual weight, so it has very few offerings.

export const GAP_SHARE_PER_MILLE = 80;
export const SPARSE_SHARE_PER_MILLE = 20;
const SPARSE_FACTOR = 0.06;

const GAP_GROUPS: readonly (readonly Category[])[] = [
  ['language_mentorship', 'culture_mentorship', 'culture_guides'],
  ['stem'],
  ['stem', 'digital_media'],
  ['reading_mentorship', 'language_mentorship'],
  ['culture_mentorship', 'culture_guides'],
  ['german_second_language'],
  ['education_counselling'],
  ['mentoring', 'language_mentorship'],
  ['career_orientation'],
  ['music_arts'],
];

/** The categories a district never gets offerings in (empty for most districts). */
export function categoryGaps(districtKey: string): Category[] {
  if (hash32(`gap:${districtKey}`) % 1000 >= GAP_SHARE_PER_MILLE) return [];
  const h = hash32(`gap-group:${districtKey}`);
  const first = GAP_GROUPS[h % GAP_GROUPS.length] ?? [];
  const second = (h >>> 8) % 3 === 0 ? (GAP_GROUPS[(h >>> 12) % GAP_GROUPS.length] ?? []) : [];
  return [...new Set([...first, ...second])];
}

/** Whether a Landkreis is one of the few with very few offerings overall. */
export function isSparseDistrict(districtKey: string, urban: boolean): boolean {
  return !urban && hash32(`sparse:${districtKey}`) % 1000 < SPARSE_SHARE_PER_MILLE;
}

// ---- Building the place table -----------------------------------------------------------------------

function sizeOf(weight: number): SizeClass {
  return weight < 5_000 ? 'village' : weight < 50_000 ? 'town' : 'city';
}

function districtLabel(row: RegionInput | undefined, urban: boolean, fallbackName: string): string {
  if (!row) return urban ? fallbackName : `Landkreis ${fallbackName.replace(/\s*\(.*\)$/, '')}`;
  if (urban || /kreis$/i.test(row.name) || /^(Region|Regionalverband|Städteregion)\b/.test(row.name)) {
    return row.name;
  }
  return `${row.type === 'Kreis' ? 'Kreis' : 'Landkreis'} ${row.name}`;
}

export interface PlaceIndex {
  places: readonly Place[];
  districts: ReadonlyMap<string, District>;
  /** A municipality, drawn by weight^1.15 (thinned in sparse districts). */
  pick(rng: Rng): Place;
  /** A municipality of the same district, by weight: where a provider's second or third site lies. */
  nearby(place: Place, rng: Rng): Place;
}

/**
 * The municipalities (8-digit keys with a weight above zero) of `regions`, sorted by key so the output does
 * not depend on the order of the input, with their districts, gap rules and pickers.
 */
export function buildPlaces(
  regions: readonly RegionInput[],
  postcodesByRegion?: ReadonlyMap<string, readonly string[]>,
): PlaceIndex {
  const municipalities = regions
    .filter((r) => r.level === 'gemeinde' && /^\d{8}$/.test(r.key) && r.weight > 0)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (municipalities.length === 0) throw new Error('generateDemoData: regions hold no municipality with a weight');

  const kreisRows = new Map(regions.filter((r) => r.level === 'kreis').map((r) => [r.key, r]));
  const byDistrict = new Map<string, RegionInput[]>();
  for (const m of municipalities) {
    const key = m.key.slice(0, 5);
    const list = byDistrict.get(key);
    if (list) list.push(m);
    else byDistrict.set(key, [m]);
  }

  const districts = new Map<string, District>();
  for (const [key, members] of byDistrict) {
    const row = kreisRows.get(key);
    const urban = row ? /Kreisfreie Stadt|Stadtkreis/.test(row.type) : members.length === 1;
    const biggest = members.reduce((a, b) => (b.weight > a.weight ? b : a));
    districts.set(key, {
      key,
      label: districtLabel(row, urban, biggest.name),
      urban,
      gaps: new Set(categoryGaps(key)),
      sparse: isSparseDistrict(key, urban),
      places: [],
    });
  }

  const places = municipalities.map((m, index): Place => {
    const district = districts.get(m.key.slice(0, 5)) as District;
    const real = postcodesByRegion?.get(m.key);
    const place: Place = {
      index,
      key: m.key,
      name: m.name,
      stateKey: m.key.slice(0, 2),
      district,
      lat: m.lat,
      lng: m.lng,
      bbox: m.bbox,
      weight: m.weight,
      size: sizeOf(m.weight),
      isStadt: m.type === 'Stadt' || m.weight >= 20_000,
      postcodes: real && real.length > 0 ? real : derivedPostcodes(m.key, m.weight),
      areaCode: areaCodeFor(m.key, m.weight),
    };
    district.places.push(place);
    return place;
  });

  const picker = new Weighted(
    places.map((p) => [p, p.weight ** 1.15 * (p.district.sparse ? SPARSE_FACTOR : 1)] as const),
  );
  const nearbyPickers = new Map<string, Weighted<Place>>();

  return {
    places,
    districts,
    pick: (rng) => picker.pick(rng),
    nearby(place, rng) {
      const { district } = place;
      if (district.places.length === 1) return place;
      let local = nearbyPickers.get(district.key);
      if (!local) {
        local = new Weighted(district.places.map((p) => [p, p.weight] as const));
        nearbyPickers.set(district.key, local);
      }
      return local.pick(rng);
    },
  };
}

// ---- Positions --------------------------------------------------------------------------------------

const KM_PER_DEGREE = 111.32;

/**
 * A point near the municipality's centroid, inside its bbox: within min(bbox half-size, 3 km), widened with
 * the square root of the population for big cities (Berlin's offerings should not all sit in one 3 km
 * circle around the Spree). Points lean towards the centre, where most places of learning are.
 */
export function positionIn(place: Place, rng: Rng): { lat: number; lng: number } {
  const [west, south, east, north] = place.bbox;
  const cos = Math.cos((place.lat * Math.PI) / 180) || 1;
  const halfWidthKm = ((east - west) / 2) * KM_PER_DEGREE * cos;
  const halfHeightKm = ((north - south) / 2) * KM_PER_DEGREE;
  const reach = 3 * Math.max(1, Math.sqrt(place.weight / 100_000));
  const radiusKm = Math.max(0, Math.min(halfWidthKm, halfHeightKm, reach)) * 0.9;
  const angle = rng.float() * 2 * Math.PI;
  const distance = radiusKm * rng.float() ** 0.7;
  const lat = clamp(place.lat + (distance * Math.sin(angle)) / KM_PER_DEGREE, south, north);
  const lng = clamp(place.lng + (distance * Math.cos(angle)) / (KM_PER_DEGREE * cos), west, east);
  return { lat: round5(lat), lng: round5(lng) };
}

function clamp(value: number, min: number, max: number): number {
  return min <= max ? Math.min(max, Math.max(min, value)) : value;
}

function round5(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}
