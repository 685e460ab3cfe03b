/** Plausibility checks on the built reference data; each failure is one readable line. */
import { distanceKm, type Position } from './geometry';
import type { PostcodeEntry } from './postcodes';
import type { RegionRecord } from './regions';

/** Well-known places and where they roughly are ([lng, lat]). */
const LANDMARKS: Array<{ key: string; name: string; near: Position }> = [
  { key: '11000000', name: 'Berlin', near: [13.40, 52.52] },
  { key: '09162000', name: 'München', near: [11.58, 48.14] },
  { key: '08311000', name: 'Freiburg im Breisgau', near: [7.85, 47.99] },
  { key: '02000000', name: 'Hamburg', near: [10.0, 53.55] },
  { key: '04011000', name: 'Bremen', near: [8.81, 53.08] },
];

const POSTCODES: Record<string, string> = {
  '10115': '11000000',
  '80331': '09162000',
  '79098': '08311000',
  '20095': '02000000',
  '28195': '04011000',
};

export function checkReference(regions: RegionRecord[], postcodes: Record<string, PostcodeEntry>): string[] {
  const failures: string[] = [];
  const byKey = new Map(regions.map((r) => [r.key, r]));
  if (byKey.size !== regions.length) failures.push('duplicate region keys');

  for (const { key, name, near } of LANDMARKS) {
    const region = byKey.get(key);
    if (!region) failures.push(`${name} (${key}) is missing`);
    else if (distanceKm([region.lng, region.lat], near) > 15) failures.push(`${name} lies at ${region.lat}, ${region.lng}`);
  }
  for (const [postcode, key] of Object.entries(POSTCODES)) {
    const entry = postcodes[postcode];
    if (entry?.[2] !== key) failures.push(`postcode ${postcode} → ${entry?.[2] ?? 'nothing'}, expected ${key}`);
  }

  const keyLength = { land: 2, kreis: 5, gemeinde: 8 };
  for (const r of regions) {
    if (r.key.length !== keyLength[r.level]) failures.push(`${r.key} has the wrong length for a ${r.level}`);
    if (r.level !== 'land' && (!r.parentKey || !byKey.has(r.parentKey) || !r.key.startsWith(r.parentKey))) {
      failures.push(`${r.key} has no parent ${r.parentKey}`);
    }
    const [west, south, east, north] = r.bbox;
    // The bbox is rounded to 4 decimals, the point to 5.
    if (r.lng < west - 1e-4 || r.lng > east + 1e-4 || r.lat < south - 1e-4 || r.lat > north + 1e-4) {
      failures.push(`${r.key} ${r.name}: point outside its bbox`);
    }
  }
  for (const land of regions.filter((r) => r.level === 'land')) {
    if (!regions.some((r) => r.level === 'gemeinde' && r.key.startsWith(land.key))) {
      failures.push(`${land.name} has no municipalities`);
    }
  }
  for (const [postcode, [lat, lng, key]] of Object.entries(postcodes)) {
    const m = byKey.get(key);
    if (!m) failures.push(`postcode ${postcode} points to unknown municipality ${key}`);
    else if (distanceKm([lng, lat], [m.lng, m.lat]) > 25) failures.push(`postcode ${postcode} lies far from ${m.name}`);
  }
  return failures;
}
