import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { DirectoryState } from '../services/directory-state';

export const duplicateRoutes: FastifyPluginAsyncZod<{ state: DirectoryState }> = async () => {};
