import { describe, expect, it } from 'vitest';
import type { Indicator, Scorecard } from './types.ts';
import { formatIssuePath, validateScorecard } from './validate.ts';

const ok: Indicator = { key: 'b', weight: 50, target: 10 };
const card = (first: Partial<Indicator>, extra: Partial<Scorecard> = {}): Scorecard => ({
  indicators: [{ key: 'a', weight: 50, target: 10, ...first }, ok],
  ...extra,
});
const found = (c: Scorecard) => validateScorecard(c).map((i) => [i.code, formatIssuePath(i.path)]);

describe('validateScorecard', () => {
  it('a valid scorecard has no issues', () => {
    expect(validateScorecard(card({}))).toEqual([]);
  });

  it('formats paths the way the interchange format is read', () => {
    expect(formatIssuePath(['indicators', 2, 'rule', 'tiers', 0])).toBe('indicators[2].rule.tiers[0]');
    expect(formatIssuePath(['maxTotal'])).toBe('maxTotal');
  });

  it('weights must sum to 100 (within rounding: 33.3 + 33.3 + 33.4 is fine)', () => {
    expect(found(card({ weight: 40 }))).toEqual([['weights.sum', 'indicators']]);
    const thirds = { indicators: [33.3, 33.3, 33.4].map((weight, i) => ({ key: `k${i}`, weight, target: 1 })) };
    expect(validateScorecard(thirds)).toEqual([]);
  });

  it('keys are unique', () => {
    expect(found({ indicators: [{ key: 'a', weight: 50, target: 1 }, { key: 'a', weight: 50, target: 1 }] })).toEqual([['key.duplicate', 'indicators[1].key']]);
  });

  it('targets: missing, zero and negative are errors; a manual indicator needs none', () => {
    expect(found(card({ target: undefined }))).toEqual([['target.missing', 'indicators[0].target']]);
    expect(found(card({ target: 0 }))).toEqual([['target.zero', 'indicators[0].target']]);
    expect(found(card({ target: -3 }))).toEqual([['target.negative', 'indicators[0].target']]);
    expect(found(card({ target: undefined, rule: { type: 'manual' } }))).toEqual([]);
    expect(validateScorecard(card({ target: undefined }), { requireTargets: false })).toEqual([]);
  });

  it('achievement only for lower-is-better', () => {
    expect(found(card({ achievement: 'inverse' }))).toEqual([['achievement.only_lower', 'indicators[0].achievement']]);
    expect(found(card({ achievement: 'inverse', direction: 'lower' }))).toEqual([]);
  });

  it('tiers: exactly one of atLeast/above, listed from low to high', () => {
    const tiers = (t: { atLeast?: number; above?: number; multiplier: number }[]) => card({ rule: { type: 'tiers', tiers: t } });
    expect(found(tiers([{ multiplier: 1 }]))).toEqual([['tiers.bound', 'indicators[0].rule.tiers[0]']]);
    expect(found(tiers([{ atLeast: 1, multiplier: 1 }, { atLeast: 1.2, above: 1.2, multiplier: 1.2 }]))).toEqual([['tiers.bound', 'indicators[0].rule.tiers[1]']]);
    expect(found(tiers([{ above: 1, multiplier: 1.3 }, { atLeast: 0.8, multiplier: 1.1 }]))).toEqual([['tiers.order', 'indicators[0].rule.tiers[1]']]);
    expect(found(tiers([{ atLeast: 1, multiplier: 1 }, { atLeast: 1, multiplier: 1.2 }]))).toEqual([['tiers.order', 'indicators[0].rule.tiers[1]']]);
    expect(found(tiers([{ atLeast: 1, multiplier: 1 }, { above: 1, multiplier: 1.2 }]))).toEqual([]);
    expect(found(tiers([]))).toEqual([['tiers.empty', 'indicators[0].rule.tiers']]);
  });

  it('linear: at least two points, sorted by r and distinct', () => {
    const linear = (points: [number, number][]) => card({ rule: { type: 'linear', points } });
    expect(found(linear([[1, 1]]))).toEqual([['linear.too_few', 'indicators[0].rule.points']]);
    expect(found(linear([[1, 1], [0.5, 0]]))).toEqual([['linear.order', 'indicators[0].rule.points[1]']]);
    expect(found(linear([[0.5, 0], [0.5, 1]]))).toEqual([['linear.order', 'indicators[0].rule.points[1]']]);
  });

  it('manual scale goes from low to high', () => {
    expect(found(card({ rule: { type: 'manual', scale: [5, 1] } }))).toEqual([['manual.scale', 'indicators[0].rule.scale']]);
  });

  it('cap < floor is an error (the default floor is 0)', () => {
    expect(found(card({ cap: 0.5, floor: 0.8 }))).toEqual([['limits.cap_below_floor', 'indicators[0].cap']]);
    expect(found(card({ cap: -0.1 }))).toEqual([['limits.cap_below_floor', 'indicators[0].cap']]);
  });

  it('veto effects in range', () => {
    expect(found(card({ veto: { below: 0.8, effect: { multiply: 1.5 } } }))).toEqual([['veto.multiply_range', 'indicators[0].veto.effect.multiply']]);
    expect(found(card({ veto: { below: 0.8, effect: { capTotal: -1 } } }))).toEqual([['veto.cap_negative', 'indicators[0].veto.effect.capTotal']]);
  });

  it('grades distinct; maxTotal positive; numbers finite', () => {
    expect(found(card({}, { grades: [{ min: 90, grade: 'S' }, { min: 90, grade: 'A' }, { min: 0, grade: 'S' }] }))).toEqual([
      ['grades.duplicate_min', 'grades[1].min'],
      ['grades.duplicate_grade', 'grades[2].grade'],
    ]);
    expect(found(card({}, { maxTotal: 0 }))).toEqual([['max_total.not_positive', 'maxTotal']]);
    expect(found(card({ cap: Number.POSITIVE_INFINITY }))).toEqual([['value.not_finite', 'indicators[0].cap']]);
  });

  it('messages name the indicator in both languages', () => {
    const [issue] = validateScorecard(card({ name: '销售额', target: 0 }));
    expect(issue.message['zh-CN']).toContain('销售额');
    expect(issue.message.en).toContain('销售额');
    expect(issue.indicatorKey).toBe('a');
  });
});
