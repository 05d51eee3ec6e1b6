/**
 * The status of a recurring goal (docs/goals.md §2b): the record of the periods met so far and
 * the pace of the period in progress — month-to-date against the share of the month elapsed,
 * never a partial month against a whole month's target.
 */
import type { Direction } from '../indicators/types.ts';
import { type GoalPeriod, goalPeriods, periodShare, type Recurrence } from './recurrence.ts';
import { AT_RISK_MAX_GAP, EARLY_PERIOD, elapsedFraction, goalProgress, ON_TRACK_MAX_GAP } from './status.ts';
import type { GoalStatus } from './types.ts';

/** A record with at least this share of the finished periods met is at risk, below it off track (all met: on track). */
export const RECORD_AT_RISK_FROM = 2 / 3;

/**
 * Where a period stands: upcoming (not begun), in_progress (judged by its pace), met or
 * missed once it is over, no_data when it is over and nobody reported a value for it (an
 * unreported period is not shown to be met: it counts against the record).
 */
export const PERIOD_STATES = ['upcoming', 'in_progress', 'met', 'missed', 'no_data'] as const;
export type PeriodState = (typeof PERIOD_STATES)[number];

export type PeriodResult = {
  label: string;
  startsOn: string;
  endsOn: string;
  target: number;
  /** The latest value reported for the period (for an additive indicator: the period to date). */
  actual: number | null;
  state: PeriodState;
  /** For the period in progress with a value: its pace status (on_track, at_risk, off_track). */
  pace: 'on_track' | 'at_risk' | 'off_track' | null;
  /** actual against target (additive: actual / target; a level: the way from baseline to target). */
  progress: number | null;
  /** The share of the period's days passed (0 before it, 1 after it). */
  elapsed: number;
};

export type RecurringStatusInput = {
  recurrence: Recurrence;
  startsOn: string;
  deadline: string;
  /** The level the goal starts from (only levels use it: an additive period starts from 0). */
  baseline: number | null;
  /** Every period's target unless `periodTargets` names its own. */
  target: number;
  periodTargets?: Readonly<Record<string, number>>;
  direction: Direction;
  /** An additive indicator (roll-up sum) counts up within each period; any other is a level. */
  additive: boolean;
  /** Check-ins, each for the period that holds its day; the latest day wins (later in the list on a tie). */
  checkIns: readonly { on: string; value: number }[];
  asOf: string;
};

export type RecurringStatus = {
  status: GoalStatus;
  progress: number | null;
  periods: PeriodResult[];
  record: { met: number; finished: number };
};

const SLACK = 1e-9;
const WORSE: GoalStatus[] = ['on_track', 'at_risk', 'off_track'];

/**
 * A recurring goal's periods and status. No check-in → not_started. After the deadline:
 * achieved when every period was met, else missed. Before it: the worse of the record (every
 * finished period met → on_track; at least RECORD_AT_RISK_FROM met → at_risk; fewer → off_track)
 * and the pace of the period in progress when it has a value.
 *
 * @example
 * recurringStatus({ recurrence: 'month', startsOn: '2027-01-01', deadline: '2027-12-31', baseline: 1, target: 3, direction: 'higher', additive: true,
 *   checkIns: [{ on: '2027-01-31', value: 3 }, { on: '2027-02-28', value: 2 }, { on: '2027-03-16', value: 1 }], asOf: '2027-03-16' });
 * // → status 'off_track': January met, February missed (1 of 2 is below 2/3); March's pace (1 of 3 at half the month) alone would be at_risk
 */
export function recurringStatus(input: RecurringStatusInput): RecurringStatus {
  const latest = latestPerPeriod(input);
  const periods = goalPeriods(input.startsOn, input.deadline, input.recurrence).map((p): PeriodResult => {
    const target = periodTarget(input, p);
    const actual = latest.get(p.label) ?? null;
    const elapsed = input.asOf < p.startsOn ? 0 : input.asOf > p.endsOn ? 1 : elapsedFraction(p.startsOn, p.endsOn, input.asOf);
    const progress = actual === null ? null : periodProgress(input, target, actual);
    if (input.asOf < p.startsOn) return { ...p, target, actual, state: 'upcoming', pace: null, progress, elapsed };
    if (input.asOf > p.endsOn) return { ...p, target, actual, state: actual === null ? 'no_data' : isMet(input, target, actual) ? 'met' : 'missed', pace: null, progress, elapsed };
    const pace = actual === null ? null : periodPace(input, target, actual, elapsed);
    return { ...p, target, actual, state: 'in_progress', pace, progress, elapsed };
  });
  const finished = periods.filter((p) => p.state === 'met' || p.state === 'missed' || p.state === 'no_data');
  const met = finished.filter((p) => p.state === 'met').length;
  const record = { met, finished: finished.length };
  const current = periods.find((p) => p.state === 'in_progress');
  const progress = current?.progress ?? finished.findLast((p) => p.progress !== null)?.progress ?? null;
  if (input.checkIns.length === 0) return { status: 'not_started', progress, periods, record };
  if (input.asOf > input.deadline) return { status: met === periods.length ? 'achieved' : 'missed', progress, periods, record };
  const fromRecord: GoalStatus = finished.length === 0 || met === finished.length ? 'on_track' : met / finished.length >= RECORD_AT_RISK_FROM - SLACK ? 'at_risk' : 'off_track';
  const status = current?.pace && WORSE.indexOf(current.pace) > WORSE.indexOf(fromRecord) ? current.pace : fromRecord;
  return { status, progress, periods, record };
}

/** A period's target: its own when it names one, else the goal's default for it (defaultPeriodTarget). */
function periodTarget(input: RecurringStatusInput, p: GoalPeriod): number {
  return input.periodTargets?.[p.label] ?? defaultPeriodTarget(input.target, p, input.recurrence, input.additive);
}

/**
 * The goal's target for a period that names none of its own: the goal's — for an additive count
 * cut short by the goal's start or deadline (a goal starting on 15 March has a March of 17 days),
 * the share of it its days are, so a short first period asks for a share of a month's posts, not
 * all of them.
 *
 * @example defaultPeriodTarget(3, { label: '2027-03', startsOn: '2027-03-15', endsOn: '2027-03-31' }, 'month', true); // → 3 × 17 / 31
 */
export function defaultPeriodTarget(target: number, p: GoalPeriod, recurrence: Recurrence, additive: boolean): number {
  return additive ? target * periodShare(p, recurrence) : target;
}

function latestPerPeriod(input: RecurringStatusInput): Map<string, number> {
  const periods = goalPeriods(input.startsOn, input.deadline, input.recurrence);
  const latest = new Map<string, { on: string; value: number }>();
  for (const c of input.checkIns) {
    const period = periods.find((p) => c.on >= p.startsOn && c.on <= p.endsOn);
    if (!period) continue;
    const seen = latest.get(period.label);
    if (!seen || c.on >= seen.on) latest.set(period.label, c);
  }
  return new Map([...latest].map(([label, c]) => [label, c.value]));
}

/**
 * How far a period's actual is towards its target, 1 = there, higher = better whatever the
 * direction, always finite. A count from 0: actual ÷ target; for lower-is-better (complaints ≤ 5)
 * within the allowance 1, past it target ÷ actual. A level: the way from the baseline to the target
 * when the baseline lies on the other side of it; without one, the share of the target (higher:
 * actual ÷ target; lower: target ÷ actual).
 */
function periodProgress(input: RecurringStatusInput, target: number, actual: number): number {
  const higher = input.direction === 'higher';
  const { baseline } = input;
  if (!input.additive && baseline !== null && (higher ? baseline < target : baseline > target)) {
    return goalProgress({ baseline, target, current: actual, direction: input.direction })!;
  }
  if (isMet(input, target, actual)) return higher && target > 0 ? actual / target : 1;
  if (higher) return target > 0 ? Math.max(0, actual) / target : 0;
  return actual > 0 ? Math.max(0, target) / actual : 0;
}

function isMet(input: RecurringStatusInput, target: number, actual: number): boolean {
  return input.direction === 'higher' ? actual >= target - SLACK * Math.abs(target) : actual <= target + SLACK * Math.abs(target);
}

/**
 * The pace of the period in progress. An additive count: the share of the target reached
 * against the share of the period elapsed (a lower-is-better count: the share of the allowance
 * used ahead of time; past the allowance it is off track). A level: how far it is from the
 * target now. Early in the period (EARLY_PERIOD) a count is on track; the gaps are those of
 * the goal status rule.
 */
function periodPace(input: RecurringStatusInput, target: number, actual: number, elapsed: number): 'on_track' | 'at_risk' | 'off_track' {
  const byGap = (gap: number) => (gap <= ON_TRACK_MAX_GAP + SLACK ? 'on_track' : gap <= AT_RISK_MAX_GAP + SLACK ? 'at_risk' : 'off_track');
  const early = elapsed <= EARLY_PERIOD + SLACK;
  if (input.additive && input.direction === 'lower') {
    if (!isMet(input, target, actual)) return 'off_track';
    // within the allowance: how much of it is used ahead of the days gone (none allowed: none used)
    const used = target > 0 ? actual / target : 0;
    return early ? 'on_track' : byGap(used - elapsed);
  }
  const progress = periodProgress(input, target, actual);
  if (progress >= 1 - SLACK) return 'on_track';
  if (input.additive) return early ? 'on_track' : byGap(elapsed - Math.max(progress, 0));
  if (early) return progress < 0 ? 'at_risk' : 'on_track';
  return byGap(1 - Math.max(progress, 0));
}

/**
 * The target of a recurring goal's period in progress on a day (its own, or its share of the
 * goal's), or of its last period once it is over, or of its first before it starts: the number
 * a list shows beside the period's value.
 *
 * @example
 * currentPeriodTarget({ recurrence: 'month', startsOn: '2027-01-01', deadline: '2027-12-31', target: 3, periodTargets: { '2027-11': 5 }, additive: true }, '2027-11-11'); // → 5
 */
export function currentPeriodTarget(goal: Pick<RecurringStatusInput, 'recurrence' | 'startsOn' | 'deadline' | 'target' | 'periodTargets' | 'additive'>, asOf: string): number {
  const periods = goalPeriods(goal.startsOn, goal.deadline, goal.recurrence);
  const p = periods.find((q) => asOf >= q.startsOn && asOf <= q.endsOn) ?? (asOf < goal.startsOn ? periods[0] : periods.at(-1));
  if (!p) return goal.target;
  return goal.periodTargets?.[p.label] ?? defaultPeriodTarget(goal.target, p, goal.recurrence, goal.additive);
}
