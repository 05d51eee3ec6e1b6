/** What "fill from data" puts into a check-in: which actual, and for which day. */
import { parsePeriod } from '../../../core/values/periods.ts';
import type { GoalActual, GoalDetail } from './goals-api.ts';

/** `partial`: the value is the period in progress to date, checked in for today. */
export type DataFill = { value: number; on: string; period: string; label: string; partial: boolean };

/** Newest period last; of two actuals of one period the metric's (sorted after the cycle's) wins, as on the server. */
const byPeriod = (a: GoalActual, b: GoalActual) => a.period.localeCompare(b.period) || a.source.localeCompare(b.source);

/**
 * The actual to check in from the data. A one-off goal takes the latest complete period, dated
 * that period's last day (a month so far is no month's value). A recurring goal takes the
 * period in progress to date, dated today, when the data has it; else its latest complete
 * period, dated that period's last day — only periods of the goal's own kind count (a month's
 * value is no quarter's). Null when the data has nothing to fill.
 *
 * @example
 * fillFromData({ recurrence: 'month', periods: [{ label: '2027-03', endsOn: '2027-03-31' }], actuals: [{ period: '2027-03', value: 8000, partial: true, … }] }, '2027-03-07')
 * // → { value: 8000, on: '2027-03-07', period: '2027-03', partial: true, … }
 */
export function fillFromData(goal: Pick<GoalDetail, 'actuals' | 'recurrence'> & { periods: Pick<NonNullable<GoalDetail['periods']>[number], 'label' | 'endsOn'>[] | null }, today: string): DataFill | null {
  const sorted = [...goal.actuals].sort(byPeriod);
  if (goal.recurrence && goal.periods) {
    const ends = new Map(goal.periods.map((p) => [p.label, p.endsOn]));
    const own = sorted.filter((a) => ends.has(a.period));
    const now = own.findLast((a) => a.partial);
    if (now) return { value: now.value, on: today, period: now.period, label: now.label, partial: true };
    const done = own.findLast((a) => !a.partial);
    return done ? { value: done.value, on: ends.get(done.period)!, period: done.period, label: done.label, partial: false } : null;
  }
  const done = sorted.findLast((a) => !a.partial && parsePeriod(a.period) !== null);
  return done ? { value: done.value, on: parsePeriod(done.period)!.endsOn, period: done.period, label: done.label, partial: false } : null;
}
