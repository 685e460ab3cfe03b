import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { databaseFile, tileOrigin, type Config } from './config';
import { authPlugin, loggerRedaction } from './plugins/auth';
import { dbPlugin } from './plugins/db';
import { errorsPlugin } from './plugins/errors';
import { mailPlugin } from './plugins/mail';
import { outboxPlugin } from './plugins/outbox';
import { searchPlugin } from './plugins/search';
import { webPlugin } from './plugins/web';
import { adminUserRoutes } from './routes/admin-users';
import { authRoutes } from './routes/auth';
import { manageOfferingRoutes } from './routes/manage-offerings';
import { meRoutes } from './routes/me';
import { metaRoutes } from './routes/meta';
import { offeringCsvRoutes } from './routes/offering-csv';
import { ImportRunner } from './services/import-runner';
import { offeringRoutes } from './routes/offerings';
import { organisationMemberRoutes } from './routes/organisation-members';
import { organisationRoutes } from './routes/organisations';
import { regionRoutes } from './routes/regions';
import { reviewRoutes } from './routes/review';
import { gapRoutes } from './routes/gaps';
import { figureRoutes } from './routes/figures';
import { offeringExportRoutes } from './routes/offering-exports';
import { duplicateRoutes } from './routes/duplicates';
import { DirectoryState } from './services/directory-state';
import { readChips } from './search/query-chips';
import { DegradedSearch } from './search/degraded-search';
import { DEFAULT_RADIUS_KM } from '../schema';
import { suggestRoutes } from './routes/suggest';
import { MapPointsService } from './services/map-points';

declare module 'fastify' {
  interface FastifyInstance {
    directory: DirectoryState;
  }
}

export interface BuildOptions {
  /** Where log lines go instead of stdout (tests read them to check that no secret is logged). */
  logStream?: { write(line: string): void };
}

/** Trusts the nearest `hops` proxies (Fastify takes a number too, but its types do not say so). */
function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}

/**
 * Builds the whole app — plugins first, then routes — without listening, so that tests can `inject()` and
 * main.ts decides when to listen. Call `app.directory.refresh()` once the data is in place.
 */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const pretty = config.LOG_FORMAT === 'pretty' || (config.LOG_FORMAT === 'auto' && process.stdout.isTTY === true);
  const app = Fastify({
    logger: options.logStream
      ? { level: config.LOG_LEVEL, ...loggerRedaction, stream: options.logStream }
      : pretty
        ? { level: config.LOG_LEVEL, ...loggerRedaction, transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } }
        : { level: config.LOG_LEVEL, ...loggerRedaction },
    // Behind a reverse proxy, request.ip (rate limits, login throttling) must be the client, not the proxy.
    trustProxy: typeof config.TRUST_PROXY === 'number' ? trustHops(config.TRUST_PROXY) : config.TRUST_PROXY,
    // Path parameters (ids) never need more; longer ones are an attack or a bug.
    routerOptions: { maxParamLength: 200 },
    bodyLimit: 1024 * 1024,
    requestTimeout: 30_000,
    // While shutting down, a request arriving on a kept-alive connection is served (or its connection
    // closed, which browsers retry for a GET) rather than answered 503: a restart must not show families an
    // error. Requests under way are waited for either way (main.ts).
    return503OnClosing: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(errorsPlugin);
  const tileHost = tileOrigin(config);
  // Security headers, rate limits and compression must be registered before the routes they cover.
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', ...(tileHost ? [tileHost] : [])],
        connectSrc: ["'self'"],
      },
    },
  });
  await app.register(rateLimit, { max: config.RATE_LIMIT, timeWindow: '1 minute' });
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip'], brotliOptions: { params: { 1: 4 } } });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Bildungslandkarte API',
        description: 'Public search over the published educational offerings of German education regions.',
        version: '0.1.0',
      },
      tags: [{ name: 'offerings' }, { name: 'regions' }, { name: 'meta' }, { name: 'organisations' }, { name: 'manage' }, { name: 'review' }, { name: 'accounts' }, { name: 'monitoring', description: 'Gap maps, figures and exports (public aggregates); duplicate structures (coordinators)' }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(dbPlugin, { file: databaseFile(config) });
  await app.register(searchPlugin, { config });
  await app.register(outboxPlugin);
  await app.register(mailPlugin, { config });
  // Sessions, CSRF checks and request.actor: before every route that needs them.
  await app.register(authPlugin, { config });
  const state = new DirectoryState(app.db, app.offeringIndex, app.outbox);
  app.decorate('directory', state);
  app.offeringSearch.useHelpers({
    read: (q) => readChips(q, state.places),
    correct: (word) => state.vocabulary.correct(word),
    version: () => state.version,
  });
  app.offeringSearch.useFallback(new DegradedSearch(app.db, () => state.points, state.text, DEFAULT_RADIUS_KM, () => state.textUsable()));
  // Before the database closes: the text index must not go on reading it.
  app.addHook('onClose', async () => state.close());

  await app.register(metaRoutes, { config });
  await app.register(regionRoutes, { state });
  await app.register(offeringRoutes, { mapPoints: new MapPointsService(state, app.offeringSearch) });
  await app.register(suggestRoutes, { state });
  await app.register(authRoutes, { config });
  await app.register(meRoutes, { config });
  await app.register(adminUserRoutes, { config });
  await app.register(organisationRoutes);
  await app.register(organisationMemberRoutes, { config });
  await app.register(manageOfferingRoutes);
  const imports = new ImportRunner(databaseFile(config), app.log);
  app.addHook('onClose', () => imports.close());
  await app.register(offeringCsvRoutes, { imports });
  await app.register(reviewRoutes, { config });
  await app.register(gapRoutes, { state });
  await app.register(figureRoutes, { state });
  await app.register(offeringExportRoutes, { state, config });
  await app.register(duplicateRoutes, { state });
  await app.register(webPlugin);
  return app;
}
