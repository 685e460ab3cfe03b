import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zApiError, zRegionKey, zRegionLevel, zRegionsResponse } from '../../schema';
import type { DirectoryState } from '../services/directory-state';

const zRegionsQuery = z
  .object({
    level: zRegionLevel.optional(),
    parent: zRegionKey.optional(),
    q: z.string().trim().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(20),
  })
  .strict();

export const regionRoutes: FastifyPluginAsyncZod<{ state: DirectoryState }> = async (app, { state }) => {
  app.get('/api/regions', {
    schema: {
      summary: 'Find states, districts and municipalities, or resolve a postcode or place name to a position',
      description:
        'Without q: the regions of a level and/or below a parent key, by name. With q: a name lookup that ' +
        'tolerates typos and matches any word of a name, or, when q is digits, postcodes starting with them ' +
        '(answered as the postcode\'s municipality with the postcode\'s position). All data ships with the ' +
        'directory; no outside geocoding service is asked.',
      tags: ['regions'],
      querystring: zRegionsQuery,
      response: { 200: zRegionsResponse, 400: zApiError },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return { regions: state.regions.find(request.query) };
    },
  });
};
