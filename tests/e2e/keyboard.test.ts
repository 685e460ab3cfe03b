import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { filterQueryOf, offeringDetail } from './helpers/api';
import { browserAvailable } from './helpers/browser';
import { hasVisibleFocus, openPage, settle } from './helpers/page';
import { useE2eEnv } from './helpers/suite';

/** Presses Tab until `isTarget` holds for the focused element; fails after `max` presses. */
async function tabTo(page: Page, what: string, isTarget: () => boolean, max: number): Promise<number> {
  for (let presses = 0; presses <= max; presses++) {
    if (await page.evaluate(isTarget)) return presses;
    await page.keyboard.press('Tab');
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing');
  throw new Error(`${what} not reached with ${max} presses of Tab (focus is on ${focused})`);
}

async function expectVisibleFocus(page: Page, what: string): Promise<void> {
  const focus = await hasVisibleFocus(page);
  expect(focus.visible, `focus indicator on ${what}: ${focus.describe}`).toBe(true);
}

describe.skipIf(!browserAvailable)('search page › keyboard only', { timeout: 120_000 }, () => {
  const env = useE2eEnv();

  it('searches, reaches the first result and opens it with the keyboard, with a visible focus throughout', async () => {
    const { page, problems, close } = await openPage(env.browser, env.baseUrl);
    try {
      await page.goto('/');
      await settle(page);

      // From the top of the page to the search field, as someone without a mouse gets there.
      await tabTo(page, 'the search field', () => document.activeElement?.getAttribute('type') === 'search', 30);
      await expectVisibleFocus(page, 'the search field');
      await page.keyboard.type('Nachhilfe');
      await page.keyboard.press('Enter');
      await expect.poll(() => filterQueryOf(page.url()).get('q'), { timeout: 15_000 }).toBe('Nachhilfe');
      const count = await settle(page);
      expect(count, 'results for "Nachhilfe"').toBeGreaterThan(0);

      // Tab through filters (and whatever else lies between) to the first result's heading link.
      await tabTo(
        page,
        "the first result's link",
        () => {
          const first = document.querySelector('[data-testid="offering-card"]');
          const active = document.activeElement;
          return !!first && !!active && active.tagName === 'A' && first.contains(active) && !!active.closest('h1, h2, h3, h4, h5, h6');
        },
        400,
      );
      await expectVisibleFocus(page, "the first result's link");
      const { id, title } = await page.evaluate(() => ({
        id: document.activeElement?.closest('[data-testid="offering-card"]')?.getAttribute('data-offering-id') ?? '',
        title: document.activeElement?.textContent?.trim() ?? '',
      }));
      const offering = await offeringDetail(env.baseUrl, id);
      expect(title, 'link text of the first result').toBe(offering.title);

      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === `/angebot/${id}`, { timeout: 15_000 });
      const heading = page.getByRole('heading', { level: 1 });
      await expect.poll(() => heading.textContent(), { timeout: 15_000 }).toBe(offering.title);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
