import { describe, expect, it } from 'vitest';
import { reason } from './messages.ts';
import { effectiveWeights, scoreScorecard } from './score.ts';
import type { Scorecard } from './types.ts';

const three: Scorecard = {
  indicators: [
    { key: 'a', weight: 20, target: 10 },
    { key: 'b', weight: 30, target: 10 },
    { key: 'c', weight: 50, target: 10 },
  ],
};
const allAtTarget = { a: 10, b: 10, c: 10 };

describe('not applicable (不适用): the remaining weights scale up to 100', () => {
  it('20/30/50 with the 30 left out → 20 × 100/70 and 50 × 100/70', () => {
    const result = scoreScorecard(three, { actuals: { a: 10, c: 10 }, notApplicable: ['b'] });
    expect(result.status).toBe('complete');
    const [a, b, c] = result.indicators;
    expect(a.effectiveWeight).toBeCloseTo(2000 / 70, 12);
    expect(c.effectiveWeight).toBeCloseTo(5000 / 70, 12);
    expect(b).toMatchObject({ status: 'not_applicable', notApplicable: true, effectiveWeight: 0, points: null });
    expect(result.total).toBeCloseTo(100, 9);
  });
  it('20/50/30 with the 50 left out → 40 and 60 exactly', () => {
    expect(effectiveWeights([20, 50, 30], [false, true, false])).toEqual([40, 0, 60]);
  });
  it('nothing left out → the weights themselves', () => {
    expect(effectiveWeights([20, 30, 50], [false, false, false])).toEqual([20, 30, 50]);
  });
  it('the not-applicable indicator needs no actual and its veto does not apply', () => {
    const card: Scorecard = { indicators: [{ ...three.indicators[0], veto: { below: 0.8, effect: 'zero' } }, three.indicators[1], three.indicators[2]] };
    const result = scoreScorecard(card, { actuals: { a: 1, b: 10, c: 10 }, notApplicable: ['a'] });
    expect(result.vetoes).toEqual([]);
    expect(result.total).toBeCloseTo(100, 9);
  });
  it('everything not applicable → invalid, with a reason', () => {
    const result = scoreScorecard(three, { actuals: {}, notApplicable: ['a', 'b', 'c'] });
    expect(result.status).toBe('invalid');
    expect(result.issues.map((i) => i.code)).toEqual(['scorecard.no_applicable_weight']);
  });
  it('an unknown key marked not applicable is refused', () => {
    const result = scoreScorecard(three, { actuals: allAtTarget, notApplicable: ['zz'] });
    expect(result.status).toBe('invalid');
    expect(result.issues[0].code).toBe('not_applicable.unknown');
  });
});

describe('incomplete', () => {
  it('a missing actual makes the scorecard incomplete, with the reason per indicator', () => {
    const result = scoreScorecard(three, { actuals: { a: 10, b: null } });
    expect(result.status).toBe('incomplete');
    expect(result.total).toBeNull();
    expect(result.grade).toBeNull();
    expect(result.indicators.map((i) => i.status)).toEqual(['scored', 'incomplete', 'incomplete']);
    expect(result.indicators[1].reason?.code).toBe('actual.missing');
    expect(result.indicators[0].points).toBe(20);
    expect(result.issues.map((i) => i.code)).toEqual(['actual.missing', 'actual.missing']);
  });
  it('lower-is-better inverse with actual 0 → incomplete, not computable', () => {
    const card: Scorecard = {
      indicators: [
        { key: '不良率', weight: 40, target: 0.02, direction: 'lower', achievement: 'inverse' },
        { key: 'b', weight: 60, target: 10 },
      ],
    };
    const result = scoreScorecard(card, { actuals: { 不良率: 0, b: 10 } });
    expect(result.status).toBe('incomplete');
    expect(result.indicators[0]).toMatchObject({ status: 'incomplete', actual: 0, achievement: null });
    expect(result.indicators[0].reason?.code).toBe('achievement.inverse_nonpositive');
  });
  it('resolved actuals carry their formula and terms, and their reasons', () => {
    const notComputable = reason('actual.not_computable', { indicator: 'c', detail: { 'zh-CN': '除数为 0', en: 'division by zero' } });
    const result = scoreScorecard(three, {
      actuals: {
        a: { status: 'ok', value: 8, formula: 'x+y', terms: { x: 5, y: 3 } },
        b: 10,
        c: { status: 'not_computable', reason: notComputable, formula: 'x/y', terms: { x: 1, y: 0 } },
      },
    });
    expect(result.status).toBe('incomplete');
    expect(result.indicators[0]).toMatchObject({ actual: 8, formula: 'x+y', terms: { x: 5, y: 3 }, points: 16 });
    expect(result.indicators[2]).toMatchObject({ status: 'incomplete', formula: 'x/y', terms: { x: 1, y: 0 }, reason: notComputable });
  });
});

describe('invalid', () => {
  it('weights not summing to 100', () => {
    const result = scoreScorecard({ indicators: [{ key: 'a', weight: 90, target: 1 }] }, { actuals: { a: 1 } });
    expect(result.status).toBe('invalid');
    expect(result.issues[0].code).toBe('weights.sum');
    expect(result.indicators[0].points).toBeNull();
    expect(result.total).toBeNull();
  });
  it('zero or missing target: the indicator is in error', () => {
    for (const target of [0, undefined]) {
      const result = scoreScorecard({ indicators: [{ key: 'a', weight: 100, target }] }, { actuals: { a: 1 } });
      expect(result.status).toBe('invalid');
      expect(result.indicators[0].status).toBe('error');
      expect(result.indicators[0].reason?.code).toBe(target === 0 ? 'target.zero' : 'target.missing');
    }
  });
  it('a manual rating outside its scale', () => {
    const result = scoreScorecard({ indicators: [{ key: 'm', weight: 100, rule: { type: 'manual' } }] }, { actuals: { m: 6 } });
    expect(result.status).toBe('invalid');
    expect(result.indicators[0].reason?.code).toBe('manual.out_of_scale');
  });
  it('a non-finite actual', () => {
    const result = scoreScorecard({ indicators: [{ key: 'a', weight: 100, target: 1 }] }, { actuals: { a: Number.NaN } });
    expect(result.indicators[0].reason?.code).toBe('actual.not_finite');
  });
  it('an actual too large to score (points overflow): an error, never a complete result with Infinity or NaN', () => {
    const card: Scorecard = { indicators: [{ key: 'a', weight: 60, target: 1 }, { key: 'b', weight: 40, target: 10 }], grades: [{ min: 0, grade: 'D' }] };
    const result = scoreScorecard(card, { actuals: { a: 1e308, b: 10 } });
    expect(result.status).toBe('invalid');
    expect(result).toMatchObject({ subtotal: null, total: null, grade: null });
    expect(result.indicators[0]).toMatchObject({ status: 'error', points: null, multiplier: null });
    expect(result.indicators[0].reason?.code).toBe('score.not_finite');
    expect(result.indicators[0].reason?.message.en).toContain('too large to score');
    expect(result.indicators[0].reason?.message['zh-CN']).toContain('数值过大');
    expect(result.issues.map((i) => i.code)).toEqual(['score.not_finite']);
    expect(Number.isFinite(result.indicators[1].points)).toBe(true);
  });
  it('an achievement that overflows (a tiny target) is an error even when a cap would bound the multiplier', () => {
    const result = scoreScorecard({ indicators: [{ key: 'a', weight: 100, target: 1e-300, cap: 1.2 }] }, { actuals: { a: 1e300 } });
    expect(result.status).toBe('invalid');
    expect(result.indicators[0]).toMatchObject({ status: 'error', achievement: null, points: null });
    expect(result.indicators[0].reason?.code).toBe('score.not_finite');
  });
  it('finite points whose sum overflows: the indicator with the largest points is in error', () => {
    const card: Scorecard = { indicators: [{ key: 'a', weight: 50, target: 1 }, { key: 'b', weight: 50, target: 1 }] };
    const result = scoreScorecard(card, { actuals: { a: 3e306, b: 3.5e306 } });
    expect(result.status).toBe('invalid');
    expect(result.total).toBeNull();
    expect(result.indicators.map((i) => i.status)).toEqual(['scored', 'error']);
    expect(result.indicators[1].reason?.code).toBe('score.not_finite');
  });
});

describe('explainability', () => {
  it('carries per indicator the actual, target, r, rule and match, m before/after limits, weights and points', () => {
    const card: Scorecard = {
      indicators: [
        { key: 'sales', name: '销售额', weight: 60, target: 100, cap: 1.2 },
        { key: 'cost', name: '销售费用率', weight: 20, target: 0.05, direction: 'lower', floor: 0.5 },
        { key: 'skill', name: '完成销售的能力', weight: 20, rule: { type: 'manual' } },
      ],
      grades: [
        { min: 90, grade: 'S' },
        { min: 80, grade: 'A' },
        { min: 0, grade: 'B' },
      ],
    };
    const result = scoreScorecard(card, { actuals: { sales: 150, cost: 0.09, skill: 4 } });
    const [sales, cost, skill] = result.indicators;
    expect(sales).toMatchObject({ actual: 150, target: 100, achievement: 1.5, rule: 'proportional', multiplierRaw: 1.5, multiplier: 1.2, limit: 'cap', points: 72 });
    expect(cost.achievement).toBeCloseTo(0.2, 12);
    expect(cost).toMatchObject({ direction: 'lower', achievementMode: 'mirror', multiplier: 0.5, limit: 'floor', points: 10 });
    expect(skill).toMatchObject({ rule: 'manual', target: null, actual: 4, achievement: 0.8, multiplier: 0.8, points: 16 });
    expect(result).toMatchObject({ status: 'complete', subtotal: 98, total: 98, grade: 'S', vetoes: [], maxTotal: null });
  });

  it('maxTotal caps the total and says so', () => {
    const card: Scorecard = { indicators: [{ key: 'a', weight: 100, target: 10 }], maxTotal: 120 };
    expect(scoreScorecard(card, { actuals: { a: 15 } })).toMatchObject({ subtotal: 150, total: 120, maxTotal: { value: 120, bit: true } });
    expect(scoreScorecard(card, { actuals: { a: 11 } }).maxTotal).toEqual({ value: 120, bit: false });
  });

  it('maxTotal applies after the vetoes (S × Π k, then the lowest cap, then maxTotal)', () => {
    const card: Scorecard = {
      indicators: [
        { key: 'a', weight: 50, target: 10, veto: { below: 0.8, effect: { multiply: 0.5 } } },
        { key: 'b', weight: 50, target: 10 },
      ],
      maxTotal: 120,
    };
    const result = scoreScorecard(card, { actuals: { a: 7, b: 40 } });
    expect(result.subtotal).toBeCloseTo(235, 9);
    expect(result.totalAfterVetoes).toBeCloseTo(117.5, 9);
    expect(result.total).toBeCloseTo(117.5, 9);
  });

  it('a weight-0 veto indicator earns no points but still vetoes', () => {
    const card: Scorecard = {
      indicators: [
        { key: 'safety', weight: 0, target: 1, veto: { below: 1, effect: 'zero' } },
        { key: 'b', weight: 100, target: 10 },
      ],
    };
    const result = scoreScorecard(card, { actuals: { safety: 0, b: 10 } });
    expect(result.indicators[0].points).toBe(0);
    expect(result.total).toBe(0);
  });
});
