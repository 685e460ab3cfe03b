import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The database or an open transaction on it: what write functions take, so callers can group writes. */
export type Executor = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Prepared statements kept per connection; more distinct statements than this means a query builds SQL with literals. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * drizzle prepares every query anew, and preparing costs more than running most of them (a 5,000-row CSV
 * import spent a fifth of its time there). The same query shape always gives the same SQL text, with the
 * values as parameters, so statements are kept by their text. better-sqlite3 runs a statement synchronously
 * to completion, so one statement is never in use twice at once; drizzle switches some to raw mode, which
 * is reset before a statement is handed out again.
 */
function cacheStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (statement) {
      // Map order is insertion order: re-inserting keeps recently used statements at the end.
      cache.delete(source);
      if (statement.reader) statement.raw(false);
    } else {
      statement = prepare(source);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, statement);
    return statement;
  }) as typeof sqlite.prepare;
}

/**
 * Opens (and creates) the SQLite file, sets the pragmas every connection needs and applies pending
 * migrations, so a database is always at the current schema once this returns.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  // WAL lets the API read while the seeder or a reindex writes; NORMAL sync is durable with WAL on commit
  // boundaries except for power loss, which is the usual trade for a server database.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  cacheStatements(sqlite);
  const db = drizzle(sqlite, { schema });
  // Migrations rebuild tables to add constraints (create new, copy, drop old, rename). With foreign keys on,
  // dropping `providers` would cascade into locations and offerings; SQLite ignores the PRAGMA inside the
  // migrator's transaction, so it is switched off around it and the references are checked afterwards.
  sqlite.pragma('foreign_keys = OFF');
  try {
    migrate(db, { migrationsFolder });
    const broken = sqlite.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`the database has ${broken.length} broken references after migrating`);
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  return db;
}
