import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const distDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** Serves the built web client at `/` when it has been built; the API works without it. */
export const webPlugin = fp(
  async (app: FastifyInstance) => {
    if (!existsSync(distDir)) {
      app.get('/', { schema: { hide: true } }, async (_request, reply) =>
        reply.type('text/plain; charset=utf-8').send(
          'Bildungslandkarte API — the web client is not built yet (npm run build). API reference: /api/docs\n',
        ),
      );
      return;
    }
    await app.register(fastifyStatic, { root: distDir, prefix: '/', wildcard: false });
  },
  { name: 'web' },
);
