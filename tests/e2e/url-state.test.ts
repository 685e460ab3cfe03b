import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable } from './helpers/browser';
import { filterQueryOf } from './helpers/api';
import { checkboxFor, checkedFilters, filterCheckboxes, openPage, settle } from './helpers/page';
import { useE2eEnv } from './helpers/suite';

/** The filter part of the page's URL (the map position may legitimately differ between visits). */
const filtersIn = (page: Page) => filterQueryOf(page.url()).toString();

interface Snapshot {
  filters: string;
  checked: string[];
  count: number;
}

async function snapshot(page: Page): Promise<Snapshot> {
  const count = await settle(page);
  return { filters: filtersIn(page), checked: await checkedFilters(page), count };
}

/** Checks the first option with a count > 0 in the group and waits for the results. */
async function chooseFirst(page: Page, group: string): Promise<Snapshot> {
  const box = (await filterCheckboxes(page)).find((b) => b.group === group && !b.checked && (b.count ?? 0) > 0);
  if (!box) throw new Error(`no option with results in "${group}"`);
  const filtersBefore = filtersIn(page);
  await checkboxFor(page, box).check();
  await expect.poll(() => filtersIn(page), { timeout: 15_000 }).not.toBe(filtersBefore);
  return snapshot(page);
}

async function expectState(page: Page, expected: Snapshot, what: string): Promise<void> {
  await expect.poll(() => filtersIn(page), { timeout: 15_000 }).toBe(expected.filters);
  const now = await snapshot(page);
  expect(now.checked, `checked filters ${what}`).toEqual(expected.checked);
  expect(now.count, `result count ${what}`).toBe(expected.count);
}

describe.skipIf(!browserAvailable)('search page › state in the URL', { timeout: 150_000 }, () => {
  const env = useE2eEnv();

  it('restores filters and count after a reload, and earlier and later states through back and forward', async () => {
    const { page, problems, close } = await openPage(env.browser, env.baseUrl);
    try {
      await page.goto('/');
      const start = await snapshot(page);
      expect(start.checked).toEqual([]);

      const oneFilter = await chooseFirst(page, 'Kategorie');
      expect(oneFilter.checked).toHaveLength(1);
      const twoFilters = await chooseFirst(page, 'Barrierefreiheit');
      expect(twoFilters.checked).toHaveLength(2);
      expect(twoFilters.count).toBeLessThanOrEqual(oneFilter.count);

      await page.reload();
      await expectState(page, twoFilters, 'after a reload');

      await page.goBack();
      await expectState(page, oneFilter, 'after going back once');
      await page.goBack();
      await expectState(page, start, 'after going back twice');
      await page.goForward();
      await expectState(page, oneFilter, 'after going forward once');
      await page.goForward();
      await expectState(page, twoFilters, 'after going forward twice');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
