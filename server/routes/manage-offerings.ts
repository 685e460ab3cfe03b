import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  zApiError, zAuditEntries, zIdParams, zManagedOffering, zManagedOfferingList, zManageOfferingsQuery, zNewOfferingBody,
  zOfferingPatch,
} from '../../schema';
import { requireUser } from '../services/authorization';
import { archiveOffering, confirmOffering, submitOffering, withdrawOffering } from '../services/offering-lifecycle';
import { describeOffering, getManagedOffering, listManagedOfferings, offeringHistory } from '../services/offering-views';
import { createOffering, deleteOffering, updateOffering } from '../services/offerings-service';

const tags = ['manage'];
const errors = { 400: zApiError, 401: zApiError, 403: zApiError, 404: zApiError, 409: zApiError };

/**
 * Offerings in every state, for their providers, the coordinators of their region and admins. Rules live
 * in the services; routes declare shapes and hand over the actor.
 */
export const manageOfferingRoutes: FastifyPluginAsyncZod = async (app) => {
  // Everything here is private: anonymous requests get 401 before their body is even checked.
  app.addHook('preValidation', async (request) => {
    requireUser(request.actor);
  });
  // Private answers: no shared cache may keep them.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get('/api/manage/offerings', {
    schema: {
      summary: 'The offerings the signed-in user maintains or reviews',
      description: 'A provider sees their organisation\'s entries, a coordinator those whose site lies in their region, an admin all. `stale=true`: published entries not confirmed for 12 months.',
      tags,
      querystring: zManageOfferingsQuery,
      response: { 200: zManagedOfferingList, ...errors },
    },
    handler: async (request) => listManagedOfferings(app.db, request.actor, request.query),
  });

  app.post('/api/manage/offerings', {
    schema: {
      summary: 'Create an offering (a draft, or pending review with submit: true)',
      tags,
      body: zNewOfferingBody,
      response: { 201: zManagedOffering, ...errors },
    },
    handler: async (request, reply) => {
      const { submit, ...input } = request.body;
      const row = createOffering(app.db, request.actor, input, { submit });
      return reply.code(201).send(describeOffering(app.db, row.id));
    },
  });

  app.get('/api/manage/offerings/:id', {
    schema: {
      summary: 'One offering with its state, rejection reason and pending revision',
      tags,
      params: zIdParams,
      response: { 200: zManagedOffering, ...errors },
    },
    handler: async (request) => getManagedOffering(app.db, request.actor, request.params.id),
  });

  app.patch('/api/manage/offerings/:id', {
    schema: {
      summary: 'Edit an offering',
      description: 'Drafts, pending and rejected entries change in place (a rejected one returns to draft). A provider\'s edit of a published entry becomes its pending revision; the public keeps seeing the published version until it is approved. A coordinator\'s or admin\'s edit of a published entry is a correction that applies at once.',
      tags,
      params: zIdParams,
      body: zOfferingPatch,
      response: { 200: zManagedOffering, ...errors },
    },
    handler: async (request) => {
      updateOffering(app.db, request.actor, request.params.id, request.body);
      return describeOffering(app.db, request.params.id);
    },
  });

  app.delete('/api/manage/offerings/:id', {
    schema: {
      summary: 'Delete a draft',
      description: 'Only drafts, which were never public; published entries are archived instead.',
      tags,
      params: zIdParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      deleteOffering(app.db, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  });

  const steps = [
    ['submit', 'Submit a draft or rejected entry for review', submitOffering],
    ['withdraw', 'Take a pending entry back to draft, or withdraw the pending revision of a published one', withdrawOffering],
    ['archive', 'Archive an entry (a published one leaves the public directory)', archiveOffering],
    ['confirm', 'Confirm that the entry is still current (lastConfirmedAt = today)', confirmOffering],
  ] as const;
  for (const [step, summary, run] of steps) {
    app.post(`/api/manage/offerings/:id/${step}`, {
      schema: { summary, tags, params: zIdParams, response: { 200: zManagedOffering, ...errors } },
      handler: async (request) => {
        run(app.db, request.actor, request.params.id);
        return describeOffering(app.db, request.params.id);
      },
    });
  }

  app.get('/api/manage/offerings/:id/history', {
    schema: {
      summary: 'Who changed what and when (by role; no personal data)',
      tags,
      params: zIdParams,
      response: { 200: zAuditEntries, ...errors },
    },
    handler: async (request) => offeringHistory(app.db, request.actor, request.params.id),
  });
};
