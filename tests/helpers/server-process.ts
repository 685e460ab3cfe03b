import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { freePort } from '../../server/lib/processes';
import { startMeilisearch, type MeiliProcess } from '../../server/search/meili-process';

// Servers as real processes: the API as `npm start` runs it (to kill it hard, or to run two on one
// DATA_DIR), and a Meilisearch that can be stopped and started again at the same address.

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  origin: string;
  output(): string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited(): Promise<number | string | null>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when it is gone. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts `server/main.ts` with `env` (DATA_DIR, MEILI_URL, … ) on a free port and waits until it answers
 * HTTP at all (the health check may say degraded while a backlog is applied).
 */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 120_000): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, SEED_COUNT: '0', LOG_LEVEL: 'warn', LOG_FORMAT: 'json', RATE_LIMIT: '1000000', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exit = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const origin = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    child,
    port,
    origin,
    output: () => output,
    exited: () => exit,
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exit;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      await fetch(`${origin}/api/health`);
      return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start within ${timeoutMs} ms:\n${output}`);
}

export interface StableMeilisearch {
  /** Stays the same across stop() and start(): what the API is configured with. */
  url: string;
  masterKey: string;
  running(): boolean;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real Meilisearch (started with `startMeilisearch`, data in `dir`) behind a loopback TCP forwarder with
 * a fixed port. `stop()` really stops the Meilisearch process, and `start()` starts a new one on the same
 * data; it gets a new port, so the forwarder keeps the address the API knows the same. While stopped,
 * connections are closed at once, as a stopped server's port would refuse them.
 */
export async function stableMeilisearch(dir: string): Promise<StableMeilisearch> {
  const quiet = { info: () => {}, warn: () => {}, debug: () => {} };
  let meili: MeiliProcess | undefined = await startMeilisearch(dir, quiet);
  let target = new URL(meili.url);
  const sockets = new Set<Socket>();
  const proxy: Server = createServer((client) => {
    if (!meili) {
      client.destroy();
      return;
    }
    const upstream = connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.once('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
  const masterKey = meili.masterKey;
  const stop = async () => {
    const current = meili;
    meili = undefined;
    for (const s of sockets) s.destroy();
    await current?.stop();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    masterKey,
    running: () => meili !== undefined,
    stop,
    async start() {
      if (meili) return;
      const started = await startMeilisearch(dir, quiet);
      target = new URL(started.url);
      meili = started;
    },
    async close() {
      await stop();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}
