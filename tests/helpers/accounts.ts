import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { Db } from '../../server/db/connection';
import type { UserRoleId } from '../../server/db/schema';
import { insertUser } from '../../server/repos/users-repo';
import { hashPasswordSync } from '../../server/services/passwords';

// Accounts for tests: users written straight into the database, and clients that talk to the app like a
// browser does (session cookie, CSRF cookie and header), through app.inject().

export interface TestUser {
  id: number;
  email: string;
  password: string;
}

export interface NewTestUser {
  email: string;
  /** Default: a random password (returned). */
  password?: string;
  role: UserRoleId;
  providerId?: number | null;
  /** Required for coordinators, e.g. '09276'. */
  regionPrefix?: string | null;
  /** Whether the e-mail address is confirmed. Default: true. */
  verified?: boolean;
  displayName?: string;
  lang?: 'de' | 'en';
}

/** Inserts a user with a real argon2id hash (synchronous, so it works inside startTestApp's `fill`). */
export function createUser(db: Db, user: NewTestUser): TestUser {
  const password = user.password ?? `pw-${randomBytes(12).toString('base64url')}`;
  const row = insertUser(db, {
    email: user.email.trim().toLowerCase(),
    displayName: user.displayName ?? user.email.split('@')[0]!,
    passwordHash: hashPasswordSync(password),
    role: user.role,
    providerId: user.providerId ?? null,
    regionPrefix: user.regionPrefix ?? null,
    lang: user.lang ?? 'de',
    emailVerifiedAt: user.verified === false ? null : new Date().toISOString(),
  });
  return { id: row.id, email: row.email, password };
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A browser-like client: keeps the cookies it is given and sends the CSRF token with every request. */
export interface Client {
  /** The Cookie header it sends now (session and CSRF cookie). */
  readonly cookie: string;
  /** The CSRF token it sends as x-csrf-token. */
  csrf: string;
  request(method: Method, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export interface ClientOptions {
  /** The client's address as the server sees it (inject's remoteAddress). Default: 127.0.0.1. */
  remoteAddress?: string;
  /** Sent with every request, e.g. `{ 'x-forwarded-proto': 'https' }` for an app with an https PUBLIC_URL. */
  headers?: Record<string, string>;
}

/** A client that is not signed in but holds a CSRF token (for register, login, reset). */
export async function anonymousClient(app: FastifyInstance, options: ClientOptions = {}): Promise<Client> {
  const jar = new Map<string, string>();
  const send = async (method: Method, url: string, body?: unknown, headers: Record<string, string> = {}, csrf?: string) => {
    const request: InjectOptions = {
      method,
      url,
      remoteAddress: options.remoteAddress,
      headers: {
        ...(jar.size > 0 ? { cookie: cookieHeader(jar) } : {}),
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
        ...options.headers,
        ...headers,
      },
      ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
    };
    const response = await app.inject(request);
    for (const c of response.cookies) {
      const cleared = c.value === '' || (c.expires instanceof Date && c.expires.getTime() <= Date.now()) || c.maxAge === 0;
      if (cleared) jar.delete(c.name);
      else jar.set(c.name, c.value);
    }
    return response;
  };
  const first = await send('GET', '/api/auth/csrf');
  if (first.statusCode !== 200) throw new Error(`GET /api/auth/csrf answered ${first.statusCode}: ${first.body}`);
  const client: Client = {
    get cookie() {
      return cookieHeader(jar);
    },
    csrf: (first.json() as { token: string }).token,
    request: (method, url, body, headers) => send(method, url, body, headers, client.csrf),
  };
  return client;
}

/** Signs in through POST /api/auth/login; throws with the answer when that fails. */
export async function signIn(app: FastifyInstance, email: string, password: string, options: ClientOptions = {}): Promise<Client> {
  const client = await anonymousClient(app, options);
  const response = await client.request('POST', '/api/auth/login', { email, password });
  if (response.statusCode !== 200) throw new Error(`login as ${email} answered ${response.statusCode}: ${response.body}`);
  return client;
}

/** The token in a mailed link (`…?token=…`). */
export function tokenFromMail(text: string): string {
  const match = /[?&]token=([A-Za-z0-9_-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no link with a token in this mail:\n${text}`);
  return match[1];
}

function cookieHeader(jar: Map<string, string>): string {
  // inject hands out decoded values; @fastify/cookie decodes what it receives, so they go back encoded.
  return [...jar].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; ');
}

/** Sends a request as `client`, expects `status` (the body is in the failure message) and returns the JSON. */
export async function expectJson<T>(client: Client, method: Method, url: string, body?: unknown, status = 200): Promise<T> {
  const res = await client.request(method, url, body);
  expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 400)}`).toBe(status);
  return (res.body ? res.json() : undefined) as T;
}
