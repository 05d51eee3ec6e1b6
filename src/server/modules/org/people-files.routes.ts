import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../http/deps.ts';

// TEMPORARY placeholder (lead): helper-2 replaces this file with the import/export routes.
export const peopleFileRoutes: FastifyPluginAsyncZod<AppDeps> = async () => {};
