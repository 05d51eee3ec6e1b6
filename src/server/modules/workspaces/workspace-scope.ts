import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { workspaces } from '../../db/schema/index.ts';
import { workspaceSummary } from '../../../contracts/auth.ts';
import { allowedViewer } from '../../http/actor.ts';
import { type AppDeps, pickDeps } from '../../http/deps.ts';
import { resolveViewer } from '../../http/workspace-context.ts';
import { appealRoutes } from '../cycles/appeals.routes.ts';
import { cycleRoutes } from '../cycles/cycles.routes.ts';
import { ratingRoutes } from '../cycles/ratings.routes.ts';
import { resultFileRoutes } from '../cycles/results-files.routes.ts';
import { dashboardRoutes } from '../dashboard/dashboard.routes.ts';
import { goalRoutes } from '../goals/goals.routes.ts';
import { indicatorRoutes } from '../indicators/indicators.routes.ts';
import { datasetRoutes } from '../datasets/datasets.routes.ts';
import { metricRoutes } from '../metrics/metrics.routes.ts';
import { orgRoutes } from '../org/org.routes.ts';
import { peopleFileRoutes } from '../org/people-files.routes.ts';
import { scorecardRoutes } from '../scorecards/scorecards.routes.ts';
import { membersRoutes } from './members.routes.ts';

/** Everything under /api/v1/workspaces/:ws — the viewer is resolved once, before any handler. */
export const workspaceScope: FastifyPluginAsyncZod<AppDeps> = async (app, options) => {
  const deps = pickDeps(options);
  const { db } = deps.database;
  // before validation: a non-member learns nothing about the routes' input rules
  app.addHook('preValidation', async (request) => {
    const { ws } = request.params as { ws: string };
    request.viewer = await resolveViewer(db, request, ws);
  });

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
  await app.register(goalRoutes, deps);
  await app.register(dashboardRoutes, deps);
};
