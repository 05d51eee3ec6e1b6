import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../http/deps.ts';

/** Appeals (异议) and manager adjustments (调整) during calibration. Thin: validate, authorise, call the service. */
export const appealRoutes: FastifyPluginAsyncZod<AppDeps> = async (_app, _deps) => {};
