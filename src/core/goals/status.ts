/**
 * A goal's status from its progress against the time elapsed (domain.md §1, docs/goals.md):
 * a goal that has covered less of the way than of its time is falling behind.
 */
import type { Direction } from '../indicators/types.ts';
import { dayNumber } from './dates.ts';
import type { GoalStatus } from './types.ts';

/** Behind by at most this much (elapsed − progress) is on track: 10 points of slack. */
export const ON_TRACK_MAX_GAP = 0.1;
/** Behind by more than ON_TRACK_MAX_GAP and at most this much is at risk; further behind is off track. */
export const AT_RISK_MAX_GAP = 0.25;
/**
 * The first part of a goal's time (a fraction) in which any check-in counts as on track, unless
 * it went backwards: too early to call a goal late.
 */
export const EARLY_PERIOD = 0.1;

/**
 * The fraction of the way from baseline to target that `current` has covered; works for a
 * lower-is-better goal (target < baseline) alike. Not clamped: 1.2 is 120 %, a negative value
 * means the indicator went the wrong way. When target equals baseline there is no way to
 * cover: 1 if current is at or beyond it in the indicator's direction (default higher), else 0.
 *
 * @example
 * goalProgress({ baseline: 100, target: 200, current: 150 }); // → 0.5
 * goalProgress({ baseline: 10, target: 5, current: 12 });     // → -0.4 (lower-is-better, went up)
 * goalProgress({ baseline: 5, target: 5, current: 4, direction: 'lower' }); // → 1
 */
export function goalProgress(input: { baseline: number; target: number; current: number | null; direction?: Direction }): number | null {
  const { baseline, target, current, direction = 'higher' } = input;
  if (current === null) return null;
  if (target === baseline) return (direction === 'lower' ? current <= target : current >= target) ? 1 : 0;
  return (current - baseline) / (target - baseline);
}

export type GoalStatusInput = {
  baseline: number;
  target: number;
  direction: Direction;
  /** `YYYY-MM-DD`: the goal's first day. */
  startsOn: string;
  /** `YYYY-MM-DD`: the goal's last day (the deadline day itself is still in time). */
  deadline: string;
  /** The latest check-in's value; null before the first check-in. */
  current: number | null;
  /** `YYYY-MM-DD`: the day the status is for (today). */
  asOf: string;
};

export type GoalStatusResult = { status: GoalStatus; progress: number | null; elapsed: number };

/**
 * The fraction of the days from startsOn to deadline passed at asOf, within [0, 1]. A goal whose
 * deadline is not after its start is either all ahead (0) or all past (1).
 *
 * @example
 * elapsedFraction('2027-01-01', '2027-01-11', '2027-01-06'); // → 0.5
 */
export function elapsedFraction(startsOn: string, deadline: string, asOf: string): number {
  const [start, end, now] = [day(startsOn, 'startsOn'), day(deadline, 'deadline'), day(asOf, 'asOf')];
  if (end <= start) return now >= end ? 1 : 0;
  return Math.min(1, Math.max(0, (now - start) / (end - start)));
}

/**
 * The status of a goal on a day. No check-in → not_started; progress ≥ 1 → achieved; past the
 * deadline → missed; in the first EARLY_PERIOD of the time → on_track (at_risk if it went
 * backwards); otherwise by gap = elapsed − max(progress, 0): ≤ ON_TRACK_MAX_GAP on_track,
 * ≤ AT_RISK_MAX_GAP at_risk, else off_track.
 *
 * @example
 * goalStatus({ baseline: 0, target: 100, direction: 'higher', startsOn: '2027-01-01', deadline: '2027-01-11', current: 30, asOf: '2027-01-06' });
 * // → { status: 'at_risk', progress: 0.3, elapsed: 0.5 }  (20 points behind: more than 10, at most 25)
 */
export function goalStatus(input: GoalStatusInput): GoalStatusResult {
  const elapsed = elapsedFraction(input.startsOn, input.deadline, input.asOf);
  const progress = goalProgress(input);
  if (progress === null) return { status: 'not_started', progress, elapsed };
  if (progress >= 1) return { status: 'achieved', progress, elapsed };
  if (day(input.asOf, 'asOf') > day(input.deadline, 'deadline')) return { status: 'missed', progress, elapsed };
  if (elapsed <= EARLY_PERIOD + SLACK) return { status: progress < 0 ? 'at_risk' : 'on_track', progress, elapsed };
  const gap = elapsed - Math.max(progress, 0);
  const status = gap <= ON_TRACK_MAX_GAP + SLACK ? 'on_track' : gap <= AT_RISK_MAX_GAP + SLACK ? 'at_risk' : 'off_track';
  return { status, progress, elapsed };
}

// 0.4 − 0.3 is 0.10000000000000003 in floating point: a gap of exactly 10 points must still be on track
const SLACK = 1e-9;

function day(text: string, field: string): number {
  const n = dayNumber(text);
  if (n === null) throw new RangeError(`${field} must be a YYYY-MM-DD day, got "${text}"`);
  return n;
}
