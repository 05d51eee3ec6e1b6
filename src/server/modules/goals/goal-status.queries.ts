import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { goals, indicators, workspaces } from '../../db/schema/index.ts';

/** The SQL of the daily status refresh: the goals whose status is from an earlier day, and their new statuses. */

/** The goals of a workspace whose status was computed before `asOf`, with what their status needs. */
export async function selectStaleGoals(db: Db | Tx, workspaceId: string, asOf: string) {
  return db
    .select({ id: goals.id, baseline: goals.baseline, target: goals.target, startsOn: goals.startsOn, deadline: goals.deadline, current: goals.current, recurrence: goals.recurrence, direction: indicators.direction, rollUp: indicators.rollUp })
    .from(goals)
    .innerJoin(indicators, eq(indicators.id, goals.indicatorId))
    .where(and(eq(goals.workspaceId, workspaceId), lt(goals.statusOn, asOf)));
}

/**
 * Writes the statuses of `asOf` in one statement, except where the goal's status is already of
 * that day: a check-in committed since the select has set it from its new value.
 */
export async function writeStaleStatuses(db: Db | Tx, asOf: string, part: readonly { id: string; status: string; progress: number | null }[]): Promise<void> {
  await db.execute(sql`
      update goals g set status = v.status, progress = v.progress, status_on = ${asOf}::date
      from unnest(${sql.param(part.map((c) => c.id))}::uuid[], ${sql.param(part.map((c) => c.status))}::text[], ${sql.param(part.map((c) => c.progress))}::float8[]) as v(id, status, progress)
      where g.id = v.id and g.status_on < ${asOf}::date`);
}

/** Every workspace's id. */
export async function selectWorkspaceIds(db: Db): Promise<{ id: string }[]> {
  return db.select({ id: workspaces.id }).from(workspaces);
}
