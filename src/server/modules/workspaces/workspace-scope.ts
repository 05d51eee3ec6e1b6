import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { workspaces } from '../../db/schema/index.ts';
import { workspaceSummary } from '../../../contracts/auth.ts';
import { allowedViewer } from '../../http/actor.ts';
import { type AppDeps, pickDeps } from '../../http/deps.ts';
import { changedData } from '../../http/auth-hooks.ts';
import type { Memo } from '../../http/identity-memo.ts';
import { createReadCache } from '../../http/read-cache.ts';
import type { Viewer } from '../../http/request-context.ts';
import { resolveViewer } from '../../http/workspace-context.ts';
import { appealRoutes } from '../cycles/appeals.routes.ts';
import { cycleRoutes } from '../cycles/cycles.routes.ts';
import { ratingRoutes } from '../cycles/ratings.routes.ts';
import { resultFileRoutes } from '../cycles/results-files.routes.ts';
import { dashboardRoutes } from '../dashboard/dashboard.routes.ts';
import { goalRoutes } from '../goals/goals.routes.ts';
import { indicatorRoutes } from '../indicators/indicators.routes.ts';
import { datasetRoutes } from '../datasets/datasets.routes.ts';
import { jobRoutes } from '../jobs/index.ts';
import { metricRoutes } from '../metrics/metrics.routes.ts';
import { orgRoutes } from '../org/org.routes.ts';
import { peopleFileRoutes } from '../org/people-files.routes.ts';
import { scorecardRoutes } from '../scorecards/scorecards.routes.ts';
import { membersRoutes } from './members.routes.ts';

/** Everything under /api/v1/workspaces/:ws — the viewer is resolved once, before any handler. */
export const workspaceScope: FastifyPluginAsyncZod<AppDeps & { viewerMemo: Memo<Viewer> }> = async (app, options) => {
  const deps = pickDeps(options);
  const { db } = deps.database;
  const { viewerMemo } = options;
  // before validation: a non-member learns nothing about the routes' input rules
  app.addHook('preValidation', async (request) => {
    const { ws } = request.params as { ws: string };
    // the same caller in the same workspace a moment ago (identity-memo.ts)
    request.viewer = request.auth ? (await viewerMemo.remember(`${request.auth.user.id}:${ws}`, () => resolveViewer(db, request, ws)))! : await resolveViewer(db, request, ws);
  });
  // dashboards reuse their answers until the workspace changes: any write that succeeded
  // forgets them, before its response leaves (the writer's next read is already fresh)
  const readCache = createReadCache({ ttlMs: deps.config.readCacheSeconds * 1000 });
  app.addHook('onSend', async (request, reply) => {
    if (request.viewer && changedData(request, reply.statusCode)) readCache.invalidate(request.viewer.workspaceId);
  });
  // work finished in the background changed the workspace as a write through the API does
  deps.jobs.onFinished((workspaceId) => readCache.invalidate(workspaceId));

  app.get('', { schema: { tags: ['workspaces'], summary: 'The workspace and your role in it', params: z.object({ ws: z.string() }), response: { 200: workspaceSummary } } }, async (request) => {
    const viewer = allowedViewer(request, 'workspace.read');
    const [ws] = await db.select().from(workspaces).where(eq(workspaces.id, viewer.workspaceId));
    return { id: ws.id, slug: ws.slug, name: ws.name, kind: ws.kind, isDemo: ws.isDemo, role: viewer.role, personId: viewer.personId };
  });
  await app.register(orgRoutes, deps);
  await app.register(peopleFileRoutes, deps);
  await app.register(membersRoutes, deps);
  await app.register(indicatorRoutes, deps);
  await app.register(scorecardRoutes, deps);
  await app.register(cycleRoutes, deps);
  await app.register(ratingRoutes, deps);
  await app.register(appealRoutes, deps);
  await app.register(resultFileRoutes, deps);
  await app.register(datasetRoutes, deps);
  await app.register(metricRoutes, deps);
  await app.register(jobRoutes, deps);
  await app.register(goalRoutes, { ...deps, readCache });
  await app.register(dashboardRoutes, { ...deps, readCache });
};
