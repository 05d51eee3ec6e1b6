/**
 * The server state of plans and goals: their query keys, the reads, and the writes with the
 * refresh each needs. Components keep their own reaction to a write (a message, closing a form)
 * in `mutate(…, { onSuccess, onError })`.
 */
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { wsKey } from '../org/org-queries.ts';
import { type CheckInBody, type GoalBody, type GoalUpdateBody, goalsApi, type Plan, type PlanBody, type SmartCheckBody, type TreeQuery } from './goals-api.ts';

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

/** The children of each opened goal of the cascade tree, under the same filters as its top level: one query per parent, in the order given. */
export function useGoalLevels(ws: string, planId: string, filters: TreeQuery, parentIds: string[]) {
  return useQueries({
    queries: parentIds.map((parentId) => ({ queryKey: treeKey(ws, planId, { ...filters, parentId }), queryFn: () => goalsApi.tree(ws, planId, { ...filters, parentId }) })),
  });
}

/** Loads the children of a goal on demand (a tree select opening a node), sharing the tree's cache. */
export function useLoadGoalLevel(ws: string, planId: string) {
  const queryClient = useQueryClient();
  return (parentId: string) => queryClient.fetchQuery({ queryKey: treeKey(ws, planId, { parentId }), queryFn: () => goalsApi.tree(ws, planId, { parentId }) });
}

export function useGoal(ws: string, id: string) {
  return useQuery({ queryKey: goalKey(ws, id), queryFn: () => goalsApi.goal(ws, id) });
}

/** Reads a goal or a plan afresh (after a stale save: the form shows the latest record), and refreshes the rest of goals. */
export function useReloadGoals(ws: string) {
  const queryClient = useQueryClient();
  const fresh = <T,>(queryKey: readonly unknown[], queryFn: () => Promise<T>) => {
    void queryClient.invalidateQueries({ queryKey: goalsKey(ws) });
    return queryClient.fetchQuery({ queryKey, queryFn, staleTime: 0 });
  };
  return {
    goal: (id: string) => fresh(goalKey(ws, id), () => goalsApi.goal(ws, id)),
    plan: (id: string) => fresh([...planKey(ws, id), 'plan'], () => goalsApi.plan(ws, id)),
  };
}

/**
 * The SMART check of a goal's body (as JSON, so that equal bodies share the answer). The previous
 * answer stays on screen while the next is asked so the messages do not flicker.
 */
export function useSmartCheckOf(ws: string, body: string) {
  return useQuery({
    queryKey: [...goalsKey(ws), 'smart-check', body],
    queryFn: ({ signal }) => goalsApi.smartCheck(ws, JSON.parse(body) as SmartCheckBody, signal),
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 30_000,
  });
}

/**
 * After any goal or plan write: statuses, counts, coverage of the parents and the report all
 * depend on each other, so refresh everything about goals (and the workspace's actuals stay).
 */
export function useRefreshGoals(ws: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: goalsKey(ws) });
}

/** A write about goals: it refreshes everything about goals once it has succeeded (without waiting for the refresh). */
function useGoalsWrite<T, V>(ws: string, write: (v: V) => Promise<T>) {
  const refresh = useRefreshGoals(ws);
  return useMutation({
    mutationFn: write,
    onSuccess: () => {
      void refresh();
    },
  });
}

/** A plan to save: the changes of the plan `id` (with the version they were based on), or a new plan. */
export type PlanSave = { id?: string; version?: number; body: PlanBody };

export function useSavePlan(ws: string) {
  return useGoalsWrite(ws, ({ id, version, body }: PlanSave) => (id ? goalsApi.updatePlan(ws, id, { ...body, version }) : goalsApi.createPlan(ws, body)));
}

export function useRemovePlan(ws: string) {
  return useGoalsWrite(ws, (id: string) => goalsApi.removePlan(ws, id));
}

/**
 * Imports a plan file: `read` gives its parsed JSON, or throws the message to show (a file that is
 * not JSON is refused before anything is sent).
 */
export function useImportPlan(ws: string) {
  return useGoalsWrite(ws, async (read: () => Promise<unknown>) => goalsApi.importPlan(ws, await read()));
}

/** Downloads the plan as a `kedu.plan/v1` file: nothing changes, nothing to refresh. */
export function useExportPlan(ws: string) {
  return useMutation({ mutationFn: (plan: Plan) => goalsApi.exportPlan(ws, plan) });
}

/** A goal to save: the changes of the goal `id`, or a new goal. */
export type GoalSave = { id: string; body: GoalUpdateBody } | { body: GoalBody };

export function useSaveGoal(ws: string) {
  return useGoalsWrite(ws, (v: GoalSave) => ('id' in v ? goalsApi.updateGoal(ws, v.id, v.body) : goalsApi.createGoal(ws, v.body)));
}

export function useRemoveGoal(ws: string) {
  return useGoalsWrite(ws, (id: string) => goalsApi.removeGoal(ws, id));
}

export function useCheckIn(ws: string, goalId: string) {
  return useGoalsWrite(ws, (body: CheckInBody) => goalsApi.checkIn(ws, goalId, body));
}
