import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connection';
import { addOffering } from '../helpers/fixtures';
import { browserAvailable } from './helpers/browser';
import { openPage, settle } from './helpers/page';
import { useE2eEnv } from './helpers/suite';

const EVIL_TITLE = '<img src=x onerror="window.__xss=1">Lernhilfe <b>fett</b>';
// "Zeichensalat" is in no demo offering: searching for it finds exactly this one.
const EVIL_DESCRIPTION = 'Zeichensalat: <script>window.__xss=2</script> Ende der Beschreibung.';

declare global {
  interface Window {
    __xss?: unknown;
    __injected?: string[];
  }
}

/**
 * Records, from the first byte of every document, any element the markup would have created (an img with
 * src="x", a script or b element carrying the payload), even one that is removed again right after; with the
 * CSP blocking inline handlers, `window.__xss` alone would not notice HTML injected into the page.
 */
function watchForInjection(): void {
  window.__injected = [];
  const check = (node: Node) => {
    if (!(node instanceof Element)) return;
    const suspicious = [node, ...Array.from(node.querySelectorAll('*'))].filter(
      (el) =>
        (el.tagName === 'IMG' && el.getAttribute('src') === 'x') ||
        (el.tagName === 'SCRIPT' && (el.textContent ?? '').includes('__xss')) ||
        (el.tagName === 'B' && el.textContent === 'fett'),
    );
    for (const el of suspicious) window.__injected!.push(el.outerHTML.slice(0, 120));
  };
  new MutationObserver((records) => {
    for (const record of records) record.addedNodes.forEach(check);
  }).observe(document, { childList: true, subtree: true });
}

async function expectNothingRan(page: Page, where: string): Promise<void> {
  const state = await page.evaluate(() => ({
    xss: typeof window.__xss,
    injected: window.__injected ?? [],
    imgX: document.querySelectorAll('img[src="x"]').length,
  }));
  expect(state.xss, `window.__xss on ${where}`).toBe('undefined');
  expect(state.injected, `elements created from the offering's markup on ${where}`).toEqual([]);
  expect(state.imgX, `img[src="x"] on ${where}`).toBe(0);
}

describe.skipIf(!browserAvailable)('markup in offering texts', { timeout: 120_000 }, () => {
  let evilId = 0;
  const env = useE2eEnv({
    fill: (db: Db) => {
      evilId = addOffering(db, { title: EVIL_TITLE, description: EVIL_DESCRIPTION });
    },
  });

  it('is shown as text in the list, on the map and on the detail page, and never runs', async () => {
    const { page, problems, close } = await openPage(env.browser, env.baseUrl);
    await page.addInitScript(watchForInjection);
    try {
      await page.goto('/');
      await settle(page);
      await page.getByLabel('Suchbegriff', { exact: true }).fill('Zeichensalat');
      await page.getByRole('button', { name: 'Suchen', exact: true }).click();
      await settle(page);

      // The list card.
      const card = page.locator(`[data-testid="offering-card"][data-offering-id="${evilId}"]`);
      await card.waitFor({ state: 'attached', timeout: 15_000 });
      expect(await card.textContent()).toContain('<img src=x');
      expect(await card.textContent()).toContain('<b>fett</b>');
      await expectNothingRan(page, 'the result list');

      // The map: whatever it shows of the offering (a label, tooltip or popup) must be text. Its only point is
      // this offering; activating it may open the offering (then the detail page below is reached that way).
      await card.hover();
      const map = page.getByTestId('map');
      await map.waitFor({ state: 'visible' });
      const mapText = (await map.textContent()) ?? '';
      if (mapText.includes('Lernhilfe')) expect(mapText, 'the map shows the title, so literally').toContain('<img src=x');
      const markers = map.locator('.leaflet-marker-icon');
      if ((await markers.count()) === 1) {
        await markers.first().click();
        await page
          .waitForURL((url) => url.pathname === `/angebot/${evilId}`, { timeout: 5_000 })
          .catch(() => undefined); // what a point does is up to the UI; the detail page is visited below anyway
        if (!page.url().includes('/angebot/')) {
          const afterClick = (await map.textContent()) ?? '';
          if (afterClick.includes('Lernhilfe')) expect(afterClick, 'the map popup shows the title literally').toContain('<img src=x');
        }
      }
      await expectNothingRan(page, 'the map');

      // The detail page.
      if (new URL(page.url()).pathname !== `/angebot/${evilId}`) await page.goto(`/angebot/${evilId}`);
      const heading = page.getByRole('heading', { level: 1 });
      await expect.poll(() => heading.textContent(), { timeout: 15_000 }).toBe(EVIL_TITLE);
      const body = (await page.locator('body').textContent()) ?? '';
      expect(body, 'the description on the detail page').toContain('<script>window.__xss=2</script>');
      await expectNothingRan(page, 'the detail page');
      expect(problems, 'page errors and dialogs').toEqual([]);
    } finally {
      await close();
    }
  });

  it('breaks no rule of the Content-Security-Policy on the search page with its map and on a detail page', async () => {
    const { page, close } = await openPage(env.browser, env.baseUrl, { viewport: { width: 1280, height: 800 } });
    try {
      // Chrome reports CSP violations (an attempted eval, an inline script) as DevTools issues.
      const issues: string[] = [];
      const cdp = await page.context().newCDPSession(page);
      cdp.on('Audits.issueAdded', ({ issue }) => issues.push(JSON.stringify(issue).slice(0, 300)));
      await cdp.send('Audits.enable');
      await page.goto('/?region=08');
      await settle(page);
      await expect.poll(() => page.getByTestId('map').getAttribute('data-point-count'), { timeout: 15_000 }).not.toBeNull();
      await page.goto(`/angebot/${evilId}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(issues.filter((i) => i.includes('ContentSecurityPolicy')), 'CSP violations').toEqual([]);
    } finally {
      await close();
    }
  });
});
