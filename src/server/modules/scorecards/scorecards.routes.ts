import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../http/deps.ts';

/** Scorecard templates, their assignments and the year's targets. Thin: validate, authorise, call the service. */
export const scorecardRoutes: FastifyPluginAsyncZod<AppDeps> = async (_app, _deps) => {};
