import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousClient, createUser, signIn, tokenFromMail } from '../helpers/accounts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { startTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
let smtp: SmtpSink;
beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await startTestApp({ env: { SMTP_URL: smtp.url } });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

describe('POST /api/auth/password', () => {
  it('changes the password, keeps this session under a new id and ends every other one', async () => {
    const user = createUser(t.app.db, { email: 'wechsel@example.org', role: 'provider' });
    const laptop = await signIn(t.app, user.email, user.password);
    const phone = await signIn(t.app, user.email, user.password);
    const laptopBefore = laptop.cookie;

    const res = await laptop.request('POST', '/api/auth/password', { currentPassword: user.password, newPassword: 'ganz-neues-passwort' });
    expect(res.statusCode).toBe(200);
    expect(res.json().email).toBe('wechsel@example.org');

    expect((await laptop.request('GET', '/api/me')).statusCode).toBe(200);
    expect(laptop.cookie).not.toBe(laptopBefore);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: laptopBefore } })).statusCode).toBe(401);
    expect((await phone.request('GET', '/api/me')).statusCode).toBe(401);

    await expect(signIn(t.app, user.email, user.password)).rejects.toThrow(/401/);
    await expect(signIn(t.app, user.email, 'ganz-neues-passwort')).resolves.toBeDefined();
  });

  it('does not let a request that was under way during the change bring its session back', async () => {
    const user = createUser(t.app.db, { email: 'unterwegs@example.org', role: 'provider' });
    const stolen = await signIn(t.app, user.email, user.password);
    const owner = await signIn(t.app, user.email, user.password);

    // The stolen session starts a request whose body is still arriving (a slow upload): its session is
    // loaded, and @fastify/session writes it back when the answer goes out.
    let bodyWanted!: () => void;
    const reading = new Promise<void>((resolve) => (bodyWanted = resolve));
    const body = new Readable({ read: () => bodyWanted() });
    const slow = stolen.request('POST', '/api/auth/resend-verification', body, { 'content-type': 'application/json' });
    await reading;

    const change = await owner.request('POST', '/api/auth/password', { currentPassword: user.password, newPassword: 'nach-dem-diebstahl' });
    expect(change.statusCode).toBe(200);
    body.push('{}');
    body.push(null);
    expect((await slow).statusCode).toBe(409);

    const sessions = t.app.db.$client.prepare('SELECT count(*) AS n FROM sessions WHERE user_id = ?').get(user.id) as { n: number };
    expect(sessions.n).toBe(1);
    expect((await stolen.request('GET', '/api/me')).statusCode).toBe(401);
    expect((await owner.request('GET', '/api/me')).statusCode).toBe(200);
  });

  it('refuses a wrong current password with 403 and changes nothing', async () => {
    const user = createUser(t.app.db, { email: 'vertippt@example.org', role: 'provider' });
    const client = await signIn(t.app, user.email, user.password);
    const res = await client.request('POST', '/api/auth/password', { currentPassword: 'nicht-richtig', newPassword: 'ganz-neues-passwort' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toBe('wrong_password');
    expect((await client.request('GET', '/api/me')).statusCode).toBe(200);
    await expect(signIn(t.app, user.email, user.password)).resolves.toBeDefined();
  });
});

describe('password reset by mail', () => {
  async function requestReset(email: string): Promise<string> {
    const client = await anonymousClient(t.app);
    const res = await client.request('POST', '/api/auth/password-reset/request', { email, lang: 'de' });
    expect(res.statusCode).toBe(202);
    const mail = await smtp.waitFor((m) => m.to.includes(email) && m.subject === 'Neues Passwort für die Bildungslandkarte');
    expect(mail.text).toMatch(/http:\/\/localhost:3000\/konto\/passwort-neu\?token=[A-Za-z0-9_-]{43}\n/);
    smtp.messages.splice(smtp.messages.indexOf(mail), 1);
    return tokenFromMail(mail.text);
  }

  it('sets the new password once, ends every session, and the link does not work twice', async () => {
    const user = createUser(t.app.db, { email: 'vergessen@example.org', role: 'provider' });
    const session = await signIn(t.app, user.email, user.password);
    const token = await requestReset(user.email);

    const client = await anonymousClient(t.app);
    const res = await client.request('POST', '/api/auth/password-reset', { token, password: 'mein-neues-passwort' });
    expect(res.statusCode).toBe(200);
    expect((await session.request('GET', '/api/me')).statusCode).toBe(401);
    await expect(signIn(t.app, user.email, 'mein-neues-passwort')).resolves.toBeDefined();

    const again = await client.request('POST', '/api/auth/password-reset', { token, password: 'noch-ein-passwort' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toBe('invalid_token');
    await expect(signIn(t.app, user.email, 'mein-neues-passwort')).resolves.toBeDefined();
  });

  it('refuses an expired link', async () => {
    const user = createUser(t.app.db, { email: 'zuspaet@example.org', role: 'provider' });
    const token = await requestReset(user.email);
    // An hour and a bit later.
    t.app.db.$client.prepare("UPDATE auth_tokens SET expires_at = ? WHERE purpose = 'reset_password' AND used_at IS NULL").run(Date.now() - 60_000);
    const client = await anonymousClient(t.app);
    const res = await client.request('POST', '/api/auth/password-reset', { token, password: 'mein-neues-passwort' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('invalid_token');
    await expect(signIn(t.app, user.email, user.password)).resolves.toBeDefined();
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const client = await anonymousClient(t.app);
    const unknown = await client.request('POST', '/api/auth/password-reset/request', { email: 'unbekannt@example.org', lang: 'de' });
    const user = createUser(t.app.db, { email: 'bekannt@example.org', role: 'provider' });
    const known = await client.request('POST', '/api/auth/password-reset/request', { email: user.email, lang: 'de' });
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    await smtp.waitFor((m) => m.to.includes(user.email));
    expect(smtp.messages.some((m) => m.to.includes('unbekannt@example.org'))).toBe(false);
  });

  it('refuses a token that is not one of ours without looking it up', async () => {
    const client = await anonymousClient(t.app);
    const res = await client.request('POST', '/api/auth/password-reset', { token: 'x'.repeat(43).replace(/x$/, '!'), password: 'mein-neues-passwort' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('invalid_token');
  });
});

describe('rate limit of the anonymous account routes', () => {
  it('allows 20 reset requests a minute per address, then answers 429', async () => {
    const client = await anonymousClient(t.app, { remoteAddress: '10.9.9.9' });
    for (let i = 0; i < 20; i++) {
      expect((await client.request('POST', '/api/auth/password-reset/request', { email: `massen${i}@example.org`, lang: 'de' })).statusCode).toBe(202);
    }
    const res = await client.request('POST', '/api/auth/password-reset/request', { email: 'massen-x@example.org', lang: 'de' });
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not affected.
    const other = await anonymousClient(t.app, { remoteAddress: '10.9.9.10' });
    expect((await other.request('POST', '/api/auth/password-reset/request', { email: 'massen-y@example.org', lang: 'de' })).statusCode).toBe(202);
  });
});
