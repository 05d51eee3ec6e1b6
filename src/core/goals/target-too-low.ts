/**
 * Attainable has two sides (KPI article: 挑战性; 微商: 避免过高或过低): a target far above the
 * history is too high, and a target the history's own trend reaches with no extra effort is
 * too low — not challenging (docs/goals.md §1, A).
 */
import type { Direction } from '../indicators/types.ts';
import { median } from './history-stats.ts';
import { suggestTarget, TOO_HIGH_MIN_POINTS, targetTooHigh } from './suggest-target.ts';
import type { HistoryPoint } from './types.ts';

/** The recent level a target must not fall behind: the median of this many last periods (robust to one odd month). */
export const RECENT_LEVEL_PERIODS = 3;

export type TargetTooLow = {
  tooLow: boolean;
  /**
   * The least challenging target that passes: min(conservative suggestion, recent level, the
   * too-high limit) for higher-is-better; for lower-is-better the most: max(of the same).
   */
  limit: number;
  /** The median of the last RECENT_LEVEL_PERIODS values (in the target's units). */
  recentLevel: number;
  /** The suggestion a challenging target would be: the moderate one (trend + 10 % of the baseline). */
  moderate: number;
  conservative: number;
};

/**
 * Whether a target asks for less than the history already does: below both the recent level
 * (what the last months reached) and the conservative suggestion (what the trend reaches by
 * itself) — for lower-is-better above both. Taking the lower of the two means a rising trend
 * projected a year ahead is no floor (the seed's +15 % conversion passes), and a falling trend
 * makes holding its projection challenging enough. The limit is never above the conservative
 * suggestion, so no suggested ambition is ever too low; and never beyond the too-high limit, so
 * a target is never both too low and too high. Null with fewer than TOO_HIGH_MIN_POINTS points
 * (no guessing).
 *
 * @example
 * const months = [36, 37, 38, 36, 37, 38].map((k, i) => ({ period: `2026-0${i + 4}`, value: k * 1000 }));
 * targetTooLow(months, { target: 1000, periodsAhead: 3, direction: 'higher' });
 * // → { tooLow: true, limit: 37_000 (the last three months' median, below the conservative 38,300), recentLevel: 37_000, moderate: 42_000, conservative: 38_300 }
 */
export function targetTooLow(
  history: readonly HistoryPoint[],
  options: { target: number; baseline?: number | null; periodsAhead: number; direction: Direction; monthsPerTarget?: number },
): TargetTooLow | null {
  if (history.length < TOO_HIGH_MIN_POINTS || !Number.isFinite(options.target)) return null;
  const { target, direction, periodsAhead, monthsPerTarget = 1 } = options;
  // judged in the target's own units (a week's posts, a year's total), rounded as the suggestion is
  const suggestion = suggestTarget(history, { periodsAhead, direction, ambition: 'moderate', monthsPerTarget });
  if (!suggestion) return null;
  const recentLevel = median(history.slice(-RECENT_LEVEL_PERIODS).map((p) => p.value)) * monthsPerTarget;
  const high = targetTooHigh(history, { target: target / monthsPerTarget, baseline: options.baseline, periodsAhead, direction });
  const highLimit = high ? high.limitTarget * monthsPerTarget : null;
  const { conservative, moderate } = suggestion.byAmbition;
  const limit =
    direction === 'higher'
      ? Math.min(conservative, recentLevel, highLimit ?? Number.POSITIVE_INFINITY)
      : Math.max(conservative, recentLevel, highLimit ?? Number.NEGATIVE_INFINITY);
  const tooLow = direction === 'higher' ? target < limit : target > limit;
  return { tooLow, limit, recentLevel, moderate, conservative };
}
