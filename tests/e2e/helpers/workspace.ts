import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { openPage, type OpenedPage } from './page';
import { useE2eEnv, type E2eEnv } from './suite';

/**
 * Like useE2eEnv, with fewer demo offerings: the workspace tests need a running directory, not a big one,
 * and two cores index 1,500 offerings noticeably slower than 200.
 */
export function useWorkspaceEnv(demoCount = 200): E2eEnv {
  return useE2eEnv({ demoCount });
}

/**
 * A fresh page for `use`, closed afterwards; fails when the page threw an error or opened a dialog while it
 * was used.
 */
export async function withOpenPage(
  env: E2eEnv,
  use: (opened: OpenedPage) => Promise<void>,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<void> {
  const opened = await openPage(env.browser, env.baseUrl, options);
  try {
    await use(opened);
    expect(opened.problems).toEqual([]);
  } finally {
    await opened.close();
  }
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
