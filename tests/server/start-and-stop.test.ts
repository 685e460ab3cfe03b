import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, processAlive as alive } from '../../server/lib/processes';

// `npm start` as a user runs it: the real entry point with the bundled Meilisearch as a child process.

const dataDir = mkdtempSync(join(tmpdir(), 'blk-start-'));
const started: ChildProcess[] = [];

async function startServer(port: number): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), SEED_COUNT: '150', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return { child, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not become healthy:\n${output}`);
}

const meiliPid = () => Number(readFileSync(join(dataDir, 'meili', 'meilisearch.pid'), 'utf8').split(' ')[0]);
const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

afterAll(async () => {
  // Also after a failed test: stop servers gracefully (their Meilisearch with them), then anything left over.
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await Promise.all(started.map((child) => Promise.race([exited(child), new Promise((r) => setTimeout(r, 15_000))])));
  for (const child of started) child.kill('SIGKILL');
  try {
    process.kill(meiliPid(), 'SIGKILL');
  } catch {
    // Already gone.
  }
  rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

describe('npm start', () => {
  it('seeds, indexes and serves; SIGTERM stops the server and its Meilisearch', async () => {
    const port = await freePort();
    const { child } = await startServer(port);
    const body = (await (await fetch(`http://127.0.0.1:${port}/api/offerings?perPage=1`)).json()) as { total: number };
    expect(body.total).toBeGreaterThan(100);
    const meili = meiliPid();
    expect(alive(meili)).toBe(true);

    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    for (let i = 0; i < 50 && alive(meili); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive(meili)).toBe(false);
  }, 180_000);

  it('keeps its data across a restart and recovers from a hard kill that left Meilisearch behind', async () => {
    const port = await freePort();
    const first = await startServer(port);
    const before = (await (await fetch(`http://127.0.0.1:${port}/api/offerings?perPage=1`)).json()) as { total: number };
    expect(first.output()).not.toContain('demo offerings');
    const orphan = meiliPid();
    first.child.kill('SIGKILL');
    await exited(first.child);
    expect(alive(orphan)).toBe(true);

    const second = await startServer(port);
    expect(alive(orphan)).toBe(false);
    const after = (await (await fetch(`http://127.0.0.1:${port}/api/offerings?perPage=1`)).json()) as { total: number };
    expect(after.total).toBe(before.total);
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
  }, 240_000);

  it('refuses a wrong configuration with a message naming the variable', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: 'eighty' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    expect(await exited(child)).toBe(1);
    expect(stderr).toContain('PORT');
  }, 60_000);
});
