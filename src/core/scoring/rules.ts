/**
 * From an actual to a multiplier (domain.md §3 steps 2–4): the achievement r, the rule's
 * multiplier m = f(r) with the tier or segment that produced it, and the cap and floor.
 * Definitions are assumed valid (see validate.ts).
 */
import { exceeds, nearlyEqual, reaches } from './arith.ts';
import { reason } from './messages.ts';
import type { Indicator, Reason, Rule, RuleMatch, Tier } from './types.ts';

export const DEFAULT_SCALE: [number, number] = [1, 5];
export const DEFAULT_MAP_TO: [number, number] = [0.2, 1];

export type AchievementOutcome = { ok: true; r: number } | { ok: false; reason: Reason };
export type RuleOutcome = { m: number; match: RuleMatch };

/**
 * Achievement r of an actual against a (positive) target: higher-is-better actual/target;
 * lower-is-better 2 − actual/target (mirror, default) or target/actual (inverse, not
 * computable for an actual ≤ 0).
 * @example computeAchievement({ key: 'k', weight: 10, target: 20, direction: 'lower' }, 15) // { ok: true, r: 1.25 }
 */
export function computeAchievement(indicator: Indicator, actual: number): AchievementOutcome {
  const target = indicator.target as number;
  if ((indicator.direction ?? 'higher') === 'higher') return { ok: true, r: actual / target };
  if ((indicator.achievement ?? 'mirror') === 'mirror') return { ok: true, r: 2 - actual / target };
  if (actual <= 0) {
    return { ok: false, reason: reason('achievement.inverse_nonpositive', { indicator: indicator.name ?? indicator.key, actual }) };
  }
  return { ok: true, r: target / actual };
}

/**
 * A tier's rank for ordering: by threshold, and `above x` after `atLeast x`.
 * @example tierRank({ above: 1, multiplier: 1.3 }) // [1, 1]; tierRank({ atLeast: 1, multiplier: 1.1 }) // [1, 0]
 */
export function tierRank(tier: Tier): [number, number] {
  return tier.atLeast !== undefined ? [tier.atLeast, 0] : [tier.above as number, 1];
}

function isTierMet(tier: Tier, r: number): boolean {
  return tier.atLeast !== undefined ? reaches(r, tier.atLeast) : exceeds(r, tier.above as number);
}

function higherRank(a: [number, number], b: [number, number]): boolean {
  return a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
}

/**
 * The multiplier of a tiers rule: the highest tier met; below every tier r (proportional) or 0.
 * @example
 * evaluateTiers({ type: 'tiers', tiers: [{ atLeast: 0.8, multiplier: 1.1 }, { above: 1, multiplier: 1.3 }] }, 1.05).m // 1.3
 */
export function evaluateTiers(rule: Extract<Rule, { type: 'tiers' }>, r: number): RuleOutcome {
  let best = -1;
  rule.tiers.forEach((tier, i) => {
    if (isTierMet(tier, r) && (best < 0 || higherRank(tierRank(tier), tierRank(rule.tiers[best])))) best = i;
  });
  if (best >= 0) {
    const tier = rule.tiers[best];
    const [threshold, bound] = tierRank(tier);
    return { m: tier.multiplier, match: { kind: 'tier', index: best, bound: bound === 0 ? 'atLeast' : 'above', threshold, multiplier: tier.multiplier } };
  }
  const below = rule.below ?? 'proportional';
  const firstThreshold = Math.min(...rule.tiers.map((t) => tierRank(t)[0]));
  return { m: below === 'zero' ? 0 : r, match: { kind: 'below_tiers', below, firstThreshold } };
}

/**
 * The multiplier of a linear rule: piecewise-linear through (r, m) points sorted by r, flat
 * outside the first and last point.
 * @example evaluateLinear({ type: 'linear', points: [[0.8, 0], [1, 1]] }, 0.9).m // 0.5
 */
export function evaluateLinear(rule: Extract<Rule, { type: 'linear' }>, r: number): RuleOutcome {
  const pts = rule.points;
  const hit = pts.findIndex(([x]) => nearlyEqual(r, x));
  if (hit >= 0) return { m: pts[hit][1], match: { kind: 'point', index: hit, point: pts[hit] } };
  const first = pts[0];
  const last = pts[pts.length - 1];
  if (r < first[0]) return { m: first[1], match: { kind: 'before_first', point: first } };
  if (r > last[0]) return { m: last[1], match: { kind: 'after_last', point: last } };
  let i = 0;
  while (i < pts.length - 2 && r > pts[i + 1][0]) i++;
  const [[r0, m0], [r1, m1]] = [pts[i], pts[i + 1]];
  const m = m0 + ((m1 - m0) * (r - r0)) / (r1 - r0);
  // keep rounding from leaving the segment's range
  const clamped = Math.min(Math.max(m, Math.min(m0, m1)), Math.max(m0, m1));
  return { m: clamped, match: { kind: 'segment', index: i, from: pts[i], to: pts[i + 1] } };
}

/**
 * A manual rating mapped linearly from its scale (default 1–5) to [mMin, mMax] (default
 * 0.2–1.0); null when the rating is outside the scale.
 * @example mapRating({ type: 'manual' }, 3)?.m // 0.6
 */
export function mapRating(rule: Extract<Rule, { type: 'manual' }>, rating: number): RuleOutcome | null {
  const scale = rule.scale ?? DEFAULT_SCALE;
  const mapTo = rule.mapTo ?? DEFAULT_MAP_TO;
  const [lo, hi] = scale;
  if (rating < lo || rating > hi) return null;
  const [mLo, mHi] = mapTo;
  // the weighted form keeps whole ratings exact: 3 on 1–5 → 0.6, not 0.6000000000000001
  const m = (mLo * (hi - rating) + mHi * (rating - lo)) / (hi - lo);
  const clamped = Math.min(Math.max(m, Math.min(mLo, mHi)), Math.max(mLo, mHi));
  return { m: clamped, match: { kind: 'manual', rating, scale, mapTo } };
}

/**
 * The multiplier of a non-manual rule for an achievement r.
 * @example evaluateRule({ type: 'proportional' }, 0.85) // { m: 0.85, match: { kind: 'proportional' } }
 */
export function evaluateRule(rule: Exclude<Rule, { type: 'manual' }>, r: number): RuleOutcome {
  switch (rule.type) {
    case 'proportional':
      return { m: r, match: { kind: 'proportional' } };
    case 'tiers':
      return evaluateTiers(rule, r);
    case 'linear':
      return evaluateLinear(rule, r);
  }
}

/**
 * Cap and floor: m = min(max(m, floor), cap), floor 0 unless set, no cap unless set; says which bit.
 * @example applyLimits(1.5, 1.2) // { m: 1.2, limit: 'cap' }
 */
export function applyLimits(m: number, cap?: number, floor = 0): { m: number; limit: 'cap' | 'floor' | null } {
  if (cap !== undefined && m > cap) return { m: cap, limit: 'cap' };
  if (m < floor) return { m: floor, limit: 'floor' };
  return { m, limit: null };
}
