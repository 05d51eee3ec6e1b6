import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Recurrence } from '../../../core/goals/recurrence.ts';
import { recurringStatus } from '../../../core/goals/recurring-status.ts';
import { goalStatus } from '../../../core/goals/status.ts';
import type { GoalStatus } from '../../../core/goals/types.ts';
import type { Direction, RollUp } from '../../../core/indicators/types.ts';
import type { Db, Tx } from '../../db/client.ts';
import { goalCheckIns, goalPeriodTargets, goals, indicators } from '../../db/schema/index.ts';

/** Today on the server's calendar (`YYYY-MM-DD`): a goal's time runs by the days its people live in. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export type StatusInput = { baseline: number | null; target: number; direction: Direction; startsOn: string; deadline: string; current: number | null };

/** What a recurring goal's status needs beyond its columns: every check-in and its periods' own targets. */
export type RecurrenceInput = { recurrence: Recurrence; rollUp: RollUp; checkIns: { on: string; value: number }[]; periodTargets: Record<string, number> };

/**
 * The status columns of a goal for a day (docs/goals.md: the rule). A goal without a baseline
 * counts from zero, as in "粉丝数量达到5万". A recurring goal is judged by its record of periods
 * met and the pace of the period in progress (§2b).
 */
export function statusColumns(goal: StatusInput, asOf = today(), recurring: RecurrenceInput | null = null): { status: GoalStatus; progress: number | null; statusOn: string } {
  if (recurring) {
    const r = recurringStatus({ ...goal, ...recurring, additive: recurring.rollUp === 'sum', asOf });
    return { status: r.status, progress: r.progress, statusOn: asOf };
  }
  const result = goalStatus({ baseline: goal.baseline ?? 0, target: goal.target, direction: goal.direction, startsOn: goal.startsOn, deadline: goal.deadline, current: goal.current, asOf });
  return { status: result.status, progress: result.progress, statusOn: asOf };
}

/**
 * The check-ins (oldest first) and period targets of recurring goals, by goal id, read in two
 * statements whatever the number of goals; goals that do not recur get null.
 */
export async function loadRecurrenceInputs(db: Db | Tx, rows: readonly { id: string; recurrence: Recurrence | null; rollUp: RollUp }[]): Promise<Map<string, RecurrenceInput | null>> {
  const recurring = rows.filter((r) => r.recurrence !== null);
  const result = new Map<string, RecurrenceInput | null>(rows.map((r) => [r.id, r.recurrence ? { recurrence: r.recurrence, rollUp: r.rollUp, checkIns: [], periodTargets: {} } : null]));
  for (let i = 0; i < recurring.length; i += 5000) {
    const ids = recurring.slice(i, i + 5000).map((r) => r.id);
    const checkIns = await db.select({ goalId: goalCheckIns.goalId, on: goalCheckIns.on, value: goalCheckIns.value }).from(goalCheckIns).where(inArray(goalCheckIns.goalId, ids)).orderBy(asc(goalCheckIns.on), asc(goalCheckIns.createdAt));
    for (const c of checkIns) result.get(c.goalId)!.checkIns.push({ on: c.on, value: c.value });
    const targets = await db.select().from(goalPeriodTargets).where(inArray(goalPeriodTargets.goalId, ids));
    for (const t of targets) result.get(t.goalId)!.periodTargets[t.period] = t.target;
  }
  return result;
}

/**
 * Statuses move with time even when nobody checks in: the goals whose status was computed on
 * an earlier day get it again, in one statement. Runs before anything reads statuses, so the
 * first read of a day pays for the workspace once and every other read groups stored columns.
 */
export async function refreshStaleStatuses(db: Db | Tx, workspaceId: string, asOf = today()): Promise<number> {
  // the first readers of a day arrive together (a team opening the dashboard at nine): one of
  // them refreshes the workspace, the others wait for that instead of doing it again
  const key = `${workspaceId}:${asOf}`;
  const running = inFlight.get(key);
  if (running) return running;
  const work = refresh(db, workspaceId, asOf).finally(() => inFlight.delete(key));
  inFlight.set(key, work);
  return work;
}

const inFlight = new Map<string, Promise<number>>();

async function refresh(db: Db | Tx, workspaceId: string, asOf: string): Promise<number> {
  const stale = await db
    .select({ id: goals.id, baseline: goals.baseline, target: goals.target, startsOn: goals.startsOn, deadline: goals.deadline, current: goals.current, recurrence: goals.recurrence, direction: indicators.direction, rollUp: indicators.rollUp })
    .from(goals)
    .innerJoin(indicators, eq(indicators.id, goals.indicatorId))
    .where(and(eq(goals.workspaceId, workspaceId), lt(goals.statusOn, asOf)));
  if (stale.length === 0) return 0;
  const recurring = await loadRecurrenceInputs(db, stale);
  const computed = stale.map((g) => ({ id: g.id, ...statusColumns(g, asOf, recurring.get(g.id) ?? null) }));
  // a check-in committed since the select has set today's status from its new value: kept, not overwritten
  for (let i = 0; i < computed.length; i += 5000) {
    const part = computed.slice(i, i + 5000);
    await db.execute(sql`
      update goals g set status = v.status, progress = v.progress, status_on = ${asOf}::date
      from unnest(${sql.param(part.map((c) => c.id))}::uuid[], ${sql.param(part.map((c) => c.status))}::text[], ${sql.param(part.map((c) => c.progress))}::float8[]) as v(id, status, progress)
      where g.id = v.id and g.status_on < ${asOf}::date`);
  }
  return computed.length;
}
