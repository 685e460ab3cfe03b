import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import session from '@fastify/session';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { publicUrl, type Config } from '../config';
import { deleteExpiredAuthTokens } from '../repos/auth-tokens-repo';
import { deleteExpiredSessions } from '../repos/sessions-repo';
import { findUserById } from '../repos/users-repo';
import { anonymous, type Actor } from '../services/actor';
import { LOGIN_WINDOW_MS, pruneLoginFailures } from '../services/login-throttle';
import { sessionSecret } from '../services/secrets';
import { SqliteSessionStore } from '../services/session-store';
import { HttpError } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who makes the request, read fresh from the users table (a deleted user or new role counts at once). */
    actor: Actor;
  }
}

export const SESSION_COOKIE = 'blk_session';
export const CSRF_COOKIE = 'blk_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** A session ends after this long without a request; every request starts the period again. */
export const SESSION_IDLE_MS = 14 * 24 * 60 * 60 * 1000;
/** Both cookies go only to the API: pages and assets never carry them, and never cost a session lookup. */
const COOKIE_PATH = '/api';
const HOUSEKEEPING_MS = 60 * 60 * 1000;
const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cookies, server-side sessions in SQLite, CSRF protection for every state-changing request, and
 * `request.actor` on every request. Register after the db plugin and before any route.
 */
export const authPlugin = fp<{ config: Config }>(
  async (app: FastifyInstance, { config }) => {
    const secret = sessionSecret(config);
    // Secure cookies only make sense when people reach the site over https; on plain http a browser would drop them.
    const secure = publicUrl(config).startsWith('https:');
    if (secure && config.TRUST_PROXY === false) {
      app.log.warn('PUBLIC_URL is https but TRUST_PROXY is false: behind a TLS proxy, set TRUST_PROXY so sessions can be kept');
    }

    await app.register(cookie, { secret });
    await app.register(session, {
      secret,
      cookieName: SESSION_COOKIE,
      store: new SqliteSessionStore(app.db, SESSION_IDLE_MS),
      // Anonymous visitors get no session row and no cookie; one is written when someone signs in.
      saveUninitialized: false,
      rolling: true,
      cookie: { path: COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure, maxAge: SESSION_IDLE_MS },
    });
    await app.register(csrf, {
      sessionPlugin: '@fastify/cookie',
      cookieKey: CSRF_COOKIE,
      cookieOpts: { path: COOKIE_PATH, httpOnly: true, sameSite: 'strict', signed: true, secure },
      // Only the header: a form field could be sent by a cross-site form, a custom header cannot.
      getToken: (request) => headerValue(request, CSRF_HEADER),
    });

    // Set by the first hook below, before anything else can read it (even on a refused request); null is
    // only the shape Fastify prepares requests with.
    app.decorateRequest('actor', null, []);
    app.addHook('onRequest', async (request) => {
      request.actor = actorOf(app, request);
    });
    // Every state-changing request, whatever its path: the raw URL is not what the router matches
    // (`/%61pi/…` reaches `/api/…`), and nothing outside /api accepts one anyway.
    app.addHook('onRequest', (request, reply, done) => {
      if (!stateChanging.has(request.method)) return done();
      checkCsrf(app, request, reply, done);
    });
    // A signed-in answer carries a Set-Cookie (the rolling expiry): no shared cache may keep it, even where a
    // route marked its answer public for anonymous visitors.
    app.addHook('onSend', async (request, reply) => {
      // Null when an earlier hook (the rate limit) answered before the actor was read.
      if (request.actor?.kind !== 'user') return;
      const cacheControl = reply.getHeader('cache-control');
      if (typeof cacheControl === 'string' && cacheControl.includes('public')) {
        reply.header('cache-control', cacheControl.replace('public', 'private'));
      }
    });

    const housekeeping = setInterval(() => prune(app), HOUSEKEEPING_MS);
    housekeeping.unref();
    app.addHook('onReady', async () => prune(app));
    app.addHook('onClose', async () => clearInterval(housekeeping));
  },
  { name: 'auth', dependencies: ['db'] },
);

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Runs @fastify/csrf-protection's check, but answers in the project's error shape: the plugin reports a
 * failure through `reply.send(error)`, so it gets a reply whose `send` records the failure instead.
 */
function checkCsrf(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void): void {
  let refused = false;
  const probe = Object.create(reply) as FastifyReply;
  probe.send = () => {
    refused = true;
    return probe;
  };
  app.csrfProtection(request, probe, () => undefined);
  if (!refused) return done();
  done(
    new HttpError(
      403,
      'csrf_invalid',
      'Die Sicherheitsprüfung (CSRF) ist fehlgeschlagen. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal / ' +
        `The security check (CSRF) failed. Please reload the page and try again (send the token from GET /api/auth/csrf as ${CSRF_HEADER}).`,
    ),
  );
}

function actorOf(app: FastifyInstance, request: FastifyRequest): Actor {
  // Outside the cookie's path @fastify/session leaves a plain object here, so read the field, not `get`.
  const userId = request.session?.userId;
  if (typeof userId !== 'number') return anonymous;
  const user = findUserById(app.db, userId);
  // Deleting a user cascades to their sessions; this only guards against a row read in between.
  if (!user) return anonymous;
  return {
    kind: 'user',
    id: user.id,
    role: user.role,
    providerId: user.providerId,
    regionPrefix: user.regionPrefix,
    emailVerified: user.emailVerifiedAt !== null,
  };
}

function prune(app: FastifyInstance): void {
  const now = Date.now();
  try {
    deleteExpiredSessions(app.db, now);
    deleteExpiredAuthTokens(app.db, now);
    pruneLoginFailures(app.db, now - LOGIN_WINDOW_MS);
  } catch (error) {
    app.log.warn({ err: error }, 'pruning sessions, tokens and login failures failed');
  }
}

/**
 * Cuts secrets and what families reveal out of a logged URL: mailed links carry `?token=…`; a search's words
 * (`q`, which may name a child or a diagnosis) and a family's position (`near`) are personal data the request
 * log has no need of.
 */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:token|password|secret|q|near)=)[^&#]*/gi, '$1[redacted]');
}

/**
 * Logger settings that keep credentials out of the log: cookie, authorization and CSRF headers are
 * redacted wherever something logs them, and request URLs lose their tokens. Bodies are never logged.
 */
export const loggerRedaction = {
  redact: {
    paths: [
      'req.headers.cookie',
      'req.headers.authorization',
      `req.headers["${CSRF_HEADER}"]`,
      'res.headers["set-cookie"]',
      'headers.cookie',
      'headers.authorization',
      `headers["${CSRF_HEADER}"]`,
      'headers["set-cookie"]',
    ],
    censor: '[redacted]',
  },
  serializers: {
    // Fastify's own fields for a request, with the URL cleaned; written defensively because anyone may log
    // some other object under `req`. Headers stay out, as in Fastify's default.
    req(request: Partial<Pick<FastifyRequest, 'method' | 'url' | 'host' | 'ip' | 'socket'>>) {
      return {
        method: request.method,
        url: typeof request.url === 'string' ? redactUrl(request.url) : undefined,
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      };
    },
  },
};
