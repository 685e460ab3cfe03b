import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { join } from 'node:path';
import { offeringIndexUid, type Config } from '../config';
import { OfferingIndex } from '../search/indexer';
import { MeiliClient } from '../search/meili-client';
import { startMeilisearch, type MeiliProcess } from '../search/meili-process';
import { OfferingSearch } from '../search/offering-search';
import { DEFAULT_RADIUS_KM } from '../../schema';

declare module 'fastify' {
  interface FastifyInstance {
    meili: MeiliClient;
    offeringIndex: OfferingIndex;
    offeringSearch: OfferingSearch;
  }
}

/**
 * Meilisearch: the configured one (MEILI_URL), or the bundled binary started as a child process with its
 * data under DATA_DIR/meili; when that child is restarted on a new port, the client follows it.
 *
 * Stopped with the app in an onClose hook. Fastify runs onClose hooks in reverse order of registration,
 * and its own hook that stops listening and waits for the requests under way was added last (when the app
 * became ready), so it runs first: requests in flight still reach Meilisearch; the outbox worker (registered
 * after this plugin) stops before the client closes.
 */
export const searchPlugin = fp<{ config: Config }>(
  async (app: FastifyInstance, { config }) => {
    let child: MeiliProcess | undefined;
    let url = config.MEILI_URL;
    let key = config.MEILI_MASTER_KEY;
    if (!url) {
      child = await startMeilisearch(join(config.DATA_DIR, 'meili'), app.log);
      url = child.url;
      key = child.masterKey;
    }
    const client = new MeiliClient(url, key, { timeoutMs: config.MEILI_TIMEOUT_MS });
    child?.onRestart((newUrl) => client.setUrl(newUrl));
    if (!(await client.healthy())) {
      await child?.stop();
      throw new Error(`Meilisearch at ${url} is not available: check MEILI_URL and that the server runs`);
    }
    const index = new OfferingIndex(client, offeringIndexUid(config));
    app.decorate('meili', client);
    app.decorate('offeringIndex', index);
    app.decorate('offeringSearch', new OfferingSearch(client, () => index.uid, DEFAULT_RADIUS_KM));
    app.addHook('onClose', async () => {
      await client.close();
      await child?.stop();
    });
  },
  { name: 'search' },
);
