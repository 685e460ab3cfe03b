import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../server/repos/audit-repo';
import { insertDecision } from '../../server/repos/duplicate-decisions-repo';
import { createUser, signIn } from '../helpers/accounts';
import { addOffering } from '../helpers/fixtures';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink';
import { startTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
let smtp: SmtpSink;
let offeringId = 0;
let secondId = 0;
beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await startTestApp({
    env: { SMTP_URL: smtp.url },
    fill: (db) => {
      offeringId = addOffering(db, { title: 'Hausaufgabenhilfe am Rathaus' });
      secondId = addOffering(db, { title: 'Hausaufgaben-Hilfe am Rathaus' });
    },
  });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

function providerIdOf(id: number): number {
  return (t.app.db.$client.prepare('SELECT provider_id AS p FROM offerings WHERE id = ?').get(id) as { p: number }).p;
}

describe('GET /api/me/export', () => {
  it('hands out the account, its organisation and the changes it made, as a download', async () => {
    const providerId = providerIdOf(offeringId);
    const user = createUser(t.app.db, { email: 'export@example.org', role: 'provider', providerId, displayName: 'Erika Export' });
    recordAudit(t.app.db, {
      actor: { id: user.id, role: 'provider' }, entityType: 'offering', entityId: offeringId, action: 'update',
      changes: [{ field: 'title', old: 'Hausaufgaben', new: 'Hausaufgabenhilfe am Rathaus' }],
    });
    const client = await signIn(t.app, user.email, user.password);
    const res = await client.request('GET', '/api/me/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="bildungslandkarte-konto-${user.id}.json"`);
    const data = res.json();
    expect(data.account).toMatchObject({
      id: user.id, email: 'export@example.org', displayName: 'Erika Export', role: 'provider', emailVerifiedAt: expect.any(String),
      organisation: { id: providerId, name: 'Testverein Lernen e.V.' },
    });
    expect(data.sessions).toHaveLength(1);
    expect(data.auditEntries).toEqual([
      expect.objectContaining({ entityType: 'offering', entityId: offeringId, action: 'update', changes: [{ field: 'title', old: 'Hausaufgaben', new: 'Hausaufgabenhilfe am Rathaus' }] }),
    ]);
    expect(data.duplicateDecisions).toEqual([]);
    expect(res.body).not.toMatch(/argon2|password/i);
  });

  it("includes the decisions on duplicate structures the person took, and nobody else's", async () => {
    const user = createUser(t.app.db, { email: 'koordination@example.org', role: 'coordinator', regionPrefix: '08' });
    const other = createUser(t.app.db, { email: 'andere@example.org', role: 'coordinator', regionPrefix: '08' });
    const pair = [offeringId, secondId].sort((a, b) => a - b);
    const decide = (decidedBy: number, decision: 'not_duplicate' | 'intended', note: string | null) =>
      insertDecision(t.app.db, { kind: 'same_entry', offeringIds: pair, decision, keepId: null, note, regionKey: '08', decidedBy });
    const first = decide(user.id, 'not_duplicate', 'zwei Gruppen, mit dem Träger gesprochen');
    decide(other.id, 'intended', null);
    const second = decide(user.id, 'intended', null);
    const client = await signIn(t.app, user.email, user.password);
    const res = await client.request('GET', '/api/me/export');
    expect(res.statusCode).toBe(200);
    expect(res.json().duplicateDecisions).toEqual([
      { id: first.id, kind: 'same_entry', decision: 'not_duplicate', offeringIds: pair, note: 'zwei Gruppen, mit dem Träger gesprochen', decidedAt: first.decidedAt },
      { id: second.id, kind: 'same_entry', decision: 'intended', offeringIds: pair, note: null, decidedAt: second.decidedAt },
    ]);
  });
});

describe('DELETE /api/me', () => {
  it('needs the password', async () => {
    const user = createUser(t.app.db, { email: 'vorsicht@example.org', role: 'provider' });
    const client = await signIn(t.app, user.email, user.password);
    const res = await client.request('DELETE', '/api/me', { password: 'nicht-meins' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toBe('wrong_password');
    expect((await client.request('GET', '/api/me')).statusCode).toBe(200);
  });

  it('deletes the account; the organisation, its published offering and the audit trail stay', async () => {
    const providerId = providerIdOf(offeringId);
    const user = createUser(t.app.db, { email: 'tschuess@example.org', role: 'provider', providerId, lang: 'en' });
    recordAudit(t.app.db, { actor: { id: user.id, role: 'provider' }, entityType: 'offering', entityId: offeringId, action: 'confirm' });
    const client = await signIn(t.app, user.email, user.password);
    const cookie = client.cookie;

    const res = await client.request('DELETE', '/api/me', { password: user.password });
    expect(res.statusCode).toBe(204);
    const mail = await smtp.waitFor((m) => m.to.includes('tschuess@example.org'));
    expect(mail.subject).toBe('Your account has been deleted');

    expect(t.app.db.$client.prepare('SELECT count(*) AS n FROM users WHERE id = ?').get(user.id)).toEqual({ n: 0 });
    expect(t.app.db.$client.prepare('SELECT count(*) AS n FROM sessions WHERE user_id = ?').get(user.id)).toEqual({ n: 0 });
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
    await expect(signIn(t.app, user.email, user.password)).rejects.toThrow(/401/);

    expect(t.app.db.$client.prepare('SELECT count(*) AS n FROM providers WHERE id = ?').get(providerId)).toEqual({ n: 1 });
    const offering = await t.app.inject({ method: 'GET', url: `/api/offerings/${offeringId}` });
    expect(offering.statusCode).toBe(200);
    const audit = t.app.db.$client.prepare("SELECT actor_user_id AS actor, actor_role AS role FROM audit_log WHERE action = 'confirm'").all();
    expect(audit).toEqual([{ actor: null, role: 'provider' }]);
  });

  it('refuses to delete the last admin', async () => {
    const admin = createUser(t.app.db, { email: 'letzte-admin@example.org', role: 'admin' });
    const client = await signIn(t.app, admin.email, admin.password);
    const res = await client.request('DELETE', '/api/me', { password: admin.password });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toBe('last_admin');
    expect((await client.request('GET', '/api/me')).statusCode).toBe(200);
  });
});
