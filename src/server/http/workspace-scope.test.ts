import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Config } from '../config.ts';
import type { ChangeFeed } from '../db/change-feed.ts';
import type { Database } from '../db/client.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import { createMemo } from './identity-memo.ts';
import type { Viewer } from './request-context.ts';
import { route, type WorkspaceRoutes, workspaceScope } from './workspace-scope.ts';

/** Only what workspaceScope reads while routes are registered. */
const deps = {
  config: { readCacheSeconds: 1 } as Config,
  database: { db: {} } as Database,
  version: 'test',
  jobs: { onFinished: () => {} } as unknown as JobQueue,
  changes: { subscribe: () => {}, isLive: () => true } as unknown as ChangeFeed,
};

async function start(routes: WorkspaceRoutes) {
  const app = Fastify();
  await app.register(workspaceScope, { ...deps, viewerMemo: createMemo<Viewer>(0), routes: [routes], prefix: '/workspaces/:ws' });
  await app.ready();
  return app;
}

describe('the access entry point of workspace routes', () => {
  it('refuses to start with a workspace route that declares no action', async () => {
    const undeclared: WorkspaceRoutes = async (app) => {
      app.get('/open-door', async () => ({ ok: true }));
    };
    await expect(start(undeclared)).rejects.toThrow('GET /workspaces/:ws/open-door: a workspace route declares its action');
  });

  it('starts when every route declares one', async () => {
    const declared: WorkspaceRoutes = async (app) => {
      app.get('/things', { config: route('goals.read') }, async () => ({ ok: true }));
      app.post('/things/preview', { config: route('goals.write', { readOnly: true }) }, async () => ({ ok: true }));
    };
    const app = await start(declared);
    expect(app.printRoutes()).toContain('things');
    await app.close();
  });
});
