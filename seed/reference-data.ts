import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PostcodeRow, RegionRow } from '../server/db/schema';

const dataDir = resolve(dirname(fileURLToPath(import.meta.url)), 'reference/data');

/** The committed reference data (built by seed/reference/build-reference.ts from the official sources). */
export function readReferenceData(): { regions: RegionRow[]; postcodes: PostcodeRow[] } {
  const regions = JSON.parse(readFileSync(resolve(dataDir, 'regions.json'), 'utf8')) as RegionRow[];
  const raw = JSON.parse(readFileSync(resolve(dataDir, 'postcodes.json'), 'utf8')) as Record<
    string,
    [number, number, string, string]
  >;
  const postcodes = Object.entries(raw).map(([code, [lat, lng, regionKey, place]]) => ({ code, lat, lng, regionKey, place }));
  return { regions, postcodes };
}
