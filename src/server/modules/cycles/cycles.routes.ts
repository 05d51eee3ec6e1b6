import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../http/deps.ts';

/** Appraisal cycles: lifecycle, actuals, ratings, results, appeals. Thin: validate, authorise, call the service. */
export const cycleRoutes: FastifyPluginAsyncZod<AppDeps> = async (_app, _deps) => {};
