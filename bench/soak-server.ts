import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, type WriteStream } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { Pool } from 'undici';
import { commandLine, optionValue, processAlive } from '../server/lib/processes';

// The server of `npm run bench:soak` as `npm start` runs it: its own process, supervising the bundled
// Meilisearch under DATA_DIR/meili. Helpers to start, probe, stop and measure it from outside.

/**
 * Spawns `server/main.ts` on `port` with its data in `dataDir`. Every MEILI_* variable of the calling shell
 * is dropped: with MEILI_URL the server would use that Meilisearch instead of starting and supervising its own.
 */
export function spawnServer(dataDir: string, port: number, log: WriteStream): ChildProcess {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('MEILI_')) env[name] = value;
  Object.assign(env, { DATA_DIR: dataDir, PORT: String(port), SEED_COUNT: '0', LOG_LEVEL: 'warn', RATE_LIMIT: '100000000' });
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  // Both streams go to one file; `end: false` keeps it open for the next server after a restart.
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  return child;
}

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Resolves with how the child ended, or with null when it still runs after `timeoutMs`. */
export function exitOf(child: ChildProcess, timeoutMs: number): Promise<Exit | null> {
  if (hasExited(child)) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((done) => {
    const timer = setTimeout(() => done(null), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal });
    });
  });
}

/** SIGTERM, and SIGKILL when the server has not exited after `graceMs` (a shutdown that hangs). */
export async function stopServer(child: ChildProcess, graceMs = 15_000): Promise<Exit & { killed: boolean }> {
  if (hasExited(child)) return { code: child.exitCode, signal: child.signalCode, killed: false };
  child.kill('SIGTERM');
  const exit = await exitOf(child, graceMs);
  if (exit) return { ...exit, killed: false };
  child.kill('SIGKILL');
  return { ...((await exitOf(child, 5_000)) ?? { code: null, signal: null }), killed: true };
}

export interface Health {
  status: number;
  fallbackReady: boolean;
  /** performance.now() when the question was sent: a server busy after its start may take long to answer. */
  askedAt: number;
}

/** Asks GET /api/health over a connection of its own; null while nothing answers. */
export class HealthProbe {
  private readonly pool: Pool;

  constructor(origin: string) {
    // A slow answer is waited for rather than asked again: it tells when the server took the question.
    this.pool = new Pool(origin, { connections: 1, headersTimeout: 30_000, bodyTimeout: 30_000, connectTimeout: 2_000 });
  }

  async ask(): Promise<Health | null> {
    const askedAt = performance.now();
    try {
      const res = await this.pool.request({ method: 'GET', path: '/api/health' });
      const body = (await res.body.json()) as { fallback?: { ready?: boolean } };
      return { status: res.statusCode, fallbackReady: body.fallback?.ready === true, askedAt };
    } catch {
      return null;
    }
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/**
 * Waits until the server answers health 200 with the fallback text index built, so the load meets a server
 * that can answer searches without Meilisearch. Throws when the server exits or `timeoutMs` passes.
 */
export async function waitUntilReady(probe: HealthProbe, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (hasExited(child)) throw new Error(`the server exited while starting (${child.exitCode ?? child.signalCode}); see its log`);
    const health = await probe.ask();
    if (health?.status === 200 && health.fallbackReady) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server was not ready within ${Math.round(timeoutMs / 1000)} s`);
}

function meiliDir(dataDir: string): string {
  return join(dataDir, 'meili');
}

/**
 * The pid of the bundled Meilisearch from DATA_DIR/meili/meilisearch.pid ("pid parentPid"), when that
 * process runs and is this data dir's Meilisearch: a pid left in the file may have been reused since.
 */
export function meiliPid(dataDir: string): number | null {
  const file = join(meiliDir(dataDir), 'meilisearch.pid');
  if (!existsSync(file)) return null;
  let pid: number;
  try {
    pid = Number(readFileSync(file, 'utf8').trim().split(' ')[0]);
  } catch {
    return null; // removed between the check and the read
  }
  if (!Number.isInteger(pid) || pid <= 1 || !processAlive(pid)) return null;
  const args = commandLine(pid) ?? [];
  const ours = args.length > 0 && basename(args[0]!) === 'meilisearch' &&
    optionValue(args, '--db-path') === join(resolve(meiliDir(dataDir)), 'data.ms');
  return ours ? pid : null;
}

/** After the server is gone: a Meilisearch it left behind (it was killed hard) would hold the data dir. */
export function killLeftoverMeili(dataDir: string): number | null {
  const pid = meiliPid(dataDir);
  if (pid !== null) process.kill(pid, 'SIGKILL');
  return pid;
}

/** Resident memory of a process in kB (VmRSS), or null when it is gone. */
export function rssKb(pid: number | undefined | null): number | null {
  if (!pid) return null;
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}
