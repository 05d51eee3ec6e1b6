/**
 * Target suggestions and the Attainable check from a goal's history (domain.md §1 and §3:
 * "baseline and growth from history"). Both say nothing rather than guess on too little data.
 */
import type { Direction } from '../indicators/types.ts';
import { bestPeriodChange, leastSquaresSlope, median } from './history-stats.ts';
import { formatForText, roundForTarget } from './round-for-target.ts';
import type { Ambition, HistoryPoint, TargetSuggestion } from './types.ts';

/** How many recent periods the baseline and the trend are taken from, by default. */
export const SUGGESTION_PERIODS = 6;
/** The uplift over the trend's projection, as a fraction of |baseline|, by ambition. */
export const AMBITION_UPLIFT: Record<Ambition, number> = { conservative: 0, moderate: 0.1, stretch: 0.2 };

const AMBITION_WORDS: Record<Ambition, { zh: string; en: string }> = {
  conservative: { zh: '保守', en: 'conservative' },
  moderate: { zh: '稳健', en: 'moderate' },
  stretch: { zh: '挑战', en: 'stretch' },
};

export type SuggestTargetOptions = {
  /** Periods from the last history point to the deadline. */
  periodsAhead: number;
  direction: Direction;
  ambition?: Ambition;
  /** How many recent periods to use (default SUGGESTION_PERIODS). */
  periods?: number;
  /**
   * How many history periods (months) one target is for: a recurring goal's weekly count is
   * about 0.23 of a month's, a quarter's three months'. The targets are scaled by it (default 1).
   */
  monthsPerTarget?: number;
};

/**
 * A target from history. Over the last `periods` values: baseline = their median, trend = their
 * least-squares slope per period. The median sits mid-window, (n − 1) / 2 periods before the
 * last point, so the trend is projected from there: projection = baseline + trend ×
 * (periodsAhead + (n − 1) / 2). The ambition adds 0 / 10 % / 20 % of |baseline| in the
 * indicator's good direction (downward for lower-is-better, never below 0 there). Targets are
 * rounded with `roundForTarget`. Null with fewer than 2 points.
 *
 * @example
 * suggestTarget([100, 110, 120, 130, 140, 150].map((value, i) => ({ period: `2026-0${i + 1}`, value })), { periodsAhead: 3, direction: 'higher' });
 * // baseline 125, trend +10, projection 125 + 10 × (3 + 2.5) = 180 → { target: 193 (180 + 12.5), byAmbition: { conservative: 180, moderate: 193, stretch: 205 }, … }
 */
export function suggestTarget(history: readonly HistoryPoint[], options: SuggestTargetOptions): TargetSuggestion | null {
  const { direction, ambition = 'moderate', periods = SUGGESTION_PERIODS, monthsPerTarget = 1 } = options;
  const periodsAhead = Math.max(0, Math.round(options.periodsAhead));
  const used = history.slice(-Math.max(2, periods));
  if (history.length < 2) return null;
  const values = used.map((p) => p.value);
  const baseline = median(values);
  const trendPerPeriod = leastSquaresSlope(values);
  const reach = periodsAhead + (values.length - 1) / 2;
  const projection = baseline + trendPerPeriod * reach;
  const sign = direction === 'higher' ? 1 : -1;
  const targetFor = (a: Ambition) => {
    const raw = (projection + sign * AMBITION_UPLIFT[a] * Math.abs(baseline)) * monthsPerTarget;
    return roundForTarget(direction === 'lower' ? Math.max(0, raw) : raw);
  };
  const byAmbition = { conservative: targetFor('conservative'), moderate: targetFor('moderate'), stretch: targetFor('stretch') };
  const target = byAmbition[ambition];

  const n = values.length;
  const [b, t, proj] = [formatForText(baseline), `${trendPerPeriod >= 0 ? '+' : '−'}${formatForText(Math.abs(trendPerPeriod))}`, formatForText(projection)];
  const uplift = `${AMBITION_UPLIFT[ambition] === 0 ? '' : ` ${sign > 0 ? '+' : '−'}${AMBITION_UPLIFT[ambition] * 100} %`}${monthsPerTarget === 1 ? '' : ` × ${formatForText(monthsPerTarget)}`}`;
  const word = AMBITION_WORDS[ambition];
  const reasoning = {
    'zh-CN': `近 ${n} 期中位数 ${b}，趋势每期 ${t}，到截止还有 ${periodsAhead} 期：按趋势（从窗口中点外推 ${reach} 期）为 ${proj}，${word.zh}目标${uplift} → ${formatForText(target)}`,
    en: `Median of the last ${n} periods ${b}, trend ${t} per period, ${periodsAhead} period${periodsAhead === 1 ? '' : 's'} to the deadline: ${proj} by the trend (projected ${reach} periods from mid-window); ${word.en} target${uplift} → ${formatForText(target)}`,
  };
  return { baseline, trendPerPeriod, periodsUsed: [...used], periodsAhead, ambition, target, byAmbition, reasoning };
}

export type TargetTooHigh = {
  tooHigh: boolean;
  /** Growth per period the target implies (for lower-is-better: the decline per period). */
  impliedGrowthPerPeriod: number;
  /** The best period-over-period growth (decline) in the history; null when none can be computed. */
  historicalBestGrowth: number | null;
  /** The implied growth above which the target is too high: max(2 × best, best + 0.10, 0.10). */
  limit: number;
  /**
   * The same limit as a target: base × (1 + limit)^periods; for lower-is-better base ×
   * (1 − limit)^periods (0 when the limit is a decline of 100 % or more). A target beyond it
   * (above it; for lower-is-better below it) is too high.
   */
  limitTarget: number;
};

/** The implied growth is judged against max(best × this, best + TOO_HIGH_MARGIN, TOO_HIGH_FLOOR). */
export const TOO_HIGH_FACTOR = 2;
export const TOO_HIGH_MARGIN = 0.1;
export const TOO_HIGH_FLOOR = 0.1;
/** Fewer history points than this: not enough to judge a target. */
export const TOO_HIGH_MIN_POINTS = 3;

/**
 * Whether a target is far above what the history shows (the seed's "3 个月内销售额突破 1000 万
 * 元"). base = the given baseline, else the median of the last SUGGESTION_PERIODS values;
 * implied growth per period = (target / base)^(1 / periodsAhead) − 1, compared with the best
 * period-over-period growth in the history. Lower-is-better mirrors it: implied decline
 * 1 − (target / base)^(1 / periodsAhead) against the best decline. Null with fewer than
 * TOO_HIGH_MIN_POINTS points, or when base or target is not a positive number (0 for a
 * lower-is-better target is fine): no rate to compare.
 *
 * @example
 * const months = [480, 500, 520, 490, 540, 560].map((k, i) => ({ period: `2026-0${i + 4}`, value: k * 1000 }));
 * targetTooHigh(months, { target: 10_000_000, periodsAhead: 3, direction: 'higher' });
 * // → { tooHigh: true, impliedGrowthPerPeriod: 1.696…, historicalBestGrowth: 0.102…, limit: 0.204… }
 */
export function targetTooHigh(
  history: readonly HistoryPoint[],
  options: { target: number; baseline?: number | null; periodsAhead: number; direction: Direction },
): TargetTooHigh | null {
  if (history.length < TOO_HIGH_MIN_POINTS) return null;
  const values = history.map((p) => p.value);
  // a baseline of 0 ("from nothing", as cumulative goals start) says nothing about the pace: the history's median does
  const base = options.baseline !== null && options.baseline !== undefined && options.baseline > 0 ? options.baseline : median(values.slice(-SUGGESTION_PERIODS));
  const { target, direction } = options;
  if (!(base > 0) || !Number.isFinite(target) || target < 0 || (direction === 'higher' && target === 0)) return null;
  const ratio = (target / base) ** (1 / Math.max(1, options.periodsAhead));
  const impliedGrowthPerPeriod = direction === 'higher' ? ratio - 1 : 1 - ratio;
  const historicalBestGrowth = bestPeriodChange(values, direction);
  const best = historicalBestGrowth ?? 0;
  const limit = Math.max(TOO_HIGH_FACTOR * best, best + TOO_HIGH_MARGIN, TOO_HIGH_FLOOR);
  const periods = Math.max(1, options.periodsAhead);
  const limitTarget = direction === 'higher' ? base * (1 + limit) ** periods : limit >= 1 ? 0 : base * (1 - limit) ** periods;
  // 1.21^(1/2) − 1 is 0.10000000000000009: growth exactly at the limit is still attainable
  return { tooHigh: impliedGrowthPerPeriod > limit + 1e-9, impliedGrowthPerPeriod, historicalBestGrowth, limit, limitTarget };
}
