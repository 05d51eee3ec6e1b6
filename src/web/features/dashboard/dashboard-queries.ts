/** The home dashboard's server state: one query per view. */
import { useQuery } from '@tanstack/react-query';
import { goalsKey } from '../goals/goals-queries.ts';
import { dashboardApi, type DashboardView } from './dashboard-api.ts';

// under the goals key: a check-in or a goal edit anywhere refreshes the dashboard with the rest
const dashboardKey = (ws: string, view: DashboardView) => [...goalsKey(ws), 'dashboard', view] as const;

export function useMyDashboard(ws: string) {
  return useQuery({ queryKey: dashboardKey(ws, 'me'), queryFn: () => dashboardApi.me(ws) });
}

export function useTeamDashboard(ws: string) {
  return useQuery({ queryKey: dashboardKey(ws, 'team'), queryFn: () => dashboardApi.team(ws) });
}

export function useCompanyDashboard(ws: string) {
  return useQuery({ queryKey: dashboardKey(ws, 'company'), queryFn: () => dashboardApi.company(ws) });
}
