import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort } from '../server/lib/processes';

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts `node --import tsx server/main.ts` as a child, the way people run it, with its own data dir (the
 * bundled Meilisearch included) and tiles off, and waits until /api/health answers ok. Output goes to a log.
 */
export async function startServerProcess(options: { dataDir: string; seedCount: number; logFile: string }): Promise<RunningServer> {
  const port = await freePort();
  mkdirSync(resolve(options.dataDir), { recursive: true });
  mkdirSync(resolve(options.logFile, '..'), { recursive: true });
  const log = createWriteStream(options.logFile);
  const child = spawn(process.execPath, ['--import', 'tsx', join('server', 'main.ts')], {
    env: {
      ...process.env,
      DATA_DIR: options.dataDir,
      SEED_COUNT: String(options.seedCount),
      TILE_URL: 'none',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      RATE_LIMIT: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM'); // main.ts shuts down gracefully, its Meilisearch child included
    const killed = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(killed);
  };

  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}; see ${options.logFile}`);
    const ok = await fetch(`${baseUrl}/api/health`)
      .then(async (res) => res.ok && ((await res.json()) as { status?: string }).status === 'ok')
      .catch(() => false);
    if (ok) return { baseUrl, stop };
    await new Promise((done) => setTimeout(done, 500));
  }
  await stop();
  throw new Error(`the server did not become healthy within 5 minutes; see ${options.logFile}`);
}
