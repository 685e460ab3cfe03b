import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { zApiError, zFiguresQuery, zFiguresResponse } from '../../schema';
import type { DirectoryState } from '../services/directory-state';
import { FiguresService } from '../services/figures';

export interface FigureRouteOptions {
  state: DirectoryState;
  /** The clock for "not confirmed for 12 months" (tests); default: the system clock. */
  now?: () => Date;
}

export const figureRoutes: FastifyPluginAsyncZod<FigureRouteOptions> = async (app, { state, now }) => {
  const figures = new FiguresService(state, app.offeringSearch, { now });

  app.get('/api/figures', {
    schema: {
      summary: 'Figures for the Bildungskonferenz: published offerings of a region, its state and the country',
      description:
        'Counts of the published offerings that match the target group (q, category, phase, lang, formality, ' +
        'cost, access, age, but: the same parameters and meanings as GET /api/offerings), for the region, ' +
        'its state (when the region is a district, municipality or administrative region) and the whole ' +
        'country, so the region can be compared. Without region only the country is answered. Every ' +
        'vocabulary id is listed, zero counts included; an offering with several categories, phases, ' +
        'languages or accessibility features counts in each. accessByNeed counts offerings with at least ' +
        'one feature of the need group ("not wheelchair accessible" does not count); notConfirmed12Months ' +
        'counts offerings last confirmed more than 12 months before today (German time). Only aggregates ' +
        'of public data, open to everyone. Unknown region: 404.',
      tags: ['monitoring'],
      querystring: zFiguresQuery,
      response: { 200: zFiguresResponse, 400: zApiError, 404: zApiError, 503: zApiError },
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return figures.figures(request.query);
    },
  });
};
