import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { zApiError, zSuggestQuery, zSuggestResponse } from '../../schema';
import type { DirectoryState } from '../services/directory-state';
import { suggest } from '../services/suggestions';

export const suggestRoutes: FastifyPluginAsyncZod<{ state: DirectoryState }> = async (app, { state }) => {
  app.get('/api/suggest', {
    schema: {
      summary: 'Suggestions while typing: categories, places and frequent titles',
      description:
        'From two letters on. Categories match any word of their German or English label, places are ' +
        'municipalities, districts and postcodes (typos tolerated), titles are those of published offerings, ' +
        'most frequent first. Answered from memory.',
      tags: ['offerings'],
      querystring: zSuggestQuery,
      response: { 200: zSuggestResponse, 400: zApiError },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return { suggestions: suggest(request.query, state.regions, state.vocabulary) };
    },
  });
};
