import { count } from 'drizzle-orm';
import type { Db, Executor } from '../db/connection';
import { postcodes, regions, type PostcodeRow, type RegionRow } from '../db/schema';

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
