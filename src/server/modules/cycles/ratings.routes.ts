import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../http/deps.ts';

/** Manual ratings: the person's self-rating, then the manager's. Thin: validate, authorise, call the service. */
export const ratingRoutes: FastifyPluginAsyncZod<AppDeps> = async (_app, _deps) => {};
