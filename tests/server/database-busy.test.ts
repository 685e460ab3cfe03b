import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFile } from '../../server/config';
import { signIn } from '../helpers/accounts';
import { buildWorld, type World } from '../helpers/moderation-fixtures';
import { startTestApp, type TestApp } from '../helpers/test-app';

// While another connection (a CSV import in its thread, a second server process) holds SQLite's write lock
// longer than writers wait, a write must answer "busy, try again" — never a 500 — and must not be lost
// when it is sent again.

let testApp: TestApp;
let world: World;

describe('a write while the database is locked', () => {
  beforeAll(async () => {
    testApp = await startTestApp({ fill: (db) => { world = buildWorld(db); } });
  });
  afterAll(async () => {
    await testApp?.close();
  });

  it('answers 503 database_busy with Retry-After, and succeeds once the lock is released', async () => {
    const provider = await signIn(testApp.app, world.users.providerA.email, world.users.providerA.password);
    const other = new Database(databaseFile(testApp.config));
    other.pragma('busy_timeout = 0');
    other.exec('BEGIN IMMEDIATE');
    try {
      const busy = await provider.request('PATCH', `/api/organisations/${world.A.organisation.id}`, { description: 'Neu beschrieben' });
      expect(busy.statusCode, busy.body).toBe(503);
      expect(busy.headers['retry-after']).toBe('5');
      expect(busy.json().error).toBe('database_busy');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    const again = await provider.request('PATCH', `/api/organisations/${world.A.organisation.id}`, { description: 'Neu beschrieben' });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().description).toBe('Neu beschrieben');
  }, 20_000);
});
