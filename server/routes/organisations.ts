import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  zApiError, zIdParams, zOrganisation, zOrganisationInput, zOrganisationPatch, zSite, zSiteInput, zSitePatch,
  zSitePosition, zSitePositionQuery,
} from '../../schema';
import { requireUser } from '../services/authorization';
import {
  createOrganisation, createSite, deleteSite, getOrganisation, presentOrganisation, proposeSitePosition,
  updateOrganisation, updateSite, verifyOrganisation,
} from '../services/organisations-service';

const tags = ['organisations'];
const errors = { 400: zApiError, 401: zApiError, 403: zApiError, 404: zApiError, 409: zApiError };

/** Organisations (who offers) and their sites (where), for members, coordinators of their region and admins. */
export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preValidation', async (request) => {
    requireUser(request.actor);
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.post('/api/organisations', {
    schema: {
      summary: 'Describe the own organisation (a provider without one becomes its member)',
      tags,
      body: zOrganisationInput,
      response: { 201: zOrganisation, ...errors },
    },
    handler: async (request, reply) => {
      const row = createOrganisation(app.db, request.actor, request.body);
      return reply.code(201).send(presentOrganisation(app.db, row));
    },
  });

  app.get('/api/organisations/:id', {
    schema: { summary: 'An organisation with its verification and sites', tags, params: zIdParams, response: { 200: zOrganisation, ...errors } },
    handler: async (request) => getOrganisation(app.db, request.actor, request.params.id),
  });

  app.patch('/api/organisations/:id', {
    schema: {
      summary: 'Edit an organisation (a new name reaches its published offerings in search)',
      tags,
      params: zIdParams,
      body: zOrganisationPatch,
      response: { 200: zOrganisation, ...errors },
    },
    handler: async (request) => presentOrganisation(app.db, updateOrganisation(app.db, request.actor, request.params.id, request.body)),
  });

  app.post('/api/organisations/:id/verify', {
    schema: {
      summary: 'Confirm that the organisation is who it says it is (coordinator of its seat\'s region)',
      tags,
      params: zIdParams,
      response: { 200: zOrganisation, ...errors },
    },
    handler: async (request) => presentOrganisation(app.db, verifyOrganisation(app.db, request.actor, request.params.id)),
  });

  app.post('/api/organisations/:id/sites', {
    schema: {
      summary: 'Add a site',
      description: 'Without lat/lng the site is placed at the centre of its postcode\'s municipality (bundled gazetteer; no street-level geocoding). The region key always comes from the postcode.',
      tags,
      params: zIdParams,
      body: zSiteInput,
      response: { 201: zSite, ...errors },
    },
    handler: async (request, reply) => reply.code(201).send(createSite(app.db, request.actor, request.params.id, request.body)),
  });

  app.patch('/api/sites/:id', {
    schema: {
      summary: 'Edit a site or move its pin',
      description: 'A new postcode without lat/lng moves the pin to the postcode\'s municipality. The published offerings at the site are updated in search.',
      tags,
      params: zIdParams,
      body: zSitePatch,
      response: { 200: zSite, ...errors },
    },
    handler: async (request) => updateSite(app.db, request.actor, request.params.id, request.body),
  });

  app.delete('/api/sites/:id', {
    schema: {
      summary: 'Delete a site no offering uses (409 site_in_use otherwise)',
      tags,
      params: zIdParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      deleteSite(app.db, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  });

  app.get('/api/sites/position', {
    schema: {
      summary: 'The position proposed for a postcode',
      description: 'From the bundled gazetteer: the centre of the postcode\'s municipality, hence `precision: municipality`. Offline, there is no street-level geocoder; the form says so and lets the pin be moved.',
      tags,
      querystring: zSitePositionQuery,
      response: { 200: zSitePosition, ...errors },
    },
    handler: async (request) => proposeSitePosition(app.db, request.actor, request.query.postcode),
  });
};
