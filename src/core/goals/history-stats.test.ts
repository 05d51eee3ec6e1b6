import { describe, expect, it } from 'vitest';
import { bestPeriodChange, leastSquaresSlope, median } from './history-stats.ts';

describe('history statistics', () => {
  it('median: middle value, mean of the two middle ones, NaN for none', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('leastSquaresSlope: the trend per period, 0 for one value', () => {
    expect(leastSquaresSlope([100, 104, 111, 115])).toBeCloseTo(5.2, 12);
    expect(leastSquaresSlope([10, 10, 10])).toBe(0);
    expect(leastSquaresSlope([9, 6, 3])).toBe(-3);
    expect(leastSquaresSlope([7])).toBe(0);
  });

  it('bestPeriodChange: best growth, or best decline for lower-is-better, skipping pairs from 0', () => {
    expect(bestPeriodChange([100, 110, 99, 120], 'higher')).toBeCloseTo(120 / 99 - 1, 12);
    expect(bestPeriodChange([100, 110, 99, 120], 'lower')).toBeCloseTo(0.1, 12);
    expect(bestPeriodChange([0, 5, 10], 'higher')).toBe(1);
    expect(bestPeriodChange([0, 0], 'higher')).toBeNull();
    expect(bestPeriodChange([100, 90], 'higher')).toBeCloseTo(-0.1, 12);
  });
});
