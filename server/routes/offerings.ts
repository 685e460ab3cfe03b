import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  zApiError, type MapPointsResponse, zMapPointsQuery, zMapPointsResponse, zOfferingDetail, zOfferingId, zOfferingsQuery, zOfferingsResponse,
} from '../../schema';
import { HttpError } from '../plugins/errors';
import { findPublishedOffering } from '../repos/offerings-repo';
import { chooseEncoding, type MapPointsService } from '../services/map-points';

const filterHelp =
  'Filters: q (text), category/phase/lang/formality/cost (repeatable, any of), access (repeatable, all of), ' +
  'age, region (official key prefix: 2, 3, 5 or 8 digits), but=true, near=lat,lng with radius (km, default 10), ' +
  'bbox=west,south,east,north.';

export const offeringRoutes: FastifyPluginAsyncZod<{ mapPoints: MapPointsService }> = async (app, { mapPoints }) => {
  app.get('/api/offerings', {
    schema: {
      summary: 'Search published offerings',
      description: `${filterHelp} Facet counts are exact for the query; for facets whose options combine with "any of", each count is what choosing that option would give with the other filters kept.`,
      tags: ['offerings'],
      querystring: zOfferingsQuery,
      response: { 200: zOfferingsResponse, 400: zApiError, 503: zApiError },
    },
    handler: async (request) => app.offeringSearch.search(request.query),
  });

  app.get('/api/offerings/:id', {
    schema: {
      summary: 'One published offering with its provider and location',
      tags: ['offerings'],
      params: z.object({ id: zOfferingId }),
      response: { 200: zOfferingDetail, 400: zApiError, 404: zApiError },
    },
    handler: async (request) => {
      const found = findPublishedOffering(app.db, request.params.id);
      // Unpublished offerings answer exactly like unknown ones, so their existence does not leak.
      if (!found) {
        throw new HttpError(404, 'not_found', `Kein veröffentlichtes Angebot mit der Nummer ${request.params.id} / No published offering with id ${request.params.id}`);
      }
      const { status: _status, ...offering } = found.offering;
      return { ...offering, provider: found.provider, location: found.location };
    },
  });

  app.get('/api/map-points', {
    schema: {
      summary: 'Every matching offering as a map point',
      description: `${filterHelp} Answers all matches at once, column-wise: ids, coordinates in 1e-5 degrees as differences to the previous point, and the primary category as an index into categories.`,
      tags: ['offerings'],
      querystring: zMapPointsQuery,
      response: { 200: zMapPointsResponse, 400: zApiError, 503: zApiError },
    },
    // Compressed and cached by the service itself; encoding 100,000 points per request would dominate.
    compress: false,
    handler: async (request, reply) => {
      const encoding = chooseEncoding(request.headers['accept-encoding']);
      const { body, degraded } = await mapPoints.answer(request.query, encoding);
      reply.header('content-type', 'application/json; charset=utf-8').header('vary', 'accept-encoding');
      // Points found without Meilisearch are right for the outage only: nobody may keep them past it.
      reply.header('cache-control', degraded ? 'no-store' : 'public, max-age=60');
      if (encoding !== 'identity') reply.header('content-encoding', encoding);
      // A JSON string or Buffer is sent as it is (Fastify serializes only objects); the schema above documents
      // its shape, which the type system cannot see through the pre-encoded body.
      return reply.send(body as unknown as MapPointsResponse);
    },
  });
};
