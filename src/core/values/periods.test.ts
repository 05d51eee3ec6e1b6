import { describe, expect, it } from 'vitest';
import { addDays, dayAfter, monthStart, PERIOD_LABEL_PATTERN, parsePeriod, periodsOfYear } from './periods.ts';

describe('parsePeriod', () => {
  it('reads months, quarters and years with the dates they cover', () => {
    expect(parsePeriod('2026-02')).toEqual({ kind: 'month', label: '2026-02', year: 2026, startsOn: '2026-02-01', endsOn: '2026-02-28' });
    expect(parsePeriod('2028-02')?.endsOn).toBe('2028-02-29');
    expect(parsePeriod('2026-Q4')).toEqual({ kind: 'quarter', label: '2026-Q4', year: 2026, startsOn: '2026-10-01', endsOn: '2026-12-31' });
    expect(parsePeriod('2026-Q2')?.endsOn).toBe('2026-06-30');
    expect(parsePeriod('2026')).toEqual({ kind: 'year', label: '2026', year: 2026, startsOn: '2026-01-01', endsOn: '2026-12-31' });
  });

  it('refuses what is not a period', () => {
    for (const bad of ['2026-13', '2026-00', '2026-Q5', '26-01', '2026-1', '', '3000', '2026-q1', '2026-01-01']) {
      expect(parsePeriod(bad), bad).toBeNull();
    }
  });

  it('agrees with the request pattern', () => {
    for (const label of ['2026-01', '2026-12', '2026-Q1', '2026']) expect(PERIOD_LABEL_PATTERN.test(label)).toBe(true);
    for (const label of ['2026-13', '2026-Q0', '2026-1']) expect(PERIOD_LABEL_PATTERN.test(label)).toBe(false);
  });
});

describe('periodsOfYear', () => {
  it('lists the columns of a year grid', () => {
    expect(periodsOfYear(2026, 'month')).toHaveLength(12);
    expect(periodsOfYear(2026, 'month')[11]).toBe('2026-12');
    expect(periodsOfYear(2026, 'quarter')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(periodsOfYear(2026, 'year')).toEqual(['2026']);
  });
});

describe('calendar steps', () => {
  it('moves a day by whole days across months, years and leap days', () => {
    expect([addDays('2027-03-01', -1), addDays('2028-03-01', -1), addDays('2026-12-31', 1), dayAfter('2026-12-31')]).toEqual(['2027-02-28', '2028-02-29', '2027-01-01', '2027-01-01']);
  });

  it('finds the first day of a month some months away', () => {
    expect([monthStart('2026-12-04'), monthStart('2026-12-04', 2), monthStart('2026-01-31', -1)]).toEqual(['2026-12-01', '2027-02-01', '2025-12-01']);
  });
});
