import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  zCsrfToken, zLoginInput, zMe, zMessage, zPasswordChangeInput, zPasswordResetInput, zPasswordResetRequest,
  zRegisterInput, zTokenInput,
} from '../../schema';
import type { Config } from '../config';
import { SESSION_COOKIE } from '../plugins/auth';
import { Accounts } from '../services/accounts';
import { HttpError } from '../plugins/errors';
import { requireUser } from '../services/authorization';
import { TooManyAttemptsError } from '../services/login-throttle';

/**
 * Anonymous account routes are limited harder than the public API: each sends a mail or checks a password.
 * Login has its own throttle per account and address on top.
 */
export const ACCOUNT_RATE_LIMIT = { max: 20, timeWindow: '1 minute' } as const;
const LOGIN_RATE_LIMIT = { max: 60, timeWindow: '1 minute' } as const;

/** Lets a TooManyAttemptsError carry its Retry-After header into the error answer. */
export async function withRetryAfter<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof TooManyAttemptsError) reply.header('retry-after', String(error.retryAfterSeconds));
    throw error;
  }
}

const tags = ['accounts'];

export const authRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  const accounts = new Accounts({ db: app.db, mailer: app.mailer, config, log: app.log });

  app.get('/api/auth/csrf', {
    schema: { summary: 'A CSRF token; send it as the x-csrf-token header with every change', tags, response: { 200: zCsrfToken } },
    handler: async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return { token: reply.generateCsrf() };
    },
  });

  app.post('/api/auth/register', {
    config: { rateLimit: ACCOUNT_RATE_LIMIT },
    schema: { summary: 'Register as a provider; a confirmation mail follows', tags, body: zRegisterInput, response: { 202: zMessage } },
    handler: async (request, reply) => {
      await accounts.register(request.body);
      return reply.code(202).send({
        message:
          'Danke! Wir haben Ihnen eine E-Mail geschickt. Bitte bestätigen Sie darin Ihre Adresse / ' +
          'Thank you! We have sent you an e-mail. Please confirm your address with the link in it.',
      });
    },
  });

  app.post('/api/auth/verify', {
    config: { rateLimit: ACCOUNT_RATE_LIMIT },
    schema: { summary: 'Confirm the e-mail address with the token from the mail', tags, body: zTokenInput, response: { 200: zMessage } },
    handler: async (request) => {
      // Confirming ends every session opened before (someone else may have registered the address); the
      // browser that confirms keeps its own.
      const current = typeof request.session?.regenerate === 'function' ? request.session.sessionId : undefined;
      accounts.verifyEmail(request.body.token, current);
      return { message: 'Ihre E-Mail-Adresse ist bestätigt / Your e-mail address is confirmed.' };
    },
  });

  app.post('/api/auth/resend-verification', {
    config: { rateLimit: ACCOUNT_RATE_LIMIT },
    schema: { summary: 'Send the confirmation mail again (signed in, not yet confirmed)', tags, response: { 202: zMessage } },
    handler: async (request, reply) => {
      accounts.resendVerification(requireUser(request.actor));
      return reply.code(202).send({
        message: 'Wir haben Ihnen einen neuen Bestätigungslink geschickt / We have sent you a new confirmation link.',
      });
    },
  });

  app.post('/api/auth/login', {
    config: { rateLimit: LOGIN_RATE_LIMIT },
    schema: { summary: 'Sign in', tags, body: zLoginInput, response: { 200: zMe } },
    handler: async (request, reply) => {
      const { email, password } = request.body;
      // The session lives under /api (its cookie path); an encoded path such as /%61pi/… reaches this route
      // without one, and there is nothing to sign in to.
      if (typeof request.session?.regenerate !== 'function') {
        throw new HttpError(400, 'bad_path', 'Bitte /api/auth/login verwenden / Please use /api/auth/login.');
      }
      const user = await withRetryAfter(reply, () => accounts.checkPassword(email, password, request.ip));
      // A new session id at sign-in: an id planted in the browser before (session fixation) is worth nothing.
      await request.session.regenerate();
      request.session.set('userId', user.id);
      return accounts.me(user.id);
    },
  });

  app.post('/api/auth/logout', {
    schema: { summary: 'Sign out (ends this session)', tags, response: { 204: z.null() } },
    handler: async (request, reply) => {
      if (request.session) await request.session.destroy();
      reply.clearCookie(SESSION_COOKIE, { path: '/api' });
      return reply.code(204).send(null);
    },
  });

  app.post('/api/auth/password-reset/request', {
    config: { rateLimit: ACCOUNT_RATE_LIMIT },
    schema: { summary: 'Ask for a link to set a new password', tags, body: zPasswordResetRequest, response: { 202: zMessage } },
    handler: async (request, reply) => {
      accounts.requestPasswordReset(request.body);
      return reply.code(202).send({
        message:
          'Wenn es zu dieser Adresse ein Konto gibt, ist ein Link zum Zurücksetzen unterwegs / ' +
          'If there is an account for this address, a link to reset the password is on its way.',
      });
    },
  });

  app.post('/api/auth/password-reset', {
    config: { rateLimit: ACCOUNT_RATE_LIMIT },
    schema: { summary: 'Set a new password with the token from the mail', tags, body: zPasswordResetInput, response: { 200: zMessage } },
    handler: async (request) => {
      await accounts.resetPassword(request.body.token, request.body.password);
      return {
        message: 'Ihr neues Passwort gilt. Bitte melden Sie sich an / Your new password is set. Please sign in.',
      };
    },
  });

  app.post('/api/auth/password', {
    schema: { summary: 'Change the password (ends every other session)', tags, body: zPasswordChangeInput, response: { 200: zMe } },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      const { currentPassword, newPassword } = request.body;
      await withRetryAfter(reply, () => accounts.changePassword(actor, currentPassword, newPassword, request.ip));
      // Every session of the account is gone now; this one continues under a new id.
      await request.session.regenerate(['userId']);
      return accounts.me(actor.id);
    },
  });
};
