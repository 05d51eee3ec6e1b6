import { describe, expect, it } from 'vitest';
import { scoreScorecard } from './score.ts';
import type { Scorecard, VetoEffect } from './types.ts';
import { applyVetoes, isVetoTriggered } from './veto.ts';

const at = (key: string, effect: VetoEffect) => ({ key, threshold: 0.8, achievement: 0.5, effect });

describe('veto combinations', () => {
  it('triggers strictly below the threshold', () => {
    expect(isVetoTriggered({ below: 0.8, effect: 'zero' }, 0.79)).toBe(true);
    expect(isVetoTriggered({ below: 0.8, effect: 'zero' }, 0.8)).toBe(false);
    expect(isVetoTriggered({ below: 0.8, effect: 'zero' }, 8 / 10)).toBe(false);
  });

  it('zero wins over every other effect', () => {
    const out = applyVetoes(90, [at('a', { multiply: 0.5 }), at('b', 'zero'), at('c', { capTotal: 60 })]);
    expect(out.total).toBe(0);
    expect(out.outcomes.map((o) => o.bit)).toEqual([false, true, false]);
  });

  it('factors multiply, then the lowest cap applies', () => {
    const out = applyVetoes(90, [at('a', { multiply: 0.5 }), at('b', { capTotal: 40 }), at('c', { multiply: 0.8 }), at('d', { capTotal: 30 })]);
    expect(out.total).toBe(30); // min(90 × 0.5 × 0.8 = 36, 30)
    expect(out.outcomes.map((o) => o.bit)).toEqual([true, false, true, true]);
  });

  it('the factors alone when the lowest cap is above S × Π k', () => {
    const out = applyVetoes(90, [at('a', { multiply: 0.5 }), at('b', { capTotal: 50 })]);
    expect(out.total).toBe(45);
    expect(out.outcomes.map((o) => o.bit)).toEqual([true, false]);
  });

  it('a capTotal above S has no effect', () => {
    const out = applyVetoes(70, [at('a', { capTotal: 80 })]);
    expect(out.total).toBe(70);
    expect(out.outcomes[0].bit).toBe(false);
  });

  it('a capTotal below S caps it', () => {
    expect(applyVetoes(70, [at('a', { capTotal: 60 })]).total).toBe(60);
  });

  it('end to end: two multiply vetoes and a cap on a scorecard', () => {
    const card: Scorecard = {
      indicators: [
        { key: 'a', weight: 40, target: 10, veto: { below: 0.8, effect: { multiply: 0.5 } } },
        { key: 'b', weight: 30, target: 10, veto: { below: 0.9, effect: { multiply: 0.9 } } },
        { key: 'c', weight: 30, target: 10, veto: { below: 1, effect: { capTotal: 25 } } },
      ],
    };
    const result = scoreScorecard(card, { actuals: { a: 7, b: 8.5, c: 9 } });
    // S = 28 + 25.5 + 27 = 80.5; × 0.5 × 0.9 = 36.225; min(36.225, 25) = 25
    expect(result.subtotal).toBeCloseTo(80.5, 9);
    expect(result.total).toBeCloseTo(25, 9);
    expect(result.vetoes.map((v) => [v.key, v.bit])).toEqual([
      ['a', true],
      ['b', true],
      ['c', true],
    ]);
    const noCap = scoreScorecard(card, { actuals: { a: 7, b: 8.5, c: 10 } });
    expect(noCap.total).toBeCloseTo((28 + 25.5 + 30) * 0.5 * 0.9, 9);
  });

  it('a veto on a lower-is-better indicator uses its achievement', () => {
    const card: Scorecard = {
      indicators: [
        { key: '投诉次数', weight: 20, target: 10, direction: 'lower', veto: { below: 0.5, effect: 'zero' } },
        { key: 'b', weight: 80, target: 10 },
      ],
    };
    expect(scoreScorecard(card, { actuals: { 投诉次数: 16, b: 10 } }).total).toBe(0); // r = 2 − 1.6 = 0.4
    expect(scoreScorecard(card, { actuals: { 投诉次数: 14, b: 10 } }).total).toBeCloseTo(92, 9); // r = 0.6
  });
});
