import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousClient, createUser, signIn, tokenFromMail, type Client } from '../helpers/accounts';
import { buildWorld, offeringInput, type World } from '../helpers/moderation-fixtures';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { startTestApp, type TestApp } from '../helpers/test-app';

// A second person of an association joins its organisation through an invitation instead of registering a
// duplicate: invited by a member, confirmed by setting a password, removed (or leaving) with their sessions.

let t: TestApp;
let smtp: SmtpSink;
let world: World;
let providerA: Client;

beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await startTestApp({ env: { SMTP_URL: smtp.url }, fill: (db) => { world = buildWorld(db); } });
  providerA = await signIn(t.app, world.users.providerA.email, world.users.providerA.password);
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const membersPath = () => `/api/organisations/${world.A.organisation.id}/members`;

describe('POST /api/organisations/:id/members', () => {
  it('invites a colleague, who sets a password through the mailed link, signs in and works on the organisation’s entries', async () => {
    const res = await providerA.request('POST', membersPath(), { email: 'Neue.Kollegin@Verein.example', displayName: 'Nina Neu', lang: 'en' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ email: 'neue.kollegin@verein.example', displayName: 'Nina Neu', emailVerified: false, isYou: false });

    const mail = await smtp.waitFor((m) => m.to.includes('neue.kollegin@verein.example'));
    expect(mail.subject).toBe('Invitation: Lernfreunde Regen e.V. on Bildungslandkarte');
    expect(mail.text).toContain('anbieter-a has invited you to help maintain the offerings of “Lernfreunde Regen e.V.”');
    expect(mail.text).toContain('valid for 7 days');
    const life = t.app.db.$client.prepare('SELECT expires_at - created_at AS life FROM auth_tokens WHERE user_id = ?').get(res.json().id);
    expect(life).toEqual({ life: 7 * 24 * 60 * 60 * 1000 });
    // The password nobody knows opens nothing.
    expect((await (await anonymousClient(t.app)).request('POST', '/api/auth/login', { email: 'neue.kollegin@verein.example', password: 'irgendein-passwort' })).statusCode).toBe(401);

    const anonymous = await anonymousClient(t.app);
    const reset = await anonymous.request('POST', '/api/auth/password-reset', { token: tokenFromMail(mail.text), password: 'kollegin-passwort' });
    expect(reset.statusCode, reset.body).toBe(200);
    const colleague = await signIn(t.app, 'neue.kollegin@verein.example', 'kollegin-passwort');
    expect((await colleague.request('GET', '/api/me')).json()).toMatchObject({
      role: 'provider', emailVerified: true, organisation: { id: world.A.organisation.id, name: 'Lernfreunde Regen e.V.' },
    });
    const titles = ((await colleague.request('GET', '/api/manage/offerings')).json().items as { title: string }[]).map((i) => i.title);
    expect(titles).toEqual(expect.arrayContaining(['Entwurf A', 'Wartend A', 'Veröffentlicht A']));
    const created = await colleague.request('POST', '/api/manage/offerings', offeringInput(world.A.site.id, { title: 'Von der Kollegin' }));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().organisation.id).toBe(world.A.organisation.id);

    const list = (await providerA.request('GET', membersPath())).json().members as { email: string; emailVerified: boolean; isYou: boolean }[];
    expect(list.find((m) => m.email === 'neue.kollegin@verein.example')).toMatchObject({ emailVerified: true, isYou: false });
    expect(list.find((m) => m.email === world.users.providerA.email)).toMatchObject({ isYou: true });
  });

  it('records the invitation like the admin’s: role and organisation, not the address', async () => {
    const res = await providerA.request('POST', membersPath(), { email: 'protokoll@verein.example', displayName: 'Paul Protokoll' });
    expect(res.statusCode).toBe(201);
    const row = t.app.db.$client.prepare("SELECT actor_user_id, action, changes, note FROM audit_log WHERE entity_type = 'user' AND entity_id = ?").get(res.json().id) as {
      actor_user_id: number; action: string; changes: string; note: string;
    };
    expect(row).toMatchObject({ actor_user_id: world.users.providerA.id, action: 'invite', note: `organisation ${world.A.organisation.id}` });
    expect(row.changes).not.toContain('protokoll@');
    const mail = await smtp.waitFor((m) => m.to.includes('protokoll@verein.example'));
    expect(mail.subject).toBe('Einladung: Lernfreunde Regen e.V. in der Bildungslandkarte');
  });

  it('refuses an address that has an account (409 email_taken), creating and mailing nothing', async () => {
    const sent = smtp.messages.length;
    const res = await providerA.request('POST', membersPath(), { email: world.users.providerB.email, displayName: 'Jemand' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'email_taken', details: [{ parameter: 'email' }] });
    expect(res.json().message).toContain('mit einer anderen Adresse einzuladen');
    const me = await signIn(t.app, world.users.providerB.email, world.users.providerB.password);
    expect((await me.request('GET', '/api/me')).json().organisation.id).toBe(world.B.organisation.id);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.messages.length).toBe(sent);
  });

  it('lets an unconfirmed member look at the members, but not invite', async () => {
    const unverified = await signIn(t.app, world.users.providerAUnverified.email, world.users.providerAUnverified.password);
    expect((await unverified.request('GET', membersPath())).statusCode).toBe(200);
    const res = await unverified.request('POST', membersPath(), { email: 'nicht-erlaubt@verein.example', displayName: 'Nein' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toBe('email_not_verified');
  });
});

describe('DELETE /api/organisations/:id/members/:userId', () => {
  it('removes a member and ends their sessions: their open client is signed out', async () => {
    const removed = createUser(t.app.db, { email: 'geht@verein.example', role: 'provider', providerId: world.A.organisation.id });
    const theirs = await signIn(t.app, removed.email, removed.password);
    expect((await theirs.request('GET', `/api/organisations/${world.A.organisation.id}`)).statusCode).toBe(200);

    const res = await providerA.request('DELETE', `${membersPath()}/${removed.id}`);
    expect(res.statusCode, res.body).toBe(204);
    expect((await theirs.request('GET', `/api/organisations/${world.A.organisation.id}`)).statusCode).toBe(401);
    const again = await signIn(t.app, removed.email, removed.password);
    expect((await again.request('GET', '/api/me')).json().organisation).toBeNull();
    expect((await again.request('GET', `/api/organisations/${world.A.organisation.id}`)).statusCode).toBe(404);
  });

  it('withdraws an invitation not yet followed', async () => {
    const res = await providerA.request('POST', membersPath(), { email: 'zurueckgezogen@verein.example', displayName: 'Zoe Zurück' });
    const mail = await smtp.waitFor((m) => m.to.includes('zurueckgezogen@verein.example'));
    expect((await providerA.request('DELETE', `${membersPath()}/${res.json().id}`)).statusCode).toBe(204);
    const anonymous = await anonymousClient(t.app);
    const reset = await anonymous.request('POST', '/api/auth/password-reset', { token: tokenFromMail(mail.text), password: 'zu-spaet-passwort' });
    expect(reset.json().error).toBe('invalid_token');
  });

  it('lets a member leave, keeping the session they leave with', async () => {
    const leaving = createUser(t.app.db, { email: 'verlaesst@verein.example', role: 'provider', providerId: world.A.organisation.id });
    const client = await signIn(t.app, leaving.email, leaving.password);
    expect((await client.request('DELETE', `${membersPath()}/${leaving.id}`)).statusCode).toBe(204);
    expect((await client.request('GET', '/api/me')).json().organisation).toBeNull();
  });

  it('keeps the last member (409 last_member), also when they want to leave', async () => {
    const lone = t.app.db.$client.prepare("INSERT INTO providers (name, kind, region_key) VALUES ('Einzelkämpfer e.V.', 'association', '09276138') RETURNING id").get() as { id: number };
    const only = createUser(t.app.db, { email: 'allein@verein.example', role: 'provider', providerId: lone.id });
    const client = await signIn(t.app, only.email, only.password);
    const res = await client.request('DELETE', `/api/organisations/${lone.id}/members/${only.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toBe('last_member');
    const admin = await signIn(t.app, world.users.admin.email, world.users.admin.password);
    expect((await admin.request('DELETE', `/api/organisations/${lone.id}/members/${only.id}`)).statusCode).toBe(409);
    expect((await client.request('GET', '/api/me')).json().organisation.id).toBe(lone.id);
  });
});

describe('what coordinators see of the members', () => {
  it('shows them no member’s name or address anywhere, in their region or not', async () => {
    const coordinator = await signIn(t.app, world.users.coordinator09276.email, world.users.coordinator09276.password);
    const members = await coordinator.request('GET', membersPath());
    expect(members.statusCode).toBe(403);
    const seen = await Promise.all(
      [
        `/api/organisations/${world.A.organisation.id}`,
        '/api/manage/offerings',
        `/api/manage/offerings/${world.A.pending.id}`,
        `/api/manage/offerings/${world.A.pending.id}/history`,
        '/api/review/queue',
        `/api/review/offerings/${world.A.pending.id}`,
        `/api/organisations/${world.A.organisation.id}/offerings.csv`,
      ].map(async (path) => {
        const res = await coordinator.request('GET', path);
        expect(res.statusCode, path).toBe(200);
        return res.body;
      }),
    );
    for (const body of [...seen, members.body]) {
      for (const user of [world.users.providerA, world.users.providerAUnverified, world.colleagues.A]) expect(body).not.toContain(user.email);
      expect(body).not.toContain('Kollegin A');
    }
  });
});
