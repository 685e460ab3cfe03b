import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { freePort, portFree, processAlive } from '../../server/lib/processes';
import { MeiliClient } from '../../server/search/meili-client';
import { bundledBinary, startMeilisearch, type MeiliProcess } from '../../server/search/meili-process';
import { ensureReferenceData } from '../../seed/prepare';
import { addOffering } from '../helpers/fixtures';

const root = mkdtempSync(join(tmpdir(), 'blk-meili-proc-'));
const started: MeiliProcess[] = [];
const strays: number[] = [];

afterAll(async () => {
  for (const meili of started) await meili.stop();
  for (const pid of strays) if (processAlive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(root, { recursive: true, force: true });
}, 60_000);

function recorder() {
  const lines: string[] = [];
  return { lines, log: { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m), debug: () => {} } };
}

async function start(dir: string, log = recorder().log, binary?: string): Promise<MeiliProcess> {
  const meili = await startMeilisearch(dir, log, { binary });
  started.push(meili);
  return meili;
}

const childPid = (dir: string) => Number(readFileSync(join(dir, 'meilisearch.pid'), 'utf8').split(' ')[0]);

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health`)).ok;
  } catch {
    return false;
  }
}

describe('the bundled Meilisearch', () => {
  it('comes back on a newly picked port after it was killed, tells onRestart, and stops for good with stop()', async () => {
    const dir = join(root, 'restart');
    const { lines, log } = recorder();
    const meili = await start(dir, log);
    const client = new MeiliClient(meili.url, meili.masterKey);
    const announced: string[] = [];
    meili.onRestart((url) => {
      announced.push(url);
      client.setUrl(url);
    });
    const firstUrl = meili.url;
    const first = childPid(dir);
    process.kill(first, 'SIGKILL');
    // Another program takes the old port while the child is down (the restart waits 0.5 s first).
    const blocker = createServer();
    const oldPort = Number(new URL(firstUrl).port);
    await expect.poll(() => portFree(oldPort), { timeout: 10_000, interval: 10 }).toBe(true);
    await new Promise<void>((resolve) => blocker.listen(oldPort, '127.0.0.1', resolve));

    await expect.poll(() => announced.length, { timeout: 30_000, interval: 100 }).toBe(1);
    blocker.close();
    expect(meili.url).toBe(announced[0]);
    expect(meili.url).not.toBe(firstUrl);
    expect(childPid(dir)).not.toBe(first);
    expect(lines.join('\n')).toMatch(/exited unexpectedly/);
    // A client that follows the announcement reaches the new child.
    expect(await client.healthy()).toBe(true);
    await client.close();

    const second = childPid(dir);
    await meili.stop();
    expect(processAlive(second)).toBe(false);
    expect(await healthy(meili.url)).toBe(false);
  }, 90_000);

  it('survives restarts that cannot spawn the binary, retries with growing delays, and comes back once it can', async () => {
    const dir = join(root, 'respawn-fails');
    // A copy of its own, so that taking its execute bit away touches nothing else.
    const binDir = join(root, 'bin');
    mkdirSync(binDir, { recursive: true });
    const binary = join(binDir, 'meilisearch');
    copyFileSync(bundledBinary(), binary);
    const { lines, log } = recorder();
    const meili = await start(dir, log, binary);
    const announced: string[] = [];
    meili.onRestart((url) => announced.push(url));

    chmodSync(binary, 0o644);
    process.kill(childPid(dir), 'SIGKILL');
    // Each failed spawn is an `error` event of the child process: logged and scheduled again, not thrown.
    await expect
      .poll(() => lines.filter((l) => /could not be restarted: spawn .*EACCES/.test(l)).length, { timeout: 20_000, interval: 100 })
      .toBeGreaterThanOrEqual(2);
    const delays = lines.map((l) => /starting it again in (\d+) ms/.exec(l)?.[1]).filter(Boolean).map(Number);
    expect(delays.slice(0, 3)).toEqual([500, 1000, 2000]);
    expect(announced).toEqual([]);

    chmodSync(binary, 0o755);
    await expect.poll(() => announced.length, { timeout: 30_000, interval: 100 }).toBe(1);
    expect(await healthy(meili.url)).toBe(true);
    expect(lines.join('\n')).toMatch(/Meilisearch is back at/);
    await meili.stop();
  }, 90_000);

  it('stops a Meilisearch left over on its own data dir, but leaves one of another data dir alone', async () => {
    const dir = join(root, 'own');
    const other = join(root, 'other');

    // A leftover of this data dir (a server killed hard): it holds the database and must go.
    mkdirSync(dir, { recursive: true });
    const port = await freePort();
    const orphan = spawn(bundledBinary(), [
      '--http-addr', `127.0.0.1:${port}`, '--db-path', join(dir, 'data.ms'), '--no-analytics', '--env', 'development',
    ], { stdio: 'ignore' });
    strays.push(orphan.pid!);
    await expect.poll(() => healthy(`http://127.0.0.1:${port}`), { timeout: 30_000, interval: 100 }).toBe(true);
    writeFileSync(join(dir, 'meilisearch.pid'), `${orphan.pid} ${process.pid}`);
    const own = await start(dir);
    expect(processAlive(orphan.pid!)).toBe(false);
    await own.stop();

    // A Meilisearch for another directory whose pid ended up in this dir's pid file (pids are reused).
    const foreign = await start(other);
    const foreignPid = childPid(other);
    writeFileSync(join(dir, 'meilisearch.pid'), `${foreignPid} ${process.pid}`);
    const { lines, log } = recorder();
    const again = await start(dir, log);
    expect(processAlive(foreignPid)).toBe(true);
    expect(await healthy(foreign.url)).toBe(true);
    expect(lines.join('\n')).toMatch(new RegExp(`process ${foreignPid} .* not this data dir's Meilisearch`));
    expect(await healthy(again.url)).toBe(true);
    await again.stop();
    await foreign.stop();
    expect(processAlive(foreignPid)).toBe(false);
  }, 120_000);
});

describe('the app with its bundled Meilisearch', () => {
  let app: FastifyInstance | undefined;
  afterAll(async () => {
    await app?.close();
  }, 30_000);

  it('searches again after Meilisearch was restarted, and drains requests before stopping it on close', async () => {
    const dataDir = join(root, 'app');
    app = await buildApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', RATE_LIMIT: '100000' }));
    // The shutdown starts once the slow request is in its handler (not after a guessed delay).
    let markEntered!: () => void;
    const entered = new Promise<void>((resolve) => (markEntered = resolve));
    // A request that is still working when the shutdown begins, and needs Meilisearch at its end.
    app.get('/test/slow-search', async () => {
      markEntered();
      await new Promise((r) => setTimeout(r, 800));
      return app!.meili.request<{ numberOfDocuments: number }>('GET', `/indexes/${app!.offeringIndex.uid}/stats`);
    });
    await app.ready();
    ensureReferenceData(app.db, { info: () => {} });
    addOffering(app.db, { title: 'Schachclub für Kinder' });
    await app.directory.refresh();
    const search = async () => (await app!.inject({ method: 'GET', url: '/api/offerings?q=Schachclub' }));
    expect((await search()).json().total).toBe(1);

    const meiliDir = join(dataDir, 'meili');
    const first = childPid(meiliDir);
    const firstUrl = app.meili.url;
    await app.directory.textRebuilt;
    process.kill(first, 'SIGKILL');
    // Meanwhile: answered from the server's own data, marked as degraded.
    const during = await search();
    expect(during.statusCode).toBe(200);
    expect(during.json()).toMatchObject({ total: 1, degraded: true });
    await expect.poll(async () => (await search()).json().degraded ?? false, { timeout: 30_000, interval: 200 }).toBe(false);
    expect((await search()).json().total).toBe(1);
    // Its previous port was still free: it came back there, so whoever read the address once still reaches it.
    expect(app.meili.url).toBe(firstUrl);

    const second = childPid(meiliDir);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    // Without keep-alive: an idle keep-alive connection would hold close() for its timeout (main.ts closes
    // those during a shutdown).
    const inFlight = new Promise<{ status: number; body: string }>((resolve, reject) => {
      get({ host: '127.0.0.1', port, path: '/test/slow-search', agent: false }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      }).on('error', reject);
    });
    await entered;
    const closed = app.close();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect((JSON.parse(res.body) as { numberOfDocuments: number }).numberOfDocuments).toBe(1);
    await closed;
    app = undefined;
    expect(processAlive(second)).toBe(false);
  }, 120_000);
});
