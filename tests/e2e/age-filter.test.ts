import { describe, expect, it } from 'vitest';
import { searchOfferings } from './helpers/api';
import { browserAvailable } from './helpers/browser';
import { cardData, openPage, resultCards, settle } from './helpers/page';
import { useE2eEnv } from './helpers/suite';

describe.skipIf(!browserAvailable)('search page › age of the child', { timeout: 120_000 }, () => {
  const env = useE2eEnv();

  it('lists only offerings whose age range contains the age, as many as the API finds for age=9', async () => {
    const { page, problems, close } = await openPage(env.browser, env.baseUrl);
    try {
      await page.goto('/');
      const before = await settle(page);

      await page.getByLabel('Alter des Kindes', { exact: true }).fill('9');
      await page.getByRole('button', { name: 'Suchen', exact: true }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('age'), { timeout: 15_000 }).toBe('9');
      const count = await settle(page);

      const api = await searchOfferings(env.baseUrl, 'age=9');
      expect(api.total, 'the fixture data should make the age filter narrow the results').toBeLessThan(before);
      expect(count, 'result count vs. GET /api/offerings?age=9').toBe(api.total);

      let cards = await cardData(page);
      expect(cards.length).toBeGreaterThan(0);
      const outside = (list: typeof cards) => list.filter((c) => !(c.minAge <= 9 && 9 <= c.maxAge));
      expect(outside(cards), 'cards whose data-min-age/data-max-age exclude 9').toEqual([]);

      // The next page must obey the filter as well.
      const more = page.getByRole('button', { name: 'Weitere Angebote laden', exact: true });
      if (count > cards.length && (await more.count()) > 0) {
        const shown = cards.length;
        await more.click();
        await expect.poll(() => resultCards(page).count(), { timeout: 15_000 }).toBeGreaterThan(shown);
        cards = await cardData(page);
        expect(outside(cards), 'cards after "Weitere Angebote laden" whose ages exclude 9').toEqual([]);
        expect(new Set(cards.map((c) => c.id)).size, 'no card twice after loading more').toBe(cards.length);
      }
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
