import Database from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_RADIUS_KM } from '../schema';
import { databaseFile, loadConfig } from '../server/config';
import { openDatabase } from '../server/db/connection';
import { publishedPointRows } from '../server/repos/offerings-repo';
import { DegradedSearch } from '../server/search/degraded-search';
import { PointStore } from '../server/search/point-store';
import { queryTerms } from '../server/search/query-words';
import { TextIndex } from '../server/search/text-index';
import { queryMix } from './queries';
import { parseOfferingsQuery } from '../tests/helpers/offerings-query';

// `npx tsx bench/degraded-search.ts [-- --count 100000 --runs 20]`: the search without Meilisearch alone
// (point store, SQLite's text index, hits from SQLite), per query of the benchmark mix, without HTTP. Also
// the text index: how long a rebuild takes, a catch-up at start, and what it adds to the database file.
// Works on a copy of bench/out/data-<count> (made by `npm run bench`). Not part of `npm test`.

const { values } = parseArgs({ options: { count: { type: 'string', default: '100000' }, runs: { type: 'string', default: '20' } } });
const count = Number(values.count);
const runs = Number(values.runs);
const outDir = resolve('bench/out');
const workDir = join(outDir, `degraded-${process.pid}`);
const ms = (n: number) => `${n.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

function sizeOf(sqlite: Database.Database, tables: string): number {
  const row = sqlite.prepare(`SELECT sum(pgsize) AS bytes FROM dbstat WHERE name LIKE '${tables}'`).get() as { bytes: number | null };
  return row.bytes ?? 0;
}

async function main() {
  const source = databaseFile(loadConfig({ DATA_DIR: join(outDir, `data-${count}`) }));
  if (!existsSync(source)) throw new Error(`${source} is missing: run npm run bench -- --count ${count} first`);
  mkdirSync(workDir, { recursive: true });
  const file = join(workDir, 'copy.db');
  const copy = new Database(source, { readonly: true });
  copy.prepare('VACUUM INTO ?').run(file);
  copy.close();
  const db = openDatabase(file);
  try {
    let t0 = performance.now();
    const text = new TextIndex(db);
    let longest = 0;
    let last = performance.now();
    const watch = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last - 10);
      last = now;
    }, 10);
    await text.rebuild();
    clearInterval(watch);
    const rebuildMs = performance.now() - t0;
    t0 = performance.now();
    const caughtUp = new TextIndex(db).catchUp();
    const catchUpMs = performance.now() - t0;
    const points = new PointStore(publishedPointRows(db));
    // A new instance per query for the first run: its text matches are not kept yet.
    const fresh = () => new DegradedSearch(db, () => points, text, DEFAULT_RADIUS_KM, () => true);

    console.log(`## Degraded search (${count.toLocaleString('en')} offerings; first run, then the median and max of ${runs} repeated runs)\n`);
    console.log(`- text index rebuild: ${(rebuildMs / 1000).toFixed(1)} s, longest event-loop stall ${ms(longest)}`);
    console.log(`- catch-up at start (nothing changed): ${ms(catchUpMs)}, ${caughtUp ? 'no rebuild needed' : 'REBUILD NEEDED'}`);
    console.log(`- text index in the database: ${mb(sizeOf(db.$client, 'offering_text%'))}\n`);
    console.log('| query | total | first | repeated median | repeated max |');
    console.log('|---|---|---|---|---|');
    for (const query of queryMix) {
      const parsed = parseOfferingsQuery(query);
      const terms = queryTerms(parsed.q ?? '');
      const search = fresh();
      let start = performance.now();
      const total = search.search(parsed, terms).total;
      const first = performance.now() - start;
      const times: number[] = [];
      for (let r = 0; r < runs; r++) {
        start = performance.now();
        search.search(parsed, terms);
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      console.log(`| \`${query}\` | ${total.toLocaleString('en')} | ${ms(first)} | ${ms(times[Math.floor(runs / 2)]!)} | ${ms(times[runs - 1]!)} |`);
    }
  } finally {
    db.$client.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
