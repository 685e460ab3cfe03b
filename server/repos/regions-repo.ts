import { count, eq } from 'drizzle-orm';
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
