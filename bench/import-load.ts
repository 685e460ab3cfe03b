import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { request, type Pool } from 'undici';
import { offeringsTemplateCsv } from '../server/csv/template';
import { startMeilisearch } from '../server/search/meili-process';
import { demoAccountsFile, DEMO_PROVIDER_EMAIL } from '../seed/demo-accounts';
import { signInOverHttp } from '../tests/helpers/http-session';
import { startServerProcess } from '../tests/helpers/server-process';
import { runLoad, runLoadWhile, type Target } from './load';
import { queryMix } from './queries';

// `npm run bench:import [-- --count 20000 --rows 5000 --rounds 2]`: public search latency at rest and while a
// provider imports a CSV of `rows` offerings (dry run, then commit), alternating in one run against one
// server process, so both sides see the same machine. Not part of `npm test`.

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '20000' },
    rows: { type: 'string', default: '5000' },
    rounds: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '4' },
  },
});
const count = Number(values.count);
const rows = Number(values.rows);
const rounds = Number(values.rounds);
const concurrency = Number(values.concurrency);
const dataDir = resolve('bench/out/import-data');
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** A CSV of `n` offerings: the template's example row with a title per row. */
function csvFile(n: number, round: number): Buffer {
  const [header, example] = parse(offeringsTemplateCsv().toString('utf8').replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
  const quote = (c: string) => (/[;"\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  const title = header!.indexOf('Titel');
  const lines = [header!.map(quote).join(';')];
  for (let i = 0; i < n; i++) {
    const row = [...example!];
    row[title] = `Hausaufgabenhilfe Gruppe ${round}-${i}`;
    lines.push(row.map(quote).join(';'));
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

/** Signs in as the demo provider over HTTP; returns headers that carry the session and the CSRF token. */
async function signInAsDemoProvider(origin: string): Promise<{ headers: Record<string, string>; organisationId: number }> {
  const line = readFileSync(demoAccountsFile(dataDir), 'utf8').split('\n').find((l) => l.startsWith(`${DEMO_PROVIDER_EMAIL}\t`));
  const session = await signInOverHttp(origin, DEMO_PROVIDER_EMAIL, line!.split('\t')[1]!);
  const me = (await (await session.request('GET', '/api/me')).json()) as { organisation: { id: number } | null };
  if (!me.organisation) throw new Error('the demo provider has no organisation');
  return { headers: session.headers(), organisationId: me.organisation.id };
}

async function importCsv(origin: string, auth: { headers: Record<string, string>; organisationId: number }, file: Buffer, dryRun: boolean) {
  const t0 = performance.now();
  const res = await request(`${origin}/api/organisations/${auth.organisationId}/import?dryRun=${dryRun}&submit=true`, {
    method: 'POST',
    headers: { ...auth.headers, 'content-type': 'text/csv' },
    body: file,
    headersTimeout: 120_000,
    bodyTimeout: 120_000,
  });
  const report = (await res.body.json()) as { committed?: boolean; summary?: { create: number }; message?: string };
  if (res.statusCode !== 200) throw new Error(`import answered ${res.statusCode}: ${report.message}`);
  return { ms: performance.now() - t0, created: report.summary?.create ?? 0 };
}

async function main(): Promise<void> {
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const meili = await startMeilisearch(join(dataDir, 'meili-own'), { info: () => {}, warn: console.warn, debug: () => {} });
  console.log(`starting the server with ${count} demo offerings …`);
  const server = await startServerProcess(
    { DATA_DIR: dataDir, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, SEED_COUNT: String(count), RATE_LIMIT: '100000000' },
    600_000,
  );
  const origin = server.origin;
  try {
    const auth = await signInAsDemoProvider(origin);
    const target: Target = {
      name: 'search',
      origin,
      async send(pool: Pool, i: number) {
        const res = await pool.request({ method: 'GET', path: `/api/offerings?${queryMix[i % queryMix.length]}` });
        await res.body.dump();
      },
    };
    await runLoad(target, concurrency, 2000); // warm-up
    const lines = [
      `Search latency (${queryMix.length} queries in rotation, ${concurrency} concurrent clients) against one server process with ${count} demo offerings,`,
      `at rest and while the demo provider imports ${rows} rows (dry run, then commit with submit=true); alternating, ${rounds} rounds.`,
      '',
      '| round | phase | import time | searches | p50 | p95 | slowest |',
      '|---|---|---|---|---|---|---|',
    ];
    for (let round = 1; round <= rounds; round++) {
      const rest = await runLoad(target, concurrency, 8000);
      lines.push(`| ${round} | at rest | – | ${rest.requests} | ${ms(rest.p50)} | ${ms(rest.p95)} | – |`);
      const file = csvFile(rows, round);
      let dryMs = 0;
      const dry = await runLoadWhile(target, concurrency, importCsv(origin, auth, file, true).then((r) => { dryMs = r.ms; }));
      lines.push(`| ${round} | during dry run | ${ms(dryMs)} | ${dry.requests} | ${ms(dry.p50)} | ${ms(dry.p95)} | ${ms(dry.max)} |`);
      let commitMs = 0;
      const commit = await runLoadWhile(target, concurrency, importCsv(origin, auth, file, false).then((r) => { commitMs = r.ms; }));
      lines.push(`| ${round} | during commit | ${ms(commitMs)} | ${commit.requests} | ${ms(commit.p50)} | ${ms(commit.p95)} | ${ms(commit.max)} |`);
    }
    console.log(`\n${lines.join('\n')}\n`);
  } finally {
    await server.stop();
    await meili.stop();
  }
}

await main();
