import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/connection';
import { locations, providers, type NewLocationRow, type NewProviderRow } from '../db/schema';

export function insertProviders(db: Executor, rows: NewProviderRow[]): void {
  for (let i = 0; i < rows.length; i += 1000) db.insert(providers).values(rows.slice(i, i + 1000)).run();
}

export function insertLocations(db: Executor, rows: NewLocationRow[]): void {
  for (let i = 0; i < rows.length; i += 1000) db.insert(locations).values(rows.slice(i, i + 1000)).run();
}

/** Removes every provider with its locations and offerings, and restarts their ids at 1. */
export function deleteAllProviderData(db: Db): void {
  db.transaction((tx) => {
    tx.run(sql`DELETE FROM offerings`);
    tx.run(sql`DELETE FROM locations`);
    tx.run(sql`DELETE FROM providers`);
    tx.run(sql`DELETE FROM sqlite_sequence WHERE name IN ('offerings', 'locations', 'providers')`);
  });
}
