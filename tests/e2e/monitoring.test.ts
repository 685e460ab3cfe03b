import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { categories, type FiguresResponse, type GapsResponse, type MunicipalityOutlines } from '../../schema';
import { demoOrganisation } from '../../seed/demo-accounts';
import { createUser } from '../helpers/accounts';
import { getJson } from './helpers/api';
import { saveScreenshot } from './helpers/artifacts';
import { axeFindings } from './helpers/axe';
import { browserAvailable } from './helpers/browser';
import { logIn, useWorkspaceEnv, withOpenPage } from './helpers/workspace';

// The monitoring pages as the public and a coordinator use them: the gap map of a district with one area per
// municipality and a ranked table that says what GET /api/gaps says, the figures whose tables repeat
// GET /api/figures, and the report, which prints without the page's navigation. Numbers are read the way
// people read them (German formatting) and compared with the API's answer for the same query.

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** "1.234,5" → 1234.5; "≈ 12.345" → 12345; "keines"/"—" → null. */
function germanNumber(text: string): number | null {
  const cleaned = text.replace(/[≈\s\u202f\u00a0%]/g, '').replace(/\./g, '').replace(',', '.');
  return cleaned === '' || Number.isNaN(Number(cleaned)) ? null : Number(cleaned);
}

/** The ranked table's rows as the page shows them. */
async function rankedRows(page: Page, panel = 'a') {
  return page.locator(`[data-testid="gap-panel-${panel}"] [data-testid="gap-table"] tbody tr`).evaluateAll((rows) =>
    rows.map((row) => {
      const cells = Array.from(row.children).map((cell) => (cell.textContent ?? '').trim());
      return { key: row.getAttribute('data-key'), name: cells[1], population: cells[2], matching: cells[3], nearest: cells[5], served: cells[6] };
    }),
  );
}

/** Waits until a results area holds the answer to its current query (nothing is loading any more). */
async function settled(page: Page, selector = '.mon-results') {
  await page.locator(`${selector}[aria-busy="false"]`).first().waitFor();
  await expect.poll(() => page.locator('.mon-results[aria-busy="true"]').count()).toBe(0);
}

describe.skipIf(!browserAvailable)('monitoring pages: gaps, figures, report', { timeout: 120_000 }, () => {
  const env = useWorkspaceEnv();
  let district: string;
  const coordinator = { email: 'koordination-monitoring@test.example', password: 'ein langes Passwort für Tests' };

  beforeAll(() => {
    const { db } = env.server.testApp.app;
    // The demo data's showcase district: a Landkreis of many municipalities with the most offerings.
    const organisation = demoOrganisation(db);
    if (!organisation) throw new Error('no demo organisation: the demo data is empty');
    district = organisation.regionKey.slice(0, 5);
    createUser(db, { ...coordinator, role: 'coordinator', regionPrefix: district, displayName: 'Koordination Monitoring' });
  });

  const api = <T>(path: string) => getJson<T>(env.baseUrl, path);

  it('shows an anonymous visitor one area per municipality, the legend and the ranked list of GET /api/gaps', async () => {
    const [outlines, gaps] = await Promise.all([
      api<MunicipalityOutlines>(`/api/regions/${district}/municipalities`),
      api<GapsResponse>(`/api/gaps?region=${district}&thresholdKm=10`),
    ]);
    expect(outlines.features.length).toBeGreaterThan(1);
    await withOpenPage(env, async ({ page }) => {
      await page.goto(`/auswertung?region=${district}`);
      await page.getByRole('heading', { level: 1, name: 'Versorgungslücken' }).waitFor();
      await settled(page);
      // The region is named, not keyed.
      await expect.poll(() => page.getByRole('combobox', { name: /^Region/ }).inputValue()).toBe(gaps.region!.name);

      const map = page.getByTestId('gap-map');
      await expect.poll(() => map.getAttribute('data-area-count')).toBe(String(outlines.features.length));
      await expect.poll(() => map.locator('path.blk-area').count()).toBe(outlines.features.length);
      // Every area is classed as the API's distance says: nothing left grey for want of data.
      expect(await map.locator('path.blk-area[data-class="none"]').count()).toBe(gaps.municipalities.filter((m) => m.nearestKm === null).length);

      const legend = page.locator('.mon-legend');
      await expect.poll(() => legend.textContent()).toMatch(/repräsentativen Punkt der Gemeinde/);
      expect(await legend.locator('li').count()).toBe(5);

      const rows = await rankedRows(page);
      const expected = gaps.municipalities.slice(0, rows.length);
      expect(rows.length).toBe(Math.min(15, gaps.municipalities.length));
      expect(rows.map((r) => r.key)).toEqual(expected.map((m) => m.key));
      expect(rows.map((r) => r.name)).toEqual(expected.map((m) => m.name));
      // One decimal on the page, 0.01 km in the answer.
      rows.forEach((row, i) => {
        const km = expected[i]!.nearestKm;
        const shown = germanNumber(row.nearest ?? '');
        if (km === null) expect(row.nearest).toBe('keines');
        else expect(Math.abs(shown! - km)).toBeLessThanOrEqual(0.051);
      });
      expect(rows.map((r) => Number(r.matching))).toEqual(expected.map((m) => m.matching));
      expect(rows.map((r) => r.served)).toEqual(expected.map((m) => (m.served ? 'Ja' : 'Nein')));

      const summary = await page.locator('[data-testid="gap-panel-a"] .mon-facts').textContent();
      expect(summary).toContain(new Intl.NumberFormat('de-DE').format(gaps.summary.populationUnserved));

      // The exports of the current view: plain links with the page's own filters.
      for (const [name, type] of [['CSV-Datei (Tabelle)', 'text/csv'], ['GeoJSON-Datei (für GIS-Programme)', 'application/geo+json']] as const) {
        const href = await page.getByRole('link', { name }).getAttribute('href');
        expect(href).toMatch(new RegExp(`^/api/offerings\\.(csv|geojson)\\?region=${district}$`));
        const res = await fetch(`${env.baseUrl}${href}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toContain(type);
        await res.arrayBuffer();
      }

      expect(await axeFindings(page)).toEqual([]);
      await saveScreenshot(page, 'monitoring gaps (desktop)', { fullPage: true });
    }, { viewport: DESKTOP });
  });

  it('takes a coordinator to their own district, follows a new threshold in table and URL, and compares two target groups on a phone', async () => {
    await withOpenPage(env, async ({ page }) => {
      await logIn(page, coordinator.email, coordinator.password);
      await page.getByRole('navigation', { name: 'Bereiche' }).getByRole('link', { name: 'Lücken' }).click();
      await page.waitForURL((url) => url.pathname === '/auswertung' && url.searchParams.get('region') === district);
      await settled(page);

      const threshold = page.getByLabel('Entfernungsschwelle (km)');
      // A decimal comma, as German readers write it.
      await threshold.fill('12,5');
      await threshold.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('thresholdKm') === '12.5');
      await settled(page);
      await threshold.fill('25');
      await threshold.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('thresholdKm') === '25');
      await settled(page);
      const gaps = await api<GapsResponse>(`/api/gaps?region=${district}&thresholdKm=25`);
      const rows = await rankedRows(page);
      expect(rows.map((r) => r.key)).toEqual(gaps.municipalities.slice(0, rows.length).map((m) => m.key));
      expect(rows.map((r) => r.served)).toEqual(gaps.municipalities.slice(0, rows.length).map((m) => (m.served ? 'Ja' : 'Nein')));
      expect(await page.locator('.mon-legend').first().textContent()).toContain('über 25 bis 50 km');

      // A second target group: tutoring next to all offerings, stacked on a phone.
      await page.getByRole('button', { name: 'Zweite Zielgruppe vergleichen' }).click();
      await page.getByTestId('gap-panel-b').waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('b-heading');
      const second = page.getByTestId('gap-panel-b');
      await second.getByText('Zielgruppe eingrenzen').click();
      await second.getByRole('group', { name: 'Kategorie' }).getByRole('checkbox', { name: 'Nachhilfe und Lernförderung' }).check();
      await page.waitForURL((url) => url.searchParams.get('b.category') === 'tutoring');
      await settled(page);
      const tutoring = await api<GapsResponse>(`/api/gaps?region=${district}&thresholdKm=25&category=tutoring`);
      expect((await rankedRows(page, 'b')).map((r) => r.key)).toEqual(tutoring.municipalities.slice(0, 15).map((m) => m.key));
      await expect.poll(() => page.getByTestId('gap-map').count()).toBe(2);

      // Nothing scrolls sideways; wide tables scroll inside their own box.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      expect(await axeFindings(page)).toEqual([]);
      await saveScreenshot(page, 'monitoring gaps compared (phone)', { fullPage: true });
    }, { viewport: PHONE });
  });

  it('shows figures whose tables hold the numbers of GET /api/figures', async () => {
    const figures = await api<FiguresResponse>(`/api/figures?region=${district}`);
    const regionName = figures.sets[0]!.name;
    await withOpenPage(env, async ({ page }) => {
      // Without a region (nobody signed in), the page asks for one: picked by name from the suggestions.
      await page.goto('/auswertung/zahlen');
      await page.getByRole('heading', { level: 1, name: 'Zahlen für die Bildungskonferenz' }).waitFor();
      await page.getByText('Bitte wählen Sie eine Region').waitFor();
      await page.getByRole('combobox', { name: /^Region/ }).fill(regionName);
      await page.getByRole('option', { name: new RegExp(`^${regionName}`) }).first().click();
      await page.waitForURL((url) => url.searchParams.get('region') === district);
      await settled(page);
      expect(figures.sets.map((s) => s.scope)).toEqual(['region', 'state', 'country']);

      const totals = await page.getByTestId('figure-table-total').locator('tbody tr').evaluateAll((rows) =>
        rows.map((row) => [row.querySelector('th')?.textContent?.trim(), row.querySelector('td')?.textContent?.trim()]),
      );
      expect(totals).toEqual(figures.sets.map((s) => [s.name, new Intl.NumberFormat('de-DE').format(s.total)]));

      // Categories: one row per category counted anywhere, a count per area.
      const table = page.getByTestId('figure-table-categories');
      const cells = await table.locator('tbody tr').evaluateAll((rows) =>
        rows.map((row) => ({ id: row.getAttribute('data-row'), counts: Array.from(row.querySelectorAll('td[data-scope]')).map((td) => td.textContent?.trim()) })),
      );
      const counted = Object.keys(figures.sets[2]!.categories).filter((id) => figures.sets.some((s) => (s.categories as Record<string, number>)[id]! > 0));
      expect(cells.map((c) => c.id).sort()).toEqual(counted.sort());
      for (const row of cells) {
        expect(row.counts.map((n) => germanNumber(n ?? ''))).toEqual(figures.sets.map((s) => (s.categories as Record<string, number>)[row.id!] ?? 0));
      }
      // The free/BuT and "not confirmed" rows as well.
      const cost = await page.getByTestId('figure-table-cost').locator('td[data-scope]').allTextContents();
      expect(cost.map(germanNumber)).toEqual([...figures.sets.map((s) => s.free), ...figures.sets.map((s) => s.butEligible)]);
      const stale = await page.getByTestId('figure-table-stale').locator('td[data-scope]').allTextContents();
      expect(stale.map(germanNumber)).toEqual(figures.sets.map((s) => s.notConfirmed12Months));

      // Screen readers read the numbers once: the charts are hidden from them, the tables are not.
      expect(await page.locator('.mon-chart:not([aria-hidden="true"])').count()).toBe(0);
      expect(await axeFindings(page)).toEqual([]);
      await saveScreenshot(page, 'monitoring figures (desktop)', { fullPage: true });
    }, { viewport: DESKTOP });
    await withOpenPage(env, async ({ page }) => {
      await page.goto(`/auswertung/zahlen?region=${district}&ui=en`);
      await page.getByRole('heading', { level: 1, name: 'Figures for the education conference' }).waitFor();
      await settled(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await saveScreenshot(page, 'monitoring figures (phone, english)', { fullPage: true });
    }, { viewport: PHONE });
  });

  it('prints the report without navigation, with the map, the charts, the gap list and the second target group', async () => {
    // The category with the most offerings in the district, so the report has charts to print; holiday
    // programmes as the group to compare with.
    const all = await api<FiguresResponse>(`/api/figures?region=${district}`);
    const [category] = Object.entries(all.sets[0]!.categories).sort((a, b) => b[1] - a[1])[0]!;
    const second = category === 'holiday_programme' ? 'tutoring' : 'holiday_programme';
    await withOpenPage(env, async ({ page }) => {
      await page.goto(`/auswertung/bericht?region=${district}&category=${category}&compare=1&b.category=${second}`);
      const gaps = await api<GapsResponse>(`/api/gaps?region=${district}&thresholdKm=10&category=${category}`);
      const gapsB = await api<GapsResponse>(`/api/gaps?region=${district}&thresholdKm=10&category=${second}`);
      await page.getByRole('heading', { level: 1, name: `Bericht: ${gaps.region!.name}` }).waitFor();
      await settled(page);
      await expect.poll(() => page.locator('path.blk-area').count()).toBeGreaterThan(gaps.municipalities.length);
      const meta = await page.locator('.mon-report-meta').textContent();
      expect(meta).toContain(categories.find((c) => c.id === category)!.label.de);
      expect(meta).toContain(categories.find((c) => c.id === second)!.label.de);
      const secondSection = page.locator('.mon-report-second');
      await secondSection.getByRole('heading', { level: 2, name: `Im Vergleich: ${categories.find((c) => c.id === second)!.label.de}` }).waitFor();
      expect(await axeFindings(page)).toEqual([]);

      await page.emulateMedia({ media: 'print' });
      for (const hidden of ['.site-header', '.mon-subnav', '.site-footer']) {
        expect(await page.locator(hidden).first().isVisible(), `${hidden} printed`).toBe(false);
      }
      expect(await page.getByRole('button', { name: 'Drucken' }).isVisible()).toBe(false);
      expect(await page.getByTestId('gap-map').first().isVisible()).toBe(true);
      expect(await secondSection.getByTestId('gap-map').isVisible()).toBe(true);
      expect(await page.locator('.mon-chart').first().isVisible()).toBe(true);
      const rowKeys = (table: ReturnType<typeof page.locator>) =>
        table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));
      const unserved = gaps.municipalities.filter((m) => !m.served);
      if (unserved.length > 0) {
        expect(await rowKeys(page.getByTestId('gap-table').first())).toEqual(unserved.slice(0, 40).map((m) => m.key));
      }
      const unservedB = gapsB.municipalities.filter((m) => !m.served);
      if (unservedB.length > 0) {
        expect(await rowKeys(secondSection.getByTestId('gap-table'))).toEqual(unservedB.slice(0, 40).map((m) => m.key));
      }
      await saveScreenshot(page, 'monitoring report (print)', { fullPage: true });
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(pdf.byteLength).toBeGreaterThan(10_000);
    }, { viewport: DESKTOP });
  });
});
