import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isUnavailable, MeiliRequestError } from '../search/meili-client';

/** An error a request can cause and a person can act on; its message is shown to the client. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Seconds a client should wait before asking again while search is unavailable. */
const SEARCH_RETRY_AFTER_S = 5;

/** Where an error came from, without its message (which may quote request values). */
function stackFrames(error: Error): string {
  return (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).join('\n');
}

/**
 * One error answer for the whole app: `{ error, message, details }`. Client errors are explained; server
 * errors are logged in full and answered without internals.
 */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({
      error: 'not_found',
      message: `Nicht gefunden / Not found: ${request.method} ${request.url.split('?')[0]}`,
    });
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'request';
      const details = error.validation.map((v) => ({
        parameter: v.instancePath.replace(/^\//, '').replace(/\//g, '.') || where,
        message: v.message,
      }));
      const first = details[0];
      return reply.code(400).send({
        error: 'invalid_request',
        message: `Ungültige Anfrage / Invalid request: ${first ? `${first.parameter}: ${first.message}` : where}`,
        details,
      });
    }
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).send({ error: error.code, message: error.message, details: error.details });
    }
    if (isUnavailable(error)) {
      // An outage, not a bug: Meilisearch is down, restarting or hung. The same request works again soon.
      request.log.warn(
        { meili: { reason: error.reason, status: error.status, code: error.code }, detail: error.message.replace(/\/\/[^/@\s]*@/g, '//') },
        'search unavailable',
      );
      return reply.code(503).header('retry-after', String(SEARCH_RETRY_AFTER_S)).send({
        error: 'search_unavailable',
        message: 'Die Suche ist gerade nicht erreichbar / Search is unavailable right now. Please try again shortly.',
      });
    }
    if (error instanceof MeiliRequestError) {
      // Meilisearch refused what this server built (a filter, a sort): a bug, answered and logged as one.
      // The log shows the request's shape only — Meilisearch's explanation quotes the filter, which holds
      // what people searched for.
      request.log.error(
        {
          meili: { status: error.status, code: error.code, method: error.method, path: error.path, body: error.bodyShape },
          stack: stackFrames(error),
        },
        'Meilisearch rejected a request built by the server (a bug)',
      );
      return reply.code(500).send({
        error: 'internal_error',
        message: 'Interner Fehler / Internal error. It has been logged.',
      });
    }
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      // Another process or the import thread holds the write lock longer than writers wait (busy_timeout):
      // nothing was written; the same request succeeds a moment later.
      request.log.warn({ err: error }, 'database busy');
      return reply.code(503).header('retry-after', '5').send({
        error: 'database_busy',
        message: 'Gerade werden viele Änderungen gespeichert. Bitte in einigen Sekunden erneut versuchen / ' +
          'Many changes are being saved right now. Please try again in a few seconds.',
      });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, too large bodies, unsupported media types, rate limits.
      return reply.code(status).send({ error: error.code ?? 'bad_request', message: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({
      error: 'internal_error',
      message: 'Interner Fehler / Internal error. It has been logged.',
    });
  });
});
