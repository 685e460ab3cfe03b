import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { zGapsQuery } from '../schema';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { countOfferings, countPublishedOfferings } from '../server/repos/offerings-repo';
import { deleteAllProviderData } from '../server/repos/providers-repo';
import { GapsService } from '../server/services/gaps/gaps-service';
import { ensureReferenceData, seedDemoData } from '../seed/prepare';

// `npm run bench:gaps [-- --count 100000 --runs 7]`: GET /api/gaps for all of Germany and for one district,
// cold (the target group's index is built) and warm (cached), in the server's process (app.inject: routing,
// validation, computation, response validation and serialization, compression), plus the computation alone;
// the memory the gap indexes add; and the size of the municipality outlines of a few districts.
// Prints Markdown (also bench/out/gaps-latest.md) for docs/benchmarks.md. Not part of `npm test`.

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '7' },
  },
});
const count = Number(values.count);
const runs = Number(values.runs);
const outDir = resolve('bench/out');
// Its own data (and Meilisearch, started by the app) so that it never races `npm run bench` on its files.
const dataDir = join(outDir, `gaps-${count}`);
const lines: string[] = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};
const ms = (n: number) => `${n.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

// The garbage collector, so that memory figures are not just garbage not yet collected.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function median(list: number[]): number {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function memory() {
  gc();
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, buffers: m.arrayBuffers, rss: m.rss };
}

/** The example: tutoring, age 10, transition primary → secondary, free. */
const EXAMPLE_GROUP = 'category=tutoring&age=10&phase=primary_to_secondary&cost=free';

async function main() {
  mkdirSync(outDir, { recursive: true });
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', RATE_LIMIT: '100000000' });
  const app = await buildApp(config);
  await app.ready();
  try {
    ensureReferenceData(app.db, { info: () => {} });
    if (countOfferings(app.db) !== count) {
      deleteAllProviderData(app.db);
      seedDemoData(app.db, { count, seed: 1 });
    }
    const t0 = performance.now();
    await app.directory.refresh();
    const published = countPublishedOfferings(app.db);
    say(`## Gaps benchmark ${new Date().toISOString().slice(0, 16)} — ${count.toLocaleString('en')} demo offerings (${published.toLocaleString('en')} published)`);
    say();
    say(`- start (index in sync, points loaded): ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const inject = async (url: string) => {
      const started = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br, gzip' } });
      const took = performance.now() - started;
      if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
      return { ms: took, bytes: res.rawPayload.length, encoding: String(res.headers['content-encoding'] ?? 'identity') };
    };
    // The computation alone, with its own cache, on the same directory.
    const service = new GapsService(app.directory, app.offeringSearch, app.db);
    const compute = async (query: string) => {
      const parsed = zGapsQuery.parse(Object.fromEntries(new URLSearchParams(query)));
      const started = performance.now();
      const answer = await service.gaps(parsed);
      return { ms: performance.now() - started, answer };
    };

    // The first request after the start also reads the municipality table and warms up the JIT: shown
    // apart, not counted below.
    const first = await inject('/api/gaps?category=tutoring&age=11');
    say(`- first request after the start (all of Germany, a fresh target group): ${ms(first.ms)}`);
    await compute('region=09276&age=99');

    const regions = [
      { name: 'all of Germany', param: '' },
      { name: 'district 09276 (Landkreis Regen)', param: 'region=09276&' },
    ];
    const groups = [
      { name: 'the example group', query: EXAMPLE_GROUP },
      { name: 'everything (no filter)', query: 'thresholdKm=10' },
    ];
    say();
    say(`### GET /api/gaps, median of ${runs}`);
    say();
    say(`The example group is the issue's: \`${EXAMPLE_GROUP}\`. Cold: right after a change of the directory,`);
    say('so the index is built; warm: the same request again. Through the app: `app.inject` with');
    say('`accept-encoding: br, gzip`; computation: GapsService.gaps alone.');
    say();
    say('| region | target group | municipalities | points in the index | cold, through the app | warm, through the app | cold, computation | warm, computation | answer raw / br |');
    say('|---|---|---|---|---|---|---|---|---|');
    for (const region of regions) {
      for (const group of groups) {
        const query = `${region.param}${group.query}`;
        const cold: number[] = [];
        const warm: number[] = [];
        const coldCompute: number[] = [];
        const warmCompute: number[] = [];
        let bytes = 0;
        let municipalities = 0;
        for (let r = 0; r < runs; r++) {
          // Any change of the directory drops every cached index; a bare version bump does the same.
          app.directory.version++;
          cold.push((await inject(`/api/gaps?${query}`)).ms);
          const again = await inject(`/api/gaps?${query}`);
          warm.push(again.ms);
          bytes = again.bytes;
          app.directory.version++;
          coldCompute.push((await compute(query)).ms);
          const result = await compute(query);
          warmCompute.push(result.ms);
          municipalities = result.answer.municipalities.length;
        }
        const raw = await app.inject({ method: 'GET', url: `/api/gaps?${query}` });
        const points = (await service.indexFor(zGapsQuery.parse(Object.fromEntries(new URLSearchParams(query))))).size;
        say(`| ${region.name} | ${group.name} | ${municipalities.toLocaleString('en')} | ${points.toLocaleString('en')} | ${ms(median(cold))} | ${ms(median(warm))} | ${ms(median(coldCompute))} | ${ms(median(warmCompute))} | ${kb(raw.rawPayload.length)} / ${kb(bytes)} |`);
      }
    }

    // A text target group: the ids come from Meilisearch, once per group.
    const qCold = await inject(`/api/gaps?q=Nachhilfe&age=10`);
    const qWarm = await inject(`/api/gaps?q=Nachhilfe&age=10`);
    say();
    say(`With a text (\`q=Nachhilfe&age=10\`, all of Germany): cold ${ms(qCold.ms)} (ids from Meilisearch), warm ${ms(qWarm.ms)}.`);

    // Memory: indexes of target groups of different sizes, built one after another in a fresh service.
    say();
    say('### Memory of the gap indexes (after garbage collection)');
    say();
    say('| target group | points in the index | typed arrays of the index | heap used + array buffers added | RSS added |');
    say('|---|---|---|---|---|');
    const fresh = new GapsService(app.directory, app.offeringSearch, app.db);
    const start = memory();
    for (const [label, query] of [
      ['the example group', EXAMPLE_GROUP],
      ['all tutoring', 'category=tutoring'],
      ['everything (no filter)', ''],
    ] as const) {
      const before = memory();
      const index = await fresh.indexFor(zGapsQuery.parse(Object.fromEntries(new URLSearchParams(query))));
      const after = memory();
      const added = after.heap + after.buffers - (before.heap + before.buffers);
      say(`| ${label} | ${index.size.toLocaleString('en')} | ${mb(index.bytes)} | ${mb(added)} | ${mb(after.rss - before.rss)} |`);
    }
    const end = memory();
    say();
    say(`The whole process before the three indexes: heap used ${mb(start.heap)}, array buffers ${mb(start.buffers)}, RSS ${mb(start.rss)};`);
    say(`after: heap used ${mb(end.heap)}, array buffers ${mb(end.buffers)}, RSS ${mb(end.rss)}. RSS moves by whole pages that the`);
    say('allocator keeps or returns, so it is the coarser figure.');

    say();
    say('### GET /api/regions/:key/municipalities: size of the answer');
    say();
    say('| key | municipalities | raw | gzip (level 9, as served) | br (quality 9, as served) |');
    say('|---|---|---|---|---|');
    for (const key of ['09276', '08315', '03241', '09']) {
      const raw = await app.inject({ method: 'GET', url: `/api/regions/${key}/municipalities` });
      const gzip = await app.inject({ method: 'GET', url: `/api/regions/${key}/municipalities`, headers: { 'accept-encoding': 'gzip' } });
      const br = await app.inject({ method: 'GET', url: `/api/regions/${key}/municipalities`, headers: { 'accept-encoding': 'br' } });
      const features = (raw.json() as { features: unknown[] }).features.length;
      const name = app.directory.regions.get(key)?.name ?? key;
      say(`| ${key} ${name} | ${features} | ${kb(raw.rawPayload.length)} | ${kb(gzip.rawPayload.length)} | ${kb(br.rawPayload.length)} |`);
      // The same body at gzip's default level, for comparison with what a generic compressor would send.
      if (key === '09276') console.log(`  (09276 at gzip level 6: ${kb(gzipSync(raw.body).length)})`);
    }
  } finally {
    await app.close();
  }
  writeFileSync(join(outDir, 'gaps-latest.md'), `${lines.join('\n')}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
