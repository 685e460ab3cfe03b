import { createHash, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config';

/** SHA-256 as hex: what the database keeps instead of a session id or a mailed token. */
export function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** A token for a mailed link: 32 random bytes, base64url (43 characters), and the hash to store. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: sha256(token) };
}

export function sessionSecretFile(config: Config): string {
  return join(config.DATA_DIR, 'session-secret');
}

/**
 * The key that signs session and CSRF cookies: SESSION_SECRET, or else a random one generated on the first
 * start and kept in DATA_DIR/session-secret (mode 600), so restarts keep people signed in and two processes
 * on one DATA_DIR accept each other's cookies.
 */
export function sessionSecret(config: Config): string {
  if (config.SESSION_SECRET) return config.SESSION_SECRET;
  const file = sessionSecretFile(config);
  const existing = readSecret(file);
  if (existing) return existing;
  mkdirSync(config.DATA_DIR, { recursive: true });
  // Written whole under a private name, then linked into place: link fails if another process won the race,
  // and nobody ever reads a half-written file.
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  // mode 600 at creation (a umask can only take bits away), so the secret is never readable by others.
  writeFileSync(temporary, `${randomBytes(48).toString('base64url')}\n`, { mode: 0o600 });
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
  const secret = readSecret(file);
  if (!secret) throw new Error(`${file} must hold at least 32 characters; delete it to have a new one generated`);
  return secret;
}

function readSecret(file: string): string | null {
  try {
    const value = readFileSync(file, 'utf8').trim();
    return value.length >= 32 ? value : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
