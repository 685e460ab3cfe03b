import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  accessFeatures, accessNeedGroups, categories, childProtectionMeasures, costs, formalities, fundingProgrammes,
  languages, phases, providerKinds, statuses, zClientConfig, zHealth, zTaxonomy, type Health,
} from '../../schema';
import type { Config } from '../config';
import { countPublishedOfferings } from '../repos/offerings-repo';
import { outboxBacklog } from '../repos/outbox-repo';

/** A backlog older than this means changes do not reach the public: the health check says degraded. */
const OUTBOX_MAX_AGE_MS = 60_000;

const taxonomy = {
  categories, formalities, phases, accessNeedGroups, accessFeatures, costs, languages, childProtectionMeasures,
  fundingProgrammes, providerKinds, statuses,
};

export const metaRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  app.get('/api/client-config', {
    schema: {
      summary: 'Settings the web client needs: the map tile server and where problem reports go',
      tags: ['meta'],
      response: { 200: zClientConfig },
    },
    handler: async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return {
        tiles: config.TILE_URL === 'none' ? null : { url: config.TILE_URL, attribution: config.TILE_ATTRIBUTION },
        reportEmail: config.REPORT_EMAIL,
      };
    },
  });

  app.get('/api/health', {
    schema: {
      summary: 'Whether the database and the search index answer',
      tags: ['meta'],
      response: { 200: zHealth, 503: zHealth },
    },
    handler: async (_request, reply) => {
      const health: Health = {
        status: 'ok', database: { ok: false }, search: { ok: false }, outbox: { pending: 0, oldestPendingAgeMs: null },
      };
      try {
        health.database = { ok: true, offerings: countPublishedOfferings(app.db) };
        health.outbox = outboxBacklog(app.db);
      } catch (error) {
        app.log.error({ err: error }, 'database health check failed');
      }
      try {
        const documents = await app.offeringIndex.documentCount();
        health.search = documents === null
          ? { ok: false, message: 'the offerings index does not exist yet' }
          : { ok: true, documents };
      } catch (error) {
        health.search = { ok: false, message: (error as Error).message };
      }
      health.fallback = { ready: app.directory.textUsable(), inUse: app.offeringSearch.servingDegraded() };
      const backlogAge = health.outbox.oldestPendingAgeMs ?? 0;
      if (!health.database.ok || !health.search.ok || backlogAge > OUTBOX_MAX_AGE_MS) health.status = 'degraded';
      return reply.code(health.status === 'ok' ? 200 : 503).send(health);
    },
  });

  app.get('/api/taxonomy', {
    schema: {
      summary: 'Every vocabulary with German and English labels',
      tags: ['meta'],
      response: { 200: zTaxonomy },
    },
    handler: async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return taxonomy;
    },
  });
};
