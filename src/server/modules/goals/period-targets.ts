import type { GoalInput } from '../../../contracts/goals.ts';
import { type GoalPeriod, goalPeriods, MAX_GOAL_PERIODS, tooManyPeriods } from '../../../core/goals/recurrence.ts';
import type { ErrorDetail } from '../../errors.ts';

type Fields = Pick<GoalInput, 'recurrence' | 'periodTargets' | 'startsOn' | 'deadline'>;

/**
 * Problems with a goal's periods: at most MAX_GOAL_PERIODS of them (else at `body.deadline`); its
 * own targets per period, located at `body.periodTargets.<i>.period`: only a recurring goal has
 * them, each names a period of its span, and none twice.
 */
export function periodTargetProblems(input: Fields): ErrorDetail[] {
  if (input.recurrence && tooManyPeriods(input.startsOn, input.deadline, input.recurrence)) {
    return [{ path: ['body', 'deadline'], code: 'goal.too_many_periods', params: { max: MAX_GOAL_PERIODS } }];
  }
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

/**
 * The periods whose effective target (their own, else the goal's default for it) an edit changes:
 * each is kept as a target change of that period. A period that follows the goal's target on both
 * sides moved with the goal's own change, recorded once.
 */
export function changedPeriodTargets(
  before: { target: number; targets: Record<string, number> },
  after: { target: number; targets: Record<string, number> },
  defaultOf: (goalTarget: number, period: string) => number,
): { period: string; from: number; to: number }[] {
  const periods = [...new Set([...Object.keys(before.targets), ...Object.keys(after.targets)])].sort();
  return periods.flatMap((period) => {
    if (!(period in before.targets) && !(period in after.targets)) return [];
    const [from, to] = [before.targets[period] ?? defaultOf(before.target, period), after.targets[period] ?? defaultOf(after.target, period)];
    return Math.abs(from - to) <= 1e-9 * Math.max(1, Math.abs(from)) ? [] : [{ period, from, to }];
  });
}

/**
 * A recurring goal's new target applies from the period in progress on: the periods already over
 * keep the target they were judged by, as targets of their own (a month met at 41,000 against
 * 40,000 stays met when the target becomes 42,000).
 */
export function keepFinishedPeriodTargets(periods: readonly GoalPeriod[], targets: Record<string, number>, oldDefault: (period: GoalPeriod) => number, asOf: string): Record<string, number> {
  const kept = { ...targets };
  for (const p of periods) if (p.endsOn < asOf && !(p.label in kept)) kept[p.label] = oldDefault(p);
  return kept;
}

/**
 * How many times a goal's target was changed: the edits (their rows share a moment) that moved
 * the goal's target, a period's own target or how it recurs. A deadline moved alone is no target
 * change.
 */
export function countTargetChanges(changes: readonly { fromTarget: number; toTarget: number; fromRecurrence: string | null; toRecurrence: string | null; changedAt: Date }[]): number {
  return new Set(changes.filter((c) => c.fromTarget !== c.toTarget || c.fromRecurrence !== c.toRecurrence).map((c) => c.changedAt.getTime())).size;
}
