import { SingleBar } from 'cli-progress';
import { join } from 'node:path';
import { ConfigError, databaseFile, loadConfig, offeringIndexUid } from './config';
import { openDatabase } from './db/connection';
import { OfferingIndex } from './search/indexer';
import { MeiliClient } from './search/meili-client';
import { startMeilisearch, type MeiliProcess } from './search/meili-process';

// `npm run reindex`: rebuilds the search index from SQLite (the source of truth), with a progress bar.
// Uses MEILI_URL when set, else the bundled Meilisearch under DATA_DIR (so the server must not be running).

const quietLog = { info: () => {}, warn: (m: string) => console.warn(m), debug: () => {} };

async function main(): Promise<void> {
  const config = loadConfig();
  const db = openDatabase(databaseFile(config));
  let child: MeiliProcess | undefined;
  try {
    if (!config.MEILI_URL) child = await startMeilisearch(join(config.DATA_DIR, 'meili'), quietLog);
    const client = new MeiliClient(config.MEILI_URL ?? child!.url, config.MEILI_URL ? config.MEILI_MASTER_KEY : child!.masterKey);
    const index = new OfferingIndex(client, offeringIndexUid(config));
    const bar = new SingleBar({ format: 'indexing |{bar}| {value}/{total} offerings | {duration}s' });
    const started = Date.now();
    let barStarted = false;
    const result = await index.reindex(db, ({ indexed, total }) => {
      if (!barStarted) {
        bar.start(total, 0);
        barStarted = true;
      }
      bar.update(indexed);
    });
    bar.stop();
    console.log(`indexed ${result.indexed} published offerings in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await client.close();
  } finally {
    await child?.stop();
    db.$client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `reindex failed: ${(error as Error).message}`);
  process.exit(1);
});
