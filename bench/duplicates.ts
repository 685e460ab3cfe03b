import { execFileSync } from 'node:child_process';
import { asc, eq, sql } from 'drizzle-orm';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { z } from 'zod';
import { zDuplicatesQuery, zDuplicatesResponse } from '../schema';
import { databaseFile, loadConfig } from '../server/config';
import { openDatabase, type Db } from '../server/db/connection';
import { locations, offerings, providers } from '../server/db/schema';
import { decisionsAround, duplicateCandidates } from '../server/repos/duplicate-decisions-repo';
import { deleteAllProviderData } from '../server/repos/providers-repo';
import { allRegions } from '../server/repos/regions-repo';
import type { UserActor } from '../server/services/actor';
import { findDuplicateGroups } from '../server/services/duplicates/detect';
import { listDuplicates } from '../server/services/duplicates/service';
import { RegionLookup } from '../server/services/region-lookup';
import { ensureReferenceData, seedDemoData } from '../seed/prepare';

// `npm run bench:duplicates [-- --count 100000 --injected 1000 --runs 5]`: duplicate detection
// 1. over all offerings: one read of everything published or pending from SQLite, then the pure function;
// 2. over one district: `listDuplicates`, what GET /api/duplicates runs (the region's read, the decisions,
//    detection, the members), plus the answer's zod encoding and JSON as the route's serializer does them;
//    the largest district (Berlin), a median one, and the largest state.
// Each measurement runs in a fresh child process, so that "memory added" is what detection adds to a
// process that has loaded the code, not what seeding left behind.
// To check what is found, `--injected` published offerings are entered a second time as pending entries
// with spelling variants (every fourth by the organisation registered again, "e.V." added or left off, its
// site entered anew); the share found is the recall on entries the test fixture never saw. The demo data
// has its own re-entries and parallel programmes (seed/demo/duplicates.ts) on top.
// Prints Markdown (also bench/out/duplicates-latest.md) for docs/benchmarks.md. Not part of `npm test`.

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    injected: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '5' },
    phase: { type: 'string', default: 'main' },
    region: { type: 'string', default: '' },
  },
});
const count = Number(values.count);
const injectedCount = Number(values.injected);
const runs = Number(values.runs);
const outDir = resolve('bench/out');
const dataDir = join(outDir, `duplicates-${count}`);
const injectedFile = join(dataDir, 'injected.json');
const MB = 1024 * 1024;

// The garbage collector, so that memory figures are not just garbage not yet collected.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function settled() {
  gc();
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed + m.arrayBuffers, rss: m.rss };
}
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const openData = () => openDatabase(databaseFile(loadConfig({ DATA_DIR: dataDir })));

// ---- Second entries with spelling variants ------------------------------------------------------------

const DIGRAPHS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' };
const variants: ((title: string, city: string) => string)[] = [
  (t) => t.replace(/[äöüÄÖÜß]/g, (c) => DIGRAPHS[c]!),
  (t) => t.normalize('NFD').replace(/\u0308/g, '').normalize('NFC'),
  (t) => t.toUpperCase(),
  (t) => t.replace(/(\p{L}{5,})(hilfe|kurs|treff|gruppe|club|paten|förderung|werkstatt)/iu, '$1-$2'),
  (t) => t.replace(/-(\p{L})/gu, (_m, c: string) => c.toLowerCase()),
  // Two neighbouring letters swapped in the middle of the longest word, if it is long enough to stay readable.
  (t) => {
    const longest = t.split(' ').reduce((a, b) => (b.length > a.length ? b : a), '');
    if (longest.length < 8) return t.toLowerCase();
    const k = Math.floor(longest.length / 2);
    return t.replace(longest, longest.slice(0, k) + longest[k + 1] + longest[k] + longest.slice(k + 2));
  },
  (t, city) => `${t} ${city}`,
];

interface Injected {
  original: number;
  copy: number;
}

/** Enters `n` published offerings, spread over the ids, a second time as pending entries. */
function injectSecondEntries(db: Db, n: number): Injected[] {
  const published = db.select({ id: offerings.id }).from(offerings).where(eq(offerings.status, 'published')).orderBy(asc(offerings.id)).all();
  const step = Math.max(1, Math.floor(published.length / n));
  const chosen = published.filter((_, i) => i % step === 0).slice(0, n);
  return db.transaction((tx) =>
    chosen.map(({ id }, i) => {
      const row = tx.select().from(offerings).where(eq(offerings.id, id)).get()!;
      const site = tx.select().from(locations).where(eq(locations.id, row.locationId)).get()!;
      let providerId = row.providerId;
      let locationId = row.locationId;
      if (i % 4 === 3) {
        const owner = tx.select().from(providers).where(eq(providers.id, row.providerId)).get()!;
        const name = owner.name.endsWith(' e.V.') ? owner.name.slice(0, -5) : `${owner.name} e.V.`;
        const { id: _owner, ...ownerFields } = owner;
        providerId = tx.insert(providers).values({ ...ownerFields, name, verifiedAt: null, verifiedBy: null }).returning().get().id;
        const { id: _site, ...siteFields } = site;
        locationId = tx.insert(locations).values({
          ...siteFields, providerId, street: site.street.replace(/straße/i, 'str.'), lat: site.lat + 0.0012, lng: site.lng - 0.0008,
        }).returning().get().id;
      }
      const varied = variants[i % variants.length]!(row.title, site.city);
      const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = row;
      const copy = tx.insert(offerings).values({
        ...fields, title: varied === row.title ? row.title.toLowerCase() : varied, providerId, locationId, status: 'pending',
      }).returning().get();
      return { original: id, copy: copy.id };
    }),
  );
}

// ---- Measurements (each in its own process) ----------------------------------------------------------------

const admin: UserActor = { kind: 'user', id: 0, role: 'admin', providerId: null, regionPrefix: null, emailVerified: true };

function measureCountry() {
  const db = openData();
  const injected = JSON.parse(readFileSync(injectedFile, 'utf8')) as Injected[];
  const before = settled();
  const r0 = performance.now();
  const candidates = duplicateCandidates(db, '');
  const decisions = decisionsAround(db, '');
  const read = performance.now() - r0;
  const afterRead = settled();
  const d0 = performance.now();
  const groups = findDuplicateGroups(candidates, decisions);
  const detect = performance.now() - d0;
  const unsettled = process.memoryUsage().heapUsed;
  const afterDetect = settled();
  const together = new Set<string>();
  for (const g of groups) {
    if (g.kind !== 'same_entry') continue;
    for (const a of g.offeringIds) for (const b of g.offeringIds) if (a < b) together.add(`${a}-${b}`);
  }
  const key = ({ original, copy }: Injected) => `${Math.min(original, copy)}-${Math.max(original, copy)}`;
  const byId = new Map(candidates.map((c) => [c.id, c.title]));
  const missed = injected.filter((p) => !together.has(key(p)));
  const kind = (k: string) => groups.filter((g) => g.kind === k);
  const meanSize = (list: typeof groups) => list.reduce((s, g) => s + g.offeringIds.length, 0) / Math.max(1, list.length);
  return {
    offerings: candidates.length,
    read,
    detect,
    same: kind('same_entry').length,
    sameSize: meanSize(kind('same_entry')),
    parallel: kind('parallel').length,
    parallelSize: meanSize(kind('parallel')),
    injected: injected.length,
    found: injected.length - missed.length,
    missed: missed.slice(0, 4).map((p) => `„${byId.get(p.original)}“ / „${byId.get(p.copy)}“`),
    rowsHeap: afterRead.heap - before.heap,
    resultHeap: afterDetect.heap - afterRead.heap,
    transientHeap: unsettled - afterRead.heap,
    rssAdded: peakRss() - before.rss,
    rssBefore: before.rss,
  };
}

function measureDistrict(region: string) {
  const db = openData();
  const regions = new RegionLookup(allRegions(db), []);
  // What a request without options gets: the first page of the open groups.
  const query = zDuplicatesQuery.parse({ region });
  const before = settled();
  let transient = 0;
  const once = () => {
    const s0 = performance.now();
    const body = listDuplicates(db, admin, query, regions);
    const s1 = performance.now();
    const json = JSON.stringify(z.encode(zDuplicatesResponse, body));
    transient = Math.max(transient, process.memoryUsage().heapUsed - before.heap);
    return { service: s1 - s0, encode: performance.now() - s1, bytes: json.length, body };
  };
  const first = once();
  const timed = Array.from({ length: runs }, once);
  const compared = duplicateCandidates(db, region).length;
  return {
    region,
    name: regions.get(region)?.name ?? region,
    compared,
    first: first.service + first.encode,
    service: median(timed.map((t) => t.service)),
    encode: median(timed.map((t) => t.encode)),
    total: median(timed.map((t) => t.service + t.encode)),
    bytes: first.bytes,
    same: first.body.counts.same_entry,
    parallel: first.body.counts.parallel,
    transientHeap: transient,
    rssAdded: peakRss() - before.rss,
  };
}

function child(phase: string, region = ''): unknown {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/duplicates.ts', '--phase', phase, '--count', String(count), '--runs', String(runs), '--region', region], {
    encoding: 'utf8',
    maxBuffer: 64 * MB,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = out.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`no result from the ${phase} run:\n${out}`);
  return JSON.parse(line.slice('RESULT '.length));
}

// ---- The report --------------------------------------------------------------------------------------------

function main() {
  const lines: string[] = [];
  const say = (line = '') => {
    lines.push(line);
    console.log(line);
  };
  const ms = (n: number) => `${Math.round(n).toLocaleString('en')} ms`;
  const mb = (bytes: number) => `${Math.round(bytes / MB).toLocaleString('en')} MB`;
  const int = (n: number) => n.toLocaleString('en');

  mkdirSync(dataDir, { recursive: true });
  const t0 = performance.now();
  const db = openData();
  ensureReferenceData(db, { info: () => {} });
  // Always anew: the second entries are part of the data, and their ids are the answer key.
  deleteAllProviderData(db);
  seedDemoData(db, { count, seed: 1 });
  const injected = injectSecondEntries(db, injectedCount);
  writeFileSync(injectedFile, JSON.stringify(injected));
  const perDistrict = db.all<{ key: string; n: number }>(sql`
    SELECT substr(l.region_key, 1, 5) AS key, count(*) AS n FROM offerings o JOIN locations l ON l.id = o.location_id
    WHERE o.status IN ('published', 'pending') GROUP BY key ORDER BY n DESC, key`);
  db.$client.close();
  const prepared = performance.now() - t0;

  const country = child('country') as ReturnType<typeof measureCountry>;
  // The largest district (Berlin), a median one, and the largest state: the most a coordinator can ask for.
  const perState = new Map<string, number>();
  for (const { key, n } of perDistrict) perState.set(key.slice(0, 2), (perState.get(key.slice(0, 2)) ?? 0) + n);
  const largestState = [...perState].sort((a, b) => b[1] - a[1])[0]![0];
  const districts = [perDistrict[0]!.key, perDistrict[Math.floor(perDistrict.length / 2)]!.key, largestState].map(
    (key) => child('district', key) as ReturnType<typeof measureDistrict>,
  );

  say(`## Duplicate structures ${new Date().toISOString().slice(0, 16)} — ${int(count)} demo offerings + ${int(injected.length)} second entries`);
  say();
  say('`npm run bench:duplicates` (bench/duplicates.ts; options `--count`, `--injected`, `--runs`). Data prepared in');
  say(`${(prepared / 1000).toFixed(0)} s (seed 1); each measurement in a fresh process.`);
  say();
  say('### All offerings (Germany)');
  say();
  say('| step | time | result |');
  say('|---|---|---|');
  say(`| read the published and pending offerings from SQLite | ${ms(country.read)} | ${int(country.offerings)} offerings |`);
  say(`| detection (\`findDuplicateGroups\`) | ${ms(country.detect)} | ${int(country.same)} same-entry groups (Ø ${country.sameSize.toFixed(1)} members), ${int(country.parallel)} parallel (Ø ${country.parallelSize.toFixed(1)}) |`);
  say(`| **total** | **${ms(country.read + country.detect)}** | |`);
  say();
  say(`- second entries found as the same entry as their original: **${int(country.found)} of ${int(country.injected)} (recall ${(country.found / country.injected).toFixed(3)})**`);
  if (country.missed.length > 0) say(`  — not found, e.g. ${country.missed.join('; ')}`);
  say(`- memory: the rows read hold ${mb(country.rowsHeap)} of heap, the groups found ${mb(country.resultHeap)}; up to ${mb(country.transientHeap)}`);
  say(`  more were in use during detection before collection; the process's peak RSS rose by ${mb(country.rssAdded)} (from ${mb(country.rssBefore)})`);
  say();
  say(`### One region (\`listDuplicates\` as GET /api/duplicates runs it, plus the answer's zod encoding and JSON; median of ${runs} after a first run)`);
  say();
  say('The largest district, a median one, and the largest state (the largest region a request can name).');
  say();
  say('| region | offerings compared | first run | service | encoding + JSON | **total** | same entry | parallel | answer (first page) | RSS added |');
  say('|---|---|---|---|---|---|---|---|---|---|');
  for (const d of districts) {
    say(`| ${d.region} ${d.name} | ${int(d.compared)} | ${ms(d.first)} | ${ms(d.service)} | ${ms(d.encode)} | **${ms(d.total)}** | ${int(d.same)} | ${int(d.parallel)} | ${int(Math.round(d.bytes / 1024))} kB | ${mb(d.rssAdded)} |`);
  }
  say();
  say('Nothing is kept between requests: a request\'s memory is garbage once it is answered.');
  writeFileSync(join(outDir, 'duplicates-latest.md'), `${lines.join('\n')}\n`);
}

if (values.phase === 'country') console.log(`RESULT ${JSON.stringify(measureCountry())}`);
else if (values.phase === 'district') console.log(`RESULT ${JSON.stringify(measureDistrict(values.region!))}`);
else main();
