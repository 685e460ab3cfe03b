import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createDemoAccounts, DEMO_COORDINATOR_EMAIL, type DemoAccounts } from '../../seed/demo-accounts';
import { createUser } from '../helpers/accounts';
import { axeFindings } from './helpers/axe';
import { saveScreenshot } from './helpers/artifacts';
import { browserAvailable } from './helpers/browser';
import { useE2eEnv } from './helpers/suite';
import { logIn, withOpenPage } from './helpers/workspace';

// The demo coordinator on the demo data, as after `npm start`: the generator plants entries made twice and
// parallel programmes in the coordinator's district (seed/demo/duplicates.ts). The coordinator tells the two
// kinds apart, reads why a group was formed, decides on one group and merges another.

const PATH = '/koordination/doppelstrukturen';

describe.skipIf(!browserAvailable)('workspace: duplicate structures', { timeout: 120_000 }, () => {
  const file = join(tmpdir(), `blk-demo-accounts-${process.pid}-${Date.now()}.txt`);
  let accounts: DemoAccounts | null = null;
  const env = useE2eEnv({
    demoCount: 1500,
    fill: (db) => {
      accounts = createDemoAccounts(db, file);
    },
  });
  afterAll(() => rmSync(file, { force: true }));

  const password = () => {
    const line = readFileSync(file, 'utf8').split('\n').find((l) => l.startsWith(`${DEMO_COORDINATOR_EMAIL}\t`));
    if (!line) throw new Error(`no password for ${DEMO_COORDINATOR_EMAIL} in ${file}`);
    return line.split('\t')[1]!;
  };
  const groups = (page: Page) => page.locator('[data-group-id]');
  const view = (page: Page, name: RegExp) => page.getByRole('navigation', { name: /^(Ansichten|Views)$/ }).getByRole('link', { name });

  /** Opens the page signed in as the demo coordinator and waits for the view's groups. */
  async function open(page: Page, query = ''): Promise<void> {
    await logIn(page, DEMO_COORDINATOR_EMAIL, password());
    await page.goto(`${PATH}${query}`);
    await page.getByRole('heading', { level: 1, name: query.includes('ui=en') ? 'Duplicate structures' : 'Doppelstrukturen' }).waitFor();
    await page.locator('.ws-count').waitFor();
  }

  async function decide(group: Locator, action: string, confirm: RegExp): Promise<void> {
    await group.getByRole('button', { name: action }).click();
    const form = group.locator('form');
    // The question takes the focus, next to its buttons.
    await expect.poll(() => form.evaluate((el) => el === document.activeElement)).toBe(true);
    await form.getByRole('button', { name: confirm }).click();
  }

  it('shows entries made twice and parallel offerings apart, each group with its score and reasons', async () => {
    await withOpenPage(env, async ({ page }) => {
      expect(accounts?.coordinator.regionPrefix).toMatch(/^\d{5}$/);
      await open(page);
      await expect.poll(() => view(page, /^Doppelt eingetragen/).getAttribute('aria-current')).toBe('page');
      await page.getByText('Vermutlich dasselbe Angebot zweimal eingetragen').waitFor();
      expect(await groups(page).count()).toBeGreaterThanOrEqual(2);
      const first = groups(page).first();
      expect(await first.getByText('Doppelt eingetragen', { exact: true }).count()).toBe(1);
      await first.getByText(/^Übereinstimmung \d+ % \((sehr hoch|hoch|mittel|gering)\)$/).waitFor();
      expect(await first.getByText('Gleiche Adresse.').count()).toBe(1);
      expect(await first.getByText(/^Titel zu \d+ % gleich \(Schreibweisen/).count()).toBe(1);
      await first.getByText('Vorschlag: behalten').waitFor();
      expect(await first.getByRole('button', { name: 'Zusammenführen …' }).count()).toBe(1);
      // Every entry's title leads to its correction page.
      const link = first.getByRole('heading', { level: 4 }).first().getByRole('link');
      expect(await link.getAttribute('href')).toMatch(/^\/koordination\/angebote\/\d+$/);
      expect(await axeFindings(page)).toEqual([]);
      await saveScreenshot(page, 'duplicates entered twice (desktop)', { fullPage: true });

      await view(page, /^Parallele Angebote/).click();
      await page.getByText('Verschiedene Träger bieten Ähnliches für dieselbe Zielgruppe in der Nähe an').waitFor();
      await expect.poll(() => groups(page).count()).toBeGreaterThanOrEqual(2);
      const parallel = groups(page).first();
      await parallel.getByText('Paralleles Angebot', { exact: true }).waitFor();
      await parallel.getByText(/^Überschneidung \d+ % /).waitFor();
      await parallel.getByText(/^\d+(,\d)? km voneinander entfernt\.$/).waitFor();
      await parallel.getByText(/^\d+ verschiedene Träger\.$/).waitFor();
      await parallel.getByText(/^Gemeinsames Alter: /).waitFor();
      // A coordination hint: nothing to merge.
      expect(await parallel.getByRole('button', { name: /Zusammenführen/ }).count()).toBe(0);
      expect(await axeFindings(page)).toEqual([]);
      await saveScreenshot(page, 'duplicates parallel offerings (desktop)', { fullPage: true });
    });
  });

  it('marks a parallel group "not a duplicate": it leaves the list for good, is listed as decided and can be taken back', async () => {
    await withOpenPage(env, async ({ page }) => {
      await open(page, '?ansicht=parallel');
      await expect.poll(() => groups(page).count()).toBeGreaterThanOrEqual(1);
      const group = groups(page).first();
      const id = await group.getAttribute('data-group-id');
      const before = await groups(page).count();
      await decide(group, 'Kein Duplikat', /^Als kein Duplikat vermerken$/);
      await page.getByRole('status').filter({ hasText: 'ist als kein Duplikat vermerkt' }).waitFor();
      await expect.poll(() => page.locator(`[data-group-id="${id}"]`).count()).toBe(0);
      expect(await groups(page).count()).toBe(before - 1);

      await page.reload();
      await page.locator('.ws-count').waitFor();
      expect(await page.locator(`[data-group-id="${id}"]`).count()).toBe(0);

      await view(page, /^Entschieden/).click();
      const decided = page.locator(`[data-group-id="${id}"]`);
      await decided.waitFor();
      await decided.getByText('Kein Duplikat', { exact: true }).waitFor();
      await decided.getByText(/Demo-Koordination am \d+\. \p{L}+ \d{4}/u).waitFor();
      expect(await axeFindings(page)).toEqual([]);
      await saveScreenshot(page, 'duplicates decided (desktop)', { fullPage: true });

      // Taken back, the group is open again.
      await decided.getByRole('button', { name: /rückgängig machen$/ }).click();
      await page.getByRole('status').filter({ hasText: 'ist zurückgenommen' }).waitFor();
      await expect.poll(() => decided.count()).toBe(0);
      await view(page, /^Parallele Angebote/).click();
      await page.locator(`[data-group-id="${id}"]`).waitFor();
    });
  });

  it('merges an entry made twice: the other entry is archived and gone from the public search', async () => {
    await withOpenPage(env, async ({ page }) => {
      await open(page);
      const group = groups(page).first();
      const ids = ((await group.getAttribute('data-group-id')) ?? '').replace(/^same_entry:/, '').split('-').map(Number);
      expect(ids.length).toBeGreaterThanOrEqual(2);
      await group.getByRole('button', { name: 'Zusammenführen …' }).click();
      const form = group.locator('form');
      // The suggestion is chosen; the question says which entries will be archived.
      const keepLabel = await form.getByRole('radio', { checked: true }).evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? '');
      expect(keepLabel).toContain('(Vorschlag)');
      await form.getByText('Die anderen Einträge werden archiviert').waitFor();
      expect(await axeFindings(page)).toEqual([]);
      await saveScreenshot(page, 'duplicates merge question (desktop)');

      const keptId = Number(await group.locator('.dup-member--keep').getAttribute('data-offering-id'));
      const archived = ids.filter((id) => id !== keptId);
      await form.getByRole('button', { name: /^Zusammenführen und 1 Eintrag archivieren$|^Zusammenführen und \d+ Einträge archivieren$/ }).click();
      await page.getByRole('status').filter({ hasText: /bleibt; (1 Eintrag ist|\d+ Einträge sind) archiviert/ }).waitFor();
      // The status message takes the focus from the button that went with the group.
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');

      for (const id of archived) {
        const detail = await fetch(`${env.baseUrl}/api/offerings/${id}`);
        expect(detail.status, `offering ${id}`).toBe(404);
      }
      const kept = await fetch(`${env.baseUrl}/api/offerings/${keptId}`);
      expect(kept.status).toBe(200);
    });
  });

  it('pages a long list: which groups of how many, the pager, the page in the URL, and after a decision the same page', async () => {
    await withOpenPage(env, async ({ page }) => {
      // One group a page (the server's bound allows it), so the district's few groups make a long list.
      await page.route(/\/api\/duplicates\?/, (route) => route.continue({ url: `${route.request().url()}&perPage=1` }));
      await open(page, '?ansicht=parallel');
      const range = page.locator('.ws-count');
      await expect.poll(() => range.textContent()).toMatch(/^Gruppe 1 von \d+$/);
      const total = Number((await range.textContent())!.replace(/^Gruppe 1 von /, '').replace('.', ''));
      expect(total).toBeGreaterThanOrEqual(2);
      const pager = page.getByRole('navigation', { name: 'Seiten' });
      await pager.getByText(`Seite 1 von ${total}`).waitFor();
      const first = await groups(page).first().getAttribute('data-group-id');

      await pager.getByRole('button', { name: 'Nächste Seite' }).click();
      await page.waitForURL((url) => url.searchParams.get('seite') === '2' && url.searchParams.get('ansicht') === 'parallel');
      await expect.poll(() => range.textContent()).toBe(`Gruppe 2 von ${total}`);
      // The new page is read from its start.
      await expect.poll(() => range.evaluate((el) => el === document.activeElement)).toBe(true);
      const second = await groups(page).first().getAttribute('data-group-id');
      expect(second).not.toBe(first);
      expect(await axeFindings(page)).toEqual([]);

      await page.reload();
      await expect.poll(() => range.textContent()).toBe(`Gruppe 2 von ${total}`);
      expect(await groups(page).first().getAttribute('data-group-id')).toBe(second);

      // Decided, the group leaves; the same page is asked again, or the last one when it was the last.
      await decide(groups(page).first(), 'Gewollt / abgestimmt', /^Als gewollt vermerken$/);
      await page.getByRole('status').filter({ hasText: 'ist als gewollt vermerkt' }).waitFor();
      if (total > 2) {
        await expect.poll(() => range.textContent()).toBe(`Gruppe 2 von ${total - 1}`);
        expect(new URL(page.url()).searchParams.get('seite')).toBe('2');
      } else {
        await expect.poll(() => range.textContent()).toBe('1 Gruppe');
        await page.waitForURL((url) => !url.searchParams.has('seite'));
      }
      await expect.poll(() => groups(page).first().getAttribute('data-group-id')).not.toBe(second);
    });
  });

  it('fits a phone screen, in English too', async () => {
    await withOpenPage(env, async ({ page }) => {
      await open(page, '?ui=en');
      await page.getByText('Probably the same offering entered twice').waitFor();
      expect(await view(page, /^Entered twice/).getAttribute('aria-current')).toBe('page');
      expect(await groups(page).count()).toBeGreaterThanOrEqual(1);
      await groups(page).first().getByText('Same address.').waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await axeFindings(page)).toEqual([]);
      await saveScreenshot(page, 'duplicates entered twice (phone)');
    }, { viewport: { width: 390, height: 844 } });
  });

  it('lets an admin choose the district', async () => {
    await withOpenPage(env, async ({ page }) => {
      const admin = createUser(env.server.testApp.app.db, { email: `admin-${Date.now()}@bildungsbuero.example`, role: 'admin' });
      await logIn(page, admin.email, admin.password);
      await page.goto(PATH);
      await page.getByText('Wählen Sie einen Landkreis oder eine kreisfreie Stadt').waitFor();
      await page.getByRole('combobox', { name: /^Landkreis oder kreisfreie Stadt/ }).fill('Region Hannover');
      await page.getByRole('option', { name: /^Region Hannover/ }).first().click();
      await page.waitForURL((url) => url.searchParams.get('region') === accounts?.coordinator.regionPrefix);
      await page.locator('.ws-count').waitFor();
      expect(await groups(page).count()).toBeGreaterThanOrEqual(1);
      expect(await axeFindings(page)).toEqual([]);
    });
  });
});
