/**
 * Grade bands (等级) by total and the forced-distribution check (强制分布) applied to a group
 * at calibration (domain.md §3 step 7).
 */
import { THRESHOLD_TOLERANCE, TOTAL_TOLERANCE } from './arith.ts';
import { reason } from './messages.ts';
import type { GradeBand, Reason } from './types.ts';

/**
 * The grade of a total: the highest band whose `min` ≤ total (within 1e-9, so rounding noise
 * never drops a total of exactly 90 out of its band); null when the total is below every band.
 * @example gradeFor(92, [{ min: 90, grade: 'S' }, { min: 80, grade: 'A' }]) // 'S'
 */
export function gradeFor(total: number, bands: readonly GradeBand[]): string | null {
  let best: GradeBand | null = null;
  for (const band of bands) {
    if (total >= band.min - TOTAL_TOLERANCE && (!best || band.min > best.min)) best = band;
  }
  return best ? best.grade : null;
}

/** A share limit for one grade: e.g. `{ grade: 'S', maxShare: 0.1 }` for S ≤ 10 %. */
export type DistributionLimit = { grade: string; maxShare?: number; minShare?: number };
/** One member of the group being calibrated; `grade` null when not graded yet (left out of the count). */
export type GradedMember = { id: string; grade: string | null };

export type DistributionViolation = Reason & {
  grade: string;
  kind: 'over' | 'under';
  /** Members holding the grade. */
  count: number;
  /** Graded members of the group. */
  groupSize: number;
  share: number;
  limit: number;
  /** For `over`: the most members the grade may hold; for `under`: the fewest. */
  bound: number;
  /** Ids of the members holding the grade. */
  members: string[];
};

/**
 * Checks a group's grades against forced-distribution limits; returns the violations (empty
 * when the distribution is acceptable). Shares are of the graded members.
 * @example
 * checkForcedDistribution(
 *   [{ id: 'a', grade: 'S' }, { id: 'b', grade: 'S' }, { id: 'c', grade: 'B' }],
 *   [{ grade: 'S', maxShare: 0.1 }],
 * )[0].bound // 0 — at most 0 of 3 may be S
 */
export function checkForcedDistribution(members: readonly GradedMember[], limits: readonly DistributionLimit[]): DistributionViolation[] {
  const graded = members.filter((m) => m.grade !== null);
  const groupSize = graded.length;
  if (groupSize === 0) return [];
  const violations: DistributionViolation[] = [];
  for (const limit of limits) {
    const holders = graded.filter((m) => m.grade === limit.grade).map((m) => m.id);
    const count = holders.length;
    const share = count / groupSize;
    const base = { grade: limit.grade, count, groupSize, share, members: holders };
    if (limit.maxShare !== undefined && share > limit.maxShare + THRESHOLD_TOLERANCE) {
      const bound = Math.floor(limit.maxShare * groupSize + TOTAL_TOLERANCE);
      const params = { grade: limit.grade, count, total: groupSize, share, limit: limit.maxShare, allowed: bound };
      violations.push({ ...reason('distribution.over', params), ...base, kind: 'over', limit: limit.maxShare, bound });
    }
    if (limit.minShare !== undefined && share < limit.minShare - THRESHOLD_TOLERANCE) {
      const bound = Math.ceil(limit.minShare * groupSize - TOTAL_TOLERANCE);
      const params = { grade: limit.grade, count, total: groupSize, share, limit: limit.minShare, required: bound };
      violations.push({ ...reason('distribution.under', params), ...base, kind: 'under', limit: limit.minShare, bound });
    }
  }
  return violations;
}
