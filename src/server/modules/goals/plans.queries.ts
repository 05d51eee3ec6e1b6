import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { goals, planPhases, plans } from '../../db/schema/index.ts';
import { nextVersion } from '../../http/versions.ts';

export type PlanRow = typeof plans.$inferSelect;
export type PlanInsert = typeof plans.$inferInsert;
export type PhaseRow = typeof planPhases.$inferSelect;
export type PhaseInsert = typeof planPhases.$inferInsert;

/** The workspace's plans (or only the one given): archived ones last, then the latest start first, then by name. */
export async function selectPlans(db: Db | Tx, workspaceId: string, onlyId?: string): Promise<PlanRow[]> {
  return db
    .select()
    .from(plans)
    .where(and(eq(plans.workspaceId, workspaceId), onlyId ? eq(plans.id, onlyId) : undefined))
    .orderBy(sql`${plans.status} = 'archived'`, sql`${plans.startsOn} desc`, plans.name);
}

/** The phases of these plans, in each plan's order. */
export async function selectPhasesOfPlans(db: Db | Tx, planIds: string[]): Promise<PhaseRow[]> {
  return db.select().from(planPhases).where(inArray(planPhases.planId, planIds)).orderBy(asc(planPhases.sortOrder), asc(planPhases.startsOn));
}

/** How many goals of these plans stand in each status, by plan. */
export async function countGoalsByPlanAndStatus(db: Db | Tx, workspaceId: string, planIds: string[]) {
  return db
    .select({ planId: goals.planId, status: goals.status, n: count() })
    .from(goals)
    .where(and(eq(goals.workspaceId, workspaceId), inArray(goals.planId, planIds)))
    .groupBy(goals.planId, goals.status);
}

export async function findPlanRow(db: Db | Tx, workspaceId: string, id: string): Promise<PlanRow | undefined> {
  const [row] = await db.select().from(plans).where(and(eq(plans.workspaceId, workspaceId), eq(plans.id, id)));
  return row;
}

/** The id of the workspace's plan with exactly this name. */
export async function findPlanIdByName(tx: Tx, workspaceId: string, name: string): Promise<string | undefined> {
  const [taken] = await tx.select({ id: plans.id }).from(plans).where(and(eq(plans.workspaceId, workspaceId), eq(plans.name, name)));
  return taken?.id;
}

export async function insertPlan(tx: Tx, values: PlanInsert): Promise<PlanRow> {
  const [row] = await tx.insert(plans).values(values).returning();
  return row;
}

/** Writes the given columns of a plan, raising its version in the same UPDATE. */
export async function updatePlanRow(tx: Tx, id: string, patch: Partial<PlanInsert>): Promise<void> {
  await tx.update(plans).set({ ...patch, version: nextVersion('plan') }).where(eq(plans.id, id));
}

export async function deletePlanRow(tx: Tx, id: string): Promise<void> {
  await tx.delete(plans).where(eq(plans.id, id));
}

/** How many goals the plan holds. */
export async function countGoalsInPlan(tx: Tx, planId: string): Promise<number> {
  const [{ n }] = await tx.select({ n: count() }).from(goals).where(eq(goals.planId, planId));
  return n;
}

export async function selectPhaseIds(tx: Tx, planId: string): Promise<string[]> {
  const rows = await tx.select({ id: planPhases.id }).from(planPhases).where(eq(planPhases.planId, planId));
  return rows.map((p) => p.id);
}

export async function deletePhases(tx: Tx, ids: string[]): Promise<void> {
  await tx.delete(planPhases).where(inArray(planPhases.id, ids));
}

/** Writes the given columns of a phase. */
export async function updatePhase(tx: Tx, id: string, patch: Partial<PhaseInsert>): Promise<void> {
  await tx.update(planPhases).set(patch).where(eq(planPhases.id, id));
}

export async function insertPhase(tx: Tx, values: PhaseInsert): Promise<void> {
  await tx.insert(planPhases).values(values);
}

/** Inserts a phase; its id. */
export async function insertPhaseReturningId(tx: Tx, values: PhaseInsert): Promise<string> {
  const [row] = await tx.insert(planPhases).values(values).returning({ id: planPhases.id });
  return row.id;
}
