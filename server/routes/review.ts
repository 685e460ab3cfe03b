import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  zApiError, zIdParams, zManagedOffering, zRejectInput, zReviewDetail, zReviewQuery, zReviewQueue, zStaleList,
} from '../../schema';
import { publicUrl, type Config } from '../config';
import type { OfferingRow } from '../db/schema';
import { requireUser } from '../services/authorization';
import { describeOffering } from '../services/offering-views';
import {
  getReviewDetail, listReviewQueue, listStale, publishOffering, rejectOffering, reviewResultMessages, type ReviewOutcome,
} from '../services/review-service';

const tags = ['review'];
const errors = { 400: zApiError, 401: zApiError, 403: zApiError, 404: zApiError, 409: zApiError };

/**
 * Tells the organisation's members how the review ended. Runs after the decision is committed and never
 * fails it: a mail server that is down costs a log line, not the coordinator's work.
 */
function notifyMembers(app: FastifyInstance, config: Config, offering: OfferingRow, outcome: ReviewOutcome, reason?: string): void {
  if (!app.hasDecorator('mailer')) return;
  try {
    const link = `${publicUrl(config)}/anbieter/angebote/${offering.id}`;
    for (const message of reviewResultMessages(app.db, offering, outcome, { offeringPage: link }, reason)) {
      app.mailer.send(message).catch((error: unknown) => {
        app.log.warn({ mail: 'review-result', offeringId: offering.id, reason: (error as Error).message }, 'review result mail not sent');
      });
    }
  } catch (error) {
    app.log.warn({ mail: 'review-result', offeringId: offering.id, reason: (error as Error).message }, 'review result mails not prepared');
  }
}

/** The review queue of a region, the comparison of versions, publishing, rejecting and the stale list. */
export const reviewRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  app.addHook('preValidation', async (request) => {
    requireUser(request.actor);
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get('/api/review/queue', {
    schema: {
      summary: 'New entries and pending revisions of the region, oldest first',
      description: 'A coordinator sees their own region (or, with `region`, a part of it); an admin everything or the `region` given.',
      tags,
      querystring: zReviewQuery,
      response: { 200: zReviewQueue, ...errors },
    },
    handler: async (request) => listReviewQueue(app.db, request.actor, request.query),
  });

  app.get('/api/review/offerings/:id', {
    schema: {
      summary: 'The published version, the proposed one and a field-by-field diff',
      tags,
      params: zIdParams,
      response: { 200: zReviewDetail, ...errors },
    },
    handler: async (request) => getReviewDetail(app.db, request.actor, request.params.id),
  });

  app.post('/api/review/offerings/:id/publish', {
    schema: {
      summary: 'Publish a pending entry, or approve the pending revision of a published one',
      tags,
      params: zIdParams,
      response: { 200: zManagedOffering, ...errors },
    },
    handler: async (request) => {
      const { offering, outcome } = publishOffering(app.db, request.actor, request.params.id);
      notifyMembers(app, config, offering, outcome);
      return describeOffering(app.db, request.params.id);
    },
  });

  app.post('/api/review/offerings/:id/reject', {
    schema: {
      summary: 'Reject a pending entry or the pending revision, with a reason the provider reads',
      tags,
      params: zIdParams,
      body: zRejectInput,
      response: { 200: zManagedOffering, ...errors },
    },
    handler: async (request) => {
      const { offering, outcome, reason } = rejectOffering(app.db, request.actor, request.params.id, request.body);
      notifyMembers(app, config, offering, outcome, reason);
      return describeOffering(app.db, request.params.id);
    },
  });

  app.get('/api/review/stale', {
    schema: {
      summary: 'Published entries of the region not confirmed for 12 months, longest unconfirmed first',
      tags,
      querystring: zReviewQuery,
      response: { 200: zStaleList, ...errors },
    },
    handler: async (request) => listStale(app.db, request.actor, request.query),
  });
};
