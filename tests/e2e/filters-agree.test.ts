import { describe, expect, it } from 'vitest';
import { filterQueryOf, mapPoints, searchOfferings } from './helpers/api';
import { browserAvailable } from './helpers/browser';
import { checkboxFor, filterCheckboxes, openPage, settle, type CheckboxState } from './helpers/page';
import { useE2eEnv } from './helpers/suite';
import { FACET_OF_LEGEND, optionOf } from './helpers/taxonomy-labels';
import type { Page } from 'playwright-core';

/** The first unchecked option of a group that would still find something. */
async function pickOption(page: Page, group: string): Promise<CheckboxState> {
  const boxes = (await filterCheckboxes(page)).filter((b) => b.group === group);
  expect(boxes.length, `checkboxes in the fieldset "${group}"`).toBeGreaterThan(0);
  const box = boxes.find((b) => !b.checked && (b.count ?? 0) > 0);
  if (!box) throw new Error(`no option with a count > 0 in "${group}": ${JSON.stringify(boxes)}`);
  return box;
}

describe.skipIf(!browserAvailable)('search page › filters, counts and map agree', { timeout: 120_000 }, () => {
  const env = useE2eEnv();

  it('shows the same count in the status, on the map and in the labels as the API for the same query', async () => {
    const { page, problems, close } = await openPage(env.browser, env.baseUrl);
    try {
      await page.goto('/');
      await settle(page);

      const category = await pickOption(page, 'Kategorie');
      await checkboxFor(page, category).check();
      const afterCategory = await settle(page);
      // The label promised what choosing the option would give.
      expect(afterCategory, `count after choosing "${category.label} (${category.count})"`).toBe(category.count);

      const access = await pickOption(page, 'Barrierefreiheit');
      await checkboxFor(page, access).check();
      const count = await settle(page);
      expect(count, `count after also choosing "${access.label} (${access.count})"`).toBe(access.count);

      const query = filterQueryOf(page.url());
      const categoryId = optionOf('Kategorie', category.label)?.id;
      const accessId = optionOf('Barrierefreiheit', access.label)?.id;
      expect(query.getAll('category'), `URL ${page.url()}`).toContain(categoryId);
      expect(query.getAll('access'), `URL ${page.url()}`).toContain(accessId);

      const [api, points] = await Promise.all([searchOfferings(env.baseUrl, query), mapPoints(env.baseUrl, query)]);
      expect(count, `status vs. /api/offerings?${query}`).toBe(api.total);
      expect(points.total, 'the API disagrees with itself (offerings vs. map points)').toBe(api.total);
      const map = page.getByTestId('map');
      await expect
        .poll(() => map.getAttribute('data-point-count'), { timeout: 15_000 })
        .toBe(String(points.total));

      // Every option's count is the API's facet count for the query (missing in the facets = 0).
      const mismatches: string[] = [];
      const unknown: string[] = [];
      for (const box of await filterCheckboxes(page)) {
        if (!(box.group in FACET_OF_LEGEND)) continue;
        const option = optionOf(box.group, box.label);
        if (!option) {
          unknown.push(`${box.group}: ${box.label}`);
          continue;
        }
        if (box.count === null) continue; // e.g. "BuT-fähig" without a count
        const expected = api.facets[option.facet][option.id] ?? 0;
        if (box.count !== expected) mismatches.push(`${box.group}: ${box.label} shows ${box.count}, API says ${expected}`);
      }
      expect(unknown, 'checkbox labels that match no taxonomy label').toEqual([]);
      expect(mismatches, `label counts vs. /api/offerings?${query} facets`).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
