import { hash, hashSync, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

// Passwords are stored as argon2id hashes (PHC strings carry salt and parameters, so raising the parameters
// later only affects new hashes). The parameters are OWASP's first argon2id recommendation: 19 MiB of memory
// makes GPU guessing expensive while one hash stays around 50 ms on a small server.

/** Memory per hash in KiB (19 MiB). */
export const ARGON2_MEMORY_COST_KIB = 19_456;
/** Passes over the memory. */
export const ARGON2_TIME_COST = 2;
/** Lanes; 1 keeps concurrent logins from competing for the two cores. */
export const ARGON2_PARALLELISM = 1;
/** argon2id; the package's `Algorithm` is a const enum, which isolated modules cannot read. */
const ARGON2ID = 2;

const options = {
  algorithm: ARGON2ID,
  memoryCost: ARGON2_MEMORY_COST_KIB,
  timeCost: ARGON2_TIME_COST,
  parallelism: ARGON2_PARALLELISM,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** For seeding and the shell, where blocking for ~50 ms does not hold up any request. */
export function hashPasswordSync(password: string): string {
  return hashSync(password, options);
}

/** False for a wrong password and for a stored value that is not an argon2 hash (never throws). */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/**
 * Spends the time of one verification for an address without an account, so the answer's timing does not
 * tell whether the account exists.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(16).toString('base64url'));
  await verifyPassword(await dummyHash, password);
  return false;
}

/** A hash nobody knows the password of: for invited accounts until they set their own through the link. */
export function unusablePasswordHash(): Promise<string> {
  return hashPassword(randomBytes(32).toString('base64url'));
}
