import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { companyDashboard, myDashboard, teamDashboard } from '../../../contracts/dashboard.ts';
import type { FastifyReply } from 'fastify';
import type { ReadCache } from '../../http/read-cache.ts';
import type { Viewer } from '../../http/request-context.ts';
import { today } from '../goals/index.ts';
import type { AppDeps } from '../../http/deps.ts';
import { route } from '../../http/workspace-scope.ts';
import { getCompanyDashboard, getMyDashboard, getTeamDashboard } from './dashboard.service.ts';

const params = z.object({ ws: z.string() });
const tags = ['dashboard'];

/** The home dashboard (docs/dashboard.md): everyone reads their own view; managers their team's; admins the company's. */
export const dashboardRoutes: FastifyPluginAsyncZod<AppDeps & { readCache: ReadCache }> = async (app, { database: { db }, readCache }) => {
  /**
   * The answer for this viewer's view, reused while the workspace is unchanged (read-cache.ts).
   * Serialised once, through the route's schema, and sent as stored: a reused answer costs no
   * query and no serialisation. The key holds the day, as statuses move with time.
   */
  const cached = async <T>(reply: FastifyReply, viewer: Viewer, view: string, scope: string, schema: z.ZodType<T>, compute: () => Promise<T>) => {
    const body = await readCache.read(viewer.workspaceId, `${view}:${scope}:${today()}`, async () => JSON.stringify(schema.parse(await compute())));
    return reply.type('application/json; charset=utf-8').serializer((payload) => payload as string).send(body);
  };

  app.get('/dashboard/me', { config: route('dashboard.read'), schema: { tags, summary: 'My goals with their status, my latest scorecard and my totals over the last 12 cycles', params, response: { 200: myDashboard } } }, async (request, reply) => {
    const { viewer } = request.ctx;
    return cached(reply, viewer, 'me', viewer.personId ?? `user:${viewer.userId}`, myDashboard, () => getMyDashboard(db, viewer));
  });

  app.get(
    '/dashboard/team',
    { config: route('dashboard.team'), schema: { tags, summary: "My team's goals (managers: their units and people; admins: everyone): status counts, the at-risk list, goals per person, the latest score distribution", params, response: { 200: teamDashboard } } },
    async (request, reply) => {
      const { viewer } = request.ctx;
      // a manager's team: the units they lead, and themselves (teamScopeOf)
      const scope = viewer.scopeUnitIds === 'all' ? 'all' : `${[...viewer.scopeUnitIds].sort().join(',')}|${viewer.personId ?? ''}`;
      return cached(reply, viewer, 'team', scope, teamDashboard, () => getTeamDashboard(db, viewer));
    },
  );

  app.get(
    '/dashboard/company',
    { config: route('dashboard.company'), schema: { tags, summary: "The company's goal tree health, balanced-scorecard radar, key indicators' trends and the latest ranking (admins)", params, response: { 200: companyDashboard } } },
    async (request, reply) => {
      const { viewer } = request.ctx;
      return cached(reply, viewer, 'company', '', companyDashboard, () => getCompanyDashboard(db, viewer));
    },
  );
};
