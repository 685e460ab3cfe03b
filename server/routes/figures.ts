import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { DirectoryState } from '../services/directory-state';

export const figureRoutes: FastifyPluginAsyncZod<{ state: DirectoryState }> = async () => {};
