import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { workspaceSummary } from '../../../contracts/auth.ts';
import { abilitiesOf } from '../../access.ts';
import type { AppDeps } from '../../http/deps.ts';
import { route } from '../../http/workspace-scope.ts';
import { findWorkspaceRow } from './workspaces.queries.ts';

/** GET /workspaces/:ws: the workspace and the viewer's role in it. */
export const workspaceRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database: { db } }) => {
  app.get('', { config: route('workspace.read'), schema: { tags: ['workspaces'], summary: 'The workspace and your role in it', params: z.object({ ws: z.string() }), response: { 200: workspaceSummary } } }, async (request) => {
    const { viewer } = request.ctx;
    const ws = await findWorkspaceRow(db, viewer.workspaceId);
    return { id: ws.id, slug: ws.slug, name: ws.name, kind: ws.kind, isDemo: ws.isDemo, role: viewer.role, personId: viewer.personId, abilities: abilitiesOf(viewer.role) };
  });
};
