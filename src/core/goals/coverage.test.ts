import { describe, expect, it } from 'vitest';
import { COVERAGE_FULL_UP_TO, COVERAGE_LOW_BELOW, decompositionCoverage } from './coverage.ts';

const sales = (target: number) => ({ target, indicatorKey: 'sales', rollUp: 'sum' as const, direction: 'higher' as const });
const child = (target: number, indicatorKey = 'sales') => ({ target, indicatorKey });

describe('decompositionCoverage', () => {
  it('exports its thresholds', () => {
    expect([COVERAGE_LOW_BELOW, COVERAGE_FULL_UP_TO]).toEqual([0.9, 1.1]);
  });

  it('is null for an indicator that does not add up, or a parent target not above 0', () => {
    for (const rollUp of ['average', 'last', 'recompute'] as const) expect(decompositionCoverage({ ...sales(100), rollUp }, [child(100)])).toBeNull();
    expect(decompositionCoverage(sales(0), [child(1)])).toBeNull();
  });

  it('sums only the children on the parent indicator and counts the others', () => {
    expect(decompositionCoverage(sales(1_000_000), [child(400_000), child(450_000), child(50, 'new_key_accounts')])).toEqual({
      childCount: 2,
      otherIndicatorCount: 1,
      sum: 850_000,
      coverage: 0.85,
      gap: 150_000,
      level: 'low',
    });
  });

  it.each([
    [[], 'none'],
    [[50, 39], 'low'],
    [[50, 40], 'partial'],
    [[50, 49.99], 'partial'],
    [[50, 50], 'full'],
    [[60, 50], 'full'],
    [[60, 50.01], 'over'],
  ] as const)('children %j of 100 → %s', (targets, level) => {
    expect(decompositionCoverage(sales(100), targets.map((t) => child(t)))?.level).toBe(level);
  });

  it('has level none when every child is on another indicator', () => {
    expect(decompositionCoverage(sales(100), [child(100, 'followers')])).toMatchObject({ childCount: 0, otherIndicatorCount: 1, sum: 0, level: 'none' });
  });

  it('forgives floating-point dust: three thirds and 0.1 + 0.2 cover exactly', () => {
    expect(decompositionCoverage(sales(1), [child(1 / 3), child(1 / 3), child(1 / 3)])).toMatchObject({ coverage: 1, gap: 0, level: 'full' });
    expect(decompositionCoverage(sales(0.3), [child(0.1), child(0.2)])).toMatchObject({ sum: 0.3, coverage: 1, gap: 0, level: 'full' });
    expect(decompositionCoverage(sales(0.7), [child(0.1), child(0.2), child(0.4)])).toMatchObject({ coverage: 1, level: 'full' });
    // 0.3 × 3 is 0.8999999999999999: still exactly at the low/partial boundary
    expect(decompositionCoverage(sales(1), [child(0.3), child(0.3), child(0.3)])?.level).toBe('partial');
    expect(decompositionCoverage(sales(1), [child(0.55), child(0.55)])?.level).toBe('full');
  });
});
