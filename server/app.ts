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
import { dbPlugin } from './plugins/db';
import { errorsPlugin } from './plugins/errors';
import { searchPlugin } from './plugins/search';
import { webPlugin } from './plugins/web';
import { metaRoutes } from './routes/meta';
import { offeringRoutes } from './routes/offerings';
import { regionRoutes } from './routes/regions';
import { DirectoryState } from './services/directory-state';
import { MapPointsService } from './services/map-points';

declare module 'fastify' {
  interface FastifyInstance {
    directory: DirectoryState;
  }
}

/**
 * Builds the whole app — plugins first, then routes — without listening, so that tests can `inject()` and
 * main.ts decides when to listen. Call `app.directory.refresh()` once the data is in place.
 */
export async function buildApp(config: Config): Promise<FastifyInstance> {
  const pretty = config.LOG_FORMAT === 'pretty' || (config.LOG_FORMAT === 'auto' && process.stdout.isTTY === true);
  const app = Fastify({
    logger: pretty
      ? { level: config.LOG_LEVEL, transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } }
      : { level: config.LOG_LEVEL },
    // Path parameters (ids) never need more; longer ones are an attack or a bug.
    routerOptions: { maxParamLength: 200 },
    bodyLimit: 1024 * 1024,
    requestTimeout: 30_000,
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
      tags: [{ name: 'offerings' }, { name: 'regions' }, { name: 'meta' }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(dbPlugin, { file: databaseFile(config) });
  await app.register(searchPlugin, { config });
  const state = new DirectoryState(app.db, app.offeringIndex);
  app.decorate('directory', state);

  await app.register(metaRoutes, { config });
  await app.register(regionRoutes, { state });
  await app.register(offeringRoutes, { mapPoints: new MapPointsService(state, app.offeringSearch) });
  await app.register(webPlugin);
  return app;
}
