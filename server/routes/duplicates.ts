import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  zApiError, zDuplicateDecision, zDuplicatesQuery, zDuplicatesResponse, zIdParams, zNewDuplicateDecision,
} from '../../schema';
import { authorize } from '../services/authorization';
import type { DirectoryState } from '../services/directory-state';
import { DetectionCache } from '../services/duplicates/detection-cache';
import { listDuplicates, recordDecision, undoDecision, type OpenGroupsCache } from '../services/duplicates/service';

const tags = ['monitoring'];
const errors = { 400: zApiError, 401: zApiError, 403: zApiError, 404: zApiError, 409: zApiError };

/** Duplicate structures of a region and the coordinators' decisions on them (coordinators of the region, admins). */
export const duplicateRoutes: FastifyPluginAsyncZod<{ state: DirectoryState }> = async (app, { state }) => {
  // One app's open groups per region: later pages, other tabs and other people reuse them while nothing changes.
  const cache: OpenGroupsCache = new DetectionCache();
  // Who may not look at any region's groups hears so before their input is checked.
  app.addHook('preValidation', async (request) => {
    authorize(request.actor, 'duplicates.view', { type: 'region', prefix: null });
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get('/api/duplicates', {
    schema: {
      summary: 'Duplicate structures of a region: entries entered twice, and parallel programmes',
      description:
        'Two kinds that must not be confused. `same_entry`: one programme entered twice (by one organisation or ' +
        'several, with spelling differences) — a data problem; `suggestedKeepId` names the entry to keep when ' +
        'merging. `parallel`: different organisations doing the same for the same people (a shared category and ' +
        'phase, overlapping ages) within 3 km — a coordination hint, not an error. Compared are the published and ' +
        'pending entries whose site lies in the region; each group says why it was formed (`reasons`) and how sure ' +
        'or close it is (`score`, 0–1). Pairs settled by a decision are left out, so a decided group returns only ' +
        'with a new member; a same-entry decision also keeps the pair from being offered as parallel programmes. ' +
        '`show=decided|all` adds the groups of decisions taken inside the region with their `decision`, each group ' +
        'once, and never an entry whose site lies outside the region. A group\'s `score` is ' +
        'that of its weakest pair. The list is paged (`page`, `perPage` up to 200, 50 by default): `total` counts ' +
        'the groups of the asked `kind` and `show` on all pages, and a page past the end is empty. Open groups and ' +
        '`show=all` come strongest first (score descending, then `id`), so pages are stable while nothing changes; ' +
        '`show=decided` comes newest decision first. `counts` are of all kinds (open groups per kind, decided groups ' +
        'of both) whatever `kind`, `show` and `page` ask for, for the tabs of a page. Coordinators of the region and admins.',
      tags,
      querystring: zDuplicatesQuery,
      response: { 200: zDuplicatesResponse, ...errors },
    },
    handler: async (request) => listDuplicates(app.db, request.actor, request.query, state.regions, cache),
  });

  app.post('/api/duplicates/decisions', {
    schema: {
      summary: 'Decide on a group: not a duplicate, intended, or merged',
      description:
        'Every offering must exist and lie in the coordinator\'s region (403 `outside_region` for either, so ' +
        'nothing is learnt about other regions; 404 for unknown ids to admins) and be published or pending (409 ' +
        '`invalid_state`). The decision and an audit entry for each member are stored in one transaction; `merged` ' +
        '(same entries only, the only decision that takes `keepId`) archives every member but `keepId`, which takes ' +
        'published ones out of the search, and must keep a published entry when there is one (409 ' +
        '`keep_not_published`). `409 already_decided` when the members already have a decision of this kind, ' +
        'whatever its outcome: withdraw that one first.',
      tags,
      body: zNewDuplicateDecision,
      response: { 201: zDuplicateDecision, ...errors },
    },
    handler: async (request, reply) => reply.code(201).send(recordDecision(app.db, request.actor, request.body)),
  });

  app.delete('/api/duplicates/decisions/:id', {
    schema: {
      summary: 'Withdraw a decision "not a duplicate" or "intended"',
      description:
        'Its pairs are found again. A merge cannot be withdrawn (409): the archived entries must be restored by hand. ' +
        'A decision outside the coordinator\'s region and one that does not exist both answer 403 `outside_region` ' +
        '(404 to admins).',
      tags,
      params: zIdParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      undoDecision(app.db, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  });
};
