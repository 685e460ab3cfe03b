import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { offerings } from '../../server/db/schema';
import { signIn } from '../helpers/accounts';
import { buildWorld, type World } from '../helpers/moderation-fixtures';
import { browserAvailable } from './helpers/browser';
import { openPage } from './helpers/page';
import { logIn, useWorkspaceEnv } from './helpers/workspace';

// What a provider sees of their entries: each state in words, the reason of a rejection, an edit waiting for
// review, entries not confirmed for a year and the one click that confirms them; and what a coordinator's
// rejection and stale list look like from the other side.

describe.skipIf(!browserAvailable)('workspace: the provider’s dashboard and the coordinator’s lists', { timeout: 180_000 }, () => {
  const env = useWorkspaceEnv();
  let world: World;
  const REASON = 'Bitte die Zeiten genauer angeben (Wochentag und Uhrzeit).';

  beforeAll(async () => {
    const { app } = env.server.testApp;
    world = buildWorld(app.db);
    // The published entry was last confirmed more than a year ago; the pending one gets rejected.
    for (const id of [world.A.published.id, world.B.published.id]) {
      app.db.update(offerings).set({ lastConfirmedAt: '2024-03-01' }).where(eq(offerings.id, id)).run();
    }
    const coordinator = await signIn(app, world.users.coordinator09276.email, world.users.coordinator09276.password);
    const rejected = await coordinator.request('POST', `/api/review/offerings/${world.A.pending.id}/reject`, { reason: REASON });
    expect(rejected.statusCode, rejected.body).toBe(200);
  });

  it('shows every entry’s state as text, the rejection reason, and confirms a stale entry with one click', async () => {
    const { page, close, problems } = await openPage(env.browser, env.baseUrl);
    try {
      await logIn(page, world.users.providerA.email, world.users.providerA.password);
      const entry = (title: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: title }) });

      await entry('Entwurf A').getByText('Entwurf', { exact: true }).waitFor();
      await entry('Wartend A').getByText('Abgelehnt', { exact: true }).waitFor();
      await entry('Wartend A').getByText(`Abgelehnt: ${REASON}`).waitFor();
      const stale = entry('Veröffentlicht A');
      await stale.getByText('Veröffentlicht', { exact: true }).waitFor();
      await stale.getByText('Seit über 12 Monaten nicht bestätigt').waitFor();

      // "Still current": one click, and the entry is no longer stale.
      await stale.getByRole('button', { name: /noch aktuell/i }).click();
      await page.getByRole('status').filter({ hasText: '„Veröffentlicht A“ ist als aktuell bestätigt.' }).waitFor();
      await expect.poll(() => stale.getByText('Seit über 12 Monaten nicht bestätigt').count()).toBe(0);
      const row = env.server.testApp.app.db.select().from(offerings).where(eq(offerings.id, world.A.published.id)).get();
      expect(row?.lastConfirmedAt).toBe(new Date().toISOString().slice(0, 10));

      // An edit of the published entry waits for review; the dashboard says so.
      await stale.getByRole('link', { name: /bearbeiten/ }).click();
      await page.getByRole('heading', { level: 1, name: /Angebot bearbeiten/ }).waitFor();
      await page.getByLabel(/^Zeiten/).fill('mittwochs 14–16 Uhr');
      await page.getByRole('button', { name: 'Änderung zur Prüfung einreichen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Meine Angebote' }).waitFor();
      await entry('Veröffentlicht A').getByText('Änderung in Prüfung').waitFor();
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('lets the coordinator see the edit field by field and reject it with a reason the provider then reads', async () => {
    const { page, close, problems } = await openPage(env.browser, env.baseUrl);
    try {
      await logIn(page, world.users.coordinator09276.email, world.users.coordinator09276.password);
      await page.getByRole('link', { name: 'Veröffentlicht A' }).click();
      const diff = page.getByRole('table', { name: /Feld für Feld/ });
      await diff.getByRole('row', { name: 'Zeiten montags 15 Uhr mittwochs 14–16 Uhr' }).waitFor();

      // Without a reason the rejection is refused next to the field.
      await page.getByRole('button', { name: 'Mit dieser Begründung ablehnen' }).click();
      const reason = page.getByLabel(/^Begründung/);
      await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
      await reason.fill('Die alte Zeit stimmt laut Schule noch.');
      await page.getByRole('button', { name: 'Mit dieser Begründung ablehnen' }).click();
      await page.getByText('„Veröffentlicht A“ ist abgelehnt').waitFor();

      // The provider reads the reason on the entry's page.
      await page.getByRole('button', { name: 'Abmelden' }).click();
      await page.getByText('Sie sind abgemeldet.').waitFor();
      await logIn(page, world.users.providerA.email, world.users.providerA.password, `?next=${encodeURIComponent(`/anbieter/angebote/${world.A.published.id}`)}`);
      await page.getByText('Abgelehnt mit der Begründung: Die alte Zeit stimmt laut Schule noch.').waitFor();
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('imports a CSV file only after a dry run, and then all of it', async () => {
    const { page, close, problems } = await openPage(env.browser, env.baseUrl);
    try {
      await logIn(page, world.users.providerB.email, world.users.providerB.password);
      await page.getByRole('navigation', { name: 'Bereiche' }).getByRole('link', { name: 'CSV-Import' }).click();
      const header = ['Titel', 'Kategorien', 'Art des Angebots', 'Übergangsphasen', 'Alter von', 'Alter bis', 'Sprachen', 'Kosten', 'Termine', 'Straße', 'PLZ', 'Ort'];
      const row = (title: string) => [title, 'Hausaufgabenhilfe', 'Non-formal', 'Grundschule', '6', '10', 'Deutsch', 'Kostenlos', 'freitags 14 Uhr', 'Hauptstraße 1', '79098', 'Freiburg im Breisgau'];
      const csv = [header, row('Importiert eins'), row('Importiert zwei')].map((cells) => cells.join(';')).join('\r\n');
      await page.getByLabel('CSV-Datei').setInputFiles({ name: 'liste.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
      await page.getByRole('button', { name: 'Probelauf starten' }).click();
      const table = page.getByRole('table', { name: /Was beim Speichern/ });
      await table.getByRole('row', { name: /^2 Neu Importiert eins/ }).waitFor();
      await table.getByRole('row', { name: /^3 Neu Importiert zwei/ }).waitFor();
      // The dry run wrote nothing.
      const before = await page.request.get('/api/manage/offerings?q=Importiert');
      expect(((await before.json()) as { total: number }).total).toBe(0);

      await page.getByRole('button', { name: 'Alle Zeilen speichern' }).click();
      await page.getByText('Gespeichert: 2 neu angelegt, 0 geändert.').waitFor();
      await page.getByRole('link', { name: 'Zu meinen Angeboten' }).click();
      await page.getByRole('heading', { level: 2, name: 'Importiert zwei' }).waitFor();
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('lists the region’s stale entries for the coordinator, who corrects one directly', async () => {
    const { page, close, problems } = await openPage(env.browser, env.baseUrl);
    try {
      await logIn(page, world.users.coordinator08.email, world.users.coordinator08.password);
      await page.getByRole('navigation', { name: 'Bereiche' }).getByRole('link', { name: 'Nicht mehr bestätigt' }).click();
      const entry = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: 'Veröffentlicht B' }) });
      await entry.getByText(/Zuletzt bestätigt: 1\. März 2024/).waitFor();
      // Regen's entries are not in this coordinator's region.
      expect(await page.getByRole('heading', { name: 'Veröffentlicht A' }).count()).toBe(0);

      await entry.getByRole('link', { name: 'Veröffentlicht B korrigieren' }).click();
      await page.getByRole('heading', { level: 1, name: 'Angebot korrigieren' }).waitFor();
      await page.getByLabel(/^Zeiten/).fill('montags 15 Uhr, ab März 16 Uhr');
      await page.getByRole('button', { name: 'Korrektur speichern' }).click();
      await page.getByText('Die Korrektur an „Veröffentlicht B“ ist gespeichert.').waitFor();
      const row = env.server.testApp.app.db.select().from(offerings).where(eq(offerings.id, world.B.published.id)).get();
      expect(row?.schedule.text).toBe('montags 15 Uhr, ab März 16 Uhr');
      expect(row?.status).toBe('published');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
