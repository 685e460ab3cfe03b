import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { request } from 'undici';
import { databaseFile, loadConfig } from '../server/config';
import { openDatabase } from '../server/db/connection';
import { countPublishedOfferings, countOfferings } from '../server/repos/offerings-repo';
import { deleteAllProviderData } from '../server/repos/providers-repo';
import { OfferingIndex } from '../server/search/indexer';
import { MeiliClient } from '../server/search/meili-client';
import { startMeilisearch } from '../server/search/meili-process';
import { freePort } from '../server/lib/processes';
import { OfferingSearch } from '../server/search/offering-search';
import { DEFAULT_RADIUS_KM } from '../schema';
import { ensureReferenceData, seedDemoData } from '../seed/prepare';
import { combine, runLoad, type Figures, type Target } from './load';
import { queryMix } from './queries';
import { parseOfferingsQuery } from '../tests/helpers/offerings-query';

// `npm run bench [-- --count 100000 --seconds 5 --rounds 3]`: the search API against Meilisearch itself,
// side by side in one run, plus map points and reindex time. Prints a Markdown report (also written to
// bench/out/latest.md) for docs/benchmarks.md. Not part of `npm test`.

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
  },
});
const count = Number(values.count);
const roundMs = Number(values.seconds) * 1000;
const rounds = Number(values.rounds);
const outDir = resolve('bench/out');
const dataDir = join(outDir, `data-${count}`);
const lines: string[] = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function startApi(port: number, meiliUrl: string, key: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env, DATA_DIR: dataDir, PORT: String(port), MEILI_URL: meiliUrl, MEILI_MASTER_KEY: key,
      SEED_COUNT: '0', LOG_LEVEL: 'warn', RATE_LIMIT: '100000000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    try {
      const res = await request(`http://127.0.0.1:${port}/api/health`);
      const health = (await res.body.json()) as { fallback?: { ready: boolean } };
      // Measured once the text index for searching without Meilisearch is built: it is written in the
      // background after a start, and would share the two cores with the first rounds.
      if (res.statusCode === 200 && health.fallback?.ready !== false) return child;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('API did not start');
}

async function timedGet(url: string) {
  const t0 = performance.now();
  const res = await request(url, { headers: { 'accept-encoding': 'br, gzip' } });
  const bytes = (await res.body.arrayBuffer()).byteLength;
  return { ms: performance.now() - t0, bytes, encoding: String(res.headers['content-encoding'] ?? 'identity') };
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  say(`## Benchmark run ${new Date().toISOString()} — ${count.toLocaleString('en')} offerings`);
  say();
  const db = openDatabase(databaseFile(loadConfig({ DATA_DIR: dataDir })));
  ensureReferenceData(db, { info: () => {} });
  if (countOfferings(db) !== count) {
    deleteAllProviderData(db);
    const t0 = performance.now();
    seedDemoData(db, { count, seed: 1 });
    say(`- seed: ${count.toLocaleString('en')} offerings written to SQLite in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const published = countPublishedOfferings(db);

  const meili = await startMeilisearch(join(outDir, `meili-${count}`), { info: () => {}, warn: console.warn, debug: () => {} });
  const client = new MeiliClient(meili.url, meili.masterKey);
  const index = new OfferingIndex(client, 'offerings');
  const t0 = performance.now();
  await index.reindex(db);
  const reindexSeconds = (performance.now() - t0) / 1000;
  db.$client.close();
  say(`- reindex: ${published.toLocaleString('en')} published offerings in ${reindexSeconds.toFixed(1)} s (target < 60 s)`);

  const port = await freePort();
  const api = await startApi(port, meili.url, meili.masterKey);
  try {
    const engine = new OfferingSearch(client, () => index.uid, DEFAULT_RADIUS_KM);
    const meiliBodies = queryMix.map((q) => JSON.stringify(engine.buildRequest(parseOfferingsQuery(q)).body));
    const apiTarget: Target = {
      name: 'API',
      origin: `http://127.0.0.1:${port}`,
      async send(pool, i) {
        const res = await pool.request({ method: 'GET', path: `/api/offerings?${queryMix[i % queryMix.length]}` });
        await res.body.arrayBuffer();
        if (res.statusCode !== 200) throw new Error(`API answered ${res.statusCode}`);
      },
    };
    const meiliTarget: Target = {
      name: 'Meilisearch',
      origin: meili.url,
      async send(pool, i) {
        const res = await pool.request({
          method: 'POST', path: '/multi-search', body: meiliBodies[i % meiliBodies.length],
          headers: { 'content-type': 'application/json', authorization: `Bearer ${meili.masterKey}` },
        });
        await res.body.arrayBuffer();
        if (res.statusCode !== 200) throw new Error(`Meilisearch answered ${res.statusCode}`);
      },
    };

    say();
    say(`### GET /api/offerings vs. the same multi-search sent straight to Meilisearch`);
    say(`${queryMix.length} queries in rotation; ${rounds} alternating rounds of ${roundMs / 1000} s per side and concurrency; both over keep-alive HTTP (undici).`);
    say();
    say('| concurrency | side | requests | req/s | p50 | p95 |');
    say('|---|---|---|---|---|---|');
    const ratios: string[] = [];
    for (const concurrency of [1, 8]) {
      await runLoad(apiTarget, concurrency, 1000);
      await runLoad(meiliTarget, concurrency, 1000);
      const apiRounds: Figures[] = [];
      const meiliRounds: Figures[] = [];
      for (let r = 0; r < rounds; r++) {
        apiRounds.push(await runLoad(apiTarget, concurrency, roundMs));
        meiliRounds.push(await runLoad(meiliTarget, concurrency, roundMs));
      }
      const a = combine(apiRounds);
      const m = combine(meiliRounds);
      say(`| ${concurrency} | API | ${a.requests} | ${a.perSecond.toFixed(0)} | ${ms(a.p50)} | ${ms(a.p95)} |`);
      say(`| ${concurrency} | Meilisearch | ${m.requests} | ${m.perSecond.toFixed(0)} | ${ms(m.p50)} | ${ms(m.p95)} |`);
      ratios.push(
        `- concurrency ${concurrency}: API p50 = ${(a.p50 / m.p50).toFixed(2)} × Meilisearch's (target ≤ 1.25), ` +
          `throughput = ${(a.perSecond / m.perSecond).toFixed(2)} × (target ≥ 0.8)`,
      );
    }
    say();
    for (const line of ratios) say(line);

    say();
    say('### GET /api/map-points (all points and filtered), as a browser asks (accept-encoding: br, gzip)');
    say();
    say('| request | first (uncached) | repeated (cached) | points | bytes on the wire | encoding |');
    say('|---|---|---|---|---|---|');
    for (const query of ['', 'category=tutoring&category=homework_help', 'age=9&region=08', 'q=Nachhilfe']) {
      const url = `http://127.0.0.1:${port}/api/map-points?${query}`;
      const first = await timedGet(url);
      const again: number[] = [];
      for (let i = 0; i < 5; i++) again.push((await timedGet(url)).ms);
      const json = (await (await request(url)).body.json()) as { total: number };
      say(`| ${query || '(all)'} | ${ms(first.ms)} | ${ms(again.sort((x, y) => x - y)[2]!)} | ${json.total.toLocaleString('en')} | ${first.bytes.toLocaleString('en')} | ${first.encoding} |`);
    }
    say('Target for all points: < 150 ms and < 1 MB compressed.');

    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const percentile = (xs: number[], p: number) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
    say();
    say('### The cost of a second query: relaxed and empty results');
    say('A query no offering matches completely is counted word by word and searched again (query-relaxation.ts); one that finds nothing at all also counts broader searches. "first" includes deciding the relaxation, "repeated" reuses it (kept for 60 s) and costs the second search only. The plain row is the same kind of request that finds everything at once.');
    say();
    say('| request | first | repeated (median of 9) | total | note |');
    say('|---|---|---|---|---|');
    const relaxedQueries = [
      ['plain (for comparison)', 'q=Hausaufgabenhilfe&age=9'],
      ['one word nobody has', 'q=Hausaufgabenhilfe%20Zauberw%C3%BCrfel&age=9'],
      ['filler-free but too specific', 'q=Schwimmkurs%20Klavier%20Robotik'],
      ['verb for a compound', 'q=t%C3%B6pfern'],
      ['nothing at all (alternatives)', 'q=xqzvbn&region=09162'],
    ];
    for (const [label, query] of relaxedQueries) {
      const url = `http://127.0.0.1:${port}/api/offerings?${query}`;
      const first = await timedGet(url);
      const again: number[] = [];
      for (let i = 0; i < 9; i++) again.push((await timedGet(url)).ms);
      const json = (await (await request(url)).body.json()) as { total: number; relaxed?: unknown; alternatives?: unknown[] };
      const note = json.relaxed ? `relaxed: ${JSON.stringify(json.relaxed)}` : json.alternatives ? `${json.alternatives.length} alternatives` : '';
      say(`| ${label}: \`${query}\` | ${ms(first.ms)} | ${ms(median(again))} | ${json.total.toLocaleString('en')} | ${note.replace(/\|/g, '/')} |`);
    }

    say();
    say('### GET /api/suggest while typing (target: each answer < 50 ms)');
    const prefixes = ['Na', 'Nac', 'Nach', 'Nachh', 'Ha', 'Hau', 'Haus', 'Sp', 'Spr', 'Sprach', 'Mu', 'Mün', 'Münc', 'Fe', 'Fer', 'Ferien', 'Be', 'Ber', 'Beruf', '80', '803', '8033', 'Zw', 'Zwi', 'Kö', 'Köl', 'Tanz', 'Mal', 'xq', 'Le'];
    const times: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const prefix of prefixes) times.push((await timedGet(`http://127.0.0.1:${port}/api/suggest?q=${encodeURIComponent(prefix)}`)).ms);
    }
    say();
    say(`${times.length} requests (${prefixes.length} prefixes × 5, sequential, over HTTP): p50 ${ms(median(times))}, p99 ${ms(percentile(times, 0.99))}, max ${ms(Math.max(...times))}.`);
  } finally {
    api.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
    await client.close();
    await meili.stop();
  }
  writeFileSync(join(outDir, 'latest.md'), `${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
