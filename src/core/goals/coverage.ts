/**
 * Decomposition coverage (分解覆盖, domain.md §1): for an additive indicator, the children's
 * targets summed against the parent's target, so a gap in the cascade shows before the year
 * starts rather than at its end.
 */
import type { Direction, RollUp } from '../indicators/types.ts';

/** Children covering less than this fraction of the parent's target: a clear gap. */
export const COVERAGE_LOW_BELOW = 0.9;
/** Up to this fraction the children cover the parent; above it they promise more (fine, but shown). */
export const COVERAGE_FULL_UP_TO = 1.1;
/**
 * Relative tolerance on the sum: 0.1 + 0.2 is 0.30000000000000004, and three thirds of a target
 * must cover it exactly rather than by a hair under or over.
 */
export const COVERAGE_TOLERANCE = 1e-9;

export const COVERAGE_LEVELS = ['none', 'low', 'partial', 'full', 'over'] as const;
export type CoverageLevel = (typeof COVERAGE_LEVELS)[number];

export type DecompositionCoverage = {
  /** Children on the parent's indicator, the only ones that add up to it. */
  childCount: number;
  /** Children on another indicator: they support the parent but do not add up to it. */
  otherIndicatorCount: number;
  sum: number;
  /** sum / parent target. */
  coverage: number;
  /** parent target − sum: positive is still to be assigned, negative is promised beyond it. */
  gap: number;
  level: CoverageLevel;
};

/**
 * How far the children's targets add up to the parent's. Null when the indicator does not add
 * up (rollUp other than `sum`: a rate or a stock) or the parent's target is not above 0 (nothing
 * to divide). Levels: no child on the indicator → none; coverage < COVERAGE_LOW_BELOW → low;
 * < 1 → partial; ≤ COVERAGE_FULL_UP_TO → full; above → over.
 *
 * @example
 * decompositionCoverage(
 *   { target: 1_000_000, indicatorKey: 'sales', rollUp: 'sum', direction: 'higher' },
 *   [{ target: 400_000, indicatorKey: 'sales' }, { target: 450_000, indicatorKey: 'sales' }, { target: 50, indicatorKey: 'new_key_accounts' }],
 * );
 * // → { childCount: 2, otherIndicatorCount: 1, sum: 850000, coverage: 0.85, gap: 150000, level: 'low' }
 */
export function decompositionCoverage(
  parent: { target: number; indicatorKey: string; rollUp: RollUp; direction: Direction },
  children: readonly { target: number; indicatorKey: string }[],
): DecompositionCoverage | null {
  if (parent.rollUp !== 'sum' || !(parent.target > 0)) return null;
  const same = children.filter((c) => c.indicatorKey === parent.indicatorKey);
  const otherIndicatorCount = children.length - same.length;
  let sum = same.reduce((total, c) => total + c.target, 0);
  // within the tolerance the children cover the target exactly: say so, without float dust
  if (Math.abs(sum - parent.target) <= COVERAGE_TOLERANCE * parent.target) sum = parent.target;
  const coverage = sum / parent.target;
  return { childCount: same.length, otherIndicatorCount, sum, coverage, gap: parent.target - sum, level: levelOf(same.length, coverage) };
}

function levelOf(childCount: number, coverage: number): CoverageLevel {
  if (childCount === 0) return 'none';
  if (coverage < COVERAGE_LOW_BELOW - COVERAGE_TOLERANCE) return 'low';
  if (coverage < 1) return 'partial';
  if (coverage <= COVERAGE_FULL_UP_TO + COVERAGE_TOLERANCE) return 'full';
  return 'over';
}
