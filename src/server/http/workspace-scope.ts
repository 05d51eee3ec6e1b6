import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Viewer } from './request-context.ts';
import { changedData } from './auth-hooks.ts';
import { type AppDeps, pickDeps } from './deps.ts';
import type { Memo } from './identity-memo.ts';
import { createReadCache, type ReadCache } from './read-cache.ts';
import { resolveViewer } from './workspace-context.ts';

/** A module's routes under /api/v1/workspaces/:ws; the dashboards and the goal tree also reuse answers (readCache). */
export type WorkspaceRoutes = FastifyPluginAsyncZod<AppDeps & { readCache: ReadCache }>;

/**
 * Everything under /api/v1/workspaces/:ws: the viewer is resolved once, before any handler, and
 * the workspace's cached answers are forgotten by any write that succeeded. The routes themselves
 * are app.ts's list (the router); this plugin only gives them their workspace.
 */
export const workspaceScope: FastifyPluginAsyncZod<AppDeps & { viewerMemo: Memo<Viewer>; routes: readonly WorkspaceRoutes[] }> = async (app, options) => {
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
  for (const routes of options.routes) await app.register(routes, { ...deps, readCache });
};
