import { describe, expect, it } from 'vitest';
import { mailDir } from '../../server/config';
import { createUser } from '../helpers/accounts';
import { browserAvailable } from './helpers/browser';
import { linkIn, waitForMail } from './helpers/mail';
import { cardData, openPage, settle } from './helpers/page';
import { logIn, uniqueWord, useWorkspaceEnv } from './helpers/workspace';

// The whole way of an entry, as the people involved click through it: a provider registers, confirms the
// address from the mail, describes the organisation, a site and an offering and submits it; the district's
// coordinator publishes it; a family finds it on the search page a few seconds later.

describe.skipIf(!browserAvailable)('workspace: from registration to the search page', { timeout: 240_000 }, () => {
  const env = useWorkspaceEnv();

  it('lets a new provider enter an offering that a coordinator publishes and families then find', async () => {
    const { page, close, problems } = await openPage(env.browser, env.baseUrl);
    const word = uniqueWord('Lesefuchs');
    const title = `${word} – Lesewerkstatt für Grundschulkinder`;
    const provider = { email: `anbieterin-${word.toLowerCase()}@verein.example`, password: 'ein langes Passwort für Tests' };
    try {
      // Register.
      await page.goto('/konto/registrieren');
      await page.getByLabel('Ihr Name').fill('Hanna Anbieterin');
      await page.getByLabel('E-Mail-Adresse').fill(provider.email);
      await page.getByLabel('Passwort').fill(provider.password);
      await page.getByRole('button', { name: 'Konto anlegen' }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Bitte prüfen Sie Ihr Postfach');

      // Confirm the address with the link from the mail.
      const mail = await waitForMail(mailDir(env.server.testApp.config), provider.email);
      await page.goto(linkIn(mail, '/konto/bestaetigen'));
      await page.getByText('Ihre E-Mail-Adresse ist bestätigt').waitFor();

      // Log in: a provider without an organisation is asked to create one.
      await logIn(page, provider.email, provider.password);
      expect(new URL(page.url()).pathname).toBe('/anbieter');
      await page.getByRole('link', { name: 'Organisation anlegen' }).click();

      // The organisation, seated in Regen (Landkreis Regen, 09276).
      await page.getByRole('heading', { level: 1, name: 'Organisation anlegen' }).waitFor();
      await page.getByLabel('Name der Organisation').fill(`Leseverein ${word}`);
      await page.getByLabel('Art der Organisation').selectOption({ label: 'Verein' });
      await page.getByRole('combobox', { name: /Sitz der Organisation/ }).fill('Regen');
      await page.getByRole('option', { name: /^Regen\b/ }).first().click();
      await page.getByRole('button', { name: 'Organisation anlegen' }).click();
      await page.getByText('Die Organisation ist gespeichert.').waitFor();

      // A site: the position is proposed from the postcode, and the pin moves with the arrow keys.
      await page.getByRole('link', { name: 'Standort hinzufügen' }).click();
      await page.getByLabel('Straße und Hausnummer').fill('Stadtplatz 1');
      await page.getByLabel('Postleitzahl').fill('94209');
      await page.getByLabel(/^Ort/).fill('Regen');
      await page.getByText(/Vorgeschlagen: Mitte von Regen/).waitFor();
      const lat = page.getByLabel(/^Breite/);
      const lng = page.getByLabel(/^Länge/);
      const proposed = [Number(await lat.inputValue()), Number(await lng.inputValue())] as const;
      expect(proposed[0]).toBeCloseTo(48.97, 1);
      expect(proposed[1]).toBeCloseTo(13.12, 1);
      const pin = page.getByRole('button', { name: /Position des Standorts/ });
      await pin.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(async () => Number(await lng.inputValue())).toBeGreaterThan(proposed[1]);
      await page.getByRole('button', { name: 'Standort speichern' }).click();
      await page.getByText('Der Standort ist gespeichert.').waitFor();
      // The list of sites reloads after the message: wait for it to show the site once.
      await expect.poll(() => page.getByRole('heading', { level: 3, name: 'Stadtplatz 1' }).count()).toBe(1);

      // The offering, submitted for review.
      await page.getByRole('navigation', { name: 'Bereiche' }).getByRole('link', { name: 'Neues Angebot' }).click();
      await page.getByLabel(/^Titel/).fill(title);
      await page.getByLabel(/^Standort/).selectOption({ index: 1 });
      await page.getByRole('group', { name: /^Kategorien/ }).getByLabel('Nachhilfe und Lernförderung').check();
      await page.getByLabel(/^Art des Angebots/).selectOption({ index: 1 });
      await page.getByRole('group', { name: /^Übergangsphasen/ }).getByLabel('Grundschule', { exact: true }).check();
      await page.getByLabel(/^Alter von/).fill('6');
      await page.getByLabel(/^Alter bis/).fill('10');
      await page.getByLabel(/^Zeiten/).fill('dienstags 15–17 Uhr, außer in den Ferien');
      await page.getByRole('button', { name: 'Speichern und zur Prüfung einreichen' }).click();
      await page.getByText(`„${title}“ ist zur Prüfung eingereicht.`).waitFor();
      const entry = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
      await expect.poll(() => entry.getByText('In Prüfung').count()).toBe(1);

      // Log out.
      await page.getByRole('button', { name: 'Abmelden' }).click();
      await page.getByText('Sie sind abgemeldet.').waitFor();

      // The coordinator of the district publishes it from the review queue.
      const coordinator = createUser(env.server.testApp.app.db, {
        email: `koordination-${word.toLowerCase()}@landkreis.example`,
        role: 'coordinator',
        regionPrefix: '09276',
        displayName: 'Kai Koordinator',
      });
      await logIn(page, coordinator.email, coordinator.password);
      expect(new URL(page.url()).pathname).toBe('/koordination');
      await page.getByRole('link', { name: title }).click();
      await page.getByRole('heading', { level: 1, name: `Prüfen: ${title}` }).waitFor();
      await page.getByRole('table', { name: /Alle Angaben/ }).getByRole('row', { name: /Übergangsphasen Grundschule/ }).waitFor();
      await page.getByRole('button', { name: 'Veröffentlichen' }).click();
      await page.getByText(`„${title}“ ist veröffentlicht.`).waitFor();

      // The family search finds it within seconds (the outbox worker indexes it).
      const deadline = Date.now() + 15_000;
      let titles: string[] = [];
      while (Date.now() < deadline) {
        await page.goto(`/?q=${encodeURIComponent(word)}`);
        await settle(page);
        titles = (await cardData(page)).map((card) => card.title);
        if (titles.includes(title)) break;
        await page.waitForTimeout(500);
      }
      expect(titles).toContain(title);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
