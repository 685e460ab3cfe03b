import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../../server/db/connection';
import { startTestApp, type TestApp } from '../../helpers/test-app';

const distIndex = resolve(dirname(fileURLToPath(import.meta.url)), '../../../web/dist/index.html');

export interface E2eServer {
  /** e.g. http://127.0.0.1:41234 — no trailing slash. */
  baseUrl: string;
  testApp: TestApp;
  close(): Promise<void>;
}

/**
 * Starts the real app in this process on a free loopback port, serving the built client from web/dist, with
 * 1,500 demo offerings plus whatever `fill` adds. Map tiles are off: the tests have no network.
 */
export async function startE2eServer(options: { fill?: (db: Db) => void; demoCount?: number } = {}): Promise<E2eServer> {
  if (!existsSync(distIndex)) {
    throw new Error(`The web client is not built (${distIndex} is missing): run npm run build first.`);
  }
  const testApp = await startTestApp({
    demoCount: options.demoCount ?? 1500,
    env: { TILE_URL: 'none' },
    ...(options.fill ? { fill: options.fill } : {}),
  });
  await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = testApp.app.server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, testApp, close: () => testApp.close() };
}
