import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundHalfAwayFromZero } from './decimal-round.ts';

describe('roundHalfAwayFromZero (Excel ROUND)', () => {
  it.each([
    [2.675, 2, 2.68], // naive Math.round(x*100)/100 gives 2.67
    [1.005, 2, 1.01], // naive gives 1
    [-2.5, 0, -3],
    [2.5, 0, 3],
    [-1.005, 2, -1.01],
    [0.5, 0, 1],
    [-0.5, 0, -1],
    [0.49999999999999994, 0, 1], // 0.500000000000000 in 15 digits, as Excel sees it
    [0.4999999999999, 0, 0],
    [1.45, 1, 1.5],
    [8.345, 2, 8.35],
    [1234.5678, 2, 1234.57],
    [1234.5678, 0, 1235],
    [1234.5678, -1, 1230],
    [1250, -2, 1300],
    [-1250, -2, -1300],
    [99.995, 2, 100],
    [9.999, 2, 10],
    [0.004, 2, 0],
    [0.005, 2, 0.01],
    [123, -5, 0],
    [1e21, 2, 1e21],
    [1.23e-7, 8, 1.2e-7],
    [5e-324, 2, 0],
    [1.23456, 10, 1.23456],
    [2.675, 2.9, 2.68], // places truncated to an integer, as Excel does
    [2.675, -0.5, 3],
    [0, 2, 0],
  ])('ROUND(%d, %d) = %d', (x, places, expected) => {
    expect(roundHalfAwayFromZero(x, places)).toBe(expected);
  });

  it('takes the value to 15 significant digits first, as Excel does', () => {
    // 0.1 * 3 = 0.30000000000000004 and 1.0049999999999999 = 1.005 in 15 digits
    expect(roundHalfAwayFromZero(0.1 * 3, 16)).toBe(0.3);
    expect(roundHalfAwayFromZero(12.345 * 1, 2)).toBe(12.35);
    expect(roundHalfAwayFromZero((0.1 + 0.7) * 10, 0)).toBe(8); // 7.999999999999999
  });

  it('never gives -0, and gives NaN for non-finite input', () => {
    expect(Object.is(roundHalfAwayFromZero(-0.001, 2), 0)).toBe(true);
    expect(Object.is(roundHalfAwayFromZero(-0, 2), 0)).toBe(true);
    expect(roundHalfAwayFromZero(Number.NaN, 2)).toBeNaN();
    expect(roundHalfAwayFromZero(Number.POSITIVE_INFINITY, 2)).toBeNaN();
    expect(roundHalfAwayFromZero(1, Number.NaN)).toBeNaN();
  });

  it('copes with absurd numbers of places', () => {
    expect(roundHalfAwayFromZero(2.675, 1e9)).toBe(2.675);
    expect(roundHalfAwayFromZero(2.675, -1e9)).toBe(0);
    expect(roundHalfAwayFromZero(2.675, Number.POSITIVE_INFINITY)).toBe(2.675);
  });

  it('rounds every x.xx5 written in decimal away from zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 0, max: 99 }), fc.boolean(), (whole, cents, negative) => {
        const sign = negative ? -1 : 1;
        const x = sign * Number(`${whole}.${String(cents).padStart(2, '0')}5`);
        expect(roundHalfAwayFromZero(x, 2)).toBe(sign * Number(`${whole * 100 + cents + 1}e-2`));
      }),
    );
  });

  it('is within half a unit of the last place and idempotent', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: -5, max: 8 }), (x, places) => {
        const r = roundHalfAwayFromZero(x, places);
        expect(Math.abs(r - x)).toBeLessThanOrEqual(0.5 * 10 ** -places * (1 + 1e-9) + Math.abs(x) * 1e-14);
        expect(roundHalfAwayFromZero(r, places)).toBe(r);
      }),
    );
  });
});
