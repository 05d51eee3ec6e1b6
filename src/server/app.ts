import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { openChangeFeed } from './db/change-feed.ts';
import { changedData, registerAuthHooks } from './http/auth-hooks.ts';
import { createMemo } from './http/identity-memo.ts';
import { JSON_BODY_LIMIT_BYTES, MAX_UPLOAD_BYTES } from './limits.ts';
import type { AppDeps } from './http/deps.ts';
import { registerErrorHandler } from './http/error-handler.ts';
import { rejectUnexpectedBodies } from './http/body-guard.ts';
import { guardRequestInput } from './http/input-guards.ts';
import { apiDocument } from './http/openapi.ts';
import { type Auth, registerRequestContext, type Viewer } from './http/request-context.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { setupRoutes } from './modules/setup/setup.routes.ts';
import { type WorkspaceRoutes, workspaceScope } from './http/workspace-scope.ts';
import { actualsDataRoutes } from './modules/cycles/actuals/actuals-data.routes.ts';
import { appealRoutes } from './modules/cycles/results/appeals.routes.ts';
import { cycleRoutes } from './modules/cycles/lifecycle/cycles.routes.ts';
import { ratingRoutes } from './modules/cycles/results/ratings.routes.ts';
import { resultFileRoutes } from './modules/cycles/results/results-files.routes.ts';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.ts';
import { datasetRoutes } from './modules/datasets/datasets.routes.ts';
import { goalRoutes } from './modules/goals/goals.routes.ts';
import { indicatorRoutes } from './modules/indicators/indicators.routes.ts';
import { jobRoutes } from './modules/jobs/index.ts';
import { metricRoutes } from './modules/metrics/metrics.routes.ts';
import { orgRoutes } from './modules/org/org.routes.ts';
import { peopleFileRoutes } from './modules/org/people-files.routes.ts';
import { scorecardRoutes } from './modules/scorecards/scorecards.routes.ts';
import { membersRoutes } from './modules/workspaces/members.routes.ts';
import { workspaceRoutes } from './modules/workspaces/workspace.routes.ts';

/** The router of the workspace API: every module's routes under /api/v1/workspaces/:ws, in one list. */
const WORKSPACE_ROUTES: readonly WorkspaceRoutes[] = [
  workspaceRoutes,
  orgRoutes,
  peopleFileRoutes,
  membersRoutes,
  indicatorRoutes,
  scorecardRoutes,
  cycleRoutes,
  actualsDataRoutes,
  ratingRoutes,
  appealRoutes,
  resultFileRoutes,
  datasetRoutes,
  metricRoutes,
  jobRoutes,
  goalRoutes,
  dashboardRoutes,
];

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

/** Builds the whole HTTP application without listening: main.ts listens, tests inject. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    // typed as one member so TypeScript picks Fastify's HTTP/1 overload
    trustProxy: deps.config.trustProxy as boolean,
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    // the graceful shutdown waits for in-flight requests; idle keep-alive sockets must not hold it
    forceCloseConnections: 'idle',
    ajv: { customOptions: { coerceTypes: false } },
  }).withTypeProvider<ZodTypeProvider>();
  app.setSerializerCompiler(serializerCompiler);
  // the zod validator, behind the rules every input obeys (no NUL character, no absurd nesting)
  guardRequestInput(app);
  // JSON (and multipart for uploads) only: a text/plain body is refused with 415, not guessed at
  app.removeContentTypeParser('text/plain');

  const hasWebApp = fs.existsSync(path.join(webRoot, 'index.html'));
  registerRequestContext(app);
  registerErrorHandler(app, { spaFallback: hasWebApp });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd (cssinjs) and the API docs UI inject style elements
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 }, throwFileSizeLimit: true });
  // the document's version, its errors and public routes: http/openapi.ts
  await app.register(fastifySwagger, {
    openapi: {
      openapi: apiDocument.version,
      info: { title: 'Kedu API', version: deps.version, description: 'Kedu (刻度) REST API. Authenticate with a session cookie (web app) or `Authorization: Bearer <API token>`.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'kedu_session' } } },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: apiDocument.transform,
    transformObject: apiDocument.transformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  // what this server keeps in memory (identities, dashboards' answers) is forgotten by every
  // write that succeeded — here, and through the change feed on every other server on the same
  // PostgreSQL — before its response leaves, and background work's changes go the same way
  const changes = await openChangeFeed(deps.database, deps.logger);
  app.addHook('onClose', () => changes.close());
  app.addHook('onSend', async (request, reply) => {
    if (changedData(request, reply.statusCode)) await changes.publish(request.viewer ? { scope: 'workspace', workspaceId: request.viewer.workspaceId } : { scope: 'account' });
  });
  deps.jobs.onFinished((workspaceId) => void changes.publish({ scope: 'workspace', workspaceId }));
  const identityMs = deps.config.identityCacheSeconds * 1000;
  const identities = { auth: createMemo<Auth>(identityMs, Date.now, changes.isLive), viewers: createMemo<Viewer>(identityMs, Date.now, changes.isLive) };
  changes.subscribe(() => (identities.auth.clear(), identities.viewers.clear()));
  registerAuthHooks(app, deps.database.db, identities.auth);
  rejectUnexpectedBodies(app);
  await app.register(healthRoutes, deps);
  await app.register(
    async (api) => {
      await api.register(setupRoutes, deps);
      await api.register(authRoutes, { ...deps, prefix: '/auth' });
      await api.register(workspaceScope, { ...deps, viewerMemo: identities.viewers, changes, routes: WORKSPACE_ROUTES, prefix: '/workspaces/:ws' });
    },
    { prefix: '/api/v1' },
  );
  if (hasWebApp) {
    // hashed asset names: cache for a year; index.html itself always revalidates
    await app.register(fastifyStatic, { root: webRoot, index: false, maxAge: '1y', immutable: true });
    app.get('/', { schema: { hide: true } }, (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html', { maxAge: 0, immutable: false }));
  }
  return app;
}

