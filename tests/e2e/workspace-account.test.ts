import { beforeAll, describe, expect, it } from 'vitest';
import { mailDir } from '../../server/config';
import { findUserById } from '../../server/repos/users-repo';
import { signIn } from '../helpers/accounts';
import { buildWorld, type World } from '../helpers/moderation-fixtures';
import { browserAvailable } from './helpers/browser';
import { linkIn, waitForMail } from './helpers/mail';
import type { OpenedPage } from './helpers/page';
import { logIn, useWorkspaceEnv, withOpenPage } from './helpers/workspace';

// The account pages around the work itself: a forgotten password, throttled logins, an admin's invitation of
// a coordinator and change of a role, and leaving for good.

describe.skipIf(!browserAvailable)('workspace: accounts', { timeout: 180_000 }, () => {
  const env = useWorkspaceEnv();
  let world: World;
  const mails = () => mailDir(env.server.testApp.config);

  beforeAll(() => {
    world = buildWorld(env.server.testApp.app.db);
  });

  const withPage = (use: (opened: OpenedPage) => Promise<void>) => withOpenPage(env, use);

  it('sets a new password through the link in the mail', async () => {
    await withPage(async ({ page }) => {
      const user = world.users.providerB;
      await page.goto('/konto/anmelden');
      await page.getByRole('link', { name: 'Passwort vergessen?' }).click();
      await page.getByLabel(/^E-Mail-Adresse/).fill(user.email);
      await page.getByRole('button', { name: 'Link senden' }).click();
      await page.getByText(/Wenn es ein Konto mit dieser Adresse gibt/).waitFor();

      const mail = await waitForMail(mails(), user.email);
      await page.goto(linkIn(mail, '/konto/passwort-neu'));
      await page.getByLabel(/^Neues Passwort/).fill('kurz');
      await page.getByRole('button', { name: 'Passwort speichern' }).click();
      await page.getByText('Mindestens 10 Zeichen.', { exact: true }).waitFor();
      await page.getByLabel(/^Neues Passwort/).fill('ein ganz neues langes Passwort');
      await page.getByRole('button', { name: 'Passwort speichern' }).click();
      await page.getByText('Ihr Passwort ist geändert.', { exact: false }).waitFor();

      await logIn(page, user.email, 'ein ganz neues langes Passwort');
      await page.getByRole('heading', { level: 1, name: 'Meine Angebote' }).waitFor();
    });
  });

  it('says how long to wait after too many wrong passwords', async () => {
    await withPage(async ({ page }) => {
      await page.goto('/konto/anmelden');
      const alert = page.getByRole('heading', { level: 2, name: /Bitte korrigieren Sie/ });
      let text = '';
      for (let attempt = 1; attempt <= 8 && !/Zu viele/.test(text); attempt++) {
        await page.getByLabel(/^E-Mail-Adresse/).fill(world.users.providerAUnverified.email);
        await page.getByLabel(/^Passwort/).fill(`falsch-${attempt}`);
        await page.getByRole('button', { name: 'Anmelden' }).click();
        await alert.waitFor();
        await expect.poll(() => page.locator('.ws-error-summary li').allTextContents()).not.toEqual([]);
        text = (await page.locator('.ws-error-summary li').allTextContents()).join(' ');
        if (attempt === 1) expect(text).toContain('E-Mail-Adresse oder Passwort stimmen nicht.');
      }
      expect(text).toMatch(/Zu viele Anmeldeversuche\. Bitte warten Sie \d+ (Minuten|Sekunden|Minute)/);
    });
  });

  it('lets an admin invite a coordinator, who sets a password and reaches the review queue', async () => {
    await withPage(async ({ page }) => {
      await logIn(page, world.users.admin.email, world.users.admin.password);
      expect(new URL(page.url()).pathname).toBe('/admin/nutzer');
      const email = 'neue-koordination@landkreis.example';
      await page.getByLabel(/^Name/).fill('Nora Neu');
      await page.getByLabel(/^E-Mail-Adresse/).fill(email);
      await page.getByLabel(/^Rolle/).selectOption('coordinator');
      await page.getByRole('combobox', { name: /^Region/ }).fill('09276');
      await page.getByRole('button', { name: 'Einladen' }).click();
      await page.getByText('Nora Neu ist eingeladen.').waitFor();
      await page.getByRole('row', { name: /Nora Neu .* Koordination 09276/ }).waitFor();
      await page.getByRole('button', { name: 'Abmelden' }).click();
      await page.getByText('Sie sind abgemeldet.').waitFor();

      const mail = await waitForMail(mails(), email);
      await page.goto(linkIn(mail, '/konto/passwort-neu'));
      await page.getByLabel(/^Neues Passwort/).fill('koordinieren ist schön');
      await page.getByRole('button', { name: 'Passwort speichern' }).click();
      await page.getByText('Ihr Passwort ist geändert.', { exact: false }).waitFor();
      await logIn(page, email, 'koordinieren ist schön');
      await page.getByRole('heading', { level: 1, name: 'Prüfliste' }).waitFor();
    });
  });

  it('lets an admin change a coordinator’s region, saying that this signs them out everywhere', async () => {
    const { app } = env.server.testApp;
    const coordinator = await signIn(app, world.users.coordinator08.email, world.users.coordinator08.password);
    expect((await coordinator.request('GET', '/api/me')).statusCode).toBe(200);
    await withPage(async ({ page }) => {
      await logIn(page, world.users.admin.email, world.users.admin.password);
      await page.getByRole('button', { name: 'bw: Rolle und Region ändern' }).click();
      const heading = page.getByRole('heading', { level: 3, name: 'Rolle und Region von bw' });
      await heading.waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('edit-user-title');
      await page.getByText('Nach dem Speichern wird die Person auf allen Geräten abgemeldet', { exact: false }).waitFor();
      const region = page.getByRole('combobox', { name: /^Region/ }).last();
      await expect.poll(() => region.inputValue()).toBe('08');
      // A coordinator without a region is refused next to the field, before anything is sent.
      await region.fill('');
      await page.getByRole('button', { name: 'Rolle speichern' }).click();
      await expect.poll(() => region.getAttribute('aria-invalid')).toBe('true');
      await region.fill('09');
      await page.getByRole('button', { name: 'Rolle speichern' }).click();
      await page.getByText('Die Rolle von bw ist geändert; die Person ist überall abgemeldet.').waitFor();
      await page.getByRole('row', { name: /^bw .* Koordination 09 / }).waitFor();
    });
    expect(findUserById(app.db, world.users.coordinator08.id)?.regionPrefix).toBe('09');
    expect((await coordinator.request('GET', '/api/me')).statusCode).toBe(401);
  });

  it('deletes the account only with the right password', async () => {
    await withPage(async ({ page }) => {
      const user = world.users.newcomer;
      await logIn(page, user.email, user.password);
      await page.getByRole('link', { name: 'Mein Konto' }).click();
      const password = page.getByLabel(/^Zur Bestätigung: Ihr Passwort/);
      await password.fill('nicht mein Passwort');
      await page.getByRole('button', { name: 'Konto endgültig löschen' }).click();
      await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
      await page.locator('#f-password-error').getByText('Das Passwort stimmt nicht.').waitFor();
      await password.fill(user.password);
      await page.getByRole('button', { name: 'Konto endgültig löschen' }).click();
      await page.getByText('Ihr Konto wurde gelöscht.').waitFor();
      await page.goto('/anbieter');
      await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    });
  });
});
