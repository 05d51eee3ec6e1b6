/**
 * Which of a goal's targets Attainable and the target suggestion compare with the monthly
 * history, at which distance, and in which units (docs/goals.md §1, A). Both read this, so a
 * suggestion is made in the same units and for the same period as the check that judges it.
 */
import { monthNumber } from './dates.ts';
import { goalPeriods, monthsPerPeriod, periodShare } from './recurrence.ts';
import type { GoalDraft } from './types.ts';

/**
 * One target to judge: `target` in the goal's own units; `scale` how many months of history one
 * such target stands for (target ÷ scale is a month's value); `periodsAhead` months from the last
 * history point to when it is due; `period` a recurring goal's period.
 */
export type JudgedTarget = { target: number; scale: number; periodsAhead: number; baseline: number | null; period?: string };

/**
 * A one-off goal: its target at its deadline, scale 1 (none when the history already reaches the
 * deadline's month: that goal is past judging) — except an additive goal counted up from
 * 0 ("全年销售额 1,200 万"), a total over its months (scale = those months). A recurring goal: the
 * target of each period ending after the history, at that period's end — for an additive count a
 * week is 7 / 30.44 of a month and a quarter three months (the goal's target is a whole period's,
 * pro-rated in a period cut short by the span; a short period's own target stands for its share of
 * days). Of periods asking
 * the same monthly value only the first is kept: with less time it is the hardest.
 *
 * @example
 * judgedTargets({ statement: '', indicator: posts, target: 3, startsOn: '2027-01-01', recurrence: 'quarter' }, '2027-12-31', monthNumber('2026-12')!);
 * // → [{ target: 3, scale: 3, periodsAhead: 3, baseline: null, period: '2027-Q1' }]
 */
export function judgedTargets(goal: GoalDraft, deadline: string, lastMonth: number): JudgedTarget[] {
  const target = goal.target ?? Number.NaN;
  const additive = goal.indicator?.rollUp === 'sum';
  const end = monthNumber(deadline);
  if (end === null) return [];
  if (goal.recurrence && goal.startsOn) {
    const recurrence = goal.recurrence;
    const seen = new Set<number>();
    return goalPeriods(goal.startsOn, deadline, recurrence).flatMap((p): JudgedTarget[] => {
      const due = monthNumber(p.endsOn)!;
      if (due <= lastMonth) return [];
      const share = additive ? periodShare(p, recurrence) : 1;
      const own = goal.periodTargets?.[p.label];
      // the goal's own target is a whole period's (a short period asks its share of it): judged as such
      const t = own ?? target;
      const scale = additive ? monthsPerPeriod(recurrence) * (own === undefined ? 1 : share) : 1;
      const monthly = t / scale;
      if (seen.has(monthly)) return [];
      seen.add(monthly);
      return [{ target: t, scale, periodsAhead: due - lastMonth, baseline: additive ? null : (goal.baseline ?? null), period: p.label }];
    });
  }
  // a deadline the history has already reached is past judging: the goal's own record tells
  if (end <= lastMonth) return [];
  const periodsAhead = end - lastMonth;
  const start = goal.startsOn ? monthNumber(goal.startsOn) : null;
  const cumulative = additive && goal.baseline === 0 && start !== null;
  return [{ target, scale: cumulative ? Math.max(1, end - start + 1) : 1, periodsAhead, baseline: cumulative ? null : (goal.baseline ?? null) }];
}
