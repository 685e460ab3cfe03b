import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PostcodeRow, RegionRow } from '../server/db/schema';
import type { RegionOutlineJson } from '../server/repos/regions-repo';

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

/** One line of outlines.json: `"key":{"type":"Polygon"|"MultiPolygon","coordinates":…},` */
const OUTLINE_LINE = /^"(\d{2}|\d{5}|\d{8})":(\{"type":"(?:Multi)?Polygon","coordinates":\[.*\]\}),?$/;

/**
 * The committed outline of every state, district and municipality, with each geometry as the JSON text it
 * is stored as. outlines.json holds one region per line (seed/reference/json-lines.ts), so the lines are cut
 * apart rather than 8 MB of coordinates parsed and written out again: four times faster at start. A line of
 * another shape (a reformatted file) fails loudly.
 */
export function readRegionOutlines(): RegionOutlineJson[] {
  const lines = readFileSync(resolve(dataDir, 'outlines.json'), 'utf8').split('\n');
  if (lines[0] !== '{' || lines[lines.length - 2] !== '}' || lines[lines.length - 1] !== '') {
    throw new Error('outlines.json must be an object with one region per line, as build-reference.ts writes it');
  }
  return lines.slice(1, -2).map((line, i) => {
    const match = OUTLINE_LINE.exec(line);
    if (!match) throw new Error(`outlines.json line ${i + 2} is not "key":{GeoJSON polygon or multi-polygon}`);
    return { key: match[1]!, geometry: match[2]! };
  });
}
