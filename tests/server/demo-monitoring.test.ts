import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zDuplicatesResponse, zGapsResponse, type DuplicatesResponse, type GapsResponse } from '../../schema';
import { zConfig } from '../../server/config';
import { DEMO_COORDINATOR_EMAIL, demoAccountsFile, type DemoAccounts } from '../../seed/demo-accounts';
import { prepareDirectory } from '../../seed/prepare';
import { expectJson, signIn, type Client } from '../helpers/accounts';
import { getJson } from '../helpers/http';
import { startTestApp, type TestApp } from '../helpers/test-app';

// What the demo coordinator sees on the first login after `npm start`: the default demo data (SEED_COUNT and
// SEED as the configuration has them) with the demo accounts, as server/main.ts prepares them.

const defaults = zConfig.parse({});

let t: TestApp;
let accounts: DemoAccounts;
let coordinator: Client;
beforeAll(async () => {
  t = await startTestApp();
  const file = demoAccountsFile(t.config.DATA_DIR);
  const prepared = prepareDirectory(t.app.db, { count: defaults.SEED_COUNT, seed: defaults.SEED, demoAccountsFile: file }, { info: () => undefined });
  accounts = prepared.demoAccounts!;
  await t.app.directory.refresh();
  const passwords = new Map(
    readFileSync(file, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t') as [string, string]),
  );
  coordinator = await signIn(t.app, DEMO_COORDINATOR_EMAIL, passwords.get(DEMO_COORDINATOR_EMAIL)!);
}, 180_000);
afterAll(async () => {
  await t?.close();
});

describe('the demo coordinator on the default demo data', () => {
  it('looks after a Landkreis of at least 20 municipalities, with the demo provider seated there', () => {
    const region = accounts.coordinator.regionPrefix;
    expect(region).toMatch(/^\d{5}$/);
    const { municipalities } = t.app.db.$client
      .prepare("SELECT count(*) AS municipalities FROM regions WHERE level = 'gemeinde' AND key LIKE ? || '%'")
      .get(region) as { municipalities: number };
    expect(municipalities).toBeGreaterThanOrEqual(20);
    const seat = t.app.db.$client.prepare('SELECT region_key AS key FROM providers WHERE name = ?').get(accounts.provider.organisation) as { key: string };
    expect(seat.key.slice(0, 5)).toBe(region);
  });

  it('sees unserved municipalities on the gap map for tutoring at age 10', async () => {
    const gaps = zGapsResponse.parse(
      await getJson<GapsResponse>(t.app, `/api/gaps?region=${accounts.coordinator.regionPrefix}&category=tutoring&age=10`),
    );
    expect(gaps.municipalities.length).toBeGreaterThanOrEqual(20);
    expect(gaps.summary.unserved).toBeGreaterThanOrEqual(3);
    expect(gaps.municipalities.filter((m) => !m.served).length).toBe(gaps.summary.unserved);
    // Not an empty district: some of it is served.
    expect(gaps.summary.served).toBeGreaterThan(0);
  });

  it('finds at least two groups of each kind of duplicate structure', async () => {
    const region = accounts.coordinator.regionPrefix;
    const all = zDuplicatesResponse.parse(await expectJson<DuplicatesResponse>(coordinator, 'GET', `/api/duplicates?region=${region}`));
    expect(all.counts.same_entry).toBeGreaterThanOrEqual(2);
    expect(all.counts.parallel).toBeGreaterThanOrEqual(2);

    for (const kind of ['same_entry', 'parallel'] as const) {
      const one = zDuplicatesResponse.parse(await expectJson<DuplicatesResponse>(coordinator, 'GET', `/api/duplicates?region=${region}&kind=${kind}`));
      expect(one.groups.length, kind).toBeGreaterThanOrEqual(2);
      for (const group of one.groups) {
        expect(group.kind).toBe(kind);
        expect(group.reasons.length).toBeGreaterThan(0);
      }
    }
  });
});
