import { describe, expect, it } from 'vitest';
import { applyLimits, computeAchievement, evaluateLinear, evaluateRule, evaluateTiers, mapRating } from './rules.ts';
import type { Indicator } from './types.ts';

const base: Indicator = { key: 'k', weight: 10, target: 20 };

describe('achievement r', () => {
  it('higher-is-better: actual / target', () => {
    expect(computeAchievement(base, 17)).toEqual({ ok: true, r: 0.85 });
  });
  it('lower-is-better mirror (default): 2 − actual / target', () => {
    expect(computeAchievement({ ...base, direction: 'lower' }, 15)).toEqual({ ok: true, r: 1.25 });
    expect(computeAchievement({ ...base, direction: 'lower', achievement: 'mirror' }, 30)).toEqual({ ok: true, r: 0.5 });
    expect(computeAchievement({ ...base, direction: 'lower' }, 0)).toEqual({ ok: true, r: 2 });
  });
  it('lower-is-better inverse: target / actual', () => {
    expect(computeAchievement({ ...base, direction: 'lower', achievement: 'inverse' }, 25)).toEqual({ ok: true, r: 0.8 });
  });
  it('inverse with actual 0 (or below) is not computable, with a reason in both languages', () => {
    for (const actual of [0, -5]) {
      const out = computeAchievement({ ...base, name: '不良率', direction: 'lower', achievement: 'inverse' }, actual);
      expect(out.ok).toBe(false);
      if (out.ok) return;
      expect(out.reason.code).toBe('achievement.inverse_nonpositive');
      expect(out.reason.message['zh-CN']).toContain('不良率');
      expect(out.reason.message.en).toContain(String(actual));
    }
  });
});

describe('rules', () => {
  it('proportional: m = r', () => {
    expect(evaluateRule({ type: 'proportional' }, 1.37)).toEqual({ m: 1.37, match: { kind: 'proportional' } });
  });

  const tiers = { type: 'tiers' as const, tiers: [{ atLeast: 0.8, multiplier: 1.1 }, { above: 1, multiplier: 1.3 }] };
  it('tiers: the highest tier met applies; atLeast includes the threshold, above excludes it', () => {
    expect(evaluateTiers(tiers, 0.8).m).toBe(1.1);
    expect(evaluateTiers(tiers, 1).m).toBe(1.1);
    expect(evaluateTiers(tiers, 1.0000001).m).toBe(1.3);
    expect(evaluateTiers(tiers, 0.79).m).toBe(0.79);
  });
  it('tiers: below every tier, zero when so configured', () => {
    expect(evaluateTiers({ ...tiers, below: 'zero' }, 0.79)).toEqual({ m: 0, match: { kind: 'below_tiers', below: 'zero', firstThreshold: 0.8 } });
  });
  it('tiers: a ratio equal to a threshold after rounding counts as reaching it (0.7 / 0.1 ≥ 7)', () => {
    expect(0.7 / 0.1).toBeLessThan(7);
    expect(evaluateTiers({ type: 'tiers', tiers: [{ atLeast: 7, multiplier: 2 }], below: 'zero' }, 0.7 / 0.1).m).toBe(2);
    expect(evaluateTiers({ type: 'tiers', tiers: [{ above: 7, multiplier: 2 }], below: 'zero' }, 0.7 / 0.1).m).toBe(0);
  });
  it('tiers: "above x" ranks above "atLeast x"', () => {
    const rule = { type: 'tiers' as const, tiers: [{ atLeast: 1, multiplier: 1 }, { above: 1, multiplier: 1.2 }] };
    expect(evaluateTiers(rule, 1).match).toMatchObject({ index: 0, bound: 'atLeast' });
    expect(evaluateTiers(rule, 1.1).match).toMatchObject({ index: 1, bound: 'above' });
  });

  const linear = { type: 'linear' as const, points: [[0.6, 0], [0.8, 0.5], [1, 1], [1.2, 1.3]] as [number, number][] };
  it('linear: interpolates between points', () => {
    expect(evaluateLinear(linear, 0.7).m).toBeCloseTo(0.25, 12);
    expect(evaluateLinear(linear, 0.9)).toMatchObject({ match: { kind: 'segment', index: 1, from: [0.8, 0.5], to: [1, 1] } });
    expect(evaluateLinear(linear, 0.9).m).toBeCloseTo(0.75, 12);
    expect(evaluateLinear(linear, 1.1).m).toBeCloseTo(1.15, 12);
  });
  it('linear: exactly at a point gives that point', () => {
    expect(evaluateLinear(linear, 0.8)).toEqual({ m: 0.5, match: { kind: 'point', index: 1, point: [0.8, 0.5] } });
  });
  it('linear: flat outside the ends', () => {
    expect(evaluateLinear(linear, 0.1)).toEqual({ m: 0, match: { kind: 'before_first', point: [0.6, 0] } });
    expect(evaluateLinear(linear, 5)).toEqual({ m: 1.3, match: { kind: 'after_last', point: [1.2, 1.3] } });
  });
  it('linear: decreasing segments work too', () => {
    expect(evaluateLinear({ type: 'linear', points: [[0, 1], [1, 0]] }, 0.25).m).toBeCloseTo(0.75, 12);
  });

  it('manual: 1 → 0.2 … 5 → 1.0 by default, whole ratings exact', () => {
    const m = [1, 2, 3, 4, 5].map((rating) => mapRating({ type: 'manual' }, rating)?.m);
    expect(m).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
    expect(mapRating({ type: 'manual' }, 3.5)?.m).toBeCloseTo(0.7, 12);
  });
  it('manual: configurable scale and mapTo', () => {
    expect(mapRating({ type: 'manual', scale: [0, 10], mapTo: [0, 1.2] }, 5)?.m).toBeCloseTo(0.6, 12);
    expect(mapRating({ type: 'manual', scale: [1, 3], mapTo: [0.5, 1.5] }, 3)).toEqual({
      m: 1.5,
      match: { kind: 'manual', rating: 3, scale: [1, 3], mapTo: [0.5, 1.5] },
    });
  });
  it('manual: a rating outside the scale gives null', () => {
    expect(mapRating({ type: 'manual' }, 0)).toBeNull();
    expect(mapRating({ type: 'manual' }, 6)).toBeNull();
  });
});

describe('cap and floor: m = min(max(m, floor), cap)', () => {
  it('default floor 0, no cap', () => {
    expect(applyLimits(-0.3)).toEqual({ m: 0, limit: 'floor' });
    expect(applyLimits(7)).toEqual({ m: 7, limit: null });
  });
  it('the cap bites above it, the floor below it, neither in between', () => {
    expect(applyLimits(1.5, 1.2)).toEqual({ m: 1.2, limit: 'cap' });
    expect(applyLimits(0.3, 1.2, 0.5)).toEqual({ m: 0.5, limit: 'floor' });
    expect(applyLimits(0.9, 1.2, 0.5)).toEqual({ m: 0.9, limit: null });
    expect(applyLimits(1.2, 1.2, 0.5)).toEqual({ m: 1.2, limit: null });
  });
  it('a negative floor lets points go below zero', () => {
    expect(applyLimits(-0.3, undefined, -1)).toEqual({ m: -0.3, limit: null });
  });
});
