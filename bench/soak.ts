import Database from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync, type WriteStream } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { databaseFile, loadConfig } from '../server/config';
import { openDatabase } from '../server/db/connection';
import { freePort } from '../server/lib/processes';
import { countOfferings, publishedPointRows } from '../server/repos/offerings-repo';
import { deleteAllProviderData } from '../server/repos/providers-repo';
import { allRegions } from '../server/repos/regions-repo';
import { ensureReferenceData, seedDemoData } from '../seed/prepare';
import { report, type RssSample, type Timeline } from './soak-report';
import {
  exitOf, HealthProbe, killLeftoverMeili, meiliPid, rssKb, spawnServer, stopServer, waitUntilReady,
} from './soak-server';
import { runTraffic, weights, type Mix, type Sample } from './soak-traffic';

// `npm run bench:soak [-- --count 100000 --seconds 60 --concurrency 64]`: the public read path under load
// while things break. The server runs as `npm start` runs it, with its own Meilisearch; at 1/3 of the run
// Meilisearch is killed (the server's supervisor restarts it, searches meanwhile come from the server's own
// data), at 2/3 the server itself gets SIGTERM and is started again. Prints a Markdown report, also written
// to bench/out/soak-latest.md. The data lives in bench/out/soak-<count> and is reused, so only the first
// run pays for building the search index. Not part of `npm test`.

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '60' },
    concurrency: { type: 'string', default: '64' },
  },
});
const count = Number(values.count);
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
for (const [name, value] of Object.entries({ count, seconds, concurrency })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number, got ${values[name as keyof typeof values]}`);
}

const outDir = resolve('bench/out');
const dataDir = join(outDir, `soak-${count}`);
const logFile = join(dataDir, 'server.log');
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
/** Long enough for the first start, which builds the search index of 100,000 offerings on shared cores. */
const FIRST_START_TIMEOUT_MS = 20 * 60_000;

/**
 * A copy of bench/out/data-<count> (made by `npm run bench`) when there is one, else seeded demo data;
 * kept between runs together with the Meilisearch data the server builds next to it.
 */
function prepareData(): Mix {
  const file = databaseFile(loadConfig({ DATA_DIR: dataDir }));
  const source = databaseFile(loadConfig({ DATA_DIR: join(outDir, `data-${count}`) }));
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(file) && existsSync(source)) {
    const started = performance.now();
    const db = new Database(source, { readonly: true, fileMustExist: true });
    db.prepare('VACUUM INTO ?').run(file);
    db.close();
    console.log(`copied ${source} in ${s(performance.now() - started)}`);
  }
  const db = openDatabase(file);
  try {
    ensureReferenceData(db, { info: () => {} });
    if (countOfferings(db) !== count) {
      const started = performance.now();
      deleteAllProviderData(db);
      seedDemoData(db, { count, seed: 1 });
      console.log(`seeded ${count} offerings in ${s(performance.now() - started)}`);
    }
    return {
      ids: publishedPointRows(db).map((row) => row.id),
      regions: allRegions(db).map(({ key, name }) => ({ key, name })),
    };
  } finally {
    db.$client.close();
  }
}

/** Warnings and errors in the server's JSON log, grouped by message. */
function summariseLog(): { level: string; message: string; count: number }[] {
  const levels: Record<number, string> = { 40: 'warn', 50: 'error', 60: 'fatal' };
  const counts = new Map<string, { level: string; message: string; count: number }>();
  for (const line of readFileSync(logFile, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    let level = 'output';
    let message = line;
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
      if ((entry.level ?? 0) < 40) continue;
      level = levels[entry.level!] ?? String(entry.level);
      message = [entry.msg, entry.err?.message].filter(Boolean).join(': ');
    } catch {
      // Not pino: something the process printed itself, e.g. a crash.
    }
    message = message.replace(/\s+/g, ' ').slice(0, 240);
    const key = `${level} ${message}`;
    const entry = counts.get(key) ?? { level, message, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count);
}

const sleepUntil = (t0: number, at: number) => new Promise((r) => setTimeout(r, Math.max(0, t0 + at - performance.now())));

/** Starts the server, runs the load with its faults, stops the server (also on errors); the records. */
async function soak(mix: Mix) {
  const log: WriteStream = createWriteStream(logFile, { flags: 'w' });
  // A line arriving after the log was closed must not end the benchmark.
  log.on('error', (error) => console.warn(`server log: ${error.message}`));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const probe = new HealthProbe(origin);
  let server: ChildProcess = spawnServer(dataDir, port, log);

  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      const exit = await stopServer(server);
      if (exit.killed) console.warn('the server did not exit within 15 s of SIGTERM and was killed');
      const leftover = killLeftoverMeili(dataDir);
      if (leftover !== null) console.warn(`killed Meilisearch ${leftover}, left behind by the server`);
      await probe.close();
      // The last lines may still be in the pipe when 'exit' fires; 'close' comes after them.
      if (server.stdout && !server.stdout.closed) {
        await new Promise((r) => {
          server.stdout!.once('close', r);
          setTimeout(r, 2_000).unref();
        });
      }
      await new Promise((r) => log.end(r));
    })());
  const interrupted = (signal: NodeJS.Signals) => {
    console.warn(`${signal}: stopping the server`);
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  try {
    const starting = performance.now();
    console.log(`starting the server on ${origin} (the first start on new data builds the search index; log: ${logFile})`);
    await waitUntilReady(probe, server, FIRST_START_TIMEOUT_MS);
    console.log(`server ready in ${s(performance.now() - starting)}; load for ${seconds} s at concurrency ${concurrency}`);

    const durationMs = seconds * 1000;
    const samples: Sample[] = [];
    const rss: RssSample[] = [];
    const t0 = performance.now();
    const now = () => performance.now() - t0;
    const timeline: Timeline = { end: durationMs };

    const record = (x: Sample) => {
      samples.push(x);
      // Sent after the kill and answered by Meilisearch: its outage is over.
      if (timeline.killAt !== undefined && timeline.meiliBackAt === undefined && x.route === 'search' &&
          x.outcome === 200 && x.sent >= timeline.killAt) timeline.meiliBackAt = x.sent + x.ms;
    };

    let reported = 0;
    const sampler = setInterval(() => {
      const t = now();
      rss.push({ t, serverKb: rssKb(server.pid), meiliKb: rssKb(meiliPid(dataDir)) });
      if (rss.length % 5 === 0) {
        const fresh = samples.slice(reported);
        reported = samples.length;
        const last = rss[rss.length - 1]!;
        const fives = fresh.filter((x) => typeof x.outcome === 'number' && x.outcome >= 500).length;
        const failed = fresh.filter((x) => typeof x.outcome !== 'number').length;
        console.log(`${s(t).padStart(7)}  ${String(fresh.length).padStart(6)} requests, 5xx ${fives}, no answer ${failed}, ` +
          `server ${last.serverKb === null ? '—' : Math.round(last.serverKb / 1024)} MB, ` +
          `Meilisearch ${last.meiliKb === null ? '—' : Math.round(last.meiliKb / 1024)} MB`);
      }
    }, 1000);

    const faults = (async () => {
      await sleepUntil(t0, durationMs / 3);
      const pid = meiliPid(dataDir);
      timeline.killAt = now();
      if (pid === null) {
        console.warn('no running Meilisearch found in the pid file; nothing killed');
      } else {
        process.kill(pid, 'SIGKILL');
        timeline.killedPid = pid;
        console.log(`${s(timeline.killAt)}: killed Meilisearch ${pid}`);
        while (now() < (2 * durationMs) / 3) {
          const current = meiliPid(dataDir);
          if (current !== null && current !== pid) {
            timeline.meiliRespawnedAt = now();
            console.log(`${s(timeline.meiliRespawnedAt)}: the supervisor started Meilisearch ${current}`);
            break;
          }
          await new Promise((r) => setTimeout(r, 100));
        }
      }

      await sleepUntil(t0, (2 * durationMs) / 3);
      timeline.termAt = now();
      console.log(`${s(timeline.termAt)}: SIGTERM to the server`);
      const old = server;
      old.kill('SIGTERM');
      // The server forces its own exit after 15 s; past that it hangs and is killed.
      let exit = await exitOf(old, 20_000);
      if (!exit) {
        old.kill('SIGKILL');
        exit = await exitOf(old, 5_000);
        killLeftoverMeili(dataDir);
      }
      timeline.exitAt = now();
      timeline.exit = exit ? `exit code ${exit.code ?? '—'}${exit.signal ? `, signal ${exit.signal}` : ''}` : 'did not exit';
      server = spawnServer(dataDir, port, log);
      timeline.spawnAt = now();
      console.log(`${s(timeline.exitAt)}: server exited (${timeline.exit}); started a new one`);

      // Past the end of the load, should the new server take that long, to tell when it was back.
      while (now() < durationMs + 60_000 && timeline.fallbackReadyAt === undefined) {
        const health = await probe.ask();
        if (health?.status === 200 && timeline.serverBackAt === undefined) {
          timeline.serverBackAt = now();
          timeline.serverBackAskedAt = health.askedAt - t0;
          console.log(`${s(timeline.serverBackAt)}: the new server answers health 200 (asked at ${s(timeline.serverBackAskedAt)})`);
        }
        if (health?.fallbackReady && timeline.serverBackAt !== undefined) {
          timeline.fallbackReadyAt = now();
          console.log(`${s(timeline.fallbackReadyAt)}: fallback.ready`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    try {
      // Together, so a fault that throws is handled at once rather than after the load.
      const traffic = runTraffic({ origin, concurrency, mix, t0, endAt: durationMs, record }).then(() => {
        timeline.end = now();
      });
      await Promise.all([traffic, faults]);
    } finally {
      clearInterval(sampler);
    }

    return { samples, timeline, rss };
  } finally {
    await cleanUp();
    process.removeListener('SIGINT', interrupted);
    process.removeListener('SIGTERM', interrupted);
  }
}

const mix = prepareData();
console.log(`${mix.ids.length} published offerings, ${mix.regions.length} regions`);
const { samples, timeline, rss } = await soak(mix);
const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
const text = [
  `## Soak run ${new Date().toISOString()}`,
  '',
  ...report({
    setup: `${count.toLocaleString('en')} offerings (${mix.ids.length.toLocaleString('en')} published), concurrency ${concurrency}, ` +
      `${seconds} s, ${availableParallelism()} cores (${cpu}), Node ${process.version}. ` +
      `Mix: ${Object.entries(weights).map(([k, v]) => `${v} % ${k}`).join(', ')}; map points half with q, all with ` +
      'accept-encoding br, gzip; after a failed connection a worker waits 100 ms before its next request.',
    samples,
    timeline,
    rss,
    serverLog: summariseLog(),
    logFile,
  }),
].join('\n');
console.log();
console.log(text);
writeFileSync(join(outDir, 'soak-latest.md'), `${text}\n`);
// Every request of the run, for looking closer at a phase than the tables do.
const csv = samples.map((x) => `${x.sent.toFixed(1)},${x.route},${x.outcome},${x.ms.toFixed(1)},${x.code ?? ''}`);
writeFileSync(join(dataDir, 'requests.csv'), `sent_ms,route,outcome,latency_ms,error_code\n${csv.join('\n')}\n`);
console.log(`\nreport: ${join(outDir, 'soak-latest.md')}; every request: ${join(dataDir, 'requests.csv')}`);
