/** The home dashboard's endpoints (contracts/dashboard.ts): one per view, each read only by the roles that get it. */
import { useQuery } from '@tanstack/react-query';
import type { CompanyDashboard, MyDashboard, TeamDashboard } from '../../../contracts/dashboard.ts';
import { request } from '../../api.ts';
import { goalsKey } from '../goals/goals-api.ts';

export type { CompanyDashboard, MyDashboard, TeamDashboard };
export type DashboardView = 'me' | 'team' | 'company';

const path = (ws: string, view: DashboardView) => `/workspaces/${encodeURIComponent(ws)}/dashboard/${view}`;

// under the goals key: a check-in or a goal edit anywhere refreshes the dashboard with the rest
const dashboardKey = (ws: string, view: DashboardView) => [...goalsKey(ws), 'dashboard', view] as const;

export function useMyDashboard(ws: string) {
  return useQuery({ queryKey: dashboardKey(ws, 'me'), queryFn: () => request<MyDashboard>('GET', path(ws, 'me')) });
}

export function useTeamDashboard(ws: string) {
  return useQuery({ queryKey: dashboardKey(ws, 'team'), queryFn: () => request<TeamDashboard>('GET', path(ws, 'team')) });
}

export function useCompanyDashboard(ws: string) {
  return useQuery({ queryKey: dashboardKey(ws, 'company'), queryFn: () => request<CompanyDashboard>('GET', path(ws, 'company')) });
}

/** Where a number leads: its goal, or the explanation of a result (the participant page). */
export const links = {
  goal: (ws: string, id: string) => `/w/${ws}/goals/${id}`,
  result: (ws: string, cycleId: string, participantId: string) => `/w/${ws}/cycles/${cycleId}/people/${participantId}`,
  cycle: (ws: string, cycleId: string) => `/w/${ws}/cycles/${cycleId}`,
  plans: (ws: string) => `/w/${ws}/plans`,
  cycles: (ws: string) => `/w/${ws}/cycles`,
};
