/** The home dashboard's endpoints (contracts/dashboard.ts): one per view, each read only by the roles that get it. */
import type { CompanyDashboard, MyDashboard, TeamDashboard } from '../../../contracts/dashboard.ts';
import { get, workspacePath } from '../../api.ts';

export type { CompanyDashboard, MyDashboard, TeamDashboard };
export type DashboardView = 'me' | 'team' | 'company';

const path = (ws: string, view: DashboardView) => `${workspacePath(ws)}/dashboard/${view}`;

export const dashboardApi = {
  me: (ws: string) => get<MyDashboard>(path(ws, 'me')),
  team: (ws: string) => get<TeamDashboard>(path(ws, 'team')),
  company: (ws: string) => get<CompanyDashboard>(path(ws, 'company')),
};
