import { eq } from 'drizzle-orm';
import type { GoalInput } from '../../../contracts/goals.ts';
import { goalPeriods } from '../../../core/goals/recurrence.ts';
import type { Tx } from '../../db/client.ts';
import { goalPeriodTargets } from '../../db/schema/index.ts';
import type { ErrorDetail } from '../../errors.ts';

type Fields = Pick<GoalInput, 'recurrence' | 'periodTargets' | 'startsOn' | 'deadline'>;

/**
 * Problems with a goal's own targets per period, located at `body.periodTargets.<i>.period`:
 * only a recurring goal has them, each names a period of its span, and none twice.
 */
export function periodTargetProblems(input: Fields): ErrorDetail[] {
  if (input.periodTargets.length === 0) return [];
  if (!input.recurrence) return [{ path: ['body', 'periodTargets'], code: 'goal.period_targets_need_recurrence' }];
  const labels = goalPeriods(input.startsOn, input.deadline, input.recurrence).map((p) => p.label);
  const seen = new Set<string>();
  return input.periodTargets.flatMap((t, i): ErrorDetail[] => {
    const at = ['body', 'periodTargets', String(i), 'period'];
    if (!labels.includes(t.period)) return [{ path: at, code: 'goal.period_unknown', params: { period: t.period, first: labels[0] ?? '' } }];
    if (seen.has(t.period)) return [{ path: at, code: 'goal.period_twice', params: { period: t.period } }];
    seen.add(t.period);
    return [];
  });
}

/** The periods' own targets as a map; a one-off goal has none. */
export function periodTargetMap(input: Fields): Record<string, number> {
  return input.recurrence ? Object.fromEntries(input.periodTargets.map((t) => [t.period, t.target])) : {};
}

/** Replaces a goal's period targets with the given ones. */
export async function savePeriodTargets(tx: Tx, goalId: string, targets: Record<string, number>): Promise<void> {
  await tx.delete(goalPeriodTargets).where(eq(goalPeriodTargets.goalId, goalId));
  const rows = Object.entries(targets).map(([period, target]) => ({ goalId, period, target }));
  if (rows.length > 0) await tx.insert(goalPeriodTargets).values(rows);
}

export async function readPeriodTargets(tx: Tx, goalId: string): Promise<Record<string, number>> {
  const rows = await tx.select().from(goalPeriodTargets).where(eq(goalPeriodTargets.goalId, goalId));
  return Object.fromEntries(rows.map((r) => [r.period, r.target]));
}

/**
 * The periods whose effective target (their own, else the goal's) an edit changes: each is kept
 * as a target change of that period. A change of the goal's target alone is the goal's change,
 * not one per period.
 */
export function changedPeriodTargets(before: { target: number; targets: Record<string, number> }, after: { target: number; targets: Record<string, number> }): { period: string; from: number; to: number }[] {
  const periods = [...new Set([...Object.keys(before.targets), ...Object.keys(after.targets)])].sort();
  return periods.flatMap((period) => {
    const [from, to] = [before.targets[period] ?? before.target, after.targets[period] ?? after.target];
    const ownBefore = period in before.targets;
    const ownAfter = period in after.targets;
    // a period that follows the goal's target on both sides moved with the goal's change, recorded once
    if (!ownBefore && !ownAfter) return [];
    return from === to ? [] : [{ period, from, to }];
  });
}
