import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Health } from '../../schema';
import { stableMeilisearch, type StableMeilisearch } from '../helpers/server-process';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { getJson, searchOfferings } from './helpers/api';
import { browserAvailable, launchBrowser, type E2eBrowser } from './helpers/browser';
import { openPage, resultCards, settle, settleNetwork } from './helpers/page';

// While Meilisearch is away the API answers searches from its own data and marks them `degraded`; the page
// says so in a quiet note next to the results, in list and map, and drops the note with the first answer
// that is not degraded. Everything is real: this file's own Meilisearch (stopped and started again at the
// same address, as tests/server/outbox-outage.test.ts does), SQLite, the built client and Chromium.

const PHONE = { width: 390, height: 844 };
const NOTE_DE =
  'Die Suche ist gerade eingeschränkt: Tippfehler werden nicht erkannt und die Ergebnisse können anders sortiert sein als sonst. Alle Filter gelten wie immer.';
const NOTE_EN =
  'Search is limited right now: typos are not recognised and the results may be in a different order. All filters apply as usual.';

const dir = mkdtempSync(join(tmpdir(), 'blk-degraded-note-'));
let meili: StableMeilisearch | undefined;
let testApp: TestApp | undefined;
let browser: E2eBrowser | undefined;
let baseUrl = '';

/** Waits until `check` holds; a failure names the last thing `check` threw. */
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = 'no';
  while (!(await check().catch((error: unknown) => ((last = error), false)))) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms (last: ${String(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Whether the API answers a search, and degraded or not (a 503 while its own text index is not ready is neither). */
const answersDegraded = async (degraded: boolean) => ((await searchOfferings(baseUrl, 'q=Nachhilfe&perPage=1')).degraded ?? false) === degraded;

async function stopMeilisearch(): Promise<void> {
  await meili!.stop();
  await until('searches answered degraded', () => answersDegraded(true));
}

async function startMeilisearch(): Promise<void> {
  await meili!.start();
  await until('searches answered by Meilisearch again', () => answersDegraded(false));
}

/** The note, found the way assistive technology finds it: a status with its text. */
const note = (page: Page, text: string | RegExp = /eingeschränkt|limited/) => page.getByRole('status').filter({ hasText: text });

/** Waits until the page has loaded the guidance chunk, which holds the note: only then does "no note" mean anything. */
const guidanceLoaded = (page: Page) =>
  page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => /\/search-guidance-[\w-]+\.js$/.test(entry.name)));

async function searchFor(page: Page, field: string, text: string): Promise<number> {
  await page.getByRole('combobox', { name: field, exact: true }).fill(text);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === text);
  return settle(page);
}

describe.skipIf(!browserAvailable)('search page › the note while the search is limited', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    const [started, launched] = await Promise.allSettled([
      (async () => {
        meili = await stableMeilisearch(join(dir, 'meili'));
        testApp = await startTestApp({
          demoCount: 300,
          // The outbox worker's warnings about the missing Meilisearch are expected here.
          env: { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, TILE_URL: 'none', LOG_LEVEL: 'error' },
        });
        await testApp.app.listen({ port: 0, host: '127.0.0.1' });
        baseUrl = `http://127.0.0.1:${(testApp.app.server.address() as AddressInfo).port}`;
        // Without its own text index the server answers 503 instead of a degraded answer: wait for it.
        await until('the fallback ready', async () => (await fetch(`${baseUrl}/api/health`).then((r) => r.json() as Promise<Health>)).fallback?.ready === true);
      })(),
      launchBrowser().then((b) => (browser = b)),
    ]);
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
    await meili?.close();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('shows the note with a degraded answer, in German and English, next to its results, and drops it with the next full answer', async () => {
    const { page, problems, close } = await openPage(browser!.browser, baseUrl);
    try {
      await page.goto('/?q=Nachhilfe');
      expect(await settle(page)).toBeGreaterThan(0);
      await guidanceLoaded(page);
      expect(await note(page).count(), 'no note while Meilisearch answers').toBe(0);

      await stopMeilisearch();
      try {
        const expected = await searchOfferings(baseUrl, 'q=Hausaufgabenhilfe&perPage=1');
        expect(expected.degraded).toBe(true);
        expect(await searchFor(page, 'Suchbegriff', 'Hausaufgabenhilfe')).toBe(expected.total);
        expect(await resultCards(page).count(), 'the results are still shown').toBeGreaterThan(0);
        await note(page).waitFor();
        expect(await note(page).textContent()).toBe(NOTE_DE);
        expect(await note(page).isVisible()).toBe(true);
        // A status, not an error: nothing on the page claims the search failed.
        expect(await page.getByRole('alert').count()).toBe(0);

        // The language switch keeps the answer; the note follows the language.
        await page.getByRole('button', { name: 'English', exact: true }).click();
        await note(page, NOTE_EN).waitFor();
        expect(await note(page).textContent()).toBe(NOTE_EN);
      } finally {
        await startMeilisearch();
      }

      expect(await searchFor(page, 'Search term', 'Ferien')).toBeGreaterThan(0);
      expect(await resultCards(page).count()).toBeGreaterThan(0);
      expect(await note(page).count(), 'no note once Meilisearch answers again').toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows the note on a phone in the full-screen map, between bar and map, and in the list', async () => {
    await stopMeilisearch();
    const { page, problems, close } = await openPage(browser!.browser, baseUrl, { viewport: PHONE });
    try {
      // Filters without words: the map's points need no text search, so the map shows them during the outage too.
      await page.goto('/?age=10&view=map');
      const map = page.locator('[data-testid="map"].leaflet-container');
      await map.waitFor();
      await settleNetwork(page);
      const shown = note(page, NOTE_DE);
      await shown.waitFor();
      expect(await shown.isVisible()).toBe(true);
      await expect.poll(async () => Number(await map.getAttribute('data-point-count'))).toBeGreaterThan(0);

      // The note sits under the bar and above the map, which still ends at the bottom of the screen.
      await expect
        .poll(async () => {
          const [bar, box, area] = await Promise.all([page.locator('#compact-bar').boundingBox(), shown.boundingBox(), map.boundingBox()]);
          return bar && box && area
            ? {
                underBar: box.y >= bar.y + bar.height - 1,
                aboveMap: box.y + box.height <= area.y + 1,
                onScreen: box.y >= 0 && box.y + box.height <= PHONE.height,
                mapToBottom: Math.abs(area.y + area.height - PHONE.height) <= 1,
              }
            : null;
        })
        .toEqual({ underBar: true, aboveMap: true, onScreen: true, mapToBottom: true });

      await page.getByRole('button', { name: 'Liste', exact: true }).click();
      await settle(page);
      expect(await resultCards(page).count()).toBeGreaterThan(0);
      expect(await shown.isVisible(), 'the note in the list view').toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await close();
      await startMeilisearch();
    }
  });
});
