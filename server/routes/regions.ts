import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zApiError, zRegionKey, zRegionLevel, zRegionOutline, zRegionMatch, zRegionOutlineKey, zRegionsResponse } from '../../schema';
import { HttpError } from '../plugins/errors';
import { findRegionOutline } from '../repos/regions-repo';
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

  app.get('/api/regions/:key', {
    schema: {
      summary: 'One state, district or municipality by its official key, for naming it',
      tags: ['regions'],
      params: z.object({ key: zRegionKey }),
      response: { 200: zRegionMatch, 400: zApiError, 404: zApiError },
    },
    handler: async (request, reply) => {
      const region = state.regions.match(request.params.key);
      if (!region) throw new HttpError(404, 'not_found', `Keine Region mit dem Schlüssel ${request.params.key} / No region with key ${request.params.key}`);
      reply.header('cache-control', 'public, max-age=3600');
      return region;
    },
  });

  app.get('/api/regions/:key/outline', {
    schema: {
      summary: 'The outline of a state, district or municipality, for drawing it on a map',
      description:
        'A GeoJSON Feature with the key, name and level of the region and its outline as a Polygon or ' +
        'MultiPolygon ([lng, lat], outer rings counter-clockwise). The key is 2 digits for a state, 5 for a ' +
        'district, 8 for a municipality. Simplified for a map that shows the whole region: the line strays ' +
        'from the true border by up to about 0.5 % (states, districts) or 3 % (municipalities) of the larger ' +
        'of the region\'s width and height; coordinates are rounded to 3 decimals (states, districts) or 4 ' +
        '(municipalities); islands and exclaves under 1 km² (states), 0.1 km² (districts) or 0.01 km² ' +
        '(municipalities) are left out. © GeoBasis-DE / BKG 2017 (Daten verändert).',
      tags: ['regions'],
      params: z.object({ key: zRegionOutlineKey }),
      response: { 200: zRegionOutline, 400: zApiError, 404: zApiError },
    },
    handler: async (request, reply) => {
      const { key } = request.params;
      const region = state.regions.get(key);
      const geometry = region ? findRegionOutline(app.db, key) : null;
      if (!region || !geometry) {
        throw new HttpError(404, 'not_found', `Keine Region mit dem Schlüssel ${key} / No region with key ${key}`);
      }
      // Outlines change only with a new release of the reference data.
      reply.header('cache-control', 'public, max-age=86400');
      return { type: 'Feature' as const, properties: { key, name: region.name, level: region.level }, geometry };
    },
  });
};
