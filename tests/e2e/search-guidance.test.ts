import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RegionMatch, SuggestResponse } from '../../schema';
import { filterQueryOf, getJson, searchOfferings } from './helpers/api';
import { saveScreenshot } from './helpers/artifacts';
import { axeFindings } from './helpers/axe';
import { browserAvailable } from './helpers/browser';
import { openPage, resultCards, settle } from './helpers/page';
import { useE2eEnv } from './helpers/suite';

const PHONE = { width: 390, height: 844 };

// Queries chosen from what the demo data holds: "Nachhilfe" is a frequent word of titles, the age and the
// cost are read from the words, "Zebraflausch" and "Xylofonquark" are in no offering.
const CHIP_QUERY = 'Nachhilfe Mathe für 9-Jährige kostenlos';
const PHONE_CHIP_QUERY = 'Nachhilfe für 9-Jährige in Zwiesel kostenlos';
const RELAXED_QUERY = 'Nachhilfe Zebraflausch';
const NOTHING_QUERY = 'Xylofonquark';

const search = (env: { baseUrl: string }, query: Record<string, string>) =>
  searchOfferings(env.baseUrl, new URLSearchParams({ ...query, perPage: '1' }));
const urlParam = (page: Page, name: string) => filterQueryOf(page.url()).get(name);
const searchField = (page: Page, name = 'Suchbegriff') => page.getByRole('combobox', { name, exact: true });

/** How the page names a region: districts with their type ("Landkreis Regen"), everything else by name. */
const regionLabel = (r: RegionMatch) => (r.level === 'kreis' && /kreis$/i.test(r.type) ? `${r.type} ${r.name}` : r.name);

describe.skipIf(!browserAvailable)('search page › search guidance', { timeout: 150_000 }, () => {
  const env = useE2eEnv();

  it('suggests while typing in the search field; Arrow down and Enter apply a category, Escape closes the list', async () => {
    const { page, problems, close } = await openPage(env.browser, env.baseUrl);
    try {
      await page.goto('/');
      await settle(page);
      const { suggestions } = await getJson<SuggestResponse>(env.baseUrl, '/api/suggest?q=Na&limit=8');
      const categoryIndex = suggestions.findIndex((s) => s.kind === 'category');
      expect(categoryIndex, 'a category among the suggestions for "Na"').toBeGreaterThanOrEqual(0);
      const category = suggestions[categoryIndex]!;
      if (category.kind !== 'category') throw new Error('unreachable');

      const field = searchField(page);
      await field.click();
      await page.keyboard.type('Na');
      const list = page.getByRole('listbox', { name: 'Vorschläge', exact: true });
      await list.waitFor({ state: 'visible' });
      await expect.poll(() => field.getAttribute('aria-expanded')).toBe('true');
      expect(await field.getAttribute('aria-controls')).toBe(await list.getAttribute('id'));
      await expect.poll(() => list.getByRole('option').count()).toBe(suggestions.length);

      await page.keyboard.press('Escape');
      await expect.poll(() => field.getAttribute('aria-expanded')).toBe('false');
      expect(await field.inputValue(), 'Escape closes the list, it does not clear the field').toBe('Na');
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => field.getAttribute('aria-expanded')).toBe('true');

      for (let i = 0; i <= categoryIndex; i++) await page.keyboard.press('ArrowDown');
      const option = list.getByRole('option').nth(categoryIndex);
      await expect.poll(() => option.getAttribute('aria-selected')).toBe('true');
      expect(await field.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
      expect(await option.textContent()).toContain(category.label.de);

      await page.keyboard.press('Enter');
      await expect.poll(() => urlParam(page, 'category'), { timeout: 15_000 }).toBe(category.id);
      expect(urlParam(page, 'q'), 'the typed letters only led to the category').toBeNull();
      expect(await field.inputValue()).toBe('');
      await expect.poll(() => field.getAttribute('aria-expanded')).toBe('false');
      expect(await settle(page)).toBe((await search(env, { category: category.id })).total);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('drops the highlighted suggestion when typing on, so Enter submits the typed text', async () => {
    const { page, problems, close } = await openPage(env.browser, env.baseUrl);
    try {
      await page.goto('/');
      await settle(page);
      const field = searchField(page);
      await field.click();
      await page.keyboard.type('Na');
      await page.getByRole('listbox', { name: 'Vorschläge', exact: true }).waitFor({ state: 'visible' });
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => field.getAttribute('aria-activedescendant')).not.toBeNull();
      // Enter right after the keystroke, before the suggestions for "Nac" can have arrived.
      await page.keyboard.type('c');
      expect(await field.getAttribute('aria-activedescendant')).toBeNull();
      await page.keyboard.press('Enter');
      await expect.poll(() => urlParam(page, 'q'), { timeout: 15_000 }).toBe('Nac');
      expect(urlParam(page, 'category')).toBeNull();
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('offers filters read from the words as chips; the age chip sets the age and takes its words out of the text', async () => {
    const answer = await search(env, { q: CHIP_QUERY });
    const ageChip = answer.chips.find((chip) => chip.kind === 'age');
    expect(ageChip, `an age chip for "${CHIP_QUERY}"`).toBeDefined();
    const { page, problems, close } = await openPage(env.browser, env.baseUrl);
    try {
      await page.goto(`/?q=${encodeURIComponent(CHIP_QUERY)}`);
      await settle(page);
      const group = page.getByRole('group', { name: 'Als Filter übernehmen?' });
      await group.waitFor();
      for (const chip of answer.chips) {
        await group.getByRole('button', { name: `Filter ${chip.label.de} anwenden`, exact: true }).waitFor();
      }
      await group.getByRole('button', { name: `Filter ${ageChip!.label.de} anwenden`, exact: true }).click();
      await expect.poll(() => urlParam(page, 'age'), { timeout: 15_000 }).toBe(String(ageChip!.apply.age));
      expect(urlParam(page, 'q')).toBe(ageChip!.remainingQ);
      expect(ageChip!.remainingQ).not.toContain('9-Jährige');
      expect(await settle(page)).toBe((await search(env, { q: ageChip!.remainingQ, age: String(ageChip!.apply.age) })).total);
      expect(await searchField(page).inputValue()).toBe(ageChip!.remainingQ);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('says which words matched when no offering has them all, and offers broader searches with counts when nothing matched', async () => {
    const relaxed = (await search(env, { q: RELAXED_QUERY })).relaxed;
    expect(relaxed, `"${RELAXED_QUERY}" is relaxed`).toBeDefined();
    const nothing = await search(env, { q: NOTHING_QUERY });
    expect(nothing.total).toBe(0);
    expect(nothing.alternatives?.length ?? 0, `alternatives for "${NOTHING_QUERY}"`).toBeGreaterThan(0);
    const withoutWords = nothing.alternatives!.find((a) => a.kind === 'without_words')!;

    const { page, problems, close } = await openPage(env.browser, env.baseUrl);
    try {
      await page.goto(`/?q=${encodeURIComponent(RELAXED_QUERY)}`);
      await settle(page);
      const message = `Keine Angebote enthalten alle Wörter – diese passen zu „${relaxed!.matched.join(' ')}“.`;
      await page.getByText(message).waitFor();
      await page.getByText(`Ohne: ${relaxed!.dropped.join(', ')}`).waitFor();

      await page.goto(`/?q=${encodeURIComponent(NOTHING_QUERY)}`);
      expect(await settle(page)).toBe(0);
      const list = page.getByRole('list', { name: 'So finden Sie mehr:' });
      await list.waitFor();
      expect(await list.getByRole('button').count()).toBe(nothing.alternatives!.length);
      const formatted = withoutWords.total.toLocaleString('de-DE');
      const button = list.getByRole('button', { name: `Ohne Suchwörter (${formatted} Angebote)`, exact: true });
      expect(await button.textContent()).toContain(`(${formatted})`);
      await page.getByRole('button', { name: 'Alle Filter zurücksetzen' }).waitFor();
      await button.click();
      await expect.poll(() => urlParam(page, 'q'), { timeout: 15_000 }).toBeNull();
      expect(await settle(page)).toBe(withoutWords.total);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('names a region from a link by its name, not its key', async () => {
    const [hit] = (await search(env, { q: 'Nachhilfe' })).hits;
    const district = await getJson<RegionMatch>(env.baseUrl, `/api/regions/${hit!.regionKey.slice(0, 5)}`);
    const { page, close } = await openPage(env.browser, env.baseUrl);
    try {
      await page.goto(`/?region=${district.key}`);
      await settle(page);
      const chip = page.getByRole('button', { name: `Filter entfernen: ${regionLabel(district)}`, exact: true });
      await chip.waitFor();
      await expect.poll(() => new URL(page.url()).searchParams.get('place')).toBe(regionLabel(district));
      expect(await page.getByLabel('Ort oder Postleitzahl', { exact: true }).inputValue()).toBe(regionLabel(district));
    } finally {
      await close();
    }
  });

  it('on a phone folds the form into one bar after a search, starts the results on the first screen and fills the screen with the map', async () => {
    const [hit] = (await search(env, { q: 'Nachhilfe' })).hits;
    const district = await getJson<RegionMatch>(env.baseUrl, `/api/regions/${hit!.regionKey.slice(0, 5)}`);
    const { page, problems, close } = await openPage(env.browser, env.baseUrl, { viewport: PHONE });
    try {
      await page.goto(`/?q=Nachhilfe&region=${district.key}&category=tutoring`);
      await settle(page);
      const bar = page.getByRole('button', { name: /^Suche ändern:/ });
      await bar.waitFor();
      await expect.poll(() => bar.textContent()).toContain(`Nachhilfe · ${regionLabel(district)} · 1 Filter`);
      expect(await bar.getAttribute('aria-expanded')).toBe('false');
      expect(await page.getByRole('search').isVisible(), 'the form is folded').toBe(false);
      const firstCard = await resultCards(page).first().boundingBox();
      expect(firstCard, 'a first result card').not.toBeNull();
      expect(firstCard!.y, 'the first result starts on the first screen').toBeLessThan(PHONE.height - 100);
      await saveScreenshot(page, 'search-phone-compact-bar');

      await bar.click();
      await expect.poll(() => page.getByRole('search').isVisible()).toBe(true);
      expect(await bar.getAttribute('aria-expanded')).toBe('true');
      await bar.click();
      await expect.poll(() => page.getByRole('search').isVisible()).toBe(false);

      const mapButton = page.getByRole('button', { name: 'Karte', exact: true });
      await mapButton.click();
      await expect.poll(() => mapButton.getAttribute('aria-pressed')).toBe('true');
      const map = page.getByTestId('map');
      await map.waitFor({ state: 'visible' });
      await expect
        .poll(async () => {
          const [box, barBox] = [await map.boundingBox(), await bar.boundingBox()];
          return box && barBox ? [Math.round(barBox.y), Math.round(box.y - (barBox.y + barBox.height)), Math.round(box.y + box.height)] : null;
        }, { timeout: 10_000 })
        .toEqual([0, 0, PHONE.height]);
      const listButton = page.getByRole('button', { name: 'Liste', exact: true });
      expect(await listButton.isVisible(), 'the list is one tap away').toBe(true);
      await page.waitForTimeout(500);
      await saveScreenshot(page, 'search-phone-map');
      await listButton.click();
      await resultCards(page).first().waitFor();

      // Searching from the opened form folds it away: the keyboard goes on at the bar, not at the page's start.
      await bar.click();
      const field = searchField(page);
      await field.fill('Musik');
      await field.press('Enter');
      await expect.poll(() => page.getByRole('search').isVisible()).toBe(false);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('compact-bar');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows chips and broader searches on a phone, in German and English (screenshots)', async () => {
    const { page, close } = await openPage(env.browser, env.baseUrl, { viewport: PHONE });
    try {
      await page.goto(`/?q=${encodeURIComponent(PHONE_CHIP_QUERY)}`);
      await settle(page);
      await page.getByRole('group', { name: 'Als Filter übernehmen?' }).waitFor();
      await saveScreenshot(page, 'search-phone-chips');

      // Near a real offering, within 5 km, with a rare accessibility feature: broader searches of several kinds.
      const [hit] = (await search(env, { q: 'Nachhilfe' })).hits;
      const narrow = { q: 'Nachhilfe', near: `${hit!.lat},${hit!.lng}`, radius: '5', access: 'hearing_loop' };
      const answer = await search(env, narrow);
      await page.goto(`/?${new URLSearchParams({ ...narrow, place: hit!.city })}`);
      await settle(page);
      if (answer.total === 0 && answer.alternatives?.length) {
        const list = page.getByRole('list', { name: 'So finden Sie mehr:' });
        await list.waitFor();
        expect(await list.getByRole('button').count()).toBe(answer.alternatives.length);
      }
      await saveScreenshot(page, 'search-phone-alternatives');

      await page.goto(`/?ui=en&q=${encodeURIComponent(PHONE_CHIP_QUERY)}`);
      await settle(page);
      const group = page.getByRole('group', { name: 'Use as filter?' });
      await group.waitFor();
      await group.getByRole('button', { name: 'Apply filter Age 9', exact: true }).waitFor();
      await page.getByText(/^No offering contains all the words – these match “/).waitFor();
      await saveScreenshot(page, 'search-phone-chips-english');
    } finally {
      await close();
    }
  });

  it('finds no axe violations with chips shown and suggestions open', async () => {
    const { page, close } = await openPage(env.browser, env.baseUrl);
    try {
      await page.goto(`/?q=${encodeURIComponent(CHIP_QUERY)}`);
      await settle(page);
      await page.getByRole('group', { name: 'Als Filter übernehmen?' }).waitFor();
      const field = searchField(page);
      await field.fill('');
      await field.click();
      await page.keyboard.type('Na');
      await page.getByRole('listbox', { name: 'Vorschläge', exact: true }).waitFor({ state: 'visible' });
      await page.keyboard.press('ArrowDown');
      expect(await axeFindings(page)).toEqual([]);
    } finally {
      await close();
    }
  });
});
