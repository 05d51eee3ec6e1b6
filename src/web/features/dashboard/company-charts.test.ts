import { describe, expect, it } from 'vitest';
import { shareOfTarget } from './company-charts.ts';

describe('share of target on the key indicators chart', () => {
  it('is value ÷ target for higher-is-better goals', () => {
    expect(shareOfTarget({ value: 600, target: 1_000, direction: 'higher' })).toBeCloseTo(0.6);
    expect(shareOfTarget({ value: 5, target: 0, direction: 'higher' })).toBeNull();
  });

  it('is target ÷ value for lower-is-better goals: behind reads below 100 %, met at or under the target', () => {
    expect(shareOfTarget({ value: 0.14, target: 0.08, direction: 'lower' })).toBeCloseTo(0.5714, 4);
    expect(shareOfTarget({ value: 0.08, target: 0.08, direction: 'lower' })).toBe(1);
    expect(shareOfTarget({ value: 0.06, target: 0.08, direction: 'lower' })!).toBeGreaterThan(1);
    expect(shareOfTarget({ value: 0, target: 0.08, direction: 'lower' })).toBe(1);
  });
});
