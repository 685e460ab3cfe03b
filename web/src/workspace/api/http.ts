import type { z } from 'zod';

/**
 * The workspace's HTTP core: same-origin cookies, the CSRF token on every state-changing request, the API's
 * error shape turned into something forms can show, and "not signed in" turned into a trip to the login page.
 */

/** An answer the API refused. `fields` holds the messages of a 400's `details`, keyed by dotted field path. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    /** Seconds from a 429's Retry-After header. */
    readonly retryAfter: number | null = null,
    readonly details: unknown = undefined,
  ) {
    super(message);
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as it is (CSV uploads). */
  raw?: { body: Blob | string; contentType: string };
  /**
   * A 401 normally means the session ended: the person is sent to the login page and comes back afterwards.
   * Requests that expect a 401 (login, "who am I") handle it themselves.
   */
  expectUnauthenticated?: boolean;
  signal?: AbortSignal;
}

interface Hooks {
  /** The interface language, so the server answers in it where it can. */
  lang(): string;
  /** Called on an unexpected 401. */
  onUnauthenticated(): void;
}

let hooks: Hooks = { lang: () => 'de', onUnauthenticated: () => undefined };
let csrfToken: Promise<string> | null = null;

export function configureHttp(next: Hooks): void {
  hooks = next;
}

/** Forgets the CSRF token; the session (and with it the token's secret) changes on login and logout. */
export function resetCsrf(): void {
  csrfToken = null;
}

function csrf(): Promise<string> {
  csrfToken ??= fetch('/api/auth/csrf', { headers: { accept: 'application/json' }, credentials: 'same-origin' })
    .then(async (res) => {
      if (!res.ok) throw await failureOf(res);
      const body = (await res.json()) as { token?: unknown };
      if (typeof body.token !== 'string') throw new ApiFailure(res.status, 'csrf_missing', 'No CSRF token');
      return body.token;
    })
    .catch((error: unknown) => {
      csrfToken = null;
      throw error;
    });
  return csrfToken;
}

/** Sends one request and parses the answer with `schema`; `null` schema: no body expected (204 and the like). */
export async function request<T extends z.ZodType>(path: string, schema: T, options?: RequestOptions): Promise<z.output<T>>;
export async function request(path: string, schema: null, options?: RequestOptions): Promise<void>;
export async function request(path: string, schema: z.ZodType | null, options: RequestOptions = {}): Promise<unknown> {
  const method = options.method ?? 'GET';
  let res = await send(path, method, options);
  if (res.status === 403 && method !== 'GET' && (await isCsrfFailure(res))) {
    // The token's secret went with an old session; one fresh token is worth a retry, more would loop.
    resetCsrf();
    res = await send(path, method, options);
  }
  if (res.status === 401 && !options.expectUnauthenticated) {
    hooks.onUnauthenticated();
  }
  if (!res.ok) throw await failureOf(res);
  if (schema === null || res.status === 204) return undefined;
  // Shared schemas: a parse failure means client and server disagree, which is a bug worth a loud error.
  return schema.parse(await res.json());
}

async function send(path: string, method: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': hooks.lang() };
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.raw) {
    headers['content-type'] = options.raw.contentType;
    body = options.raw.body;
  }
  if (method !== 'GET') headers['x-csrf-token'] = await csrf();
  return fetch(path, { method, headers, body, credentials: 'same-origin', signal: options.signal });
}

async function isCsrfFailure(res: Response): Promise<boolean> {
  try {
    const body = (await res.clone().json()) as { error?: unknown };
    return typeof body.error === 'string' && body.error.startsWith('csrf');
  } catch {
    return false;
  }
}

/** The API's `{ error, message, details }` as an ApiFailure; a body that is not JSON keeps the status text. */
async function failureOf(res: Response): Promise<ApiFailure> {
  let code = `http_${res.status}`;
  let message = res.statusText || `HTTP ${res.status}`;
  let details: unknown;
  try {
    const body = (await res.json()) as { error?: unknown; message?: unknown; details?: unknown };
    if (typeof body.error === 'string') code = body.error;
    if (typeof body.message === 'string') message = body.message;
    details = body.details;
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  const retry = Number(res.headers.get('retry-after'));
  return new ApiFailure(res.status, code, inLanguage(message, hooks.lang()), fieldsOf(details), Number.isFinite(retry) && retry > 0 ? retry : null, details);
}

/**
 * The API words its messages "Deutsch / English"; people read only the half in their interface language.
 * A message without that separator is shown as it is.
 */
export function inLanguage(message: string, lang: string): string {
  const at = message.indexOf(' / ');
  if (at < 0) return message;
  return lang === 'en' ? message.slice(at + 3) : message.slice(0, at);
}

/** `details: [{ parameter, message }]` → `{ [parameter]: message }`, the first message per field. */
function fieldsOf(details: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!Array.isArray(details)) return fields;
  for (const item of details as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { parameter, message } = item as { parameter?: unknown; message?: unknown };
    if (typeof parameter === 'string' && typeof message === 'string' && !(parameter in fields)) {
      fields[parameter.replace(/^body\.?/, '')] = message;
    }
  }
  return fields;
}
