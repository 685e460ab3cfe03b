import { statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './helpers/artifacts';
import { browserAvailable } from './helpers/browser';
import { openFirstDetailPage, openPage, settle, settleNetwork } from './helpers/page';
import { useE2eEnv } from './helpers/suite';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

async function shoot(page: Page, name: string): Promise<void> {
  const path = await saveScreenshot(page, name);
  // A blank or broken page compresses to a few kB; a real page with text and a map is well above 10 kB.
  expect(statSync(path).size, `${path} size`).toBeGreaterThan(10_000);
}

/** The contract (docs/ui-contract.md): a button named exactly "English" on German pages, "Deutsch" on English ones. */
async function expectLanguageSwitch(page: Page, name: 'English' | 'Deutsch'): Promise<void> {
  const loose = page.getByRole('button', { name });
  await loose.first().waitFor({ timeout: 10_000 });
  const found = await loose.evaluateAll((buttons) =>
    buttons.map((b) => `"${b.getAttribute('aria-label') ?? b.textContent ?? ''}" (text "${b.textContent?.trim() ?? ''}")`),
  );
  expect(
    await page.getByRole('button', { name, exact: true }).count(),
    `a language switch button named exactly "${name}"; buttons mentioning it: ${found.join(', ')}`,
  ).toBe(1);
}

describe.skipIf(!browserAvailable)('screenshots (tests/artifacts)', { timeout: 120_000 }, () => {
  const env = useE2eEnv();

  it('search page desktop', async () => {
    const { page, close } = await openPage(env.browser, env.baseUrl, { viewport: DESKTOP });
    try {
      await page.goto('/?q=Nachhilfe');
      await settle(page);
      await shoot(page, 'search page desktop');
    } finally {
      await close();
    }
  });

  it('search page phone, list and map views', async () => {
    const { page, close } = await openPage(env.browser, env.baseUrl, { viewport: PHONE });
    try {
      await page.goto('/?q=Nachhilfe');
      // Phones may open in either view; the result count lives in the list view.
      await settleNetwork(page);
      const listButton = page.getByRole('button', { name: 'Liste', exact: true });
      const mapButton = page.getByRole('button', { name: 'Karte', exact: true });
      await listButton.click();
      await expect.poll(() => listButton.getAttribute('aria-pressed')).toBe('true');
      await settle(page);
      await shoot(page, 'search page phone list');
      await mapButton.click();
      await expect.poll(() => mapButton.getAttribute('aria-pressed')).toBe('true');
      const map = page.getByTestId('map');
      await map.waitFor({ state: 'visible' });
      await settleNetwork(page);
      await map.scrollIntoViewIfNeeded();
      await shoot(page, 'search page phone map');
    } finally {
      await close();
    }
  });

  it('detail page', async () => {
    const { page, close } = await openPage(env.browser, env.baseUrl, { viewport: DESKTOP });
    try {
      await openFirstDetailPage(page);
      await shoot(page, 'detail page');
    } finally {
      await close();
    }
  });

  it('English UI', async () => {
    const { page, close } = await openPage(env.browser, env.baseUrl, { viewport: DESKTOP, locale: 'en-GB' });
    try {
      await page.goto('/?ui=en&q=Nachhilfe');
      await settle(page);
      await shoot(page, 'search page english');
      expect(await page.evaluate(() => document.documentElement.lang), 'the page language').toBe('en');
      await page.getByRole('list', { name: 'Search results', exact: true }).waitFor();
    } finally {
      await close();
    }
  });

  it('offers the language switch under the names of the contract', async () => {
    const { page, close } = await openPage(env.browser, env.baseUrl, { viewport: DESKTOP });
    try {
      await page.goto('/');
      await settle(page);
      await expectLanguageSwitch(page, 'English');
      await page.goto('/?ui=en');
      await settle(page);
      await expectLanguageSwitch(page, 'Deutsch');
    } finally {
      await close();
    }
  });
});
