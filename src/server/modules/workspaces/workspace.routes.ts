import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { workspaceSummary } from '../../../contracts/auth.ts';
import { workspaces } from '../../db/schema/index.ts';
import { allowedViewer } from '../../http/actor.ts';
import type { AppDeps } from '../../http/deps.ts';

/** GET /workspaces/:ws: the workspace and the viewer's role in it. */
export const workspaceRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database: { db } }) => {
  app.get('', { schema: { tags: ['workspaces'], summary: 'The workspace and your role in it', params: z.object({ ws: z.string() }), response: { 200: workspaceSummary } } }, async (request) => {
    const viewer = allowedViewer(request, 'workspace.read');
    const [ws] = await db.select().from(workspaces).where(eq(workspaces.id, viewer.workspaceId));
    return { id: ws.id, slug: ws.slug, name: ws.name, kind: ws.kind, isDemo: ws.isDemo, role: viewer.role, personId: viewer.personId };
  });
};
