/**
 * Scores a scorecard for one period (domain.md §3): effective weights after not-applicable
 * scaling, each indicator's achievement, multiplier and points, the subtotal, vetoes, the
 * maximum total and the grade — with everything needed to explain the result.
 */
import { exactSum } from './arith.ts';
import { gradeFor } from './grades.ts';
import { reason } from './messages.ts';
import { applyLimits, computeAchievement, evaluateRule, mapRating } from './rules.ts';
import { indicatorLabel, type ValidationIssue, validateScorecard } from './validate.ts';
import { isVetoTriggered, settleVetoes } from './veto.ts';
import type { ActualInput, Indicator, IndicatorResult, Reason, ResolvedActual, Rule, ScoreInputs, ScoreResult, Scorecard, VetoOutcome } from './types.ts';

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

const PROPORTIONAL: Rule = { type: 'proportional' };

function blank(indicator: Indicator, effectiveWeight: number): IndicatorResult {
  const rule = indicator.rule ?? PROPORTIONAL;
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

/** Ends `result` (a fresh object of `blank`) with a status and its reason. */
function stop(result: IndicatorResult, status: IndicatorResult['status'], why: Reason): IndicatorResult {
  result.status = status;
  result.reason = why;
  return result;
}

/**
 * Scores one indicator with its effective weight. `invalid` is the first definition problem
 * of this indicator, if any.
 * @example scoreIndicator({ key: 'k', weight: 20, target: 10 }, 8.5, 20).points // 17
 */
export function scoreIndicator(indicator: Indicator, input: ActualInput, effectiveWeight: number, invalid: Reason | null = null): IndicatorResult {
  // `result` is this call's own object: it is filled in place and returned
  const result = blank(indicator, effectiveWeight);
  if (invalid) return stop(result, 'error', invalid);
  const actual = resolve(input);
  if (!actual) return stop(result, 'incomplete', reason('actual.missing', { indicator: result.name }));
  if (actual.formula !== undefined) result.formula = actual.formula;
  if (actual.status !== 'ok') {
    if (actual.status === 'not_computable' && actual.terms) result.terms = actual.terms;
    return stop(result, actual.status === 'error' ? 'error' : 'incomplete', actual.reason);
  }
  if (actual.terms) result.terms = actual.terms;
  if (!Number.isFinite(actual.value)) return stop(result, 'error', reason('actual.not_finite', { indicator: result.name }));
  result.actual = actual.value;

  const rule = indicator.rule ?? PROPORTIONAL;
  let outcome: { m: number; match: IndicatorResult['match'] };
  if (rule.type === 'manual') {
    const mapped = mapRating(rule, actual.value);
    if (!mapped) {
      const [min, max] = rule.scale ?? [1, 5];
      return stop(result, 'error', reason('manual.out_of_scale', { indicator: result.name, rating: actual.value, min, max }));
    }
    result.achievement = mapped.m;
    outcome = mapped;
  } else {
    const achievement = computeAchievement(indicator, actual.value);
    if (!achievement.ok) return stop(result, 'incomplete', achievement.reason);
    if (!Number.isFinite(achievement.r)) return tooLarge(result);
    result.achievement = achievement.r;
    outcome = evaluateRule(rule, achievement.r);
  }
  const limited = applyLimits(outcome.m, indicator.cap, indicator.floor);
  const points = effectiveWeight * limited.m;
  // an actual far beyond its target (1e308 against 100) overflows: an error, never NaN or Infinity
  if (!Number.isFinite(outcome.m) || !Number.isFinite(limited.m) || !Number.isFinite(points)) return tooLarge(result);
  result.match = outcome.match;
  result.multiplierRaw = outcome.m;
  result.multiplier = limited.m;
  result.limit = limited.limit;
  result.points = points;
  result.vetoTriggered = indicator.veto ? isVetoTriggered(indicator.veto, result.achievement) : false;
  return result;
}

/** Ends `result` as an error: a number on the way to its points is too large to compute. */
function tooLarge(result: IndicatorResult): IndicatorResult {
  result.achievement = null;
  return stop(result, 'error', reason('score.not_finite', { indicator: result.name }));
}

/**
 * A scorecard whose definition was checked once, to score many people (or periods) with it:
 * what a cycle or the CLI does with thousands of rows. Made by `prepareScorecard`; the card
 * must not change afterwards.
 */
export type PreparedScorecard = {
  readonly card: Scorecard;
  /** `validateScorecard(card)`: empty when the card can be scored. */
  readonly validation: readonly ValidationIssue[];
  readonly keys: ReadonlySet<string>;
  readonly weights: readonly number[];
};

/**
 * Checks a scorecard once for `scorePrepared`.
 * @example scorePrepared(prepareScorecard(card), inputs) // the same result as scoreScorecard(card, inputs)
 */
export function prepareScorecard(card: Scorecard): PreparedScorecard {
  return { card, validation: validateScorecard(card), keys: new Set(card.indicators.map((i) => i.key)), weights: card.indicators.map((i) => i.weight) };
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
  return scorePrepared(prepareScorecard(card), inputs);
}

/**
 * `scoreScorecard` for a prepared scorecard: the same result, without checking the
 * definition again (for a valid card; an invalid one is checked again, so that every result
 * has its own issues).
 */
export function scorePrepared(prepared: PreparedScorecard, inputs: ScoreInputs): ScoreResult {
  return scoreEach(prepared, (indicator) => inputs.actuals[indicator.key], inputs.notApplicable);
}

/**
 * `scorePrepared` with the actuals in scorecard order (`actuals[i]` for the i-th indicator)
 * instead of by key: the same result for a valid card, whose keys are unique (an invalid one
 * is scored by key, as scorePrepared does).
 */
export function scorePreparedInOrder(prepared: PreparedScorecard, actuals: readonly ActualInput[], notApplicable?: readonly string[]): ScoreResult {
  if (prepared.validation.length > 0) {
    const byKey: Record<string, ActualInput> = {};
    prepared.card.indicators.forEach((indicator, i) => {
      Object.defineProperty(byKey, indicator.key, { value: actuals[i], writable: true, enumerable: true, configurable: true });
    });
    return scorePrepared(prepared, { actuals: byKey, ...(notApplicable ? { notApplicable } : {}) });
  }
  return scoreEach(prepared, (_, i) => actuals[i], notApplicable);
}

function scoreEach(prepared: PreparedScorecard, actualOf: (indicator: Indicator, i: number) => ActualInput, notApplicableKeys: readonly string[] | undefined): ScoreResult {
  const card = prepared.card;
  const validation = prepared.validation.length === 0 ? prepared.validation : validateScorecard(card);
  const issues: Reason[] = validation.length === 0 ? [] : [...validation];
  let flags: boolean[] | null = null;
  if (notApplicableKeys && notApplicableKeys.length > 0) {
    const notApplicable = new Set(notApplicableKeys);
    for (const key of notApplicable) if (!prepared.keys.has(key)) issues.push(reason('not_applicable.unknown', { key }));
    flags = card.indicators.map((i) => notApplicable.has(i.key));
  }

  const weights = prepared.weights;
  const scaled = validation.length === 0 ? (flags ? effectiveWeights(weights, flags) : weights) : null;
  if (validation.length === 0 && !scaled) issues.push(reason('scorecard.no_applicable_weight'));

  const indicators: IndicatorResult[] = [];
  let anyIncomplete = false;
  for (let i = 0; i < card.indicators.length; i++) {
    const indicator = card.indicators[i];
    let result: IndicatorResult;
    if (flags?.[i]) {
      result = blank(indicator, 0);
      result.status = 'not_applicable';
      result.notApplicable = true;
    } else {
      const effective = scaled ? scaled[i] : 0;
      const problem = validation.length === 0 ? null : (validation.find((v) => v.path[0] === 'indicators' && v.path[1] === i) ?? null);
      result = scoreIndicator(indicator, actualOf(indicator, i), effective, problem);
      if (!scaled) result.points = null;
    }
    if (result.status === 'error' && result.reason && !issues.includes(result.reason)) issues.push(result.reason);
    if (result.status === 'incomplete') anyIncomplete = true;
    indicators.push(result);
  }

  const invalid = issues.length > 0;
  const status = invalid ? 'invalid' : anyIncomplete ? 'incomplete' : 'complete';
  if (!invalid && anyIncomplete) for (const ind of indicators) if (ind.status === 'incomplete' && ind.reason) issues.push(ind.reason);
  if (status !== 'complete') {
    return { status, indicators, subtotal: null, vetoes: [], totalAfterVetoes: null, maxTotal: null, total: null, grade: null, issues };
  }

  const points: number[] = [];
  // the outcomes of applyVetoes(subtotal, triggered), made here at once
  const triggered: VetoOutcome[] = [];
  for (let i = 0; i < indicators.length; i++) {
    const res = indicators[i];
    points.push(res.points ?? 0);
    const veto = card.indicators[i].veto;
    if (veto && res.vetoTriggered && res.achievement !== null) {
      triggered.push({ key: card.indicators[i].key, threshold: veto.below, achievement: res.achievement, effect: veto.effect, bit: false });
    }
  }
  const subtotal = exactSum(points);
  const vetoed = triggered.length === 0 ? { total: subtotal, outcomes: triggered } : settleVetoes(subtotal, triggered);
  let total = vetoed.total;
  let maxTotal: ScoreResult['maxTotal'] = null;
  if (card.maxTotal !== undefined) {
    maxTotal = { value: card.maxTotal, bit: total > card.maxTotal };
    total = Math.min(total, card.maxTotal);
  }
  if (!Number.isFinite(subtotal) || !Number.isFinite(vetoed.total) || !Number.isFinite(total)) {
    // finite points whose sum overflows: the indicator with the largest points is the one to fix
    let worst = 0;
    for (let i = 1; i < indicators.length; i++) if (Math.abs(points[i]) > Math.abs(points[worst])) worst = i;
    const culprit = indicators[worst];
    culprit.status = 'error';
    culprit.reason = reason('score.not_finite', { indicator: culprit.name });
    return { status: 'invalid', indicators, subtotal: null, vetoes: [], totalAfterVetoes: null, maxTotal: null, total: null, grade: null, issues: [culprit.reason] };
  }
  const grade = card.grades && card.grades.length > 0 ? gradeFor(total, card.grades) : null;
  return { status, indicators, subtotal, vetoes: vetoed.outcomes, totalAfterVetoes: vetoed.total, maxTotal, total, grade, issues };
}
