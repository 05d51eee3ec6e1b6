import { describe, expect, it } from 'vitest';
import { AMBITION_UPLIFT, suggestTarget, targetTooHigh, TOO_HIGH_FACTOR, TOO_HIGH_FLOOR, TOO_HIGH_MARGIN } from './suggest-target.ts';
import type { HistoryPoint } from './types.ts';

/** Monthly points from 2026-01 on. */
const months = (values: number[]): HistoryPoint[] => values.map((value, i) => ({ period: `2026-${String(i + 1).padStart(2, '0')}`, value }));

describe('suggestTarget', () => {
  it('is null with fewer than 2 points', () => {
    expect(suggestTarget([], { periodsAhead: 3, direction: 'higher' })).toBeNull();
    expect(suggestTarget(months([5]), { periodsAhead: 3, direction: 'higher' })).toBeNull();
  });

  it('projects the median along the trend from mid-window, then adds the ambition', () => {
    const s = suggestTarget(months([100, 110, 120, 130, 140, 150]), { periodsAhead: 3, direction: 'higher' })!;
    expect(s).toMatchObject({ baseline: 125, trendPerPeriod: 10, periodsAhead: 3, ambition: 'moderate', target: 193 });
    // 125 + 10 × (3 + 2.5) = 180; +12.5; +25
    expect(s.byAmbition).toEqual({ conservative: 180, moderate: 193, stretch: 205 });
    expect(s.periodsUsed).toHaveLength(6);
    expect(s.reasoning['zh-CN']).toBe('近 6 期中位数 125，趋势每期 +10，到截止还有 3 期：按趋势（从窗口中点外推 5.5 期）为 180，稳健目标 +10 % → 193');
    expect(s.reasoning.en).toContain('moderate target +10 % → 193');
  });

  it('uses only the last `periods` values', () => {
    const s = suggestTarget(months([1, 1, 1, 1, 50, 60, 70]), { periodsAhead: 1, direction: 'higher', periods: 3, ambition: 'conservative' })!;
    // median 60, trend 10, 60 + 10 × (1 + 1) = 80
    expect(s).toMatchObject({ baseline: 60, trendPerPeriod: 10, target: 80 });
    expect(s.periodsUsed.map((p) => p.value)).toEqual([50, 60, 70]);
  });

  it('for lower-is-better, takes the uplift downward and floors at 0', () => {
    const s = suggestTarget(months([10, 9, 8, 7]), { periodsAhead: 2, direction: 'lower', ambition: 'stretch' })!;
    // median 8.5, trend −1: 8.5 − 1 × (2 + 1.5) = 5; −20 % of 8.5 = −1.7 → 3.3
    expect(s.byAmbition).toEqual({ conservative: 5, moderate: 4.15, stretch: 3.3 });
    expect(s.reasoning['zh-CN']).toContain('趋势每期 −1');
    expect(s.reasoning['zh-CN']).toContain('挑战目标 −20 %');
    const steep = suggestTarget(months([10, 6, 2]), { periodsAhead: 3, direction: 'lower' })!;
    expect(steep.byAmbition).toEqual({ conservative: 0, moderate: 0, stretch: 0 });
  });

  it('keeps a flat history flat, plus the ambition', () => {
    expect(suggestTarget(months([200, 200]), { periodsAhead: 12, direction: 'higher' })?.byAmbition).toEqual({ conservative: 200, moderate: 220, stretch: 240 });
    expect(AMBITION_UPLIFT).toEqual({ conservative: 0, moderate: 0.1, stretch: 0.2 });
  });
});

describe('targetTooHigh', () => {
  const sales = months([480_000, 500_000, 520_000, 490_000, 540_000, 560_000]);

  it('exports its thresholds', () => {
    expect([TOO_HIGH_FACTOR, TOO_HIGH_MARGIN, TOO_HIGH_FLOOR]).toEqual([2, 0.1, 0.1]);
  });

  it('is null with fewer than 3 points or without a positive base', () => {
    expect(targetTooHigh(sales.slice(0, 2), { target: 1e7, periodsAhead: 3, direction: 'higher' })).toBeNull();
    expect(targetTooHigh(months([0, 0, 0]), { target: 10, periodsAhead: 3, direction: 'higher' })).toBeNull();
  });

  it('judges a goal that starts from 0 against the history, not against nothing', () => {
    expect(targetTooHigh(sales, { target: 1e7, baseline: 0, periodsAhead: 3, direction: 'higher' })?.tooHigh).toBe(true);
    expect(targetTooHigh(sales, { target: 1e7, baseline: 0, periodsAhead: 3, direction: 'higher' })).toEqual(targetTooHigh(sales, { target: 1e7, periodsAhead: 3, direction: 'higher' }));
  });

  it('flags the seed: 1000 万 in 3 months against about 50 万 a month', () => {
    const r = targetTooHigh(sales, { target: 10_000_000, periodsAhead: 3, direction: 'higher' })!;
    expect(r.tooHigh).toBe(true);
    expect(r.impliedGrowthPerPeriod).toBeCloseTo((10_000_000 / 510_000) ** (1 / 3) - 1, 12);
    expect(r.historicalBestGrowth).toBeCloseTo(540 / 490 - 1, 12);
    expect(r.limit).toBeCloseTo(2 * (540 / 490 - 1), 12);
  });

  it('does not flag 月度销售额增长20% against a history growing 5–10 % a month', () => {
    const growing = months([400_000, 430_000, 460_000, 500_000, 540_000, 580_000]);
    expect(targetTooHigh(growing, { target: 580_000 * 1.2, baseline: 580_000, periodsAhead: 3, direction: 'higher' })?.tooHigh).toBe(false);
    expect(targetTooHigh(growing, { target: 580_000 * 1.2, periodsAhead: 3, direction: 'higher' })?.tooHigh).toBe(false);
    expect(targetTooHigh(growing, { target: 580_000 * 1.2, baseline: 580_000, periodsAhead: 1, direction: 'higher' })?.tooHigh).toBe(true);
  });

  it('allows at least 10 % a period even after a flat history', () => {
    const flat = months([100, 100, 100, 100]);
    expect(targetTooHigh(flat, { target: 121, periodsAhead: 2, direction: 'higher' })).toMatchObject({ tooHigh: false, historicalBestGrowth: 0, limit: 0.1 });
    expect(targetTooHigh(flat, { target: 125, periodsAhead: 2, direction: 'higher' })?.tooHigh).toBe(true);
  });

  it('mirrors for lower-is-better: a steep implied decline is too high', () => {
    const defects = months([10, 9.5, 9, 9.2]);
    const r = targetTooHigh(defects, { target: 2, periodsAhead: 2, direction: 'lower' })!;
    expect(r.tooHigh).toBe(true);
    expect(r.impliedGrowthPerPeriod).toBeCloseTo(1 - (2 / 9.35) ** 0.5, 12);
    expect(r.historicalBestGrowth).toBeCloseTo(0.05263157894736842, 12);
    expect(targetTooHigh(defects, { target: 8, periodsAhead: 3, direction: 'lower' })?.tooHigh).toBe(false);
    expect(targetTooHigh(defects, { target: 0, periodsAhead: 12, direction: 'lower' })?.tooHigh).toBe(true);
  });
});
