import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, databaseFile, loadConfig } from '../server/config';
import { openDatabase } from '../server/db/connection';
import { countOfferings } from '../server/repos/offerings-repo';
import { deleteAllProviderData } from '../server/repos/providers-repo';
import { ensureReferenceData, seedDemoData } from './prepare';

// `npm run seed -- --count N --seed S [--replace]`: writes deterministic demo data into the SQLite database
// under DATA_DIR. The search index follows on the next `npm start` or `npm run reindex`.

const zArgs = z.object({
  count: z.coerce.number().int().min(1, '--count must be at least 1').max(1_000_000, '--count must be at most 1,000,000'),
  seed: z.coerce.number().int('--seed must be a whole number'),
  replace: z.boolean(),
});

function main(): void {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '3000' },
      seed: { type: 'string', default: '1' },
      replace: { type: 'boolean', default: false },
    },
  });
  const parsed = zArgs.safeParse(values);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => i.message).join('\n'));
  const args = parsed.data;
  const config = loadConfig();
  const db = openDatabase(databaseFile(config));
  try {
    ensureReferenceData(db, console);
    const existing = countOfferings(db);
    if (existing > 0 && !args.replace) {
      throw new ConfigError(
        `The database ${databaseFile(config)} already holds ${existing} offerings. ` +
          'Pass --replace to delete all providers and offerings first, or choose another DATA_DIR.',
      );
    }
    if (existing > 0) deleteAllProviderData(db);
    const started = Date.now();
    const result = seedDemoData(db, { count: args.count, seed: args.seed });
    console.log(
      `created ${result.offerings} offerings from ${result.providers} providers in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
        `(${databaseFile(config)}). Run npm run reindex (or npm start) to update the search index.`,
    );
  } finally {
    db.$client.close();
  }
}

try {
  main();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
