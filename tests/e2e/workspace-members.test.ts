import { beforeAll, describe, expect, it } from 'vitest';
import { mailDir } from '../../server/config';
import { buildWorld, type World } from '../helpers/moderation-fixtures';
import { axeFindings } from './helpers/axe';
import { browserAvailable } from './helpers/browser';
import { linkIn, waitForMail } from './helpers/mail';
import type { OpenedPage } from './helpers/page';
import { logIn, useWorkspaceEnv, withOpenPage } from './helpers/workspace';

// A colleague joins the organisation through the members section of the organisation page: invited there,
// their password set through the mailed link, and then at work on the same entries. Removing a member asks
// first, with the focus on the question and back on the button when the question is cancelled.

describe.skipIf(!browserAvailable)('workspace: the members of an organisation', { timeout: 180_000 }, () => {
  const env = useWorkspaceEnv();
  let world: World;
  const mails = () => mailDir(env.server.testApp.config);

  beforeAll(() => {
    world = buildWorld(env.server.testApp.app.db);
  });

  const withPage = (use: (opened: OpenedPage) => Promise<void>) => withOpenPage(env, use);

  const members = (opened: OpenedPage) => opened.page.getByRole('region', { name: 'Mitglieder' });

  it('invites a colleague, who sets a password through the mail and sees the organisation’s entries', async () => {
    await withPage(async (opened) => {
      const { page } = opened;
      await logIn(page, world.users.providerA.email, world.users.providerA.password);
      await page.goto('/anbieter/organisation');
      const section = members(opened);
      await section.getByRole('heading', { level: 3, name: 'Kollegin A' }).waitFor();

      // An address with an account: said next to the field.
      await section.getByLabel(/^Name/).fill('Schon Vergeben');
      await section.getByLabel(/^E-Mail-Adresse/).fill(world.users.providerB.email);
      await section.getByRole('button', { name: 'Einladen' }).click();
      await page.locator('#f-inviteEmail-error').getByText('Zu dieser Adresse gibt es schon ein Konto.', { exact: false }).waitFor();
      expect(await section.getByLabel(/^E-Mail-Adresse/).getAttribute('aria-invalid')).toBe('true');

      const email = 'karla.kollegin@lernfreunde.example';
      await section.getByLabel(/^Name/).fill('Karla Kollegin');
      await section.getByLabel(/^E-Mail-Adresse/).fill(email);
      await section.getByRole('button', { name: 'Einladen' }).click();
      await section.getByText('Karla Kollegin ist eingeladen.', { exact: false }).waitFor();
      const entry = section.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Karla Kollegin' }) });
      await entry.getByText(`${email} · noch nicht bestätigt`).waitFor();
      await page.getByRole('button', { name: 'Abmelden' }).click();
      await page.getByText('Sie sind abgemeldet.').waitFor();

      const mail = await waitForMail(mails(), email);
      expect(mail.subject).toBe('Einladung: Lernfreunde Regen e.V. in der Bildungslandkarte');
      await page.goto(linkIn(mail, '/konto/passwort-neu'));
      await page.getByLabel(/^Neues Passwort/).fill('gemeinsam pflegen wir');
      await page.getByRole('button', { name: 'Passwort speichern' }).click();
      await page.getByText('Ihr Passwort ist geändert.', { exact: false }).waitFor();
      await logIn(page, email, 'gemeinsam pflegen wir');
      await page.getByRole('heading', { level: 1, name: 'Meine Angebote' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Entwurf A' }).waitFor();
      await page.goto('/anbieter/organisation');
      await members(opened).getByRole('heading', { level: 3, name: 'Karla Kollegin (Sie)' }).waitFor();
    });
  });

  it('asks before removing a member, and moves the focus with the question', async () => {
    await withPage(async (opened) => {
      const { page } = opened;
      await logIn(page, world.users.providerA.email, world.users.providerA.password);
      await page.goto('/anbieter/organisation');
      const section = members(opened);
      const remove = section.getByRole('button', { name: 'Kollegin A entfernen' });
      await remove.click();
      const question = section.getByRole('group', { name: /Kollegin A aus der Organisation entfernen\?/ });
      await expect.poll(() => question.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await axeFindings(page)).toEqual([]);
      await question.getByRole('button', { name: 'Abbrechen' }).click();
      await expect.poll(() => remove.evaluate((el) => el === document.activeElement)).toBe(true);

      await remove.click();
      await question.getByRole('button', { name: 'Ja, entfernen' }).click();
      await section.getByText('Kollegin A gehört nicht mehr zur Organisation.').waitFor();
      await expect.poll(() => section.getByRole('heading', { level: 3, name: 'Kollegin A' }).count()).toBe(0);
    });
  });
});
