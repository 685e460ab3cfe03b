import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MAX_PAGE, type OfferingsResponse } from '../../schema';
import { moreResults } from '../../web/src/state/more-results';
import { browserAvailable } from './helpers/browser';
import { openPage, resultCards, settle } from './helpers/page';
import { useE2eEnv } from './helpers/suite';

// The family page never hangs: what it loads can fail (the network drops, the server has a bad moment), and
// every part that failed says so and offers to try again. The server is real; only the answers named in each
// test are replaced in the browser, once, to make them fail.

/** Lets the first request `route` sees fail with `failure`, and every later one through to the server. */
function failOnce(failure: (route: Route) => Promise<void>): (route: Route) => Promise<void> {
  let failed = false;
  return async (route) => {
    if (failed) return route.continue();
    failed = true;
    return failure(route);
  };
}
const serverError = (route: Route) =>
  route.fulfill({ status: 500, json: { error: 'internal', message: 'Testfehler' } });
const isSearch = (url: URL) => url.pathname === '/api/offerings';

const facetCheckboxes = (page: Page) => page.locator('.facet-category input[type="checkbox"]');

describe('moreResults', () => {
  const answer = (page: number, total: number) => ({ page, total });

  it('offers another page while hits remain and the next page is one the API serves', () => {
    expect(moreResults(answer(1, 50_000), 20)).toBe('page');
    expect(moreResults(answer(MAX_PAGE - 1, 50_000), 20 * (MAX_PAGE - 1))).toBe('page');
  });

  it('offers no page past MAX_PAGE, but the note to narrow the search, when hits remain there', () => {
    expect(moreResults(answer(MAX_PAGE, 50_000), 20 * MAX_PAGE)).toBe('limit');
  });

  it('offers nothing once every hit is shown, or before the first answer', () => {
    expect(moreResults(answer(3, 45), 45)).toBe('none');
    expect(moreResults(answer(MAX_PAGE, 20 * MAX_PAGE), 20 * MAX_PAGE)).toBe('none');
    expect(moreResults(answer(1, 0), 0)).toBe('none');
    expect(moreResults(null, 0)).toBe('none');
  });
});

describe.skipIf(!browserAvailable)('search page › failures end in a retry, never in endless loading', { timeout: 120_000 }, () => {
  const env = useE2eEnv({ demoCount: 300 });

  it('shows a retry when the taxonomy does not arrive; retrying fills the filters', async () => {
    const { page, problems, close } = await openPage(env.browser, env.baseUrl);
    try {
      await page.route('**/api/taxonomy', failOnce((route) => route.abort('failed')));
      await page.goto('/');
      const alert = page.getByRole('alert').filter({ hasText: 'Ein Teil der Seite konnte nicht geladen werden.' });
      await alert.waitFor();
      expect(await facetCheckboxes(page).count(), 'filters without the taxonomy').toBe(0);
      // The search itself works without the taxonomy.
      expect(await settle(page)).toBeGreaterThan(0);

      await alert.getByRole('button', { name: 'Erneut versuchen' }).click();
      await expect.poll(() => facetCheckboxes(page).count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await alert.count(), 'the error is gone').toBe(0);
      expect(await resultCards(page).count()).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows a retry in the map when the client configuration fails; retrying builds the map (in English too)', async () => {
    const { page, problems, close } = await openPage(env.browser, env.baseUrl);
    try {
      await page.route('**/api/client-config', failOnce(serverError));
      await page.goto('/?ui=en');
      await settle(page);
      const column = page.locator('.map-column');
      const alert = column.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('Part of the page could not be loaded.');
      expect(await column.getByText('Loading the map …').count(), 'no endless "loading"').toBe(0);

      await alert.getByRole('button', { name: 'Try again' }).click();
      await page.locator('[data-testid="map"].leaflet-container').waitFor();
      expect(await column.getByRole('alert').count()).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows the search error with a retry next to the form when a search fails; retrying shows the results', async () => {
    const { page, problems, close } = await openPage(env.browser, env.baseUrl);
    try {
      await page.route(isSearch, failOnce(serverError));
      await page.goto('/');
      const alert = page.getByRole('alert').filter({ hasText: 'Die Suche ist gerade nicht möglich: Testfehler' });
      await alert.waitFor();
      // Neither "searching …" forever nor a missing form: the page can be used to search again.
      expect(await page.getByText('Suche läuft …').count()).toBe(0);
      expect(await page.getByRole('combobox', { name: 'Suchbegriff', exact: true }).isVisible()).toBe(true);

      await alert.getByRole('button', { name: 'Erneut versuchen' }).click();
      expect(await settle(page)).toBeGreaterThan(0);
      expect(await resultCards(page).count()).toBeGreaterThan(0);
      expect(await alert.count()).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows a retry when the offering page’s code does not arrive; retrying opens the offering', async () => {
    const { page, problems, close } = await openPage(env.browser, env.baseUrl);
    try {
      await page.goto('/');
      await settle(page);
      const href = (await resultCards(page).first().getByRole('link').first().getAttribute('href'))!;
      // Every request for the chunk fails until it is "back" (the bundler's preload asks for it too).
      let broken = true;
      await page.route(/\/assets\/detail-page-[\w-]+\.js$/, (route) => (broken ? route.abort('failed') : route.continue()));
      await page.goto(href);
      const alert = page.getByRole('alert').filter({ hasText: 'Ein Teil der Seite konnte nicht geladen werden.' });
      await alert.waitFor();
      expect(await page.getByText('Angebot wird geladen …').count(), 'no endless "loading"').toBe(0);

      broken = false;
      await alert.getByRole('button', { name: 'Erneut versuchen' }).click();
      await page.locator('.offering-detail h1').waitFor();
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('offers "load more" up to the last page the API serves, then the note to narrow the search instead', async () => {
    const { page, problems, close } = await openPage(env.browser, env.baseUrl);
    try {
      // The real answers, claiming a huge total; `lastPage` makes the first page claim to be page MAX_PAGE.
      let lastPage = false;
      await page.route(isSearch, async (route) => {
        const response = await route.fetch();
        const body = (await response.json()) as OfferingsResponse;
        await route.fulfill({ response, json: { ...body, total: 50_000, page: lastPage ? MAX_PAGE : body.page } });
      });
      const loadMore = page.getByRole('button', { name: 'Weitere Angebote laden' });
      const note = page.getByText(/^Die Liste zeigt höchstens [\d.]+ Angebote\. Grenzen Sie die Suche ein\.$/);

      await page.goto('/');
      await settle(page);
      await loadMore.waitFor();
      expect(await note.count()).toBe(0);
      await loadMore.click();
      await expect.poll(() => resultCards(page).count(), { timeout: 15_000 }).toBe(40);

      lastPage = true;
      await page.reload();
      await settle(page);
      await note.waitFor();
      expect(await loadMore.count(), '"load more" at the page limit').toBe(0);
      expect(await resultCards(page).count()).toBe(20);

      // The same in English.
      await page.goto('/?ui=en');
      await settle(page);
      await page.getByText('The list shows at most 20 offerings. Narrow the search.').waitFor();
      expect(await page.getByRole('button', { name: 'Load more offerings' }).count()).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
