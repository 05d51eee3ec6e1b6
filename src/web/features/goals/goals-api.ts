/**
 * The plan and goal endpoints (contracts/goals.ts): plans, the cascade tree one level at a
 * time, goal details, check-ins, the live SMART check and the plan's SMART report.
 */
import type { z } from 'zod';
import type * as g from '../../../contracts/goals.ts';
import { del, download, get, post, request, workspacePath } from '../../api.ts';

export type Plan = z.infer<typeof g.plan>;
export type Phase = z.infer<typeof g.phase>;
export type PlanBody = z.input<typeof g.planInput>;
/** A plan's change: its fields and the version they were based on (a stale one is a 409). */
export type PlanUpdateBody = z.input<typeof g.planUpdateInput>;
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

const w = workspacePath;
const planPath = (ws: string, id: string) => `${w(ws)}/plans/${id}`;
const goalPath = (ws: string, id: string) => `${w(ws)}/goals/${id}`;

export const goalsApi = {
  plans: (ws: string) => get<Plan[]>(`${w(ws)}/plans`),
  plan: (ws: string, id: string) => get<Plan>(planPath(ws, id)),
  createPlan: (ws: string, body: PlanBody) => post<Plan>(`${w(ws)}/plans`, body),
  updatePlan: (ws: string, id: string, body: PlanUpdateBody) => request<Plan>('PUT', planPath(ws, id), { body }),
  removePlan: (ws: string, id: string) => del(planPath(ws, id)),
  /** One level of the cascade: the plan's top goals, or the children of `parentId`. */
  tree: (ws: string, planId: string, query: TreeQuery) => get<Goal[]>(`${planPath(ws, planId)}/goals`, query),
  report: (ws: string, planId: string) => get<PlanReport>(`${planPath(ws, planId)}/report`),
  exportPlan: (ws: string, plan: Plan) => download(`${planPath(ws, plan.id)}/export`, undefined, `${plan.name}.kedu-plan.json`),
  /** A `kedu.plan/v1` file: its parsed JSON is the body; refused whole with located details. */
  importPlan: (ws: string, file: unknown) => post<Plan>(`${w(ws)}/plans/import`, file),

  goal: (ws: string, id: string) => get<GoalDetail>(goalPath(ws, id)),
  createGoal: (ws: string, body: GoalBody) => post<Goal>(`${w(ws)}/goals`, body),
  updateGoal: (ws: string, id: string, body: GoalUpdateBody) => request<Goal>('PUT', goalPath(ws, id), { body }),
  removeGoal: (ws: string, id: string) => del(goalPath(ws, id)),
  checkIn: (ws: string, id: string, body: CheckInBody) => post<CheckIn>(`${goalPath(ws, id)}/check-ins`, body),
  // a request of its own: the check being typed is cancelled when the next keystroke asks again
  smartCheck: (ws: string, body: SmartCheckBody, signal?: AbortSignal) =>
    request<SmartCheckResult>('POST', `${w(ws)}/goals/smart-check`, { body, signal }),
};
