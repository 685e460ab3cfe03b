import { existsSync, readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COORDINATOR_EMAIL, DEMO_PROVIDER_EMAIL, demoAccountsFile, demoAccountsNotice } from '../../seed/demo-accounts';
import { prepareDirectory } from '../../seed/prepare';
import { signIn } from '../helpers/accounts';
import { startTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const quiet = { info: () => undefined };

describe('demo accounts', () => {
  it('are not made without demo data (SEED_COUNT=0)', () => {
    const file = demoAccountsFile(t.config.DATA_DIR);
    expect(prepareDirectory(t.app.db, { count: 0, seed: 1, demoAccountsFile: file }, quiet).demoAccounts).toBeNull();
    expect(existsSync(file)).toBe(false);
  });

  it('come with the demo data: a member of a demo organisation and the coordinator of its district', async () => {
    const file = demoAccountsFile(t.config.DATA_DIR);
    const { demoAccounts } = prepareDirectory(t.app.db, { count: 40, seed: 3, demoAccountsFile: file }, quiet);
    expect(demoAccounts).not.toBeNull();
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const passwords = new Map(
      readFileSync(file, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t') as [string, string]),
    );
    const provider = await signIn(t.app, DEMO_PROVIDER_EMAIL, passwords.get(DEMO_PROVIDER_EMAIL)!);
    const providerMe = (await provider.request('GET', '/api/me')).json();
    expect(providerMe).toMatchObject({ role: 'provider', emailVerified: true, organisation: { name: demoAccounts!.provider.organisation } });

    const coordinator = await signIn(t.app, DEMO_COORDINATOR_EMAIL, passwords.get(DEMO_COORDINATOR_EMAIL)!);
    const coordinatorMe = (await coordinator.request('GET', '/api/me')).json();
    const seat = t.app.db.$client.prepare('SELECT region_key AS key FROM providers WHERE id = ?').get(providerMe.organisation.id) as { key: string };
    expect(coordinatorMe).toMatchObject({ role: 'coordinator', emailVerified: true, regionPrefix: seat.key.slice(0, 5) });

    // What the start log says: how to sign in, where the passwords are, but not the passwords.
    const notice = demoAccountsNotice(demoAccounts!, 'http://localhost:3000/konto/anmelden');
    expect(notice).toContain(DEMO_PROVIDER_EMAIL);
    expect(notice).toContain(file);
    for (const password of passwords.values()) expect(notice).not.toContain(password);
  });
});
