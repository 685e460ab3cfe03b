import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { locations } from '../../server/db/schema';
import { signIn } from '../helpers/accounts';
import { buildWorld, type World } from '../helpers/moderation-fixtures';
import { axeFindings } from './helpers/axe';
import { browserAvailable } from './helpers/browser';
import { saveScreenshot } from './helpers/artifacts';
import { hasVisibleFocus, type OpenedPage } from './helpers/page';
import { logIn, useWorkspaceEnv, withOpenPage } from './helpers/workspace';

// The workspace pages meet WCAG 2.1 A and AA as axe checks them, work with the keyboard alone, and explain a
// mistake next to its field in the interface language.

describe.skipIf(!browserAvailable)('workspace pages: accessibility', { timeout: 180_000 }, () => {
  const env = useWorkspaceEnv();
  let world: World;

  beforeAll(async () => {
    const { app } = env.server.testApp;
    world = buildWorld(app.db);
    // A provider's edit of a published entry becomes a revision the coordinator sees as a diff.
    const provider = await signIn(app, world.users.providerA.email, world.users.providerA.password);
    const edit = await provider.request('PATCH', `/api/manage/offerings/${world.A.published.id}`, { title: 'Veröffentlicht A, neu gefasst', maxAge: 12 });
    expect(edit.statusCode, edit.body).toBe(200);
  });

  /** A fresh page, signed in as `who` (or nobody), closed after `use`. */
  async function withPage(
    who: keyof World['users'] | null,
    use: (page: Page, opened: OpenedPage) => Promise<void>,
    viewport?: { width: number; height: number },
  ): Promise<void> {
    await withOpenPage(env, async (opened) => {
      if (who) await logIn(opened.page, world.users[who].email, world.users[who].password);
      await use(opened.page, opened);
    }, viewport ? { viewport } : {});
  }

  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

  it('finds nothing on the login and registration pages', async () => {
    await withPage(null, async (page) => {
      await page.goto('/konto/anmelden');
      await heading(page, 'Anmelden');
      expect(await axeFindings(page)).toEqual([]);
      await page.goto('/konto/registrieren');
      await heading(page, 'Als Anbieter registrieren');
      expect(await axeFindings(page)).toEqual([]);
    });
  });

  it('lets a provider log in with the keyboard alone, with a visible focus on every stop', async () => {
    await withPage(null, async (page) => {
      await page.goto('/konto/anmelden');
      await heading(page, 'Anmelden');
      const stops: string[] = [];
      const tabTo = async (accessibleName: RegExp) => {
        for (let i = 0; i < 12; i++) {
          await page.keyboard.press('Tab');
          const focus = await hasVisibleFocus(page);
          expect(focus.visible, `focus not visible: ${focus.describe}`).toBe(true);
          const name = await page.evaluate(() => {
            const el = document.activeElement as HTMLElement | null;
            return (el as HTMLInputElement | null)?.labels?.[0]?.textContent ?? el?.textContent ?? '';
          });
          stops.push(name.trim());
          if (accessibleName.test(name)) return;
        }
        throw new Error(`never reached ${accessibleName} with Tab; stops: ${stops.join(' | ')}`);
      };
      await tabTo(/^E-Mail-Adresse/);
      await page.keyboard.type(world.users.providerA.email);
      await tabTo(/^Passwort/);
      await page.keyboard.type(world.users.providerA.password);
      await tabTo(/^Anmelden$/);
      await page.keyboard.press('Enter');
      await page.waitForURL('**/anbieter');
      await heading(page, 'Meine Angebote');
    });
  });

  it('finds nothing on the dashboard, the organisation page and the account page', async () => {
    await withPage('providerA', async (page) => {
      await heading(page, 'Meine Angebote');
      await page.getByRole('heading', { level: 2, name: 'Entwurf A' }).waitFor();
      expect(await axeFindings(page)).toEqual([]);
      await page.goto('/anbieter/organisation');
      await page.getByRole('heading', { level: 2, name: 'Standorte' }).waitFor();
      // The members section loads on its own: checked once its list is there.
      await page.getByRole('region', { name: 'Mitglieder' }).getByRole('heading', { level: 3 }).first().waitFor();
      expect(await axeFindings(page)).toEqual([]);
      await page.goto('/konto');
      await heading(page, 'Mein Konto');
      expect(await axeFindings(page)).toEqual([]);
    });
  });

  it('finds nothing on the offering form, also while it shows mistakes', async () => {
    await withPage('providerA', async (page) => {
      await page.goto('/anbieter/angebote/neu');
      await heading(page, 'Neues Angebot');
      await page.getByRole('group', { name: /^Kategorien/ }).getByRole('checkbox').first().waitFor();
      expect(await axeFindings(page)).toEqual([]);
      await page.getByRole('button', { name: 'Speichern und zur Prüfung einreichen' }).click();
      const summary = page.getByRole('heading', { level: 2, name: /Bitte korrigieren Sie/ });
      await summary.waitFor();
      // Focus moves in an effect after the summary renders: wait for it rather than read it once.
      await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('ws-error-summary'))).toBe(true);
      expect(await axeFindings(page)).toEqual([]);
    });
  });

  it('says in German next to the field that the maximum age is below the minimum age', async () => {
    await withPage('providerA', async (page) => {
      await page.goto('/anbieter/angebote/neu');
      await page.getByLabel(/^Alter von/).fill('12');
      await page.getByLabel(/^Alter bis/).fill('8');
      await page.getByRole('button', { name: 'Als Entwurf speichern' }).click();
      const field = page.getByLabel(/^Alter bis/);
      await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
      const described = (await field.getAttribute('aria-describedby')) ?? '';
      const messages = await Promise.all(described.split(' ').map((id) => page.locator(`#${id}`).textContent()));
      expect(messages).toContain('Das Höchstalter darf nicht unter dem Mindestalter liegen.');
    });
  });

  it('says it in English with ?ui=en', async () => {
    await withPage('providerA', async (page) => {
      await page.goto('/anbieter/angebote/neu?ui=en');
      await heading(page, 'New offering');
      await page.getByLabel(/^Age from/).fill('12');
      await page.getByLabel(/^Age to/).fill('8');
      await page.getByRole('button', { name: 'Save as draft' }).click();
      const field = page.getByLabel(/^Age to/);
      await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
      const described = (await field.getAttribute('aria-describedby')) ?? '';
      const messages = await Promise.all(described.split(' ').map((id) => page.locator(`#${id}`).textContent()));
      expect(messages).toContain('The maximum age must not be below the minimum age.');
      // The language stays with every workspace link.
      const links = await page.getByRole('navigation', { name: 'Sections' }).getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links.every((href) => href?.endsWith('?ui=en'))).toBe(true);
    });
  });

  it('finds nothing on the import page with a dry-run report', async () => {
    await withPage('providerA', async (page) => {
      await page.goto('/anbieter/import');
      await heading(page, 'Angebote aus CSV-Datei');
      expect(await axeFindings(page)).toEqual([]);
      // The template's required columns, one good row and one whose ages are the wrong way round.
      const header = ['Titel', 'Kategorien', 'Art des Angebots', 'Übergangsphasen', 'Alter von', 'Alter bis', 'Sprachen', 'Kosten', 'Termine', 'Straße', 'PLZ', 'Ort'];
      const good = ['Leseclub am Nachmittag', 'Nachhilfe und Lernförderung', 'Non-formal', 'Grundschule', '6', '10', 'Deutsch', 'Kostenlos', 'montags 15 Uhr', 'Hauptstraße 1', '94209', 'Regen'];
      const bad = ['Falsche Altersangabe', ...good.slice(1, 4), '12', '8', ...good.slice(6)];
      const csv = [header, good, bad].map((cells) => cells.join(';')).join('\r\n');
      await page.getByLabel('CSV-Datei').setInputFiles({ name: 'angebote.csv', mimeType: 'text/csv', buffer: Buffer.from(`${csv}\r\n`, 'utf8') });
      await page.getByRole('button', { name: 'Probelauf starten' }).click();
      await page.getByRole('table', { name: /Was beim Speichern/ }).waitFor();
      const faulty = page.getByRole('row', { name: /Falsche Altersangabe/ });
      await faulty.getByText('Spalte „Alter bis“: Das Höchstalter darf nicht unter dem Mindestalter liegen.').waitFor();
      expect(await page.getByRole('button', { name: 'Alle Zeilen speichern' }).isDisabled()).toBe(true);
      expect(await axeFindings(page)).toEqual([]);
    });
  });

  it('finds nothing on the review queue and on both kinds of review page', async () => {
    await withPage('coordinator09276', async (page) => {
      await heading(page, 'Prüfliste');
      await page.getByRole('link', { name: 'Wartend A' }).waitFor();
      expect(await axeFindings(page)).toEqual([]);

      await page.getByRole('link', { name: 'Wartend A' }).click();
      await heading(page, 'Prüfen: Wartend A');
      await page.getByRole('table', { name: /Alle Angaben/ }).waitFor();
      expect(await axeFindings(page)).toEqual([]);

      await page.goto(`/koordination/pruefen/${world.A.published.id}`);
      await heading(page, 'Prüfen: Veröffentlicht A, neu gefasst');
      const diff = page.getByRole('table', { name: /Feld für Feld/ });
      await diff.getByRole('row', { name: /Titel Veröffentlicht A Veröffentlicht A, neu gefasst/ }).waitFor();
      await diff.getByRole('row', { name: /Alter bis 10 12/ }).waitFor();
      // A rejection needs a reason: the form says so next to the field.
      await page.getByRole('button', { name: 'Mit dieser Begründung ablehnen' }).click();
      await page.getByRole('heading', { level: 2, name: /Bitte korrigieren Sie/ }).waitFor();
      expect(await axeFindings(page)).toEqual([]);
    });
  });

  it('fits a phone screen (390 × 844) without sideways scrolling: dashboard, organisation, form with mistakes, diff', async () => {
    const phone = { width: 390, height: 844 };
    // Real sites have long names; the site list in the form must still fit the screen.
    env.server.testApp.app.db.update(locations)
      .set({ name: 'Kinder- und Jugendfreizeiteinrichtung „Haus der Begegnung“ am Stadtplatz, Eingang Hof' })
      .where(eq(locations.id, world.A.site.id)).run();
    const fits = async (page: Page, name: string) => {
      await saveScreenshot(page, `workspace phone ${name}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(phone.width);
    };
    await withPage('providerA', async (page) => {
      await heading(page, 'Meine Angebote');
      await page.getByRole('heading', { level: 2, name: 'Entwurf A' }).waitFor();
      await fits(page, 'dashboard');
      await page.goto('/anbieter/organisation');
      await page.getByRole('heading', { level: 2, name: 'Standorte' }).waitFor();
      await fits(page, 'organisation');
      await page.goto('/anbieter/angebote/neu');
      await heading(page, 'Neues Angebot');
      await page.getByRole('button', { name: 'Speichern und zur Prüfung einreichen' }).click();
      await page.getByRole('heading', { level: 2, name: /Bitte korrigieren Sie/ }).waitFor();
      await fits(page, 'offering form with mistakes');
    }, phone);
    await withPage('coordinator09276', async (page) => {
      await page.goto(`/koordination/pruefen/${world.A.published.id}`);
      await page.getByRole('table', { name: /Feld für Feld/ }).waitFor();
      await fits(page, 'review diff');
    }, phone);
  });

  it('finds nothing on the admin’s user page, also with a role change open', async () => {
    await withPage('admin', async (page) => {
      await page.goto('/admin/nutzer');
      await page.getByRole('table', { name: /Konten/ }).waitFor();
      expect(await axeFindings(page)).toEqual([]);
      await page.getByRole('button', { name: 'regen: Rolle und Region ändern' }).click();
      await page.getByRole('heading', { level: 3, name: 'Rolle und Region von regen' }).waitFor();
      expect(await axeFindings(page)).toEqual([]);
    });
  });

  it('finds nothing on an entry’s page with its steps, a confirmation question and its history', async () => {
    await withPage('providerA', async (page) => {
      await page.goto(`/anbieter/angebote/${world.A.published.id}`);
      await page.getByRole('region', { name: 'Verlauf' }).getByRole('listitem').first().waitFor();
      expect(await axeFindings(page)).toEqual([]);
      await page.getByRole('button', { name: 'Archivieren' }).click();
      await page.getByRole('button', { name: 'Ja, archivieren' }).waitFor();
      expect(await axeFindings(page)).toEqual([]);
    });
  });
});
