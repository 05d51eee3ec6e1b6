import { describe, expect, it } from 'vitest';
import { formatForText, roundForTarget } from './round-for-target.ts';

describe('roundForTarget', () => {
  it.each([
    [159.5, 160],
    [152.4, 152],
    [537_123.4, 537_000],
    [10_000_000, 10_000_000],
    [1_234_567, 1_230_000],
    [4.567, 4.57],
    [47.25, 47.3],
    [0.03456, 0.035],
    [0.1234, 0.12],
    [0.30000000000000004, 0.3],
    [-1234.5, -1230],
    [0, 0],
  ])('%d → %d', (value, rounded) => {
    expect(roundForTarget(value)).toBe(rounded);
  });

  it('keeps whole numbers whole from 100 up and never returns −0', () => {
    for (const v of [100, 999.9, 12_345.678, 98_765_432.1]) expect(Number.isInteger(roundForTarget(v))).toBe(true);
    expect(Object.is(roundForTarget(-0), 0)).toBe(true);
    expect(Object.is(roundForTarget(-1e-30), -1e-30)).toBe(true);
  });
});

describe('formatForText', () => {
  it('groups thousands and drops float dust', () => {
    expect(formatForText(1_234_567.891)).toBe('1,234,570');
    expect(formatForText(0.1 + 0.2)).toBe('0.3');
    expect(formatForText(-2.5)).toBe('-2.5');
  });
});
