import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { goalCheckIns, goalPeriodTargets, goals, indicators, planPhases, plans } from '../../db/schema/index.ts';

/** The SQL of the demo plans: the plan, its phases, goals, period targets and check-ins, and the library indicators they use. */

export type PlanInsert = typeof plans.$inferInsert;
export type PhaseInsert = typeof planPhases.$inferInsert;
export type GoalInsert = typeof goals.$inferInsert;
export type GoalPeriodTargetInsert = typeof goalPeriodTargets.$inferInsert;
export type CheckInInsert = typeof goalCheckIns.$inferInsert;

export async function insertPlanRow(tx: Tx, values: PlanInsert): Promise<string> {
  const [plan] = await tx.insert(plans).values(values).returning({ id: plans.id });
  return plan.id;
}

export async function insertPhaseRow(tx: Tx, values: PhaseInsert): Promise<string> {
  const [row] = await tx.insert(planPhases).values(values).returning({ id: planPhases.id });
  return row.id;
}

export async function insertGoalRow(tx: Tx, values: GoalInsert): Promise<string> {
  const [row] = await tx.insert(goals).values(values).returning({ id: goals.id });
  return row.id;
}

export async function insertGoalPeriodTargetRows(tx: Tx, rows: GoalPeriodTargetInsert[]): Promise<void> {
  await tx.insert(goalPeriodTargets).values(rows);
}

export async function insertCheckInRows(tx: Tx, rows: CheckInInsert[]): Promise<void> {
  await tx.insert(goalCheckIns).values(rows);
}

/** The id of the workspace's library indicator with this key, if any. */
export async function findIndicatorIdByKey(tx: Tx, workspaceId: string, key: string): Promise<string | undefined> {
  const [have] = await tx.select({ id: indicators.id }).from(indicators).where(and(eq(indicators.workspaceId, workspaceId), eq(indicators.key, key)));
  return have?.id;
}

/** What a goal's status needs of its indicator: its direction and how it rolls up. */
export async function findIndicatorTraits(tx: Tx, id: string) {
  const [row] = await tx.select({ id: indicators.id, direction: indicators.direction, rollUp: indicators.rollUp }).from(indicators).where(eq(indicators.id, id));
  return row;
}
