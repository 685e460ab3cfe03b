import { randomBytes } from 'node:crypto';
import { existsSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db, Executor } from '../server/db/connection';
import { publishedPerDistrict } from '../server/repos/offerings-repo';
import { municipalitiesPerDistrict } from '../server/repos/regions-repo';
import { findUserByEmail, insertUser, organisationWithMostPublished, updateUser } from '../server/repos/users-repo';
import { hashPasswordSync } from '../server/services/passwords';
import { showcaseDistrict } from './demo/showcase';

// Two accounts to try the private pages with, made together with the demo data: a provider who is a member
// of a demo organisation, and the coordinator of that organisation's district. Their random passwords go
// into a file only the owner can read; they are never logged.
//
// The district is a Landkreis of many municipalities with plenty of offerings (seed/demo/showcase.ts), the
// one the generator planted duplicate structures in, so the coordinator's gap map has areas to compare and
// the duplicate page has groups on the first login. The provider belongs to the same district, so what it
// submits lands in the coordinator's review queue.

export const DEMO_PROVIDER_EMAIL = 'anbieter@demo.bildungslandkarte.example';
export const DEMO_COORDINATOR_EMAIL = 'koordination@demo.bildungslandkarte.example';

export interface DemoAccounts {
  provider: { email: string; organisation: string };
  coordinator: { email: string; regionPrefix: string };
  /** The file with the passwords (mode 600). */
  file: string;
}

function upsertDemoUser(db: Executor, email: string, fields: { displayName: string; role: 'provider' | 'coordinator'; providerId: number | null; regionPrefix: string | null }, password: string): void {
  const passwordHash = hashPasswordSync(password);
  const verified = new Date().toISOString();
  const existing = findUserByEmail(db, email);
  if (existing) updateUser(db, existing.id, { ...fields, passwordHash, emailVerifiedAt: verified });
  else insertUser(db, { email, ...fields, passwordHash, emailVerifiedAt: verified });
}

/** Creates (or renews) both demo accounts and writes their passwords to `file`; null without demo offerings. */
export function createDemoAccounts(db: Db, file: string): DemoAccounts | null {
  const organisation = demoOrganisation(db);
  if (!organisation) return null;
  const regionPrefix = organisation.regionKey.slice(0, 5);
  const passwords = { provider: randomBytes(12).toString('base64url'), coordinator: randomBytes(12).toString('base64url') };
  db.transaction((tx) => {
    upsertDemoUser(tx, DEMO_PROVIDER_EMAIL, { displayName: 'Demo-Anbieter', role: 'provider', providerId: organisation.id, regionPrefix: null }, passwords.provider);
    upsertDemoUser(tx, DEMO_COORDINATOR_EMAIL, { displayName: 'Demo-Koordination', role: 'coordinator', providerId: null, regionPrefix }, passwords.coordinator);
  });
  // Recreated rather than overwritten: writeFile keeps the mode of an existing file, `wx` sets 600 on a new one.
  if (existsSync(file)) unlinkSync(file);
  writeFileSync(
    file,
    [
      '# Demo accounts of this Bildungslandkarte, created with the demo data. Sign in at /konto/anmelden.',
      `# Provider: member of "${organisation.name}" (organisation ${organisation.id}).`,
      `${DEMO_PROVIDER_EMAIL}\t${passwords.provider}`,
      `# Coordinator for the district ${regionPrefix}.`,
      `${DEMO_COORDINATOR_EMAIL}\t${passwords.coordinator}`,
      '',
    ].join('\n'),
    { mode: 0o600, flag: 'wx' },
  );
  return {
    provider: { email: DEMO_PROVIDER_EMAIL, organisation: organisation.name },
    coordinator: { email: DEMO_COORDINATOR_EMAIL, regionPrefix },
    file,
  };
}

/**
 * The organisation with the most published offerings in the showcase district (ties: the lower id); without
 * one seated there, the organisation with the most published offerings anywhere.
 */
export function demoOrganisation(db: Db): { id: number; name: string; regionKey: string } | null {
  const district = showcaseDistrict(publishedPerDistrict(db), municipalitiesPerDistrict(db));
  if (district === null) return null;
  return organisationWithMostPublished(db, district) ?? organisationWithMostPublished(db);
}

export function demoAccountsFile(dataDir: string): string {
  return join(dataDir, 'demo-accounts.txt');
}

/** How to sign in as each demo account, for the start log: addresses and the file, never the passwords. */
export function demoAccountsNotice(accounts: DemoAccounts, signInUrl: string): string {
  return (
    `Demo accounts (passwords in ${accounts.file}), sign in at ${signInUrl}: ` +
    `provider ${accounts.provider.email} (member of "${accounts.provider.organisation}"), ` +
    `coordinator ${accounts.coordinator.email} (district ${accounts.coordinator.regionPrefix})`
  );
}
