import Database from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants } from 'node:zlib';
import { Pool } from 'undici';
import { buildApp } from '../server/app';
import { databaseFile, loadConfig } from '../server/config';
import { openDatabase } from '../server/db/connection';
import { freePort } from '../server/lib/processes';
import { countOfferings } from '../server/repos/offerings-repo';
import { startMeilisearch } from '../server/search/meili-process';
import { MapPointsService } from '../server/services/map-points';
import { ensureReferenceData, seedDemoData } from '../seed/prepare';

// `npx tsx bench/map-points-burst.ts [-- --count 100000 --burst 32]`: a burst of first visits to
// GET /api/map-points (all points, nothing cached) and how GET /api/health fares meanwhile. Uses a copy of
// bench/out/data-<count> when `npm run bench` made one, else seeds; a Meilisearch of its own. Not part of
// `npm test`.

const { values } = parseArgs({
  options: { count: { type: 'string', default: '100000' }, burst: { type: 'string', default: '32' } },
});
const count = Number(values.count);
const burst = Number(values.burst);
const outDir = resolve('bench/out');
const workDir = join(outDir, `map-points-burst-${process.pid}`);
const ms = (n: number) => `${n.toFixed(1)} ms`;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

// The app makes its service inside buildApp; remembering every instance lets the figures come from its stats.
const services = new Set<MapPointsService>();
const body = MapPointsService.prototype.body;
MapPointsService.prototype.body = function (this: MapPointsService, ...args) {
  services.add(this);
  return body.apply(this, args);
};
const total = (key: 'computed' | 'compressed' | 'joined') => [...services].reduce((s, m) => s + m.stats[key], 0);

async function main() {
  const dataDir = join(workDir, 'data');
  mkdirSync(dataDir, { recursive: true });
  const file = databaseFile(loadConfig({ DATA_DIR: dataDir }));
  const source = databaseFile(loadConfig({ DATA_DIR: join(outDir, `data-${count}`) }));
  if (existsSync(source)) {
    const db = new Database(source, { readonly: true });
    db.prepare('VACUUM INTO ?').run(file);
    db.close();
  }
  const db = openDatabase(file);
  ensureReferenceData(db, { info: () => {} });
  if (countOfferings(db) !== count) seedDemoData(db, { count, seed: 1 });
  db.$client.close();

  const meili = await startMeilisearch(join(workDir, 'meili'), { info: () => {}, warn: console.warn, debug: () => {} });
  const port = await freePort();
  const app = await buildApp(loadConfig({
    DATA_DIR: dataDir, PORT: String(port), MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey,
    LOG_LEVEL: 'warn', RATE_LIMIT: '100000000',
  }));
  try {
    await app.ready();
    const t0 = performance.now();
    await app.directory.refresh();
    console.log(`(index built in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    await app.listen({ port, host: '127.0.0.1' });
    const origin = `http://127.0.0.1:${port}`;

    const pointsPool = new Pool(origin, { connections: burst });
    const healthPool = new Pool(origin, { connections: 1 });
    const health = async () => {
      const t = performance.now();
      const res = await healthPool.request({ method: 'GET', path: '/api/health' });
      await res.body.arrayBuffer();
      return performance.now() - t;
    };
    for (let i = 0; i < 20; i++) await health();
    const idle: number[] = [];
    for (let i = 0; i < 100; i++) idle.push(await health());
    idle.sort((a, b) => a - b);

    const started = performance.now();
    let done = false;
    const visits = Promise.all(
      Array.from({ length: burst }, async () => {
        const res = await pointsPool.request({ method: 'GET', path: '/api/map-points', headers: { 'accept-encoding': 'br, gzip' } });
        const bytes = (await res.body.arrayBuffer()).byteLength;
        if (res.statusCode !== 200) throw new Error(`map-points answered ${res.statusCode}`);
        return { ms: performance.now() - started, bytes, encoding: String(res.headers['content-encoding']) };
      }),
    ).finally(() => (done = true));
    const during: number[] = [];
    while (!done) during.push(await health());
    const answers = await visits;
    const burstMs = performance.now() - started;
    during.sort((a, b) => a - b);

    const json = (await (await pointsPool.request({ method: 'GET', path: '/api/map-points' })).body.text());
    const t1 = performance.now();
    brotliCompressSync(json, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
    const syncBrotli = performance.now() - t1;

    console.log(`## GET /api/map-points: a burst of ${burst} concurrent first visits, all ${count.toLocaleString('en')} points`);
    console.log();
    console.log(`- burst: all ${burst} answered in ${ms(burstMs)} (slowest visit ${ms(Math.max(...answers.map((a) => a.ms)))}), ` +
      `${answers[0]!.bytes.toLocaleString('en')} bytes ${answers[0]!.encoding} each`);
    console.log(`- computations: ${total('computed')}, compressions: ${total('compressed')}, requests that joined one under way: ${total('joined')}`);
    console.log(`- GET /api/health during the burst (back to back, ${during.length} requests): p50 ${ms(percentile(during, 50))}, ` +
      `p99 ${ms(percentile(during, 99))}, max ${ms(during[during.length - 1] ?? NaN)}`);
    console.log(`- GET /api/health idle: p50 ${ms(percentile(idle, 50))}, p99 ${ms(percentile(idle, 99))}`);
    console.log(`- for comparison, brotli (quality 5) of the ${json.length.toLocaleString('en')}-byte JSON run synchronously: ${ms(syncBrotli)} of blocked event loop`);
    await pointsPool.close();
    await healthPool.close();
  } finally {
    await app.close();
    await meili.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
