import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../server/db/schema';
import { anonymousClient, createUser, signIn, tokenFromMail } from '../helpers/accounts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { startTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
let smtp: SmtpSink;
beforeAll(async () => {
  smtp = await startSmtpSink();
  // An https address behind a TLS proxy: the session cookie is Secure and kept because the proxy says https.
  t = await startTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://bildung.example.de', TRUST_PROXY: 'true' } });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const https = { headers: { 'x-forwarded-proto': 'https' } };
const organisation = { name: 'Lernwerkstatt Regen e.V.', kind: 'association', regionKey: '09276148' };

describe('POST /api/auth/register', () => {
  it('creates an unconfirmed provider, mails a link that confirms once, and the provider may then work', async () => {
    const client = await anonymousClient(t.app, https);
    const res = await client.request('POST', '/api/auth/register', {
      email: 'Neu@Example.org', password: 'ein-gutes-passwort', displayName: 'Nora Neu', lang: 'de',
    });
    expect(res.statusCode).toBe(202);
    expect(res.json().message).toContain('E-Mail');

    const mail = await smtp.waitFor((m) => m.to.includes('neu@example.org'));
    expect(mail.subject).toBe('Bitte bestätigen Sie Ihre E-Mail-Adresse');
    expect(mail.text).toMatch(/https:\/\/bildung\.example\.de\/konto\/bestaetigen\?token=[A-Za-z0-9_-]{43}\n/);
    const token = tokenFromMail(mail.text);

    // Signed in but unconfirmed: may look, may not create.
    const provider = await signIn(t.app, 'neu@example.org', 'ein-gutes-passwort', https);
    expect(provider.cookie).toContain('blk_session=');
    const me = await provider.request('GET', '/api/me');
    expect(me.json()).toMatchObject({ email: 'neu@example.org', displayName: 'Nora Neu', role: 'provider', emailVerified: false });
    const early = await provider.request('POST', '/api/organisations', organisation);
    expect(early.statusCode).toBe(403);
    expect(early.json().error).toBe('email_not_verified');

    const verify = await client.request('POST', '/api/auth/verify', { token });
    expect(verify.statusCode).toBe(200);
    const again = await client.request('POST', '/api/auth/verify', { token });
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toBe('invalid_token');

    // Confirming ended the session opened before with the password alone; signed in again, the provider may work.
    expect((await provider.request('GET', '/api/me')).statusCode).toBe(401);
    const confirmed = await signIn(t.app, 'neu@example.org', 'ein-gutes-passwort', https);
    expect((await confirmed.request('GET', '/api/me')).json().emailVerified).toBe(true);
    const created = await confirmed.request('POST', '/api/organisations', organisation);
    expect(created.statusCode).toBe(201);
  });

  it('answers the same for an address that has an account, creates nothing and mails its owner', async () => {
    const owner = createUser(t.app.db, { email: 'schon@example.org', role: 'provider', displayName: 'Sina Schon' });
    const client = await anonymousClient(t.app, https);
    const fresh = await client.request('POST', '/api/auth/register', {
      email: 'frisch@example.org', password: 'ein-gutes-passwort', displayName: 'Fritz', lang: 'de',
    });
    const taken = await client.request('POST', '/api/auth/register', {
      email: 'schon@example.org', password: 'ein-anderes-passwort', displayName: 'Jemand', lang: 'en',
    });
    expect(taken.statusCode).toBe(fresh.statusCode);
    expect(taken.body).toBe(fresh.body);

    const mail = await smtp.waitFor((m) => m.to.includes('schon@example.org'));
    // A confirmed owner hears that someone registered, with a link to set a new password, in the language of the request.
    expect(mail.subject).toBe('You already have a Bildungslandkarte account');
    expect(mail.text).toContain('Someone just registered with this e-mail address');
    expect(mail.text).toContain('Hello Sina Schon,');
    const rows = t.app.db.select().from(users).where(eq(users.email, 'schon@example.org')).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.displayName).toBe('Sina Schon');
    // The old password still works: nothing about the account changed.
    await expect(signIn(t.app, owner.email, owner.password, https)).resolves.toBeDefined();
  });

  it('mails a link to set the password, not to confirm it, when the address has an unconfirmed account', async () => {
    // Someone registers another person's address with a password of their own and signs in (allowed unconfirmed).
    const intruder = await anonymousClient(t.app, https);
    await intruder.request('POST', '/api/auth/register', {
      email: 'opfer@example.org', password: 'passwort-des-fremden', displayName: 'Fremder', lang: 'de',
    });
    const first = await smtp.waitFor((m) => m.to.includes('opfer@example.org'));
    smtp.messages.splice(smtp.messages.indexOf(first), 1);
    const intruderSession = await signIn(t.app, 'opfer@example.org', 'passwort-des-fremden', https);

    // The owner of the address registers: the mail lets them set their own password, which ends every session.
    const owner = await anonymousClient(t.app, https);
    const res = await owner.request('POST', '/api/auth/register', {
      email: 'opfer@example.org', password: 'passwort-der-inhaberin', displayName: 'Olga Opfer', lang: 'en',
    });
    expect(res.statusCode).toBe(202);
    const mail = await smtp.waitFor((m) => m.to.includes('opfer@example.org'));
    expect(mail.subject).toBe('You already have a Bildungslandkarte account');
    expect(mail.text).toMatch(/https:\/\/bildung\.example\.de\/konto\/passwort-neu\?token=[A-Za-z0-9_-]{43}\n/);
    const reset = await owner.request('POST', '/api/auth/password-reset', { token: tokenFromMail(mail.text), password: 'passwort-der-inhaberin' });
    expect(reset.statusCode).toBe(200);

    expect((await intruderSession.request('GET', '/api/me')).statusCode).toBe(401);
    await expect(signIn(t.app, 'opfer@example.org', 'passwort-des-fremden', https)).rejects.toThrow(/401/);
    const ownerSession = await signIn(t.app, 'opfer@example.org', 'passwort-der-inhaberin', https);
    expect((await ownerSession.request('GET', '/api/me')).json()).toMatchObject({ emailVerified: true });
  });

  it('creates one account when the same address registers twice at once', async () => {
    const client = await anonymousClient(t.app, https);
    const input = { email: 'zweimal@example.org', password: 'ein-gutes-passwort', displayName: 'Zoe', lang: 'de' };
    const answers = await Promise.all([client.request('POST', '/api/auth/register', input), client.request('POST', '/api/auth/register', input)]);
    expect(answers.map((a) => a.statusCode)).toEqual([202, 202]);
    expect(answers[0]!.body).toBe(answers[1]!.body);
    expect(t.app.db.select().from(users).where(eq(users.email, 'zweimal@example.org')).all()).toHaveLength(1);
    // One confirmation link for the account that was created, one password link for the registration that found it.
    await smtp.waitFor((m) => m.to.includes('zweimal@example.org') && m.subject === 'Bitte bestätigen Sie Ihre E-Mail-Adresse');
    await smtp.waitFor((m) => m.to.includes('zweimal@example.org') && m.subject === 'Sie haben schon ein Konto bei der Bildungslandkarte');
  });

  it('refuses a password shorter than 10 characters', async () => {
    const client = await anonymousClient(t.app, https);
    const res = await client.request('POST', '/api/auth/register', { email: 'kurz@example.org', password: 'kurz', displayName: 'K', lang: 'de' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].parameter).toBe('password');
  });
});

describe('POST /api/auth/verify', () => {
  it('refuses an expired link', async () => {
    const client = await anonymousClient(t.app, https);
    await client.request('POST', '/api/auth/register', { email: 'spaet@example.org', password: 'ein-gutes-passwort', displayName: 'S', lang: 'de' });
    const token = tokenFromMail((await smtp.waitFor((m) => m.to.includes('spaet@example.org'))).text);
    t.app.db.$client.prepare('UPDATE auth_tokens SET expires_at = ?').run(Date.now() - 1);
    const res = await client.request('POST', '/api/auth/verify', { token });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('invalid_token');
  });

  it('ends every session that was opened before the address was confirmed', async () => {
    const user = createUser(t.app.db, { email: 'vorher@example.org', role: 'provider', verified: false });
    const early = await signIn(t.app, user.email, user.password, https);
    expect((await early.request('POST', '/api/auth/resend-verification')).statusCode).toBe(202);
    const token = tokenFromMail((await smtp.waitFor((m) => m.to.includes('vorher@example.org'))).text);
    const browser = await anonymousClient(t.app, https);
    expect((await browser.request('POST', '/api/auth/verify', { token })).statusCode).toBe(200);
    expect((await early.request('GET', '/api/me')).statusCode).toBe(401);
    const count = t.app.db.$client.prepare('SELECT count(*) AS n FROM sessions WHERE user_id = ?').get(user.id);
    expect(count).toEqual({ n: 0 });
  });
});

describe('POST /api/auth/resend-verification', () => {
  it('mails a new link to a signed-in unconfirmed provider, and refuses once confirmed', async () => {
    const user = createUser(t.app.db, { email: 'nochmal@example.org', role: 'provider', verified: false, lang: 'en' });
    const client = await signIn(t.app, user.email, user.password, https);
    const res = await client.request('POST', '/api/auth/resend-verification');
    expect(res.statusCode).toBe(202);
    const mail = await smtp.waitFor((m) => m.to.includes('nochmal@example.org'));
    expect(mail.subject).toBe('Please confirm your e-mail address');
    const browser = await anonymousClient(t.app, https);
    expect((await browser.request('POST', '/api/auth/verify', { token: tokenFromMail(mail.text) })).statusCode).toBe(200);
    const after = await (await signIn(t.app, user.email, user.password, https)).request('POST', '/api/auth/resend-verification');
    expect(after.statusCode).toBe(409);
    expect(after.json().error).toBe('already_verified');
  });

  it('answers 401 without a session', async () => {
    const client = await anonymousClient(t.app, https);
    expect((await client.request('POST', '/api/auth/resend-verification')).statusCode).toBe(401);
  });
});

describe('session cookie with an https PUBLIC_URL', () => {
  it('is Secure, HttpOnly, SameSite=Lax and limited to /api', async () => {
    const user = createUser(t.app.db, { email: 'sicher@example.org', role: 'provider' });
    const client = await anonymousClient(t.app, https);
    const res = await client.request('POST', '/api/auth/login', { email: user.email, password: user.password });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/blk_session=[^;]+; Path=\/api; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax/);
  });
});
