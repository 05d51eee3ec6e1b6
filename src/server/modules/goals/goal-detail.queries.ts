import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { goals, goalTargetChanges, planPhases, plans } from '../../db/schema/index.ts';

/** The SQL of a goal's page beyond the goal itself: its plan, phase and parent, and its target changes. */

export type PhaseRow = typeof planPhases.$inferSelect;
export type TargetChangeRow = typeof goalTargetChanges.$inferSelect;

/** A plan's name and range, by id. */
export async function findPlanRef(db: Db, planId: string): Promise<{ id: string; name: string; startsOn: string; endsOn: string } | undefined> {
  const [plan] = await db.select({ id: plans.id, name: plans.name, startsOn: plans.startsOn, endsOn: plans.endsOn }).from(plans).where(eq(plans.id, planId));
  return plan;
}

export async function findPhaseRow(db: Db, phaseId: string): Promise<PhaseRow | undefined> {
  const [phase] = await db.select().from(planPhases).where(eq(planPhases.id, phaseId));
  return phase;
}

/** A goal's id and statement (a parent, named on its child's page). */
export async function findGoalRef(db: Db, goalId: string): Promise<{ id: string; statement: string } | undefined> {
  const [goal] = await db.select({ id: goals.id, statement: goals.statement }).from(goals).where(eq(goals.id, goalId));
  return goal;
}

/** A goal's target changes, the latest first. */
export async function selectTargetChanges(db: Db, goalId: string): Promise<TargetChangeRow[]> {
  return db.select().from(goalTargetChanges).where(eq(goalTargetChanges.goalId, goalId)).orderBy(desc(goalTargetChanges.changedAt), asc(goalTargetChanges.id));
}
