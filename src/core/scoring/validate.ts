/**
 * The validation rules of a scorecard definition (domain.md §3), each located by a path such
 * as `['indicators', 2, 'rule', 'tiers', 0]`. The interchange schema (src/contracts/scorecard.ts)
 * runs these same checks, so the rules live in one place.
 */
import { TOTAL_TOLERANCE, exactSum } from './arith.ts';
import { type MessageCode, reason } from './messages.ts';
import { tierRank } from './rules.ts';
import type { Indicator, MessageParams, Reason, Scorecard } from './types.ts';

export type IssuePath = (string | number)[];
export type ValidationIssue = Reason & { path: IssuePath; indicatorKey?: string };

export type ValidateOptions = {
  /** Report a missing target as an error (default). Drafts being designed may leave targets open. */
  requireTargets?: boolean;
};

/**
 * A display label for messages: the indicator's name, else its key.
 * @example indicatorLabel({ key: 'sales', name: '销售额', weight: 30 }) // '销售额'
 */
export function indicatorLabel(indicator: Indicator): string {
  return indicator.name || indicator.key;
}

/**
 * Formats an issue path as the interchange format's users read it.
 * @example formatIssuePath(['indicators', 2, 'rule', 'tiers', 0]) // 'indicators[2].rule.tiers[0]'
 */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)), '');
}

/**
 * Every rule a scorecard definition breaks; empty when it can be scored.
 * @example validateScorecard({ indicators: [{ key: 'a', weight: 90, target: 1 }] })[0].code // 'weights.sum'
 */
export function validateScorecard(card: Scorecard, options: ValidateOptions = {}): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (code: MessageCode, path: IssuePath, params: MessageParams = {}, indicatorKey?: string) =>
    issues.push({ ...reason(code, params), path, ...(indicatorKey !== undefined ? { indicatorKey } : {}) });

  if (card.indicators.length === 0) add('indicators.empty', ['indicators']);
  const seen = new Set<string>();
  card.indicators.forEach((indicator, i) => {
    const at: IssuePath = ['indicators', i];
    const key = indicator.key;
    const label = { indicator: indicatorLabel(indicator) };
    const addHere = (code: MessageCode, sub: IssuePath, params: MessageParams = {}) => add(code, [...at, ...sub], { ...label, ...params }, key);
    const checkFinite = (value: number | undefined, sub: IssuePath, field: string) => {
      if (value === undefined || Number.isFinite(value)) return true;
      addHere('value.not_finite', sub, { field });
      return false;
    };

    if (!key) add('key.missing', [...at, 'key'], { position: i + 1 });
    else if (seen.has(key)) addHere('key.duplicate', ['key']);
    seen.add(key);

    if (checkFinite(indicator.weight, ['weight'], 'weight') && indicator.weight < 0) addHere('weight.negative', ['weight'], { weight: indicator.weight });

    const rule = indicator.rule ?? { type: 'proportional' };
    if (rule.type !== 'manual') {
      const target = indicator.target;
      if (target === undefined) {
        if (options.requireTargets !== false) addHere('target.missing', ['target']);
      } else if (checkFinite(target, ['target'], 'target')) {
        if (target === 0) addHere('target.zero', ['target']);
        else if (target < 0) addHere('target.negative', ['target'], { target });
      }
    }
    if (indicator.achievement !== undefined && indicator.direction !== 'lower') addHere('achievement.only_lower', ['achievement']);

    validateRule(rule, (code, sub, params) => addHere(code, ['rule', ...sub], params), checkFinite);

    const capOk = checkFinite(indicator.cap, ['cap'], 'cap');
    const floorOk = checkFinite(indicator.floor, ['floor'], 'floor');
    const floor = indicator.floor ?? 0;
    if (capOk && floorOk && indicator.cap !== undefined && indicator.cap < floor) {
      addHere('limits.cap_below_floor', ['cap'], { cap: indicator.cap, floor });
    }

    const veto = indicator.veto;
    if (veto) {
      checkFinite(veto.below, ['veto', 'below'], 'veto.below');
      const effect = veto.effect;
      if (typeof effect === 'object' && 'multiply' in effect) {
        if (checkFinite(effect.multiply, ['veto', 'effect', 'multiply'], 'veto.effect.multiply') && !(effect.multiply >= 0 && effect.multiply <= 1)) {
          addHere('veto.multiply_range', ['veto', 'effect', 'multiply'], { k: effect.multiply });
        }
      } else if (typeof effect === 'object' && 'capTotal' in effect) {
        if (checkFinite(effect.capTotal, ['veto', 'effect', 'capTotal'], 'veto.effect.capTotal') && effect.capTotal < 0) {
          addHere('veto.cap_negative', ['veto', 'effect', 'capTotal'], { cap: effect.capTotal });
        }
      }
    }
  });

  const weights = card.indicators.map((ind) => ind.weight);
  if (card.indicators.length > 0 && weights.every(Number.isFinite)) {
    const sum = exactSum(weights);
    if (Math.abs(sum - 100) > TOTAL_TOLERANCE) add('weights.sum', ['indicators'], { sum });
  }

  const mins = new Set<number>();
  const grades = new Set<string>();
  (card.grades ?? []).forEach((band, j) => {
    if (mins.has(band.min)) add('grades.duplicate_min', ['grades', j, 'min'], { min: band.min });
    if (grades.has(band.grade)) add('grades.duplicate_grade', ['grades', j, 'grade'], { grade: band.grade });
    mins.add(band.min);
    grades.add(band.grade);
  });
  if (card.maxTotal !== undefined && !(card.maxTotal > 0)) add('max_total.not_positive', ['maxTotal'], { maxTotal: card.maxTotal });
  return issues;
}

type AddIssue = (code: MessageCode, sub: IssuePath, params?: MessageParams) => void;
type FiniteCheck = (value: number | undefined, sub: IssuePath, field: string) => boolean;

function validateRule(rule: NonNullable<Indicator['rule']>, add: AddIssue, checkFinite: FiniteCheck): void {
  if (rule.type === 'tiers') {
    if (rule.tiers.length === 0) add('tiers.empty', ['tiers']);
    let previous: [number, number] | null = null;
    rule.tiers.forEach((tier, j) => {
      const path: IssuePath = ['tiers', j];
      const bounds = (tier.atLeast !== undefined ? 1 : 0) + (tier.above !== undefined ? 1 : 0);
      if (bounds !== 1) {
        add('tiers.bound', path, { position: j + 1 });
        previous = null;
        return;
      }
      const ok = [checkFinite(tier.atLeast, [...path, 'atLeast'], 'atLeast'), checkFinite(tier.above, [...path, 'above'], 'above'), checkFinite(tier.multiplier, [...path, 'multiplier'], 'multiplier')];
      if (!ok.every(Boolean)) return;
      const rank = tierRank(tier);
      if (previous && !(rank[0] > previous[0] || (rank[0] === previous[0] && rank[1] > previous[1]))) add('tiers.order', path, { position: j + 1 });
      previous = rank;
    });
  } else if (rule.type === 'linear') {
    if (rule.points.length < 2) add('linear.too_few', ['points']);
    rule.points.forEach(([r, m], j) => {
      const finite = checkFinite(r, ['points', j, 0], 'r') && checkFinite(m, ['points', j, 1], 'm');
      if (finite && j > 0 && !(r > rule.points[j - 1][0])) add('linear.order', ['points', j], { position: j + 1 });
    });
  } else if (rule.type === 'manual') {
    const [lo, hi] = rule.scale ?? [1, 5];
    if (checkFinite(lo, ['scale', 0], 'scale') && checkFinite(hi, ['scale', 1], 'scale') && !(lo < hi)) add('manual.scale', ['scale']);
    if (rule.mapTo) {
      checkFinite(rule.mapTo[0], ['mapTo', 0], 'mapTo');
      checkFinite(rule.mapTo[1], ['mapTo', 1], 'mapTo');
    }
  }
}
