/** The jobs module's public face (docs/architecture.md "Layers"): the routes, and a job as its caller sees it. */
export { jobRoutes } from './jobs.routes.ts';
export { loadJob } from './jobs.service.ts';
