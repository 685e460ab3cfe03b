import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { OutboxWorker } from '../search/outbox-worker';

declare module 'fastify' {
  interface FastifyInstance {
    outbox: OutboxWorker;
  }
}

/**
 * The worker that applies the outbox to Meilisearch. Created here, started by `directory.refresh()` once
 * the index has passed its start-up check, and stopped before the search client and the database close
 * (onClose hooks run in reverse order of registration), releasing its lease.
 */
export const outboxPlugin = fp(
  async (app: FastifyInstance) => {
    const worker = new OutboxWorker(app.db, app.offeringIndex, app.meili, app.log);
    app.decorate('outbox', worker);
    app.addHook('onClose', async () => {
      await worker.stop();
    });
  },
  { name: 'outbox', dependencies: ['db', 'search'] },
);
