import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zApiError, zIdParams, zInviteMemberInput, zMember, zMemberList, zMemberParams } from '../../schema';
import type { Config } from '../config';
import { requireUser } from '../services/authorization';
import { inviteMember, listOrganisationMembers, removeMember, type MemberDeps } from '../services/organisation-members';
import { sha256 } from '../services/secrets';
import { ACCOUNT_RATE_LIMIT } from './auth';

const tags = ['organisations'];
const errors = { 400: zApiError, 401: zApiError, 403: zApiError, 404: zApiError, 409: zApiError };

/** The people of an organisation: for its members and admins (personal data; coordinators get 403). */
export const organisationMemberRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  const deps: MemberDeps = { db: app.db, mailer: app.mailer, config, log: app.log };
  app.addHook('preValidation', async (request) => {
    requireUser(request.actor);
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get('/api/organisations/:id/members', {
    schema: { summary: 'The members of an organisation (members and admins)', tags, params: zIdParams, response: { 200: zMemberList, ...errors } },
    handler: async (request) => ({ members: listOrganisationMembers(app.db, request.actor, request.params.id) }),
  });

  app.post('/api/organisations/:id/members', {
    // Sends a mail, like registering: limited as hard as the other account routes.
    config: { rateLimit: ACCOUNT_RATE_LIMIT },
    schema: {
      summary: 'Invite a colleague into the organisation; they set their password through the mailed link',
      description: 'An address that already has an account is refused (409 email_taken): nobody is added to an organisation without their consent.',
      tags,
      params: zIdParams,
      body: zInviteMemberInput,
      response: { 201: zMember, ...errors },
    },
    handler: async (request, reply) => reply.code(201).send(await inviteMember(deps, request.actor, request.params.id, request.body)),
  });

  app.delete('/api/organisations/:id/members/:userId', {
    schema: {
      summary: 'Remove a member, or leave (ends their sessions; 409 last_member for the last one)',
      tags,
      params: zMemberParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      // Someone leaving keeps the session they leave with; every other one ends.
      const current = typeof request.session?.regenerate === 'function' ? sha256(request.session.sessionId) : undefined;
      removeMember(app.db, request.actor, request.params.id, request.params.userId, current);
      return reply.code(204).send(null);
    },
  });
};
