import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { goals, indicators, orgUnits, people, planPhases, plans } from '../../db/schema/index.ts';

/** Reads of what a goal refers to — its owner, indicator, phase, parent and plan — each within its workspace or plan. */

export type IndicatorRow = typeof indicators.$inferSelect;

export async function findUnitId(db: Db | Tx, workspaceId: string, unitId: string): Promise<string | undefined> {
  const [unit] = await db.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.workspaceId, workspaceId), eq(orgUnits.id, unitId)));
  return unit?.id;
}

/** A person of the workspace with their unit (a person's goals are in their unit's manager's scope). */
export async function findPersonWithUnit(db: Db | Tx, workspaceId: string, personId: string): Promise<{ id: string; unitId: string | null } | undefined> {
  const [person] = await db.select({ id: people.id, unitId: people.unitId }).from(people).where(and(eq(people.workspaceId, workspaceId), eq(people.id, personId)));
  return person;
}

/** What a goal needs of its indicator: whether it is active, its direction and how it rolls up. */
export async function findGoalIndicator(db: Db | Tx, workspaceId: string, indicatorId: string) {
  const rows = await db
    .select({ id: indicators.id, status: indicators.status, direction: indicators.direction, rollUp: indicators.rollUp })
    .from(indicators)
    .where(and(eq(indicators.workspaceId, workspaceId), eq(indicators.id, indicatorId)));
  return rows.at(0);
}

/** An indicator of the workspace, as stored. */
export async function findIndicatorRow(db: Db | Tx, workspaceId: string, indicatorId: string): Promise<IndicatorRow | undefined> {
  const [row] = await db.select().from(indicators).where(and(eq(indicators.workspaceId, workspaceId), eq(indicators.id, indicatorId)));
  return row;
}

export async function findPhaseId(db: Db | Tx, planId: string, phaseId: string): Promise<string | undefined> {
  const [phase] = await db.select({ id: planPhases.id }).from(planPhases).where(and(eq(planPhases.planId, planId), eq(planPhases.id, phaseId)));
  return phase?.id;
}

export async function findGoalIdInPlan(db: Db | Tx, planId: string, goalId: string): Promise<string | undefined> {
  const [goal] = await db.select({ id: goals.id }).from(goals).where(and(eq(goals.planId, planId), eq(goals.id, goalId)));
  return goal?.id;
}

/** Is `candidateId` the goal `selfId` or one of the goals below it? */
export async function isSelfOrBelow(db: Db | Tx, selfId: string, candidateId: string): Promise<boolean> {
  const { rows } = await db.execute<{ found: boolean }>(sql`
    with recursive below(id) as (select ${selfId}::uuid union select g.id from goals g join below b on g.parent_id = b.id)
    select exists (select 1 from below where id = ${candidateId}::uuid) as found`);
  return rows[0].found;
}

/** A plan's range in the workspace. */
export async function findPlanRange(db: Db | Tx, workspaceId: string, planId: string): Promise<{ startsOn: string; endsOn: string } | undefined> {
  const [plan] = await db.select({ startsOn: plans.startsOn, endsOn: plans.endsOn }).from(plans).where(and(eq(plans.workspaceId, workspaceId), eq(plans.id, planId)));
  return plan;
}
