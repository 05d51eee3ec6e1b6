import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../http/deps.ts';

/** Results as files: the ranking export (XLSX), the actuals upload (XLSX/CSV) and its template. Thin: validate, authorise, call the service. */
export const resultFileRoutes: FastifyPluginAsyncZod<AppDeps> = async (_app, _deps) => {};
