import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type Action, authorize } from '../access.ts';
import type { ChangeFeed } from '../db/change-feed.ts';
import type { Viewer } from './request-context.ts';
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
export const workspaceScope: FastifyPluginAsyncZod<AppDeps & { viewerMemo: Memo<Viewer>; changes: ChangeFeed; routes: readonly WorkspaceRoutes[] }> = async (app, options) => {
  const deps = pickDeps(options);
  const { db } = deps.database;
  const { viewerMemo } = options;
  // before validation: a non-member learns nothing about the routes' input rules
  // every route here declares the action it performs (config.action): one that does not is a
  // programming error, refused when the app starts rather than left open
  app.addHook('onRoute', (route) => {
    if (!actionOf(route.config)) throw new Error(`${route.method} ${route.url}: a workspace route declares its action (config: { action })`);
  });
  app.addHook('preValidation', async (request) => {
    const { ws } = request.params as { ws: string };
    // the same caller in the same workspace a moment ago (identity-memo.ts)
    const viewer = request.auth ? (await viewerMemo.remember(`${request.auth.user.id}:${ws}`, () => resolveViewer(db, request, ws)))! : await resolveViewer(db, request, ws);
    request.viewer = viewer;
    // the one access entry point: the route's action for this viewer's role (403), before the
    // body is even validated; entity rules (whose goal, which participant) are the services'
    authorize(viewer, actionOf(request.routeOptions.config)!);
    request.ctx = { viewer, actor: { userId: viewer.userId, label: viewer.label, ip: request.ip, workspaceId: viewer.workspaceId }, locale: request.locale };
  });
  // dashboards reuse their answers until the workspace changes: any write that succeeded, on
  // any server, and any background work finished forgets them (app.ts publishes the change
  // before the write's response leaves, so the writer's next read is already fresh)
  const { changes } = options;
  const readCache = createReadCache({ ttlMs: deps.config.readCacheSeconds * 1000, live: changes.isLive });
  changes.subscribe((change) => {
    if (change.scope === 'workspace') readCache.invalidate(change.workspaceId);
    else if (change.scope === 'everything') readCache.invalidateAll();
  });
  for (const routes of options.routes) await app.register(routes, { ...deps, readCache });
};

/** The action a route declares (`config: { action }`). */
const actionOf = (config: unknown): Action | undefined => (config as { action?: Action } | undefined)?.action;

/**
 * A workspace route's config: the action it performs (authorised before the handler, see above),
 * whether a write method only reads (the read cache is then kept), and whether it takes a file
 * upload (body-guard.ts).
 * @example app.post('/metrics/preview', { config: route('metrics.write', { readOnly: true }), schema }, handler)
 */
export function route(action: Action, options: { readOnly?: boolean; upload?: boolean } = {}): { action: Action; readOnly?: boolean; upload?: boolean } {
  return { action, ...options };
}
