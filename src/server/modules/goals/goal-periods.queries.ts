import { asc, eq, inArray } from 'drizzle-orm';
import type { Recurrence } from '../../../core/goals/recurrence.ts';
import type { RollUp } from '../../../core/indicators/types.ts';
import { groupBy } from '../../../core/values/group-by.ts';
import type { Db, Tx } from '../../db/client.ts';
import { goalCheckIns, goalPeriodTargets, goalTargetChanges } from '../../db/schema/index.ts';

/** What a recurring goal's status needs beyond its columns: every check-in and its periods' own targets. */
export type RecurrenceInput = { recurrence: Recurrence; rollUp: RollUp; checkIns: { on: string; value: number }[]; periodTargets: Record<string, number> };

// ids are read 5,000 at a time: one statement's parameters stay well inside PostgreSQL's limit
const CHUNK = 5000;

/** The periods' own targets of goals, by goal id (a goal without any is absent). */
export async function periodTargetsByGoal(db: Db | Tx, goalIds: readonly string[]): Promise<Map<string, Record<string, number>>> {
  const result = new Map<string, Record<string, number>>();
  for (let i = 0; i < goalIds.length; i += CHUNK) {
    const rows = await db.select().from(goalPeriodTargets).where(inArray(goalPeriodTargets.goalId, goalIds.slice(i, i + CHUNK))).orderBy(goalPeriodTargets.period);
    for (const [goalId, own] of groupBy(rows, (r) => r.goalId)) result.set(goalId, Object.fromEntries(own.map((r) => [r.period, r.target])));
  }
  return result;
}

/** Replaces a goal's period targets with the given ones. */
export async function savePeriodTargets(tx: Tx, goalId: string, targets: Record<string, number>): Promise<void> {
  await tx.delete(goalPeriodTargets).where(eq(goalPeriodTargets.goalId, goalId));
  const rows = Object.entries(targets).map(([period, target]) => ({ goalId, period, target }));
  if (rows.length > 0) await tx.insert(goalPeriodTargets).values(rows);
}

/** The target changes of goals, by goal id, as countTargetChanges reads them. */
export async function targetChangesByGoal(db: Db | Tx, goalIds: readonly string[]) {
  if (goalIds.length === 0) return new Map<string, never[]>();
  const c = goalTargetChanges;
  const rows = await db.select({ goalId: c.goalId, fromTarget: c.fromTarget, toTarget: c.toTarget, fromRecurrence: c.fromRecurrence, toRecurrence: c.toRecurrence, changedAt: c.changedAt }).from(c).where(inArray(c.goalId, [...goalIds]));
  return groupBy(rows, (r) => r.goalId);
}

/**
 * The check-ins (oldest first) and period targets of recurring goals, by goal id, in two
 * statements per 5,000 goals; goals that do not recur get null.
 */
export async function loadRecurrenceInputs(db: Db | Tx, rows: readonly { id: string; recurrence: Recurrence | null; rollUp: RollUp }[]): Promise<Map<string, RecurrenceInput | null>> {
  const recurring = rows.filter((r) => r.recurrence !== null);
  const result = new Map<string, RecurrenceInput | null>(rows.map((r) => [r.id, r.recurrence ? { recurrence: r.recurrence, rollUp: r.rollUp, checkIns: [], periodTargets: {} } : null]));
  for (let i = 0; i < recurring.length; i += CHUNK) {
    const ids = recurring.slice(i, i + CHUNK).map((r) => r.id);
    const checkIns = await db.select({ goalId: goalCheckIns.goalId, on: goalCheckIns.on, value: goalCheckIns.value }).from(goalCheckIns).where(inArray(goalCheckIns.goalId, ids)).orderBy(asc(goalCheckIns.on), asc(goalCheckIns.createdAt));
    for (const c of checkIns) result.get(c.goalId)!.checkIns.push({ on: c.on, value: c.value });
  }
  for (const [goalId, own] of await periodTargetsByGoal(db, recurring.map((r) => r.id))) result.get(goalId)!.periodTargets = own;
  return result;
}

/** One goal's recurrence input, or null when it does not recur. */
export async function loadRecurrenceInput(db: Db | Tx, goal: { id: string; recurrence: Recurrence | null; rollUp: RollUp }): Promise<RecurrenceInput | null> {
  return goal.recurrence ? ((await loadRecurrenceInputs(db, [goal])).get(goal.id) ?? null) : null;
}
