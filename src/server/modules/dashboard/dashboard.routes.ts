import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { companyDashboard, myDashboard, teamDashboard } from '../../../contracts/dashboard.ts';
import { allowedViewer } from '../../http/actor.ts';
import type { AppDeps } from '../../http/deps.ts';
import { getCompanyDashboard, getMyDashboard, getTeamDashboard } from './dashboard.service.ts';

const params = z.object({ ws: z.string() });
const tags = ['dashboard'];

/** The home dashboard (docs/dashboard.md): everyone reads their own view; managers their team's; admins the company's. */
export const dashboardRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database: { db } }) => {
  app.get('/dashboard/me', { schema: { tags, summary: 'My goals with their status, my latest scorecard and my totals over the last 12 cycles', params, response: { 200: myDashboard } } }, async (request) => {
    return getMyDashboard(db, allowedViewer(request, 'dashboard.read'));
  });

  app.get(
    '/dashboard/team',
    { schema: { tags, summary: "My team's goals (managers: their units and people; admins: everyone): status counts, the at-risk list, goals per person, the latest score distribution", params, response: { 200: teamDashboard } } },
    async (request) => {
      return getTeamDashboard(db, allowedViewer(request, 'dashboard.team'));
    },
  );

  app.get(
    '/dashboard/company',
    { schema: { tags, summary: "The company's goal tree health, balanced-scorecard radar, key indicators' trends and the latest ranking (admins)", params, response: { 200: companyDashboard } } },
    async (request) => {
      return getCompanyDashboard(db, allowedViewer(request, 'dashboard.company'));
    },
  );
};
