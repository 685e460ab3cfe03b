import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../server/services/passwords';

// `npm run user:create`, run as a person would: a real process, the password through a pipe.

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'blk-test-cli-'));
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

function run(args: string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/user-create.ts', ...args], {
      env: { PATH: process.env.PATH, DATA_DIR: dataDir, PUBLIC_URL: 'https://bildung.example.de' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

function userRow(email: string) {
  const db = new Database(join(dataDir, 'bildungslandkarte.db'), { readonly: true });
  try {
    return db.prepare('SELECT id, role, region_prefix AS regionPrefix, display_name AS displayName, password_hash AS hash, email_verified_at AS verified FROM users WHERE email = ?').get(email) as
      | { id: number; role: string; regionPrefix: string | null; displayName: string; hash: string; verified: string | null }
      | undefined;
  } finally {
    db.close();
  }
}

describe('npm run user:create', () => {
  it('creates a coordinator with its region, reading the password from a pipe', async () => {
    const result = await run(['--role', 'coordinator', '--email', 'Kim@Regen.example', '--region', '09276', '--name', 'Kim Koordination'], 'pipe-passwort-123\n');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Created coordinator kim@regen.example for region 09276 (Regen)');
    expect(result.stdout).toContain('Sign in at https://bildung.example.de/konto/anmelden');
    const row = userRow('kim@regen.example');
    expect(row).toMatchObject({ role: 'coordinator', regionPrefix: '09276', displayName: 'Kim Koordination', verified: expect.any(String) });
    // The line break ends the input; it is not part of the password.
    expect(await verifyPassword(row!.hash, 'pipe-passwort-123')).toBe(true);
    expect(result.stdout).not.toContain('pipe-passwort-123');
  }, 60_000);

  it('refuses --password with an explanation and exit code 2', async () => {
    const result = await run(['--role', 'admin', '--email', 'a@example.org', '--password', 'geheim-geheim'], '');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--password is not accepted');
    expect(result.stderr).toContain('shell history');
    expect(userRow('a@example.org')).toBeUndefined();
  }, 60_000);

  it('answers wrong input with exit code 2 and says what is wrong', async () => {
    const noRegion = await run(['--role', 'coordinator', '--email', 'b@example.org'], 'ein-passwort-123\n');
    expect(noRegion.code).toBe(2);
    expect(noRegion.stderr).toContain('--region is required for a coordinator');
    const short = await run(['--role', 'admin', '--email', 'b@example.org'], 'kurz\n');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('The password must have 10 to 200 characters');
    const unknownRegion = await run(['--role', 'coordinator', '--email', 'b@example.org', '--region', '99999'], 'ein-passwort-123\n');
    expect(unknownRegion.code).toBe(2);
    expect(unknownRegion.stderr).toContain('Unknown region key: 99999');
    expect(userRow('b@example.org')).toBeUndefined();
  }, 60_000);

  it('refuses an existing address unless --reset, which sets the new password and role', async () => {
    const first = await run(['--role', 'admin', '--email', 'c@example.org'], 'erstes-passwort-1\n');
    expect(first.code).toBe(0);
    const again = await run(['--role', 'admin', '--email', 'c@example.org'], 'zweites-passwort-2\n');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Add --reset');
    const reset = await run(['--role', 'coordinator', '--region', '08311', '--email', 'c@example.org', '--reset'], 'zweites-passwort-2\n');
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain('Updated coordinator c@example.org for region 08311');
    const row = userRow('c@example.org');
    expect(row).toMatchObject({ role: 'coordinator', regionPrefix: '08311' });
    expect(await verifyPassword(row!.hash, 'zweites-passwort-2')).toBe(true);
  }, 60_000);
});
