import { describe, expect, it } from 'vitest';
import { fillFromData } from './check-in-fill.ts';
import type { GoalActual } from './goals-api.ts';

const actual = (period: string, value: number, partial = false, source: GoalActual['source'] = 'metric'): GoalActual => ({ period, value, source, label: source === 'metric' ? '店铺销售额' : '2027 年 1 月考核', partial });
const history = [actual('2027-01', 36_000), actual('2027-02', 37_000), actual('2027-03', 8_000, true)];
const months = ['2027-03', '2027-04'].map((label) => ({ label, endsOn: `${label}-${label.endsWith('04') ? '30' : '31'}` }));

describe('fill a check-in from the data', () => {
  it('fills a one-off goal with the latest complete month, dated its last day: a month so far is no month', () => {
    expect(fillFromData({ recurrence: null, periods: null, actuals: history }, '2027-03-07')).toEqual({ value: 37_000, on: '2027-02-28', period: '2027-02', label: '店铺销售额', partial: false });
    expect(fillFromData({ recurrence: null, periods: null, actuals: [actual('2027-03', 8_000, true)] }, '2027-03-07')).toBeNull();
    // a quarter of a closed cycle is dated the quarter's last day
    expect(fillFromData({ recurrence: null, periods: null, actuals: [actual('2026-Q4', 90, false, 'cycle')] }, '2027-03-07')?.on).toBe('2026-12-31');
  });

  it('fills a recurring goal with its period in progress to date, dated today', () => {
    expect(fillFromData({ recurrence: 'month', periods: months, actuals: history }, '2027-03-07')).toEqual({ value: 8_000, on: '2027-03-07', period: '2027-03', label: '店铺销售额', partial: true });
  });

  it('else with its latest complete period, dated that period’s last day; a month is no quarter’s value', () => {
    const done = [actual('2027-03', 41_000)];
    expect(fillFromData({ recurrence: 'month', periods: months, actuals: done }, '2027-04-01')).toMatchObject({ value: 41_000, on: '2027-03-31', partial: false });
    // history before the goal's span is no period of it
    expect(fillFromData({ recurrence: 'month', periods: months, actuals: history.slice(0, 2) }, '2027-03-07')).toBeNull();
    expect(fillFromData({ recurrence: 'quarter', periods: [{ label: '2027-Q1', endsOn: '2027-03-31' }], actuals: history }, '2027-03-07')).toBeNull();
  });
});
