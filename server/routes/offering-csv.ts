import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zApiError, zIdParams, zImportQuery, zImportReport } from '../../schema';
import { offeringsTemplateCsv } from '../csv/template';
import { requireUser } from '../services/authorization';
import type { ImportRunner } from '../services/import-runner';
import { exportOfferings } from '../services/offering-import';

const tags = ['manage'];
const errors = { 400: zApiError, 401: zApiError, 403: zApiError, 404: zApiError };
/** Above the CSV module's own 5 MiB limit, so a slightly larger file still gets its explained answer. */
const UPLOAD_LIMIT = 8 * 1024 * 1024;
const csvTypes = ['text/csv', 'text/plain', 'application/csv', 'application/octet-stream', 'application/vnd.ms-excel'];

/** A file name without anything a header or a file system would trip over. */
function fileName(base: string): string {
  const safe = base.normalize('NFKD').replace(/[^\w.-]+/g, '-').replace(/-+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 60);
  return `${safe || 'angebote'}.csv`;
}

/** CSV template, export and import of a provider's offerings. */
export const offeringCsvRoutes: FastifyPluginAsyncZod<{ imports: ImportRunner }> = async (app, { imports }) => {
  // Spreadsheets arrive as raw bytes: the CSV module decodes them (UTF-8 or Windows-1252) itself.
  app.addContentTypeParser(csvTypes, { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_request, body, done) => done(null, body));
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get('/api/manage/offerings-template.csv', {
    schema: { summary: 'The CSV template for importing offerings, with an example row', tags, response: { 200: z.any(), 401: zApiError } },
    handler: async (request, reply) => {
      requireUser(request.actor);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="bildungslandkarte-vorlage.csv"')
        .send(offeringsTemplateCsv());
    },
  });

  app.get('/api/organisations/:id/offerings.csv', {
    schema: {
      summary: "The organisation's offerings in every state, as CSV in the template's columns",
      tags,
      params: zIdParams,
      response: { 200: z.any(), ...errors },
    },
    handler: async (request, reply) => {
      const { file, organisationName } = exportOfferings(app.db, request.actor, request.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName(organisationName)}"`)
        .send(file);
    },
  });

  app.post('/api/organisations/:id/import', {
    schema: {
      summary: 'Import offerings from CSV: a dry run (default) reports every row; dryRun=false writes all rows or none',
      description:
        'Send the file as the request body (Content-Type text/csv). UTF-8 and Windows-1252, with ; , or tab. ' +
        'At most 5 MiB and 5,000 rows. A commit with any row in error answers 422 with the report and writes nothing.',
      tags,
      params: zIdParams,
      querystring: zImportQuery,
      response: { 200: zImportReport, ...errors, 409: zApiError, 413: zApiError, 415: zApiError, 422: zApiError },
    },
    bodyLimit: UPLOAD_LIMIT,
    handler: async (request) => {
      const body = request.body;
      const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      return imports.run(request.actor, request.params.id, bytes, request.query);
    },
  });
};
