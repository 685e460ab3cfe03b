import { asc, count, eq, isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { request } from 'undici';
import { buildApp } from '../server/app';
import { databaseFile, loadConfig } from '../server/config';
import { openDatabase, type Db } from '../server/db/connection';
import { offerings, outbox } from '../server/db/schema';
import { freePort } from '../server/lib/processes';
import type { PointRow } from '../server/repos/offerings-repo';
import { enqueueOfferingChanges } from '../server/repos/outbox-repo';
import { PointStore } from '../server/search/point-store';
import { categories } from '../schema';
import { ensureReferenceData, seedDemoData } from '../seed/prepare';
import { stableMeilisearch, startServerProcess, type StableMeilisearch } from '../tests/helpers/server-process';
import { runLoad, type Figures, type Target } from './load';

// `npm run bench:outbox [-- --count 20000 --approvals 100 --backlog 10000]`: how fast changes reach the
// public through the outbox.
// 1. Approval → searchable: a draft is published (write + outbox entry in one transaction) and the API is
//    polled until a search finds it and the map shows it; once with the write in the API's own process
//    (how the review routes do it: the worker is woken at once), once from another process (found by
//    the worker's 200 ms poll).
// 2. Catch-up: Meilisearch is stopped, `backlog` offerings change, Meilisearch starts again; time until
//    the outbox is empty, and search latency while it catches up vs. at rest.
// Prints Markdown (also bench/out/outbox-latest.md) for docs/benchmarks.md. Not part of `npm test`.

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '20000' },
    approvals: { type: 'string', default: '100' },
    backlog: { type: 'string', default: '10000' },
  },
});
const demoCount = Number(values.count);
const approvals = Number(values.approvals);
const backlog = Number(values.backlog);
const outDir = resolve('bench/out');
const dataDir = join(outDir, `outbox-${process.pid}`);
const lines: string[] = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};
const ms = (n: number) => `${Math.round(n).toLocaleString('en')} ms`;
const sleep = (n: number) => new Promise((r) => setTimeout(r, n));

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function getJson<T>(url: string, key?: string): Promise<T> {
  const res = await request(url, key ? { headers: { authorization: `Bearer ${key}` } } : {});
  return (await res.body.json()) as T;
}

/** A made-up word per approval, so that its search finds that offering among very few. */
function marker(i: number): string {
  let word = '';
  for (let n = i + 26 * 26; n > 0; n = Math.floor(n / 26)) word += String.fromCharCode(97 + (n % 26));
  return `quokka${word}`;
}

/** Drafts with a unique word in the title, to be approved one by one. */
function prepareDrafts(db: Db, n: number, offset: number): { id: number; word: string }[] {
  const ids = db.select({ id: offerings.id }).from(offerings).orderBy(asc(offerings.id)).limit(n).offset(offset).all();
  return db.transaction((tx) =>
    ids.map(({ id }, i) => {
      const word = marker(offset + i);
      tx.update(offerings).set({ status: 'draft', title: `Lernwerkstatt ${word}` }).where(eq(offerings.id, id)).run();
      enqueueOfferingChanges(tx, [id], 'bench: draft');
      return { id, word };
    }),
  );
}

const pendingCount = (db: Db) => db.select({ n: count() }).from(outbox).where(isNull(outbox.doneAt)).get()!.n;

async function waitForEmptyOutbox(db: Db, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (pendingCount(db) > 0) {
    if (Date.now() > deadline) throw new Error('the outbox did not empty');
    await sleep(20);
  }
}

/** Publishes each draft and polls `origin` until search and map show it; milliseconds per approval. */
async function approveAndWait(db: Db, origin: string, drafts: { id: number; word: string }[]) {
  const searchable: number[] = [];
  const onMap: number[] = [];
  for (const { id, word } of drafts) {
    const t0 = performance.now();
    db.transaction((tx) => {
      tx.update(offerings).set({ status: 'published' }).where(eq(offerings.id, id)).run();
      enqueueOfferingChanges(tx, [id], 'bench: publish');
    });
    let found = false;
    let mapped = false;
    while (!found || !mapped) {
      if (performance.now() - t0 > 30_000) throw new Error(`offering ${id} did not become visible`);
      // Typo tolerance lets neighbouring made-up words match too: look for this offering among the hits.
      if (!found && (await getJson<{ hits: { id: number }[] }>(`${origin}/api/offerings?q=${word}&perPage=50`)).hits.some((h) => h.id === id)) {
        found = true;
        searchable.push(performance.now() - t0);
      }
      if (!mapped && (await getJson<{ ids: number[] }>(`${origin}/api/map-points`)).ids.includes(id)) {
        mapped = true;
        onMap.push(performance.now() - t0);
      }
      if (!found || !mapped) await sleep(5);
    }
  }
  return { searchable, onMap };
}

function searchTarget(origin: string): Target {
  const queries = ['q=Nachhilfe', 'q=Musik&age=9', 'category=sports&region=09', 'q=Schwimmen&near=48.137,11.575'];
  return {
    name: 'API',
    origin,
    async send(pool, i) {
      const res = await pool.request({ method: 'GET', path: `/api/offerings?${queries[i % queries.length]}` });
      await res.body.arrayBuffer();
    },
  };
}

/** How long Meilisearch took for the last `n` document tasks, from enqueued to finished (ms). */
async function meiliTaskTimes(meili: StableMeilisearch, n: number): Promise<number[]> {
  const page = await getJson<{ results: { enqueuedAt: string; finishedAt: string }[] }>(
    `${meili.url}/tasks?types=documentAdditionOrUpdate&statuses=succeeded&limit=${n}`,
    meili.masterKey,
  );
  return page.results.map((t) => Date.parse(t.finishedAt) - Date.parse(t.enqueuedAt));
}

/** Search latency at concurrency 1, with nothing else going on. */
export function searchAtRest(origin: string): Promise<Figures> {
  return runLoad(searchTarget(origin), 1, 3000);
}

/**
 * Search latency (concurrency 1) while `work` runs, in rounds of 0.5 s until it is done. A hook for more
 * such figures: "while a provider imports a 5,000-row CSV" passes that import as `work`.
 */
export async function searchDuring(origin: string, work: () => Promise<void>): Promise<Figures> {
  let done = false;
  const load = (async () => {
    const rounds: Figures[] = [];
    while (!done) rounds.push(await runLoad(searchTarget(origin), 1, 500));
    return rounds.filter((r) => r.requests > 0);
  })();
  try {
    await work();
  } finally {
    done = true;
  }
  const rounds = await load;
  return {
    requests: rounds.reduce((s, r) => s + r.requests, 0),
    perSecond: rounds.reduce((s, r) => s + r.perSecond, 0) / rounds.length,
    p50: percentile(rounds.map((r) => r.p50), 50),
    p95: percentile(rounds.map((r) => r.p95), 50),
  };
}

/** Patching the map points of 100,000 offerings vs. building them anew (synthetic points over Germany). */
function pointStoreFigures(): void {
  const cats = categories.map((c) => c.id);
  const row = (id: number, shift = 0): PointRow => ({
    id, categories: [cats[id % cats.length]!], phases: ['primary_school'], access: [], languages: ['de'], formality: 'non_formal',
    cost: 'free', but: id % 2 === 0, minAge: 6, maxAge: 12, seeksVolunteers: false, lastConfirmedAt: '2026-01-01', regionKey: '08311000',
    lat: 47.3 + (((id + shift) * 7919) % 7800) / 1000, lng: 6 + (((id + shift) * 104_729) % 9000) / 1000,
  });
  const rows = Array.from({ length: 100_000 }, (_, i) => row(i + 1));
  const time = (fn: () => void) => {
    const runs: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      fn();
      runs.push(performance.now() - t0);
    }
    return percentile(runs, 50);
  };
  const store = new PointStore(rows);
  const full = time(() => new PointStore(rows));
  const one = time(() => store.withChanges([5], [row(5, 1)]));
  const many = Array.from({ length: 1000 }, (_, i) => row(i * 97 + 1, 1));
  const thousand = time(() => store.withChanges(many.map((r) => r.id), many));
  say('### Map points: following the outbox in memory (100,000 points, median of 7)');
  say();
  say(`- full rebuild: ${full.toFixed(1)} ms; patch of 1 changed offering: ${one.toFixed(1)} ms; patch of 1,000: ${thousand.toFixed(1)} ms`);
  say();
}

async function main() {
  mkdirSync(dataDir, { recursive: true });
  say(`## Outbox benchmark ${new Date().toISOString()} — ${demoCount.toLocaleString('en')} demo offerings`);
  say();
  pointStoreFigures();
  const meili: StableMeilisearch = await stableMeilisearch(join(dataDir, 'meili'));
  const env = { DATA_DIR: dataDir, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, LOG_LEVEL: 'warn', RATE_LIMIT: '100000000' };
  let app: FastifyInstance | undefined;
  try {
    app = await buildApp(loadConfig(env));
    await app.ready();
    ensureReferenceData(app.db, { info: () => {} });
    seedDemoData(app.db, { count: demoCount, seed: 4 });
    await app.directory.refresh();
    const port = await freePort();
    await app.listen({ port, host: '127.0.0.1' });
    const origin = `http://127.0.0.1:${port}`;
    const db = app.db;

    say('### Approval → visible (write and outbox entry committed → found by the API)');
    say();
    say(`${approvals} approvals one after another, the API polled every 5 ms.`);
    say();
    say('| written by | searchable p50 | p95 | max | on the map p50 | p95 |');
    say('|---|---|---|---|---|---|');
    let drafts = prepareDrafts(db, approvals, 0);
    await waitForEmptyOutbox(db);
    let r = await approveAndWait(db, origin, drafts);
    const tasks = await meiliTaskTimes(meili, approvals);
    say(`| the API process (worker woken at once) | ${ms(percentile(r.searchable, 50))} | ${ms(percentile(r.searchable, 95))} | ${ms(Math.max(...r.searchable))} | ${ms(percentile(r.onMap, 50))} | ${ms(percentile(r.onMap, 95))} |`);

    // The same through a server in another process: this process only writes to SQLite, as a second API
    // process behind the same proxy would, and the server finds the entries by polling.
    await app.close();
    app = undefined;
    const other = await startServerProcess(env);
    const writer = openDatabase(databaseFile(loadConfig(env)));
    try {
      drafts = prepareDrafts(writer, approvals, approvals);
      await waitForEmptyOutbox(writer);
      r = await approveAndWait(writer, other.origin, drafts);
      say(`| another process (found by the 200 ms poll) | ${ms(percentile(r.searchable, 50))} | ${ms(percentile(r.searchable, 95))} | ${ms(Math.max(...r.searchable))} | ${ms(percentile(r.onMap, 50))} | ${ms(percentile(r.onMap, 95))} |`);

      say();
      say(`Meilisearch's own time per one-document task (enqueued → finished), for the first row: p50 ${ms(percentile(tasks, 50))}, p95 ${ms(percentile(tasks, 95))}.`);
      say();
      say(`### Catch-up after an outage: ${backlog.toLocaleString('en')} changed offerings`);
      say();
      const atRest = await searchAtRest(other.origin);
      await meili.stop();
      const published = writer
        .select({ id: offerings.id })
        .from(offerings)
        .where(eq(offerings.status, 'published'))
        .orderBy(asc(offerings.id))
        .limit(backlog)
        .all()
        .map((o) => o.id);
      for (let i = 0; i < published.length; i += 100) {
        const part = published.slice(i, i + 100);
        writer.transaction((tx) => {
          for (const id of part) tx.update(offerings).set({ seatsAvailable: null, waitingList: true }).where(eq(offerings.id, id)).run();
          enqueueOfferingChanges(tx, part, 'bench: outage');
        });
      }
      const queued = pendingCount(writer);
      await sleep(3000);
      const health = await getJson<{ outbox: { pending: number; oldestPendingAgeMs: number } }>(`${other.origin}/api/health`);
      say(`- queued while Meilisearch was down: ${queued.toLocaleString('en')} entries; /api/health then: pending ${health.outbox.pending}, oldest ${ms(health.outbox.oldestPendingAgeMs)}`);
      await meili.start();
      const back = performance.now();
      let firstDone = 0;
      const during = await searchDuring(other.origin, async () => {
        const deadline = Date.now() + 300_000;
        while (pendingCount(writer) > 0) {
          if (!firstDone && pendingCount(writer) < queued) firstDone = performance.now() - back;
          if (Date.now() > deadline) throw new Error('catch-up did not finish');
          await sleep(20);
        }
      });
      const total = performance.now() - back;
      say(`- Meilisearch back → first batch confirmed: ${ms(firstDone)} (the worker probes Meilisearch every ≤ 2 s while it is away)`);
      say(`- Meilisearch back → outbox empty: ${ms(total)} = ${Math.round(queued / (total / 1000)).toLocaleString('en')} changes/s`);
      say(`- search p50 / p95 (concurrency 1) at rest: ${ms(atRest.p50)} / ${ms(atRest.p95)}; while catching up: ${ms(during.p50)} / ${ms(during.p95)}`);
      say('- search while a provider imports a 5,000-row CSV: (to be measured with `searchDuring`)');
    } finally {
      writer.$client.close();
      await other.stop();
    }
  } finally {
    await app?.close();
    await meili.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  writeFileSync(join(outDir, 'outbox-latest.md'), `${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
