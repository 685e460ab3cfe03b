import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zAccountExport, zDeleteAccountInput, zMe } from '../../schema';
import type { Config } from '../config';
import { SESSION_COOKIE } from '../plugins/auth';
import { deleteAccount, exportAccount } from '../services/account-data';
import { Accounts } from '../services/accounts';
import { requireUser } from '../services/authorization';
import { withRetryAfter } from './auth';

const tags = ['accounts'];

/** The signed-in person's own account: who they are, their data as a download, and deleting it. */
export const meRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  const deps = { db: app.db, mailer: app.mailer, config, log: app.log };
  const accounts = new Accounts(deps);

  app.get('/api/me', {
    schema: { summary: 'The signed-in user', tags, response: { 200: zMe } },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return accounts.me(requireUser(request.actor).id);
    },
  });

  app.get('/api/me/export', {
    schema: { summary: 'Everything stored about the signed-in user, as a JSON download', tags, response: { 200: zAccountExport } },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      reply.header('cache-control', 'no-store');
      reply.header('content-disposition', `attachment; filename="bildungslandkarte-konto-${actor.id}.json"`);
      return exportAccount(app.db, actor.id);
    },
  });

  app.delete('/api/me', {
    schema: { summary: 'Delete the own account (the organisation and its entries stay)', tags, body: zDeleteAccountInput, response: { 204: z.null() } },
    handler: async (request, reply) => {
      const actor = requireUser(request.actor);
      await withRetryAfter(reply, () => deleteAccount(deps, actor, request.body.password, request.ip));
      // The row went with the user; this keeps the session from being written back at the end of the request.
      await request.session.destroy();
      reply.clearCookie(SESSION_COOKIE, { path: '/api' });
      return reply.code(204).send(null);
    },
  });
};
