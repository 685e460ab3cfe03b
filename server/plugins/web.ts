import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const distDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** The workspace pages (accounts, providers, coordinators, admins, public monitoring), each a prefix of client-side routes. */
const WORKSPACE_PREFIXES = ['/konto', '/anbieter', '/koordination', '/admin', '/auswertung'] as const;

/**
 * Serves the built web client at `/`, and its pages (`/angebot/:id`, the workspace pages) as the same
 * document, which then renders them. Without a build (npm run build) the API works alone.
 */
export const webPlugin = fp(
  async (app: FastifyInstance) => {
    if (!existsSync(resolve(distDir, 'index.html'))) {
      app.get('/', { schema: { hide: true } }, async (_request, reply) =>
        reply.type('text/plain; charset=utf-8').send(
          'Bildungslandkarte API — the web client is not built (npm run build). API reference: /api/docs\n',
        ),
      );
      return;
    }
    await app.register(fastifyStatic, {
      root: distDir,
      prefix: '/',
      wildcard: false,
      setHeaders(res, path) {
        // Vite puts a content hash into every asset name: they never change, the page itself always may.
        res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    app.get('/angebot/:id', { schema: { hide: true } }, async (_request, reply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html'),
    );
    for (const prefix of WORKSPACE_PREFIXES) {
      for (const path of [prefix, `${prefix}/*`]) {
        app.get(path, { schema: { hide: true } }, async (_request, reply) =>
          reply.header('cache-control', 'no-cache').sendFile('index.html'),
        );
      }
    }
  },
  { name: 'web' },
);
