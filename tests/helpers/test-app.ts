import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { buildApp } from '../../server/app';
import { loadConfig, type Config } from '../../server/config';
import type { Db } from '../../server/db/connection';
import { ensureReferenceData, seedDemoData } from '../../seed/prepare';
import { MeiliClient } from '../../server/search/meili-client';

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  close(): Promise<void>;
}

let counter = 0;

/**
 * Builds the real app against the run's Meilisearch, with its own SQLite file and its own index prefix,
 * so test files can run side by side. `fill` writes the data before the index is built.
 */
export async function startTestApp(
  options: {
    demoCount?: number;
    seed?: number;
    fill?: (db: Db) => void;
    env?: Record<string, string>;
    /** Where log lines go instead of stdout. */
    logStream?: { write(line: string): void };
  } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'blk-test-data-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    MEILI_URL: inject('meiliUrl'),
    MEILI_MASTER_KEY: inject('meiliKey'),
    MEILI_INDEX_PREFIX: `t${process.pid}_${++counter}_`,
    LOG_LEVEL: 'warn',
    RATE_LIMIT: '100000',
    ...options.env,
  });
  const app = await buildApp(config, { logStream: options.logStream });
  await app.ready();
  const log = { info: () => {} };
  ensureReferenceData(app.db, log);
  if (options.demoCount) seedDemoData(app.db, { count: options.demoCount, seed: options.seed ?? 7 });
  options.fill?.(app.db);
  await app.directory.refresh();
  return {
    app,
    config,
    async close() {
      // The app first: its outbox worker stops, so it cannot rebuild the index deleted right after.
      const uid = app.offeringIndex.uid;
      await app.close();
      const meili = new MeiliClient(config.MEILI_URL!, config.MEILI_MASTER_KEY);
      await meili.request('DELETE', `/indexes/${uid}`).catch(() => undefined);
      await meili.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
