import { describe, expect, it } from 'vitest';
import { roundNice } from './large-demo.random.ts';
import { LARGE_DEMO_SIZES, parseSizes } from './large-demo.sizes.ts';

describe('large demo sizes', () => {
  it('reads a subset and keeps the defaults for the rest', () => {
    expect(parseSizes('')).toEqual(LARGE_DEMO_SIZES);
    expect(parseSizes('people=60, units=5,months=3,goals=200')).toEqual({ people: 60, units: 5, months: 3, goals: 200 });
    expect(parseSizes('goals=500').people).toBe(2000);
  });

  it.each([['people=3', 'people must be'], ['colour=5', 'unknown size "colour"'], ['units=2.5', 'units must be'], ['people=20,units=20', 'at least twice']])('refuses %s', (spec, message) => {
    expect(() => parseSizes(spec)).toThrow(message);
  });

  it('rounds targets to three significant digits without float dust', () => {
    expect(roundNice(1_234_567)).toBe(1_230_000);
    expect(roundNice(0.85349)).toBe(0.853);
    expect(roundNice(0)).toBe(0);
  });
});
