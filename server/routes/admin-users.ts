import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { zAdminUser, zAdminUserList, zCreateUserInput, zUpdateUserInput, zUserIdParams } from '../../schema';
import type { Config } from '../config';
import { changeUserRole, inviteUser, listAccounts, type AdminDeps } from '../services/account-admin';
import { authorize } from '../services/authorization';

const tags = ['accounts'];

/** Admins manage accounts: list, invite coordinators and admins, change roles and regions. */
export const adminUserRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  const deps: AdminDeps = {
    db: app.db,
    mailer: app.mailer,
    config,
    log: app.log,
    // The reference data in memory (states, districts, municipalities by official key).
    regionName: (prefix) => app.directory.regions.get(prefix)?.name,
  };

  app.get('/api/admin/users', {
    schema: { summary: 'Every account (admins only)', tags, response: { 200: zAdminUserList } },
    handler: async (request, reply) => {
      authorize(request.actor, 'users.manage', { type: 'users' });
      reply.header('cache-control', 'no-store');
      return { users: listAccounts(app.db) };
    },
  });

  app.post('/api/admin/users', {
    schema: {
      summary: 'Invite a coordinator or admin; they set their password through the mailed link',
      tags,
      body: zCreateUserInput,
      response: { 201: zAdminUser },
    },
    handler: async (request, reply) => {
      const actor = authorize(request.actor, 'users.manage', { type: 'users' });
      return reply.code(201).send(await inviteUser(deps, actor, request.body));
    },
  });

  app.patch('/api/admin/users/:id', {
    schema: {
      summary: "Change a user's role or region (ends their sessions)",
      tags,
      params: zUserIdParams,
      body: zUpdateUserInput,
      response: { 200: zAdminUser },
    },
    handler: async (request) => {
      const actor = authorize(request.actor, 'users.manage', { type: 'users' });
      return changeUserRole(deps, actor, request.params.id, request.body);
    },
  });
};
