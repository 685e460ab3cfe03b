import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Site } from '../../schema';
import { offerings, type OfferingRow } from '../../server/db/schema';
import { staleCutoffs } from '../../server/services/offering-rules';
import { signIn } from '../helpers/accounts';
import { buildWorld, FREIBURG, offeringInput, type World } from '../helpers/moderation-fixtures';
import { browserAvailable } from './helpers/browser';
import { openPage } from './helpers/page';
import { logIn, useWorkspaceEnv } from './helpers/workspace';

// What a provider sees of their entries: each state in words, the reason of a rejection, an edit waiting for
// review, entries not confirmed for a year (or soon due) and the one click that confirms them; the steps on
// an entry's page and its history; and what a coordinator's rejection, stale list and a move to another site
// look like from the other side.

describe.skipIf(!browserAvailable)('workspace: the provider’s dashboard and the coordinator’s lists', { timeout: 180_000 }, () => {
  const env = useWorkspaceEnv();
  let world: World;
  let dueSoon: OfferingRow;
  const REASON = 'Bitte die Zeiten genauer angeben (Wochentag und Uhrzeit).';

  beforeAll(async () => {
    const { app } = env.server.testApp;
    world = buildWorld(app.db);
    // Confirmed just over 11 months ago: not stale yet, but due soon.
    dueSoon = app.db.insert(offerings).values({
      ...offeringInput(world.A.site.id, { title: 'Bald fällig A' }),
      providerId: world.A.organisation.id,
      status: 'published',
      lastConfirmedAt: staleCutoffs().stale,
    }).returning().get();
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
    // The list carries the reasons: the dashboard asks for no entry one by one.
    const singleEntryRequests: string[] = [];
    page.on('request', (request) => {
      if (/^\/api\/manage\/offerings\/\d+$/.test(new URL(request.url()).pathname)) singleEntryRequests.push(request.url());
    });
    try {
      await logIn(page, world.users.providerA.email, world.users.providerA.password);
      const entry = (title: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: title }) });

      await entry('Entwurf A').getByText('Entwurf', { exact: true }).waitFor();
      await entry('Wartend A').getByText('Abgelehnt', { exact: true }).waitFor();
      await entry('Wartend A').getByText(`Abgelehnt: ${REASON}`).waitFor();
      expect(singleEntryRequests).toEqual([]);
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
  it('marks entries due for confirmation within the month, lists them on their own and confirms them with one click', async () => {
    const { page, close, problems } = await openPage(env.browser, env.baseUrl);
    try {
      await logIn(page, world.users.providerA.email, world.users.providerA.password);
      await page.getByLabel('Anzeigen').selectOption({ label: 'Bald zu bestätigen' });
      await page.getByText('1 Eintrag', { exact: true }).waitFor();
      const entry = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: 'Bald fällig A' }) });
      await entry.getByText('Bald zu bestätigen', { exact: true }).waitFor();
      expect(await entry.getByText('Seit über 12 Monaten nicht bestätigt').count()).toBe(0);

      await entry.getByRole('button', { name: 'Bald fällig A ist noch aktuell' }).click();
      await page.getByRole('status').filter({ hasText: '„Bald fällig A“ ist als aktuell bestätigt.' }).waitFor();
      await expect.poll(() => entry.getByText('Bald zu bestätigen', { exact: true }).count()).toBe(0);
      const row = env.server.testApp.app.db.select().from(offerings).where(eq(offerings.id, dueSoon.id)).get();
      expect(row?.lastConfirmedAt).toBe(new Date().toISOString().slice(0, 10));

      // In English the mark says the same.
      env.server.testApp.app.db.update(offerings).set({ lastConfirmedAt: staleCutoffs().stale }).where(eq(offerings.id, dueSoon.id)).run();
      await page.goto('/anbieter?ui=en');
      const english = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: 'Bald fällig A' }) });
      await english.getByText('Confirm soon', { exact: true }).waitFor();
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('withdraws an entry from review, deletes a draft only after asking, archives, and shows the history by role', async () => {
    const { page, close, problems } = await openPage(env.browser, env.baseUrl);
    const db = env.server.testApp.app.db;
    const statusOf = (id: number) => db.select().from(offerings).where(eq(offerings.id, id)).get()?.status;
    try {
      await logIn(page, world.users.providerB.email, world.users.providerB.password);
      await page.goto(`/anbieter/angebote/${world.B.pending.id}`);
      await page.getByRole('heading', { level: 1, name: /Wartend B/ }).waitFor();
      await page.getByRole('button', { name: 'Aus der Prüfung zurückziehen' }).click();
      await page.getByText('„Wartend B“ ist aus der Prüfung zurückgezogen.').waitFor();
      expect(statusOf(world.B.pending.id)).toBe('draft');
      // Now a draft: the form offers to submit it again, and the history names the step and the role.
      await page.getByRole('button', { name: 'Speichern und zur Prüfung einreichen' }).waitFor();
      const history = page.getByRole('region', { name: 'Verlauf' });
      const withdrawn = history.getByRole('listitem').filter({ hasText: 'Aus der Prüfung zurückgezogen (Anbieter)' });
      await withdrawn.getByText('Felder: Status').waitFor();
      expect(await history.textContent()).not.toContain('anbieter-b');

      // Deleting asks first; "cancel" keeps the draft.
      await page.getByRole('button', { name: 'Entwurf löschen' }).click();
      const question = page.getByRole('group', { name: /endgültig löschen\?/ });
      await question.waitFor();
      // Focus moves in an effect after the question renders: wait for it rather than read it once.
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby'))).toBe('confirm-question');
      await question.getByRole('button', { name: 'Abbrechen' }).click();
      await expect.poll(() => question.count()).toBe(0);
      expect(statusOf(world.B.pending.id)).toBe('draft');
      await page.getByRole('button', { name: 'Entwurf löschen' }).click();
      await page.getByRole('button', { name: 'Ja, endgültig löschen' }).click();
      await page.getByText('Der Entwurf „Wartend B“ ist gelöscht.').waitFor();
      expect(statusOf(world.B.pending.id)).toBeUndefined();

      // Archiving asks too.
      await page.goto(`/anbieter/angebote/${world.B.draft.id}`);
      await page.getByRole('heading', { level: 1, name: /Entwurf B/ }).waitFor();
      await page.getByRole('button', { name: 'Archivieren' }).click();
      await page.getByRole('button', { name: 'Ja, archivieren' }).click();
      await page.getByText('„Entwurf B“ ist archiviert.').waitFor();
      expect(statusOf(world.B.draft.id)).toBe('archived');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('withdraws a pending change of a published entry; the published version stays', async () => {
    const { app } = env.server.testApp;
    const provider = await signIn(app, world.users.providerB.email, world.users.providerB.password);
    const edit = await provider.request('PATCH', `/api/manage/offerings/${world.B.published.id}`, { maxAge: 14 });
    expect(edit.statusCode, edit.body).toBe(200);
    const { page, close, problems } = await openPage(env.browser, env.baseUrl);
    try {
      await logIn(page, world.users.providerB.email, world.users.providerB.password, `?next=${encodeURIComponent(`/anbieter/angebote/${world.B.published.id}`)}`);
      await page.getByText('Ihre Änderung wartet auf Prüfung.', { exact: false }).waitFor();
      await page.getByRole('button', { name: 'Änderung zurückziehen' }).click();
      await page.getByText('Die Änderung an „Veröffentlicht B“ ist zurückgezogen.').waitFor();
      await expect.poll(() => page.getByText('Ihre Änderung wartet auf Prüfung.', { exact: false }).count()).toBe(0);
      // The form starts again from the published version.
      await expect.poll(() => page.getByLabel(/^Alter bis/).inputValue()).toBe('10');
      await page.getByRole('region', { name: 'Verlauf' }).getByText('Änderung zurückgezogen (Anbieter)').waitFor();
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows the coordinator the address a revision moves the entry to, not a number', async () => {
    const { app } = env.server.testApp;
    const moving = app.db.insert(offerings).values({
      ...offeringInput(world.A.site.id, { title: 'Umzug A' }), providerId: world.A.organisation.id, status: 'published', lastConfirmedAt: '2026-01-15',
    }).returning().get();
    const provider = await signIn(app, world.users.providerA.email, world.users.providerA.password);
    const created = await provider.request('POST', `/api/organisations/${world.A.organisation.id}/sites`, { street: 'Kaiser-Joseph-Straße 1', postcode: FREIBURG.postcode, city: FREIBURG.city });
    expect(created.statusCode, created.body).toBe(201);
    const site = created.json() as Site;
    const moved = await provider.request('PATCH', `/api/manage/offerings/${moving.id}`, { locationId: site.id });
    expect(moved.statusCode, moved.body).toBe(200);

    const { page, close, problems } = await openPage(env.browser, env.baseUrl);
    try {
      await logIn(page, world.users.admin.email, world.users.admin.password, `?next=${encodeURIComponent(`/koordination/pruefen/${moving.id}`)}`);
      await page.getByRole('heading', { level: 1, name: 'Prüfen: Umzug A' }).waitFor();
      const diff = page.getByRole('table', { name: /Feld für Feld/ });
      const row = diff.getByRole('row', { name: /^Standort/ });
      await row.getByRole('cell', { name: 'Hauptstraße 1, 94209 Regen' }).waitFor();
      await row.getByRole('cell', { name: /^Kaiser-Joseph-Straße 1, 79098 Freiburg im Breisgau \(Freiburg/ }).waitFor();
      expect(await diff.textContent()).not.toContain(`#${site.id}`);
      await page.getByText(/^Kaiser-Joseph-Straße 1, 79098 Freiburg im Breisgau \(Freiburg/).first().waitFor();
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
