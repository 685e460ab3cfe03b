import type { Db } from '../server/db/connection';
import { countOfferings, insertOfferings } from '../server/repos/offerings-repo';
import { insertLocations, insertProviders } from '../server/repos/providers-repo';
import {
  allRegions, countRegionOutlines, countRegions, postcodesByRegion, replaceReferenceData, replaceRegionOutlines,
} from '../server/repos/regions-repo';
import { createDemoAccounts, type DemoAccounts } from './demo-accounts';
import { generateDemoData } from './demo/generate';
import { readReferenceData, readRegionOutlines } from './reference-data';

interface Log {
  info(msg: string): void;
}

/**
 * Loads the regions with their postcodes, and the region outlines, into SQLite when they are missing or
 * differ in number from the committed files.
 */
export function ensureReferenceData(db: Db, log: Log): void {
  const { regions, postcodes } = readReferenceData();
  if (countRegions(db) !== regions.length) {
    replaceReferenceData(db, regions, postcodes);
    log.info(`loaded ${regions.length} regions and ${postcodes.length} postcodes`);
  }
  const started = performance.now();
  const outlines = readRegionOutlines();
  if (countRegionOutlines(db) !== outlines.length) {
    replaceRegionOutlines(db, outlines);
    log.info(`loaded ${outlines.length} region outlines in ${Math.round(performance.now() - started)} ms`);
  }
}

/** Writes `count` deterministic demo offerings (with their providers and locations) in one transaction. */
export function seedDemoData(db: Db, options: { count: number; seed: number }): { providers: number; offerings: number } {
  const data = generateDemoData({ ...options, regions: allRegions(db), postcodesByRegion: postcodesByRegion(db) });
  db.transaction((tx) => {
    insertProviders(tx, data.providers);
    insertLocations(tx, data.locations);
    insertOfferings(tx, data.offerings);
  });
  return { providers: data.providers.length, offerings: data.offerings.length };
}

/**
 * What `npm start` does before serving: reference data always, demo data when the directory is empty, and
 * with the demo data two demo accounts whose passwords go to `demoAccountsFile` (when given).
 */
export function prepareDirectory(
  db: Db,
  options: { count: number; seed: number; demoAccountsFile?: string },
  log: Log,
): { demoAccounts: DemoAccounts | null } {
  ensureReferenceData(db, log);
  if (options.count > 0 && countOfferings(db) === 0) {
    const started = Date.now();
    const result = seedDemoData(db, options);
    log.info(`created ${result.offerings} demo offerings from ${result.providers} providers in ${Date.now() - started} ms`);
    if (options.demoAccountsFile) return { demoAccounts: createDemoAccounts(db, options.demoAccountsFile) };
  }
  return { demoAccounts: null };
}
