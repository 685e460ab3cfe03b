import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousClient, createUser, signIn, tokenFromMail, type Client, type TestUser } from '../helpers/accounts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { startTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
let smtp: SmtpSink;
let admin: TestUser;
let adminClient: Client;
beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await startTestApp({ env: { SMTP_URL: smtp.url } });
  admin = createUser(t.app.db, { email: 'admin@example.org', role: 'admin', displayName: 'Ada Admin' });
  adminClient = await signIn(t.app, admin.email, admin.password);
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

describe('GET /api/admin/users', () => {
  it('lists accounts for admins only', async () => {
    const provider = createUser(t.app.db, { email: 'liste-anbieter@example.org', role: 'provider' });
    const res = await adminClient.request('GET', '/api/admin/users');
    expect(res.statusCode).toBe(200);
    const users = res.json().users as { email: string; role: string; emailVerified: boolean }[];
    expect(users.find((u) => u.email === 'admin@example.org')).toMatchObject({ role: 'admin', emailVerified: true });
    expect(JSON.stringify(users)).not.toMatch(/password|hash/i);

    const asProvider = await signIn(t.app, provider.email, provider.password);
    const forbidden = await asProvider.request('GET', '/api/admin/users');
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error).toBe('forbidden');
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/users' })).statusCode).toBe(401);
  });
});

describe('POST /api/admin/users', () => {
  it('invites a coordinator, who sets a password through the mailed link and signs in', async () => {
    const res = await adminClient.request('POST', '/api/admin/users', {
      email: 'Koordination@Regen.example', displayName: 'Kai Koordination', role: 'coordinator', regionPrefix: '09276',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email: 'koordination@regen.example', role: 'coordinator', regionPrefix: '09276', emailVerified: true });

    const mail = await smtp.waitFor((m) => m.to.includes('koordination@regen.example'));
    expect(mail.subject).toBe('Einladung zur Bildungslandkarte');
    expect(mail.text).toContain('für die Bildungsregion Regen');
    const token = tokenFromMail(mail.text);
    const expires = t.app.db.$client.prepare("SELECT expires_at - created_at AS life FROM auth_tokens WHERE user_id = ?").get(res.json().id) as { life: number };
    expect(expires.life).toBe(7 * 24 * 60 * 60 * 1000);

    const client = await anonymousClient(t.app);
    expect((await client.request('POST', '/api/auth/password-reset', { token, password: 'koordinations-passwort' })).statusCode).toBe(200);
    const coordinator = await signIn(t.app, 'koordination@regen.example', 'koordinations-passwort');
    expect((await coordinator.request('GET', '/api/me')).json()).toMatchObject({ role: 'coordinator', regionPrefix: '09276', emailVerified: true });
  });

  it('refuses an unknown region, a coordinator without region and a taken address', async () => {
    const unknown = await adminClient.request('POST', '/api/admin/users', { email: 'x@example.org', displayName: 'X', role: 'coordinator', regionPrefix: '99999' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toBe('unknown_region');
    const noRegion = await adminClient.request('POST', '/api/admin/users', { email: 'x@example.org', displayName: 'X', role: 'coordinator' });
    expect(noRegion.statusCode).toBe(400);
    expect(noRegion.json().details[0].parameter).toBe('regionPrefix');
    const taken = await adminClient.request('POST', '/api/admin/users', { email: 'admin@example.org', displayName: 'A', role: 'admin' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toBe('email_taken');
  });
  it('answers 409 email_taken, not 500, when the same invitation is sent twice at once', async () => {
    const invite = { email: 'doppelt@example.org', displayName: 'Doppelt', role: 'coordinator', regionPrefix: '09276' };
    const answers = await Promise.all([adminClient.request('POST', '/api/admin/users', invite), adminClient.request('POST', '/api/admin/users', invite)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json().error).toBe('email_taken');
    const rows = t.app.db.$client.prepare("SELECT count(*) AS n FROM users WHERE email = 'doppelt@example.org'").get();
    expect(rows).toEqual({ n: 1 });
  });
});

describe('PATCH /api/admin/users/:id', () => {
  it('changes a coordinator’s region and ends their sessions', async () => {
    const coordinator = createUser(t.app.db, { email: 'umzug@example.org', role: 'coordinator', regionPrefix: '09276' });
    const session = await signIn(t.app, coordinator.email, coordinator.password);
    const res = await adminClient.request('PATCH', `/api/admin/users/${coordinator.id}`, { regionPrefix: '08311' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: coordinator.id, role: 'coordinator', regionPrefix: '08311' });
    expect((await session.request('GET', '/api/me')).statusCode).toBe(401);

    const again = await signIn(t.app, coordinator.email, coordinator.password);
    expect((await again.request('GET', '/api/me')).json().regionPrefix).toBe('08311');
    const audit = t.app.db.$client
      .prepare("SELECT actor_user_id AS actor, action, changes FROM audit_log WHERE entity_type = 'user' AND entity_id = ?")
      .all(coordinator.id);
    expect(audit).toEqual([{ actor: admin.id, action: 'update', changes: JSON.stringify([{ field: 'regionPrefix', old: '09276', new: '08311' }]) }]);
  });

  it('makes a provider an admin, which the next request sees', async () => {
    const provider = createUser(t.app.db, { email: 'befoerdert@example.org', role: 'provider' });
    const res = await adminClient.request('PATCH', `/api/admin/users/${provider.id}`, { role: 'admin' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'admin', regionPrefix: null });
    const client = await signIn(t.app, provider.email, provider.password);
    expect((await client.request('GET', '/api/admin/users')).statusCode).toBe(200);
    // Back to provider, so the last-admin test below has one admin fewer to think about.
    expect((await adminClient.request('PATCH', `/api/admin/users/${provider.id}`, { role: 'provider' })).statusCode).toBe(200);
  });

  it('refuses a coordinator without region, an unknown user and demoting the last admin', async () => {
    const provider = createUser(t.app.db, { email: 'ohne-region@example.org', role: 'provider' });
    const noRegion = await adminClient.request('PATCH', `/api/admin/users/${provider.id}`, { role: 'coordinator' });
    expect(noRegion.statusCode).toBe(400);
    expect(noRegion.json().error).toBe('region_required');
    expect((await adminClient.request('PATCH', '/api/admin/users/999999', { role: 'admin' })).statusCode).toBe(404);
    const last = await adminClient.request('PATCH', `/api/admin/users/${admin.id}`, { role: 'provider' });
    expect(last.statusCode).toBe(409);
    expect(last.json().error).toBe('last_admin');
  });
});
