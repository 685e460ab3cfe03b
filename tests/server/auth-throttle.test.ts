import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_WINDOW_MS } from '../../server/services/login-throttle';
import { anonymousClient, createUser, type Client } from '../helpers/accounts';
import { startTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const login = (client: Client, email: string, password: string) => client.request('POST', '/api/auth/login', { email, password });

/** Moves every recorded failure `ms` into the past, as if that much time had gone by. */
function timePasses(ms: number): void {
  t.app.db.$client.prepare('UPDATE login_failures SET at = at - ?').run(ms);
}

describe('login throttling per account', () => {
  it('locks an account after 5 failures, even for the right password, and says when to try again', async () => {
    const user = createUser(t.app.db, { email: 'ziel@example.org', role: 'provider' });
    for (let i = 0; i < 5; i++) {
      // Each from another address, so only the account's count can be what locks.
      const client = await anonymousClient(t.app, { remoteAddress: `10.1.0.${i + 1}` });
      expect((await login(client, user.email, 'falsches-passwort')).statusCode).toBe(401);
    }
    const client = await anonymousClient(t.app, { remoteAddress: '10.1.0.99' });
    const locked = await login(client, user.email, user.password);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toBe('too_many_attempts');
    expect(locked.json().message).toMatch(/Bitte versuchen Sie es ab \d\d:\d\d Uhr wieder \(in 15 Min\.\) \/ .*Please try again from \d\d:\d\d/);
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(LOGIN_WINDOW_MS / 1000 - 10);
    expect(retryAfter).toBeLessThanOrEqual(LOGIN_WINDOW_MS / 1000);
    expect(locked.json().details.retryAfterSeconds).toBe(retryAfter);

    // Another account from the same address is not affected.
    const other = createUser(t.app.db, { email: 'andere@example.org', role: 'provider' });
    expect((await login(client, other.email, other.password)).statusCode).toBe(200);

    // Once the window has passed, the right password works again.
    timePasses(LOGIN_WINDOW_MS + 1000);
    expect((await login(client, user.email, user.password)).statusCode).toBe(200);
  });

  it('locks an address without an account exactly like one with an account', async () => {
    for (let i = 0; i < 5; i++) {
      const client = await anonymousClient(t.app, { remoteAddress: `10.2.0.${i + 1}` });
      expect((await login(client, 'niemand@example.org', 'falsches-passwort')).statusCode).toBe(401);
    }
    const client = await anonymousClient(t.app, { remoteAddress: '10.2.0.99' });
    const res = await login(client, 'niemand@example.org', 'falsches-passwort');
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBeDefined();
  });

  it('forgets the account’s failures after a successful login', async () => {
    const user = createUser(t.app.db, { email: 'vergesslich@example.org', role: 'provider' });
    const client = await anonymousClient(t.app, { remoteAddress: '10.3.0.1' });
    for (let i = 0; i < 4; i++) expect((await login(client, user.email, 'falsch-falsch')).statusCode).toBe(401);
    expect((await login(client, user.email, user.password)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(client, user.email, 'falsch-falsch')).statusCode).toBe(401);
    expect((await login(client, user.email, user.password)).statusCode).toBe(200);
  });
});

describe('login throttling under parallel attempts', () => {
  const codes = (responses: { statusCode: number }[]) => responses.map((r) => r.statusCode).sort();

  it('lets at most 5 of 15 simultaneous wrong passwords for one account be tried', async () => {
    const user = createUser(t.app.db, { email: 'gleichzeitig@example.org', role: 'provider' });
    // From 15 addresses, so only the account's count can be what locks.
    const clients = await Promise.all(Array.from({ length: 15 }, (_, i) => anonymousClient(t.app, { remoteAddress: `10.6.0.${i + 1}` })));
    const answers = await Promise.all(clients.map((client) => login(client, user.email, 'falsches-passwort')));
    expect(codes(answers)).toEqual([...Array(5).fill(401), ...Array(10).fill(429)]);
    expect(answers.filter((a) => a.statusCode === 429).every((a) => Number(a.headers['retry-after']) > 0)).toBe(true);
  });

  it('lets at most 20 of 25 simultaneous wrong logins from one address be tried', async () => {
    const client = await anonymousClient(t.app, { remoteAddress: '10.7.0.1' });
    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => login(client, `parallel${i}@example.org`, 'passwort123')));
    expect(codes(answers)).toEqual([...Array(20).fill(401), ...Array(5).fill(429)]);
  });

  it('leaves no failure behind for logins that succeed', async () => {
    const user = createUser(t.app.db, { email: 'erfolgreich@example.org', role: 'provider' });
    const client = await anonymousClient(t.app, { remoteAddress: '10.8.0.1' });
    const answers = await Promise.all(Array.from({ length: 3 }, () => login(client, user.email, user.password)));
    expect(codes(answers)).toEqual([200, 200, 200]);
    const left = t.app.db.$client.prepare('SELECT count(*) AS n FROM login_failures WHERE account = ? OR address = ?').get(user.email, '10.8.0.1');
    expect(left).toEqual({ n: 0 });
  });
});

describe('login throttling per address', () => {
  it('locks an address after 20 failures across accounts, while other addresses still get in', async () => {
    const client = await anonymousClient(t.app, { remoteAddress: '10.4.0.1' });
    for (let i = 0; i < 20; i++) {
      expect((await login(client, `raten${i}@example.org`, 'passwort123')).statusCode).toBe(401);
    }
    const user = createUser(t.app.db, { email: 'unbeteiligt@example.org', role: 'provider' });
    const locked = await login(client, user.email, user.password);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    const elsewhere = await anonymousClient(t.app, { remoteAddress: '10.4.0.2' });
    expect((await login(elsewhere, user.email, user.password)).statusCode).toBe(200);
  });
});

describe('TRUST_PROXY', () => {
  it('without it, X-Forwarded-For is ignored: all attempts count for the connecting address', async () => {
    const proxy = { remoteAddress: '10.5.0.1' };
    for (let i = 0; i < 20; i++) {
      const client = await anonymousClient(t.app, { ...proxy, headers: { 'x-forwarded-for': `198.51.100.${i + 1}` } });
      expect((await login(client, `kunde${i}@example.org`, 'passwort123')).statusCode).toBe(401);
    }
    const client = await anonymousClient(t.app, { ...proxy, headers: { 'x-forwarded-for': '198.51.100.200' } });
    expect((await login(client, 'kunde-neu@example.org', 'passwort123')).statusCode).toBe(429);
  });

  it('with TRUST_PROXY=true, request.ip is the X-Forwarded-For client, so one client cannot lock out the proxy', async () => {
    const behindProxy = await startTestApp({ env: { TRUST_PROXY: 'true' } });
    try {
      const proxy = { remoteAddress: '127.0.0.1' };
      const attacker = await anonymousClient(behindProxy.app, { ...proxy, headers: { 'x-forwarded-for': '203.0.113.7' } });
      for (let i = 0; i < 20; i++) {
        expect((await login(attacker, `opfer${i}@example.org`, 'passwort123')).statusCode).toBe(401);
      }
      expect((await login(attacker, 'opfer-neu@example.org', 'passwort123')).statusCode).toBe(429);
      const rows = behindProxy.app.db.$client.prepare('SELECT DISTINCT address FROM login_failures').all();
      expect(rows).toEqual([{ address: '203.0.113.7' }]);

      const user = createUser(behindProxy.app.db, { email: 'kundin@example.org', role: 'provider' });
      const customer = await anonymousClient(behindProxy.app, { ...proxy, headers: { 'x-forwarded-for': '203.0.113.8' } });
      expect((await login(customer, user.email, user.password)).statusCode).toBe(200);
    } finally {
      await behindProxy.close();
    }
  });
});
