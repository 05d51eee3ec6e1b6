import { count, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { nextVersion } from '../../http/versions.ts';
import { goals, goalTargetChanges } from '../../db/schema/index.ts';

export type GoalInsert = typeof goals.$inferInsert;
export type TargetChangeInsert = typeof goalTargetChanges.$inferInsert;

/**
 * Holds the plan's re-parenting lock for the rest of the transaction: two crossed moves
 * (A under B, B under A) cannot both pass the loop check.
 */
export async function lockPlanCascade(tx: Tx, planId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${planId}))`);
}

/**
 * Locks the goal's row for the rest of the transaction, so that writes deriving its current value
 * from its check-ins run one after another: four check-ins at once left the value of an older one
 * in 15 of 25 runs. NO KEY UPDATE lets rows that merely refer to the goal be inserted meanwhile.
 */
export async function lockGoalRow(tx: Tx, goalId: string): Promise<void> {
  await tx.select({ id: goals.id }).from(goals).where(eq(goals.id, goalId)).for('no key update');
}

export async function insertGoal(tx: Tx, values: GoalInsert): Promise<string> {
  const [row] = await tx.insert(goals).values(values).returning({ id: goals.id });
  return row.id;
}

/** Writes the given columns of a goal that follow from others (its current value and status after a check-in); its version stays. */
export async function updateGoalRow(tx: Tx, id: string, patch: Partial<GoalInsert>): Promise<void> {
  await tx.update(goals).set(patch).where(eq(goals.id, id));
}

/** Writes a change of the goal itself (what PUT /goals/:id edits), raising its version in the same UPDATE. */
export async function updateGoalEdit(tx: Tx, id: string, patch: Partial<GoalInsert>): Promise<void> {
  await tx.update(goals).set({ ...patch, version: nextVersion('goal') }).where(eq(goals.id, id));
}

export async function deleteGoalRow(tx: Tx, id: string): Promise<void> {
  await tx.delete(goals).where(eq(goals.id, id));
}

/** How many goals have this goal as their parent. */
export async function countChildGoals(db: Db | Tx, id: string): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(goals).where(eq(goals.parentId, id));
  return n;
}

/** Keeps target changes in the goals' history (at least one). */
export async function insertTargetChanges(tx: Tx, values: TargetChangeInsert[]): Promise<void> {
  await tx.insert(goalTargetChanges).values(values);
}
