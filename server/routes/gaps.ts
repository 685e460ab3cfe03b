import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DEFAULT_GAP_THRESHOLD_KM, MAX_GAP_THRESHOLD_KM, zApiError, zGapsQuery, zGapsResponse, zMunicipalityOutlines,
  type MunicipalityOutlines as OutlinesBody,
} from '../../schema';
import type { DirectoryState } from '../services/directory-state';
import { GapsService } from '../services/gaps/gaps-service';
import { MunicipalityOutlines } from '../services/gaps/municipality-outlines';
import { chooseEncoding } from '../services/map-points';

/** A state (2 digits), administrative region (3) or district (5): the areas a gap map shows. */
const zOutlinesKey = z
  .string()
  .regex(/^(\d{2}|\d{3}|\d{5})$/, 'the official key (AGS) of a state (2 digits), administrative region (3) or district (5)');

export const gapRoutes: FastifyPluginAsyncZod<{ state: DirectoryState }> = async (app, { state }) => {
  const gaps = new GapsService(state, app.offeringSearch, app.db);
  const outlines = new MunicipalityOutlines(state, app.db);

  app.get('/api/gaps', {
    schema: {
      summary: 'How well each municipality of a region is served with offerings for a target group',
      description:
        'The target group takes the filters of the family search (q, category, phase, lang, formality, cost, ' +
        'access, age, but; the same names and forms as GET /api/offerings). For every municipality of the ' +
        'region (a state, administrative region, district or municipality by its official key; without ' +
        'region: all ~11,000 of Germany): the matching published offerings located in it, per 1,000 ' +
        'inhabitants, and the great-circle distance from the municipality\'s representative point to the ' +
        'nearest matching offering anywhere, also across the region\'s border. The representative point is ' +
        'not always the centroid: it is the centroid of the municipality\'s largest part (islands and ' +
        'exclaves left out), moved inside along the east–west line through it where the centroid lies ' +
        'outside; distances are rounded to 0.01 km. served: nearestKm ≤ thresholdKm (default ' +
        `${DEFAULT_GAP_THRESHOLD_KM}, at most ${MAX_GAP_THRESHOLD_KM} km). Population is the district's ` +
        'official figure (Destatis, 31 Dec 2018) shared among its municipalities by area, town status and ' +
        'postcodes, hence an estimate (populationEstimated) except for a district\'s only municipality, and ' +
        'null for unincorporated areas; ' +
        'settlement types follow from it (< 5,000 rural, < 20,000 small town, < 100,000 medium town, else ' +
        'large city). Listed worst served first: unserved before served, inhabited before unincorporated areas, then farthest nearest offering ' +
        '(none at all counts as farthest), then larger population, then key. An administrative region ' +
        '(3 digits) is no region of the reference data and is named after its state (level bezirk). ' +
        'Public aggregate; no login.',
      tags: ['monitoring'],
      querystring: zGapsQuery,
      response: { 200: zGapsResponse, 400: zApiError, 404: zApiError, 503: zApiError },
    },
    handler: async (request, reply) => {
      // Offerings change all the time; the answer is cheap to compute again.
      reply.header('cache-control', 'public, max-age=60');
      return gaps.gaps(request.query);
    },
  });

  app.get('/api/regions/:key/municipalities', {
    schema: {
      summary: 'The outlines of all municipalities of a state, administrative region or district, in one request',
      description:
        'A GeoJSON FeatureCollection: one Feature per municipality with its key and name and its outline as ' +
        'a Polygon or MultiPolygon ([lng, lat]), simplified as GET /api/regions/:key/outline gives a ' +
        'municipality (up to about 3 % of its width or height off the true border, 4 decimals). Meant for ' +
        'colouring the municipalities of a gap map. © GeoBasis-DE / BKG 2017 (Daten verändert).',
      tags: ['regions'],
      params: z.object({ key: zOutlinesKey }),
      response: { 200: zMunicipalityOutlines, 400: zApiError, 404: zApiError },
    },
    // Compressed once and kept by the service: a state's outlines are megabytes of JSON.
    compress: false,
    handler: async (request, reply) => {
      const encoding = chooseEncoding(request.headers['accept-encoding']);
      const body = await outlines.body(request.params.key, encoding);
      reply.header('content-type', 'application/json; charset=utf-8').header('vary', 'accept-encoding');
      // Outlines change only with a new release of the reference data.
      reply.header('cache-control', 'public, max-age=86400');
      if (encoding !== 'identity') reply.header('content-encoding', encoding);
      // A pre-encoded string or Buffer is sent as it is; the schema above documents its shape.
      return reply.send(body as unknown as OutlinesBody);
    },
  });
};
