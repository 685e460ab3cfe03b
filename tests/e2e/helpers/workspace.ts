import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type E2eBrowser } from './browser';
import { startE2eServer, type E2eServer } from './server';
import type { E2eEnv } from './suite';

/**
 * Like useE2eEnv, with fewer demo offerings: the workspace tests need a running directory, not a big one,
 * and two cores index 1,500 offerings noticeably slower than 200.
 */
export function useWorkspaceEnv(demoCount = 200): E2eEnv {
  let server: E2eServer | undefined;
  let browser: E2eBrowser | undefined;
  beforeAll(async () => {
    const [startedServer, startedBrowser] = await Promise.allSettled([startE2eServer({ demoCount }), launchBrowser()]);
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

/** Logs in through the login page and waits until the workspace has left it. */
export async function logIn(page: Page, email: string, password: string, query = ''): Promise<void> {
  await page.goto(`/konto/anmelden${query}`);
  await page.getByLabel(/^(E-Mail-Adresse|E-mail address)/).fill(email);
  await page.getByLabel(/^(Passwort|Password)/).fill(password);
  await page.getByRole('button', { name: /^(Anmelden|Log in)$/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/konto/anmelden'), { timeout: 15_000 });
}

/** A word no demo offering contains, so a search for it finds exactly the test's entry. */
export function uniqueWord(prefix: string): string {
  const letters = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
  return `${prefix}${letters}`;
}
