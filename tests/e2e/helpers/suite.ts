import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Db } from '../../../server/db/connection';
import { launchBrowser, type E2eBrowser } from './browser';
import { startE2eServer, type E2eServer } from './server';

export interface E2eEnv {
  readonly browser: Browser;
  readonly baseUrl: string;
  readonly server: E2eServer;
}

/**
 * Registers beforeAll/afterAll that start this file's own server and browser (in parallel) and close them;
 * call it inside the file's describe. The returned object's getters are valid inside tests.
 */
export function useE2eEnv(options: { fill?: (db: Db) => void; demoCount?: number } = {}): E2eEnv {
  let server: E2eServer | undefined;
  let browser: E2eBrowser | undefined;
  beforeAll(async () => {
    const [startedServer, startedBrowser] = await Promise.allSettled([startE2eServer(options), launchBrowser()]);
    if (startedServer.status === 'fulfilled') server = startedServer.value;
    if (startedBrowser.status === 'fulfilled') browser = startedBrowser.value;
    if (startedServer.status === 'rejected') throw startedServer.reason;
    if (startedBrowser.status === 'rejected') throw startedBrowser.reason;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  }, 60_000);
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} was not started (see the beforeAll error)`);
    return value;
  };
  return {
    get browser() {
      return need(browser, 'the browser').browser;
    },
    get baseUrl() {
      return need(server, 'the server').baseUrl;
    },
    get server() {
      return need(server, 'the server');
    },
  };
}
