import { type RecurringStatus, recurringStatus } from '../../../core/goals/recurring-status.ts';
import { goalStatus } from '../../../core/goals/status.ts';
import type { GoalStatus } from '../../../core/goals/types.ts';
import type { Direction } from '../../../core/indicators/types.ts';
import type { Db, Tx } from '../../db/client.ts';
import { loadRecurrenceInputs, type RecurrenceInput } from './goal-periods.queries.ts';
import { selectStaleGoals, writeStaleStatuses } from './goal-status.queries.ts';

/** Today on the server's calendar (`YYYY-MM-DD`): a goal's time runs by the days its people live in. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export type StatusInput = { baseline: number | null; target: number; direction: Direction; startsOn: string; deadline: string; current: number | null };

/**
 * The status columns of a goal for a day (docs/goals.md: the rule). A goal without a baseline
 * counts from zero, as in "粉丝数量达到5万". A recurring goal is judged by its record of periods
 * met and the pace of the period in progress (§2b).
 */
export function statusColumns(goal: StatusInput, asOf = today(), recurring: RecurrenceInput | null = null): { status: GoalStatus; progress: number | null; statusOn: string } {
  if (recurring) {
    const r = recurringStatusOf(goal, recurring, asOf);
    return { status: r.status, progress: r.progress, statusOn: asOf };
  }
  const result = goalStatus({ baseline: goal.baseline ?? 0, target: goal.target, direction: goal.direction, startsOn: goal.startsOn, deadline: goal.deadline, current: goal.current, asOf });
  return { status: result.status, progress: result.progress, statusOn: asOf };
}

/** A recurring goal's periods and status on a day (core/goals/recurring-status.ts), from its columns and its recurrence input. */
export function recurringStatusOf(goal: StatusInput, recurring: RecurrenceInput, asOf: string): RecurringStatus {
  return recurringStatus({ ...goal, ...recurring, additive: recurring.rollUp === 'sum', asOf });
}

/**
 * Statuses move with time even when nobody checks in: the goals of a workspace whose status was
 * computed on an earlier day get it again, in one statement per 5,000. Run by the daily status
 * refresh job (status-refresh.job.ts); reads only ever show what it stored.
 */
export async function refreshStaleStatuses(db: Db | Tx, workspaceId: string, asOf = today()): Promise<number> {
  const stale = await selectStaleGoals(db, workspaceId, asOf);
  if (stale.length === 0) return 0;
  const recurring = await loadRecurrenceInputs(db, stale);
  const computed = stale.map((g) => ({ id: g.id, ...statusColumns(g, asOf, recurring.get(g.id) ?? null) }));
  // a check-in committed since the select has set today's status from its new value: kept, not overwritten
  for (let i = 0; i < computed.length; i += 5000) await writeStaleStatuses(db, asOf, computed.slice(i, i + 5000));
  return computed.length;
}
