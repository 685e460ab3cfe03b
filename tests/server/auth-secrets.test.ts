import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { anonymousClient, signIn, tokenFromMail, type Client } from '../helpers/accounts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';

// Passwords, mailed tokens, session ids and CSRF tokens must never show up in an answer body or in the log.
// The app is built with every log line (level trace) captured, and one person goes through every account
// route; then every secret they used is looked for in everything that came back and everything logged.

let app: FastifyInstance;
let smtp: SmtpSink;
let dataDir: string;
const logLines: string[] = [];
const bodies: string[] = [];

beforeAll(async () => {
  smtp = await startSmtpSink();
  dataDir = mkdtempSync(join(tmpdir(), 'blk-test-secrets-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    MEILI_URL: inject('meiliUrl'),
    MEILI_MASTER_KEY: inject('meiliKey'),
    MEILI_INDEX_PREFIX: `tsecrets${process.pid}_`,
    LOG_LEVEL: 'trace',
    RATE_LIMIT: '100000',
    SMTP_URL: smtp.url,
  });
  app = await buildApp(config, { logStream: { write: (line) => logLines.push(line) } });
  await app.ready();
});
afterAll(async () => {
  await app?.meili.request('DELETE', `/indexes/${app.offeringIndex.uid}`).catch(() => undefined);
  await app?.close();
  await smtp?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function call(client: Client, method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown): Promise<LightMyRequestResponse> {
  const res = await client.request(method, url, body);
  bodies.push(res.body);
  return res;
}

describe('secrets', () => {
  it('never appear in an answer body or a log line', async () => {
    const passwords = ['erstes-passwort-Xq7', 'zweites-passwort-Yr8', 'drittes-passwort-Zs9'] as const;
    const email = 'geheim@example.org';
    const secrets: string[] = [...passwords];

    const visitor = await anonymousClient(app);
    secrets.push(visitor.csrf);
    expect((await call(visitor, 'POST', '/api/auth/register', { email, password: passwords[0], displayName: 'G', lang: 'de' })).statusCode).toBe(202);
    const verifyToken = tokenFromMail((await smtp.waitFor((m) => m.to.includes(email))).text);
    secrets.push(verifyToken);
    // The page the link opens: its URL carries the token into the request log.
    await app.inject({ method: 'GET', url: `/konto/bestaetigen?token=${verifyToken}` });
    expect((await call(visitor, 'POST', '/api/auth/verify', { token: verifyToken })).statusCode).toBe(200);

    const person = await signIn(app, email, passwords[0]);
    secrets.push(person.csrf, ...sessionIds(person));
    expect((await call(person, 'POST', '/api/auth/password', { currentPassword: passwords[0], newPassword: passwords[1] })).statusCode).toBe(200);
    secrets.push(...sessionIds(person));
    expect((await call(person, 'POST', '/api/auth/password', { currentPassword: 'falsch-geraten-123', newPassword: passwords[2] })).statusCode).toBe(403);

    expect((await call(visitor, 'POST', '/api/auth/password-reset/request', { email, lang: 'de' })).statusCode).toBe(202);
    const resetToken = tokenFromMail((await smtp.waitFor((m) => m.to.includes(email) && m.subject.startsWith('Neues Passwort'))).text);
    secrets.push(resetToken);
    expect((await call(visitor, 'POST', '/api/auth/password-reset', { token: resetToken, password: passwords[2] })).statusCode).toBe(200);
    expect((await call(visitor, 'POST', '/api/auth/password-reset', { token: resetToken, password: passwords[2] })).statusCode).toBe(400);

    // Bodies the server cannot parse or refuses must not be echoed either.
    const broken = await app.inject({
      method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json', cookie: visitor.cookie, 'x-csrf-token': visitor.csrf },
      payload: `{"email":"${email}","password":"${passwords[2]}"`,
    });
    bodies.push(broken.body);
    expect(broken.statusCode).toBe(400);
    expect((await call(visitor, 'POST', '/api/auth/login', { email, password: `${passwords[2]}${'x'.repeat(200)}` })).statusCode).toBe(400);
    expect((await call(visitor, 'POST', '/api/auth/login', { email, password: passwords[0] })).statusCode).toBe(401);

    const again = await signIn(app, email, passwords[2]);
    secrets.push(...sessionIds(again));
    expect((await call(again, 'GET', '/api/me/export')).statusCode).toBe(200);
    expect((await call(again, 'DELETE', '/api/me', { password: passwords[2] })).statusCode).toBe(204);
    await smtp.waitFor((m) => m.to.includes(email) && m.subject === 'Ihr Konto wurde gelöscht');
    await app.mailer.close();

    const log = logLines.join('');
    expect(log).toContain('/konto/bestaetigen?token=[redacted]');
    expect(log).not.toContain('"level":50');
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThanOrEqual(10);
      for (const body of bodies) expect(body).not.toContain(secret);
      expect(log).not.toContain(secret);
    }
  });

  it('redacts cookie, authorization and CSRF headers wherever something logs them', () => {
    const before = logLines.length;
    app.log.info({ req: { headers: { cookie: 'blk_session=abc', authorization: 'Basic xyz', 'x-csrf-token': 'tok' } } }, 'probe');
    app.log.info({ headers: { cookie: 'blk_session=abc', 'x-csrf-token': 'tok' } }, 'probe');
    const lines = logLines.slice(before).join('');
    expect(lines).not.toMatch(/abc|xyz|tok"/);
    // Under `req` the request serializer leaves headers out altogether; elsewhere they are censored.
    expect(lines.match(/\[redacted\]/g)).toHaveLength(2);
  });
});

/** The session id as the cookie carries it (signed) and the bare id before the signature. */
function sessionIds(client: Client): string[] {
  const value = decodeURIComponent(/blk_session=([^;]+)/.exec(client.cookie)?.[1] ?? '');
  expect(value.length).toBeGreaterThan(30);
  return [value, value.slice(0, value.lastIndexOf('.'))];
}
