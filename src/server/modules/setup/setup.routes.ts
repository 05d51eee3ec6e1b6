import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createWorkspaceInput, me, setupInput, setupStatus, workspaceSummary } from '../../../contracts/auth.ts';
import { AppError } from '../../errors.ts';
import { actorOfRequest } from '../../http/actor.ts';
import { PUBLIC_ROUTE, requireAuth } from '../../http/auth-hooks.ts';
import type { AppDeps } from '../../http/deps.ts';
import { signIn } from '../auth/index.ts';
import { assertNotDemoAccount } from '../../access.ts';
import { ensureDemoWorkspace } from '../demo/index.ts';
import { completeSetup, createWorkspace, needsSetup } from '../workspaces/index.ts';

/** First-run setup, the demo workspace, and creating further workspaces. */
export const setupRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { db } = deps.database;

  app.get('/setup/status', { ...PUBLIC_ROUTE, schema: { tags: ['setup'], summary: 'Whether first-run setup is still needed', response: { 200: setupStatus } } }, async () => ({
    needsSetup: await needsSetup(db),
    demoEnabled: deps.config.demoEnabled,
    version: deps.version,
    database: deps.database.kind,
  }));

  app.post('/setup', { ...PUBLIC_ROUTE, schema: { tags: ['setup'], summary: 'First-run setup: the first workspace and its administrator', body: setupInput, response: { 200: me } } }, async (request, reply) => {
    const userId = await completeSetup(db, request.body, request.ip);
    return signIn(deps, request, reply, userId);
  });

  app.post('/demo/open', { ...PUBLIC_ROUTE, schema: { tags: ['setup'], summary: 'Open the demo workspace (signs in as its administrator)', response: { 200: me } } }, async (request, reply) => {
    if (!deps.config.demoEnabled) throw new AppError('demo_disabled');
    const userId = await ensureDemoWorkspace(deps.database, deps.jobs, request.ip);
    return signIn(deps, request, reply, userId);
  });

  app.post('/workspaces', { schema: { tags: ['workspaces'], summary: 'Create a workspace (you become its administrator)', body: createWorkspaceInput, response: { 201: workspaceSummary } } }, async (request, reply) => {
    const auth = requireAuth(request);
    assertNotDemoAccount(auth);
    reply.status(201);
    return createWorkspace(db, actorOfRequest(request), auth.user, request.body);
  });
};
