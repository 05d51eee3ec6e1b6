/**
 * Scores a scorecard for one period (domain.md §3): effective weights after not-applicable
 * scaling, each indicator's achievement, multiplier and points, the subtotal, vetoes, the
 * maximum total and the grade — with everything needed to explain the result.
 */
import { exactSum } from './arith.ts';
import { gradeFor } from './grades.ts';
import { reason } from './messages.ts';
import { applyLimits, computeAchievement, evaluateRule, mapRating } from './rules.ts';
import { indicatorLabel, validateScorecard } from './validate.ts';
import { type TriggeredVeto, applyVetoes, isVetoTriggered } from './veto.ts';
import type { ActualInput, Indicator, IndicatorResult, Reason, ResolvedActual, ScoreInputs, ScoreResult, Scorecard } from './types.ts';

/**
 * Effective weights after leaving out the not-applicable assignments: w × 100 / Σ applicable w,
 * computed once per assignment (the weights themselves when nothing is left out); 0 for the
 * left-out ones. Null when no applicable weight remains.
 * @example effectiveWeights([20, 50, 30], [false, true, false]) // [40, 0, 60]
 */
export function effectiveWeights(weights: readonly number[], notApplicable: readonly boolean[]): number[] | null {
  if (!notApplicable.some(Boolean)) return [...weights];
  const applicable = exactSum(weights.filter((_, i) => !notApplicable[i]));
  if (!(applicable > 0)) return null;
  return weights.map((w, i) => (notApplicable[i] ? 0 : (w * 100) / applicable));
}

function resolve(input: ActualInput): ResolvedActual | null {
  if (input === null || input === undefined) return null;
  if (typeof input === 'number') return { status: 'ok', value: input };
  return input;
}

function blank(indicator: Indicator, effectiveWeight: number): IndicatorResult {
  const rule = indicator.rule ?? { type: 'proportional' };
  return {
    key: indicator.key,
    name: indicatorLabel(indicator),
    status: 'scored',
    notApplicable: false,
    direction: indicator.direction ?? 'higher',
    achievementMode: indicator.direction === 'lower' ? (indicator.achievement ?? 'mirror') : null,
    actual: null,
    formula: indicator.formula ?? null,
    terms: null,
    target: rule.type === 'manual' ? null : (indicator.target ?? null),
    achievement: null,
    rule: rule.type,
    match: null,
    multiplierRaw: null,
    multiplier: null,
    limit: null,
    weight: indicator.weight,
    effectiveWeight,
    points: null,
    vetoTriggered: false,
    reason: null,
  };
}

/**
 * Scores one indicator with its effective weight. `invalid` is the first definition problem
 * of this indicator, if any.
 * @example scoreIndicator({ key: 'k', weight: 20, target: 10 }, 8.5, 20).points // 17
 */
export function scoreIndicator(indicator: Indicator, input: ActualInput, effectiveWeight: number, invalid: Reason | null = null): IndicatorResult {
  const result = blank(indicator, effectiveWeight);
  if (invalid) return { ...result, status: 'error', reason: invalid };
  const label = { indicator: result.name };
  const actual = resolve(input);
  if (!actual) return { ...result, status: 'incomplete', reason: reason('actual.missing', label) };
  if (actual.formula !== undefined) result.formula = actual.formula;
  if (actual.status !== 'ok') {
    if (actual.status === 'not_computable' && actual.terms) result.terms = actual.terms;
    return { ...result, status: actual.status === 'error' ? 'error' : 'incomplete', reason: actual.reason };
  }
  if (actual.terms) result.terms = actual.terms;
  if (!Number.isFinite(actual.value)) return { ...result, status: 'error', reason: reason('actual.not_finite', label) };
  result.actual = actual.value;

  const rule = indicator.rule ?? { type: 'proportional' };
  let outcome: { m: number; match: IndicatorResult['match'] };
  if (rule.type === 'manual') {
    const mapped = mapRating(rule, actual.value);
    if (!mapped) {
      const [min, max] = rule.scale ?? [1, 5];
      return { ...result, status: 'error', reason: reason('manual.out_of_scale', { ...label, rating: actual.value, min, max }) };
    }
    result.achievement = mapped.m;
    outcome = mapped;
  } else {
    const achievement = computeAchievement(indicator, actual.value);
    if (!achievement.ok) return { ...result, status: 'incomplete', reason: achievement.reason };
    result.achievement = achievement.r;
    outcome = evaluateRule(rule, achievement.r);
  }
  const limited = applyLimits(outcome.m, indicator.cap, indicator.floor);
  return {
    ...result,
    match: outcome.match,
    multiplierRaw: outcome.m,
    multiplier: limited.m,
    limit: limited.limit,
    points: effectiveWeight * limited.m,
    vetoTriggered: indicator.veto ? isVetoTriggered(indicator.veto, result.achievement) : false,
  };
}

/**
 * Scores a scorecard for a period. Never throws for bad data: an invalid definition gives
 * status `invalid`, a missing or not computable actual status `incomplete`, each with reasons.
 * @example
 * scoreScorecard(
 *   { indicators: [{ key: '新大客户开发数量', weight: 20, target: 20, rule: { type: 'tiers', tiers: [{ atLeast: 0.8, multiplier: 1.1 }, { above: 1, multiplier: 1.3 }] } },
 *                  { key: '销售额', weight: 80, target: 100 }] },
 *   { actuals: { 新大客户开发数量: 21, 销售额: 90 } },
 * ).total // 26 + 72 = 98
 */
export function scoreScorecard(card: Scorecard, inputs: ScoreInputs): ScoreResult {
  const issues: Reason[] = [];
  const validation = validateScorecard(card);
  issues.push(...validation);
  const keys = new Set(card.indicators.map((i) => i.key));
  const notApplicable = new Set(inputs.notApplicable ?? []);
  for (const key of notApplicable) if (!keys.has(key)) issues.push(reason('not_applicable.unknown', { key }));

  const flags = card.indicators.map((i) => notApplicable.has(i.key));
  const weights = card.indicators.map((i) => i.weight);
  const scaled = validation.length === 0 ? effectiveWeights(weights, flags) : null;
  if (validation.length === 0 && !scaled) issues.push(reason('scorecard.no_applicable_weight'));

  const indicators = card.indicators.map((indicator, i): IndicatorResult => {
    const effective = scaled ? scaled[i] : 0;
    if (flags[i]) return { ...blank(indicator, 0), status: 'not_applicable', notApplicable: true };
    const problem = validation.find((v) => v.path[0] === 'indicators' && v.path[1] === i) ?? null;
    const result = scoreIndicator(indicator, inputs.actuals[indicator.key], effective, problem);
    return scaled ? result : { ...result, points: null };
  });

  for (const ind of indicators) {
    if (ind.status === 'error' && ind.reason && !issues.includes(ind.reason)) issues.push(ind.reason);
  }
  const invalid = issues.length > 0;
  const incomplete = indicators.filter((i) => i.status === 'incomplete');
  const status = invalid ? 'invalid' : incomplete.length > 0 ? 'incomplete' : 'complete';
  if (!invalid) for (const ind of incomplete) if (ind.reason) issues.push(ind.reason);

  const empty: ScoreResult = { status, indicators, subtotal: null, vetoes: [], totalAfterVetoes: null, maxTotal: null, total: null, grade: null, issues };
  if (status !== 'complete') return empty;

  const subtotal = exactSum(indicators.map((i) => i.points ?? 0));
  const triggered: TriggeredVeto[] = [];
  card.indicators.forEach((indicator, i) => {
    const res = indicators[i];
    if (indicator.veto && res.vetoTriggered && res.achievement !== null) {
      triggered.push({ key: indicator.key, threshold: indicator.veto.below, achievement: res.achievement, effect: indicator.veto.effect });
    }
  });
  const vetoed = applyVetoes(subtotal, triggered);
  let total = vetoed.total;
  let maxTotal: ScoreResult['maxTotal'] = null;
  if (card.maxTotal !== undefined) {
    maxTotal = { value: card.maxTotal, bit: total > card.maxTotal };
    total = Math.min(total, card.maxTotal);
  }
  const grade = card.grades && card.grades.length > 0 ? gradeFor(total, card.grades) : null;
  return { ...empty, subtotal, vetoes: vetoed.outcomes, totalAfterVetoes: vetoed.total, maxTotal, total, grade };
}
