/**
 * The plan and goal endpoints (contracts/goals.ts): plans, the cascade tree one level at a
 * time, goal details, check-ins, the live SMART check and the plan's SMART report.
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as g from '../../../contracts/goals.ts';
import { download, type Ok, request } from '../../api.ts';
import { wsKey } from '../org/org-queries.ts';

export type Plan = z.infer<typeof g.plan>;
export type Phase = z.infer<typeof g.phase>;
export type PlanBody = z.input<typeof g.planInput>;
export type Goal = z.infer<typeof g.goal>;
export type GoalDetail = z.infer<typeof g.goalDetail>;
export type GoalBody = z.input<typeof g.goalInput>;
export type GoalUpdateBody = z.input<typeof g.goalUpdateInput>;
export type GoalOwnerBody = z.input<typeof g.goalOwnerInput>;
export type CheckIn = z.infer<typeof g.checkIn>;
export type CheckInBody = z.input<typeof g.checkInInput>;
export type TargetChange = z.infer<typeof g.targetChange>;
export type GoalActual = z.infer<typeof g.goalActual>;
/** One period of a recurring goal, with its target, actual, state and pace. */
export type GoalPeriodRow = z.infer<typeof g.goalPeriod>;
export type Coverage = z.infer<typeof g.coverage>;
export type SmartMessage = z.infer<typeof g.smartMessage>;
export type PitfallMessage = z.infer<typeof g.pitfallMessage>;
export type SmartCheckBody = z.input<typeof g.smartCheckInput>;
export type SmartCheckResult = z.infer<typeof g.smartCheckResult>;
export type TargetSuggestion = z.infer<typeof g.targetSuggestion>;
export type PlanReport = z.infer<typeof g.planReport>;
export type TreeQuery = z.input<typeof g.treeQuery>;
export type GoalStatus = Goal['status'];
export type OwnerKind = Goal['owner']['kind'];
export type CoverageLevel = Coverage['level'];

const w = (ws: string) => `/workspaces/${encodeURIComponent(ws)}`;
const planPath = (ws: string, id: string) => `${w(ws)}/plans/${id}`;
const goalPath = (ws: string, id: string) => `${w(ws)}/goals/${id}`;

export const goalsApi = {
  plans: (ws: string) => request<Plan[]>('GET', `${w(ws)}/plans`),
  plan: (ws: string, id: string) => request<Plan>('GET', planPath(ws, id)),
  createPlan: (ws: string, body: PlanBody) => request<Plan>('POST', `${w(ws)}/plans`, { body }),
  updatePlan: (ws: string, id: string, body: PlanBody) => request<Plan>('PUT', planPath(ws, id), { body }),
  removePlan: (ws: string, id: string) => request<Ok>('DELETE', planPath(ws, id)),
  /** One level of the cascade: the plan's top goals, or the children of `parentId`. */
  tree: (ws: string, planId: string, query: TreeQuery) => request<Goal[]>('GET', `${planPath(ws, planId)}/goals`, { query }),
  report: (ws: string, planId: string) => request<PlanReport>('GET', `${planPath(ws, planId)}/report`),
  exportPlan: (ws: string, plan: Plan) => download(`${planPath(ws, plan.id)}/export`, undefined, `${plan.name}.kedu-plan.json`),
  /** A `kedu.plan/v1` file: its parsed JSON is the body; refused whole with located details. */
  importPlan: (ws: string, file: unknown) => request<Plan>('POST', `${w(ws)}/plans/import`, { body: file }),

  goal: (ws: string, id: string) => request<GoalDetail>('GET', goalPath(ws, id)),
  createGoal: (ws: string, body: GoalBody) => request<Goal>('POST', `${w(ws)}/goals`, { body }),
  updateGoal: (ws: string, id: string, body: GoalUpdateBody) => request<Goal>('PUT', goalPath(ws, id), { body }),
  removeGoal: (ws: string, id: string) => request<Ok>('DELETE', goalPath(ws, id)),
  checkIn: (ws: string, id: string, body: CheckInBody) => request<CheckIn>('POST', `${goalPath(ws, id)}/check-ins`, { body }),
  smartCheck: (ws: string, body: SmartCheckBody, signal?: AbortSignal) =>
    request<SmartCheckResult>('POST', `${w(ws)}/goals/smart-check`, { body, signal }),
};

/** Everything about plans and goals lives under ['ws', slug, 'goals', …], so one write refreshes it all. */
export const goalsKey = (ws: string) => [...wsKey(ws), 'goals'] as const;
export const plansKey = (ws: string) => [...goalsKey(ws), 'plans'] as const;
export const planKey = (ws: string, id: string) => [...goalsKey(ws), 'plan', id] as const;
export const treeKey = (ws: string, planId: string, query: TreeQuery) => [...planKey(ws, planId), 'tree', query] as const;
export const goalKey = (ws: string, id: string) => [...goalsKey(ws), 'goal', id] as const;

export function usePlans(ws: string) {
  return useQuery({ queryKey: plansKey(ws), queryFn: () => goalsApi.plans(ws) });
}

export function usePlan(ws: string, id: string, enabled = true) {
  return useQuery({ queryKey: [...planKey(ws, id), 'plan'], queryFn: () => goalsApi.plan(ws, id), enabled });
}

export function usePlanReport(ws: string, id: string, enabled = true) {
  return useQuery({ queryKey: [...planKey(ws, id), 'report'], queryFn: () => goalsApi.report(ws, id), enabled });
}

export function useGoalLevel(ws: string, planId: string, query: TreeQuery, enabled = true) {
  return useQuery({ queryKey: treeKey(ws, planId, query), queryFn: () => goalsApi.tree(ws, planId, query), placeholderData: keepPreviousData, enabled });
}

export function useGoal(ws: string, id: string) {
  return useQuery({ queryKey: goalKey(ws, id), queryFn: () => goalsApi.goal(ws, id) });
}

/**
 * After any goal or plan write: statuses, counts, coverage of the parents and the report all
 * depend on each other, so refresh everything about goals (and the workspace's actuals stay).
 */
export function useRefreshGoals(ws: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: goalsKey(ws) });
}
