import { asc, count, eq, sql } from 'drizzle-orm';
import type { OutlineGeometry } from '../../schema';
import type { Db } from '../db/connection';
import { postcodes, regionOutlines, regions, type PostcodeRow, type RegionRow } from '../db/schema';

export function allRegions(db: Db): RegionRow[] {
  return db.select().from(regions).all();
}

export function allPostcodes(db: Db): PostcodeRow[] {
  return db.select().from(postcodes).all();
}

export function countRegions(db: Db): number {
  return db.select({ n: count() }).from(regions).get()?.n ?? 0;
}

/** Replaces the reference data (regions and postcodes) in one transaction. */
export function replaceReferenceData(db: Db, regionRows: RegionRow[], postcodeRows: PostcodeRow[]): void {
  db.transaction((tx) => {
    tx.delete(postcodes).run();
    tx.delete(regions).run();
    for (let i = 0; i < regionRows.length; i += 1000) tx.insert(regions).values(regionRows.slice(i, i + 1000)).run();
    for (let i = 0; i < postcodeRows.length; i += 1000) {
      tx.insert(postcodes).values(postcodeRows.slice(i, i + 1000)).run();
    }
  });
}

export function countRegionOutlines(db: Db): number {
  return db.select({ n: count() }).from(regionOutlines).get()?.n ?? 0;
}

/** A region outline with its geometry as GeoJSON text, as it is stored. */
export interface RegionOutlineJson {
  key: string;
  geometry: string;
}

/**
 * Replaces every region outline in one transaction. The geometries arrive as the JSON text they are stored
 * as, so they go in as they are, through one prepared statement: through drizzle's JSON column they would
 * have to be parsed and stringified again, 8 MB of coordinates, which took three quarters of the load time.
 */
export function replaceRegionOutlines(db: Db, rows: readonly RegionOutlineJson[]): void {
  const client = db.$client;
  const insert = client.prepare('INSERT INTO region_outlines (key, geometry) VALUES (?, ?)');
  client.transaction(() => {
    client.prepare('DELETE FROM region_outlines').run();
    for (const row of rows) insert.run(row.key, row.geometry);
  })();
}

/** The outline of a state, district or municipality, or null for a key without one. */
export function findRegionOutline(db: Db, key: string): OutlineGeometry | null {
  const row = db
    .select({ geometry: regionOutlines.geometry })
    .from(regionOutlines)
    .where(eq(regionOutlines.key, key))
    .get();
  return row?.geometry ?? null;
}

/** Postcodes per municipality key. */
export function postcodesByRegion(db: Db): Map<string, string[]> {
  const byRegion = new Map<string, string[]>();
  for (const row of db.select({ code: postcodes.code, regionKey: postcodes.regionKey }).from(postcodes).all()) {
    const list = byRegion.get(row.regionKey) ?? [];
    list.push(row.code);
    byRegion.set(row.regionKey, list);
  }
  return byRegion;
}

/** Every municipality (8-digit key) with its representative point and population weight, in key order. */
export function municipalityRegions(db: Db): RegionRow[] {
  return db.select().from(regions).where(eq(regions.level, 'gemeinde')).orderBy(asc(regions.key)).all();
}

/**
 * The outlines of every municipality whose key starts with `prefix` (2, 3 or 5 digits), in key order, as the
 * stored GeoJSON text. One range scan over the primary key: municipality keys are 8 digits, so the prefix
 * padded with 0s and 9s bounds them, and the length test drops the district keys that sort into the range
 * ("04011" lies between "04000000" and "04999999"). Read past drizzle, whose JSON column would parse each
 * geometry only for the caller to stringify it again.
 */
export function municipalityOutlinesUnder(db: Db, prefix: string): RegionOutlineJson[] {
  return db.$client
    .prepare(
      'SELECT key, geometry FROM region_outlines WHERE key BETWEEN ? AND ? AND length(key) = 8 ORDER BY key',
    )
    .all(prefix.padEnd(8, '0'), prefix.padEnd(8, '9')) as RegionOutlineJson[];
}

/** Municipalities per district (5-digit key). */
export function municipalitiesPerDistrict(db: Db): Map<string, number> {
  const district = sql<string>`substr(${regions.key}, 1, 5)`;
  const rows = db.select({ key: district, n: count() }).from(regions).where(eq(regions.level, 'gemeinde')).groupBy(district).all();
  return new Map(rows.map((r) => [r.key, r.n]));
}
