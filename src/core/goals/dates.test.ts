import { describe, expect, it } from 'vitest';
import { dayNumber, monthNumber } from './dates.ts';

describe('dayNumber', () => {
  it('counts UTC days and refuses days that do not exist', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2028-02-29')! - dayNumber('2028-02-28')!).toBe(1);
    for (const bad of ['2027-02-29', '2027-13-01', '2027-1-01', '2027-01-01T00:00', '']) expect(dayNumber(bad)).toBeNull();
  });
});

describe('monthNumber', () => {
  it('counts calendar months between periods and days', () => {
    expect(monthNumber('2027-03-31')! - monthNumber('2026-12')!).toBe(3);
    expect(monthNumber('2027-01')! - monthNumber('2026-12-31')!).toBe(1);
    for (const bad of ['2026-13', '2026-00', 'Q1', '2027-02-30']) expect(monthNumber(bad)).toBeNull();
  });
});
