import { describe, expect, it } from 'vitest';
import { isPeriodOver } from './dates.ts';
import { goalPeriods, MAX_GOAL_PERIODS, monthsPerPeriod, periodLabelOf } from './recurrence.ts';

describe('periodLabelOf', () => {
  it('names months, quarters and ISO weeks (the week of its Thursday)', () => {
    expect(periodLabelOf('2027-03-31', 'month')).toBe('2027-03');
    expect(periodLabelOf('2027-05-20', 'quarter')).toBe('2027-Q2');
    expect(periodLabelOf('2027-12-31', 'quarter')).toBe('2027-Q4');
    expect(periodLabelOf('2027-01-01', 'week')).toBe('2026-W53'); // a Friday: its Thursday is in 2026
    expect(periodLabelOf('2027-01-04', 'week')).toBe('2027-W01'); // Monday
    expect(periodLabelOf('2026-12-07', 'week')).toBe('2026-W50');
    expect(periodLabelOf('2025-12-29', 'week')).toBe('2026-W01'); // Monday of a week whose Thursday is 2026-01-01
  });
});

describe('goalPeriods', () => {
  it('cuts the span into calendar periods clipped to it', () => {
    expect(goalPeriods('2027-01-15', '2027-03-31', 'month')).toEqual([
      { label: '2027-01', startsOn: '2027-01-15', endsOn: '2027-01-31' },
      { label: '2027-02', startsOn: '2027-02-01', endsOn: '2027-02-28' },
      { label: '2027-03', startsOn: '2027-03-01', endsOn: '2027-03-31' },
    ]);
    expect(goalPeriods('2027-01-01', '2027-12-31', 'quarter').map((p) => p.label)).toEqual(['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']);
    expect(goalPeriods('2027-02-10', '2027-05-10', 'quarter')).toEqual([
      { label: '2027-Q1', startsOn: '2027-02-10', endsOn: '2027-03-31' },
      { label: '2027-Q2', startsOn: '2027-04-01', endsOn: '2027-05-10' },
    ]);
  });

  it('weeks run Monday to Sunday; a year of them is 52 or 53', () => {
    const weeks = goalPeriods('2026-12-02', '2026-12-20', 'week');
    expect(weeks).toEqual([
      { label: '2026-W49', startsOn: '2026-12-02', endsOn: '2026-12-06' },
      { label: '2026-W50', startsOn: '2026-12-07', endsOn: '2026-12-13' },
      { label: '2026-W51', startsOn: '2026-12-14', endsOn: '2026-12-20' },
    ]);
    expect(goalPeriods('2027-01-04', '2028-01-02', 'week')).toHaveLength(52);
  });

  it('is empty for a span that ends before it starts, and bounded', () => {
    expect(goalPeriods('2027-03-01', '2027-02-01', 'month')).toEqual([]);
    expect(goalPeriods('2027-02-30', '2027-03-01', 'month')).toEqual([]);
    expect(goalPeriods('2000-01-01', '2099-12-31', 'week')).toHaveLength(MAX_GOAL_PERIODS);
  });

  it('scales a week and a quarter to a month', () => {
    expect(monthsPerPeriod('month')).toBe(1);
    expect(monthsPerPeriod('quarter')).toBe(3);
    expect(monthsPerPeriod('week') * 52.1775).toBeCloseTo(12, 6);
  });
});

describe('isPeriodOver', () => {
  it('a period is over once its last day has passed', () => {
    expect(isPeriodOver('2026-11', '2026-12-01')).toBe(true);
    expect(isPeriodOver('2026-12', '2026-12-01')).toBe(false);
    expect(isPeriodOver('2026-12', '2026-12-31')).toBe(false);
    expect(isPeriodOver('2026-12', '2027-01-01')).toBe(true);
    expect(isPeriodOver('2026-Q4', '2026-12-31')).toBe(false);
    expect(isPeriodOver('2025', '2026-01-01')).toBe(true);
    expect(isPeriodOver('2026-W50', '2026-12-13')).toBe(false); // Sunday, its last day
    expect(isPeriodOver('2026-W50', '2026-12-14')).toBe(true);
    expect(isPeriodOver('2026-W53', '2027-01-04')).toBe(true);
    expect(isPeriodOver('nonsense', '2027-01-04')).toBe(false);
  });
});
