import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  zAccessFeature, zApiError, zCategory, zCost, zFormality, zLanguage, zMapPointsQuery, zPhase, type MapPointsQuery,
} from '../../schema';
import { publicUrl, type Config } from '../config';
import type { DirectoryState } from '../services/directory-state';
import { exportFileName, exportIds, exportStream, type ExportFormat } from '../services/offering-export';

export interface OfferingExportRouteOptions {
  state: DirectoryState;
  /** For the links to detail pages (PUBLIC_URL); without it they are built from the request's own origin. */
  config?: Config;
}

const filterHelp =
  'The filters of GET /api/map-points (q, category, phase, lang, formality, cost, access, age, region, but, ' +
  'near with radius, default 10 km, bbox), with the same meanings: the export holds exactly the offerings ' +
  'the map shows for the same query, in id order. Only public fields of published offerings. The body is ' +
  'streamed; a download is named after the region and the date.';

const zStrings = z.array(z.string());

/** The GeoJSON body, for the documentation only: the body itself is streamed, never serialized from this. */
const zOfferingsGeoJson = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]).describe('[lng, lat]') }),
      properties: z.object({
        id: z.number().int(),
        title: z.string(),
        providerName: z.string(),
        categories: z.array(zCategory),
        categoryLabels: zStrings,
        phases: z.array(zPhase),
        phaseLabels: zStrings,
        minAge: z.number().int(),
        maxAge: z.number().int(),
        formality: zFormality,
        formalityLabel: z.string(),
        cost: zCost,
        costLabel: z.string(),
        butEligible: z.boolean(),
        languages: z.array(zLanguage),
        languageLabels: zStrings,
        access: z.array(zAccessFeature),
        accessLabels: zStrings,
        street: z.string(),
        postcode: z.string(),
        city: z.string(),
        regionKey: z.string().describe('8-digit municipality key (AGS)'),
        lastConfirmedAt: z.string().describe('YYYY-MM-DD'),
        url: z.string().describe('the public detail page'),
      }),
    }),
  ),
});

const errors = { 400: zApiError, 503: zApiError };

export const offeringExportRoutes: FastifyPluginAsyncZod<OfferingExportRouteOptions> = async (app, { state, config }) => {
  // An export of everything is tens of MB read and formatted on the event loop (4–5 s for 100,000
  // offerings): a twentieth of the general limit per client (30 a minute by default) is plenty for people
  // and keeps one client from occupying the server with it.
  const exportRateLimit = { max: Math.max(1, Math.floor((config?.RATE_LIMIT ?? 600) / 20)), timeWindow: '1 minute' };
  /** `origin`: the request's own, for links when no PUBLIC_URL is configured. */
  const send = async (query: MapPointsQuery, origin: string, reply: FastifyReply, format: ExportFormat) => {
    const ids = await exportIds(state, app.offeringSearch, query);
    const base = config ? publicUrl(config) : origin;
    const region = query.region;
    const name = exportFileName(region === undefined ? undefined : (state.regions.get(region)?.name ?? region), format);
    return reply
      .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/geo+json')
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'public, max-age=60')
      .send(exportStream(app.db, ids, format, (id) => `${base}/angebot/${id}`));
  };

  app.get('/api/offerings.csv', {
    config: { rateLimit: exportRateLimit },
    schema: {
      summary: 'The offerings of a search or map view as a spreadsheet (CSV)',
      description:
        `${filterHelp} UTF-8 with BOM, separator ";", CRLF line ends, as German Excel opens it. Columns: Nr., ` +
        'Titel, Anbieter, Kategorien, Übergänge/Phasen, Alter von, Alter bis, Formalität, Kosten, BuT (ja/nein), ' +
        'Sprachen, Barrierefreiheit, Straße, PLZ, Ort, Gemeindeschlüssel, Breitengrad, Längengrad (decimal ' +
        'comma), Zuletzt bestätigt (DD.MM.YYYY), Link (the detail page). Vocabularies as German labels, several ' +
        'joined by ", ". Text that a spreadsheet would run as a formula (starting with = + - @) is preceded by an apostrophe.',
      tags: ['offerings'],
      querystring: zMapPointsQuery,
      response: {
        200: { description: 'CSV file (attachment)', content: { 'text/csv': { schema: z.string() } } },
        ...errors,
      },
    },
    handler: async (request, reply) => send(request.query, `${request.protocol}://${request.host}`, reply, 'csv'),
  });

  app.get('/api/offerings.geojson', {
    config: { rateLimit: exportRateLimit },
    schema: {
      summary: 'The offerings of a search or map view as GeoJSON',
      description:
        `${filterHelp} A FeatureCollection of Points ([lng, lat], RFC 7946) with the same fields as the CSV, ` +
        'vocabularies both as ids and as German labels, and url, the public detail page.',
      tags: ['offerings'],
      querystring: zMapPointsQuery,
      response: {
        200: { description: 'GeoJSON FeatureCollection (attachment)', content: { 'application/geo+json': { schema: zOfferingsGeoJson } } },
        ...errors,
      },
    },
    handler: async (request, reply) => send(request.query, `${request.protocol}://${request.host}`, reply, 'geojson'),
  });
};
