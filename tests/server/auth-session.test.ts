import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { sessionSecret, sessionSecretFile } from '../../server/services/secrets';
import { anonymousClient, createUser, signIn } from '../helpers/accounts';
import { startTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('POST /api/auth/login', () => {
  it('signs in with the right password and answers who is signed in', async () => {
    const user = createUser(t.app.db, { email: 'Anna@Example.org', role: 'provider' });
    const client = await anonymousClient(t.app);
    const res = await client.request('POST', '/api/auth/login', { email: 'anna@example.org', password: user.password });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: user.id, email: 'anna@example.org', role: 'provider', emailVerified: true, organisation: null });
    const session = res.cookies.find((c) => c.name === 'blk_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api' });
    expect(session?.secure).toBeUndefined();
    const me = await client.request('GET', '/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().id).toBe(user.id);
  });

  it('refuses a wrong password and an unknown address with the same answer', async () => {
    const user = createUser(t.app.db, { email: 'bert@example.org', role: 'provider' });
    const client = await anonymousClient(t.app, { remoteAddress: '10.0.0.2' });
    const wrong = await client.request('POST', '/api/auth/login', { email: user.email, password: 'not-the-password' });
    const unknown = await client.request('POST', '/api/auth/login', { email: 'nobody@example.org', password: 'not-the-password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error).toBe('invalid_credentials');
  });
});

describe('GET /api/me', () => {
  it('answers 401 without a session, and writes no session for anonymous visitors', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe('unauthenticated');
    expect(res.cookies.find((c) => c.name === 'blk_session')).toBeUndefined();
  });
});

describe('POST /api/auth/logout', () => {
  it('ends the session: the old cookie no longer signs in', async () => {
    const user = createUser(t.app.db, { email: 'carla@example.org', role: 'provider' });
    const client = await signIn(t.app, user.email, user.password);
    const oldCookie = client.cookie;
    const out = await client.request('POST', '/api/auth/logout');
    expect(out.statusCode).toBe(204);
    const replay = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: oldCookie } });
    expect(replay.statusCode).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without the token and with a wrong one', async () => {
    const user = createUser(t.app.db, { email: 'dora@example.org', role: 'provider' });
    const client = await signIn(t.app, user.email, user.password);
    const none = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: client.cookie } });
    expect(none.statusCode).toBe(403);
    expect(none.json().error).toBe('csrf_invalid');
    const wrong = await t.app.inject({
      method: 'POST', url: '/api/auth/logout', headers: { cookie: client.cookie, 'x-csrf-token': 'abc-forged' },
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error).toBe('csrf_invalid');
    // The session survived both attempts.
    expect((await client.request('GET', '/api/me')).statusCode).toBe(200);
  });
  it('is not skipped for a path the router decodes to an API route', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/%61pi/auth/register',
      payload: { email: 'kodiert@example.org', password: 'ein-gutes-passwort', displayName: 'K', lang: 'de' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toBe('csrf_invalid');
    expect(t.app.db.$client.prepare("SELECT count(*) AS n FROM users WHERE email = 'kodiert@example.org'").get()).toEqual({ n: 0 });
  });

  it('signs nobody in at an encoded path, with a clear answer instead of a 500', async () => {
    const client = await anonymousClient(t.app);
    const res = await client.request('POST', '/%61pi/auth/login', { email: 'niemand@example.org', password: 'egal-egal-egal' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('bad_path');
  });
});

describe('pages outside /api', () => {
  it('are served as before: the session cookie is not sent there and nothing needs it', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/konto/bestaetigen?token=abc' });
    expect(res.statusCode).toBeLessThan(500);
    const home = await t.app.inject({ method: 'GET', url: '/' });
    expect(home.statusCode).toBe(200);
  });
});

describe('session lifetime', () => {
  const DAY = 24 * 60 * 60 * 1000;
  const expiry = (userId: number) =>
    (t.app.db.$client.prepare('SELECT expires_at AS e FROM sessions WHERE user_id = ?').get(userId) as { e: number }).e;

  it('rolls: a request after 13 idle days extends the session to 14 days from now', async () => {
    const user = createUser(t.app.db, { email: 'rollend@example.org', role: 'provider' });
    const client = await signIn(t.app, user.email, user.password);
    expect(Math.abs(expiry(user.id) - (Date.now() + 14 * DAY))).toBeLessThan(60_000);
    t.app.db.$client.prepare('UPDATE sessions SET expires_at = ? WHERE user_id = ?').run(Date.now() + DAY, user.id);
    expect((await client.request('GET', '/api/me')).statusCode).toBe(200);
    expect(Math.abs(expiry(user.id) - (Date.now() + 14 * DAY))).toBeLessThan(60_000);
  });

  it('ends after 14 idle days', async () => {
    const user = createUser(t.app.db, { email: 'abgelaufen@example.org', role: 'provider' });
    const client = await signIn(t.app, user.email, user.password);
    t.app.db.$client.prepare('UPDATE sessions SET expires_at = ? WHERE user_id = ?').run(Date.now() - 1, user.id);
    expect((await client.request('GET', '/api/me')).statusCode).toBe(401);
  });

  it('stores only the SHA-256 of the session id', async () => {
    const user = createUser(t.app.db, { email: 'gehasht@example.org', role: 'provider' });
    const client = await signIn(t.app, user.email, user.password);
    const signed = decodeURIComponent(/blk_session=([^;]+)/.exec(client.cookie)![1]!);
    const id = signed.slice(0, signed.lastIndexOf('.'));
    const row = t.app.db.$client.prepare('SELECT id, data FROM sessions WHERE user_id = ?').get(user.id) as { id: string; data: string };
    expect(row.id).toBe(createHash('sha256').update(id).digest('hex'));
    expect(row.data).toBe(JSON.stringify({ userId: user.id }));
  });
});

describe('session secret', () => {
  it('is generated once into DATA_DIR/session-secret (mode 600), so a second process accepts the same cookies', async () => {
    const file = sessionSecretFile(t.config);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toHaveLength(64);
    const user = createUser(t.app.db, { email: 'zwei-prozesse@example.org', role: 'provider' });
    const client = await signIn(t.app, user.email, user.password);
    const second = await buildApp(t.config);
    try {
      await second.ready();
      const res = await second.inject({ method: 'GET', url: '/api/me', headers: { cookie: client.cookie } });
      expect(res.statusCode).toBe(200);
      expect(res.json().id).toBe(user.id);
    } finally {
      await second.close();
    }
  });

  it('comes from SESSION_SECRET when that is set, without a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'blk-test-secret-'));
    try {
      const config = loadConfig({ DATA_DIR: dir, SESSION_SECRET: 's'.repeat(40) });
      expect(sessionSecret(config)).toBe('s'.repeat(40));
      expect(existsSync(sessionSecretFile(config))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('cookies and caches', () => {
  it('sets the CSRF cookie signed, HttpOnly, SameSite=Strict, for /api only', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/csrf' });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/^blk_csrf=[^;]+\.[^;]+; Path=\/api; HttpOnly; SameSite=Strict$/);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('keeps signed-in answers out of shared caches', async () => {
    const anonymousAnswer = await t.app.inject({ method: 'GET', url: '/api/client-config' });
    expect(anonymousAnswer.headers['cache-control']).toBe('public, max-age=300');
    const user = createUser(t.app.db, { email: 'privat@example.org', role: 'provider' });
    const client = await signIn(t.app, user.email, user.password);
    const res = await client.request('GET', '/api/client-config');
    expect(res.headers['set-cookie']).toBeDefined();
    expect(res.headers['cache-control']).toBe('private, max-age=300');
  });
});
