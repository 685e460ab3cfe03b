import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { DirectoryState } from '../services/directory-state';

export const offeringExportRoutes: FastifyPluginAsyncZod<{ state: DirectoryState }> = async () => {};
