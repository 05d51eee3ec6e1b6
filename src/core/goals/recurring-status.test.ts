import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currentPeriodTarget, recurringStatus, type RecurringStatusInput } from './recurring-status.ts';

/** 每月发布 3 条高质量内容, for 2027: an additive count per month. */
const posts: RecurringStatusInput = { recurrence: 'month', startsOn: '2027-01-01', deadline: '2027-12-31', baseline: 1, target: 3, direction: 'higher', additive: true, checkIns: [], asOf: '2027-01-01' };
/** Monthly sales of 44,000 from December 2026 (the 微商 demo's 月度销售额增长 20 %). */
const sales: RecurringStatusInput = { ...posts, startsOn: '2026-12-01', deadline: '2027-05-31', baseline: 36_700, target: 44_000, checkIns: [] };

describe('recurringStatus', () => {
  it('is not started before any check-in, with every period listed', () => {
    const r = recurringStatus(posts);
    expect(r.status).toBe('not_started');
    expect(r.periods).toHaveLength(12);
    expect(r.periods[0]).toMatchObject({ label: '2027-01', state: 'in_progress', target: 3, actual: null, pace: null });
    expect(r.periods[1].state).toBe('upcoming');
  });

  it('judges the month in progress by its pace: month-to-date against the share of the month elapsed', () => {
    // 7 December: 6 of 30 days gone (0.2); 8,940 of 44,000 is 0.203 — on pace, not "−80 % behind"
    const inside = recurringStatus({ ...sales, checkIns: [{ on: '2026-12-07', value: 8_940 }], asOf: '2026-12-07' });
    expect(inside.periods[0]).toMatchObject({ state: 'in_progress', pace: 'on_track', actual: 8_940 });
    expect(inside.periods[0].elapsed).toBeCloseTo(0.2, 9);
    expect(inside.status).toBe('on_track');
    // the same 8,940 on 20 December (19 of 30 days: 0.633) is far behind
    expect(recurringStatus({ ...sales, checkIns: [{ on: '2026-12-20', value: 8_940 }], asOf: '2026-12-20' }).status).toBe('off_track');
    // 22,000 on the 20th: 0.5 against 0.633, 13 points behind → at risk
    expect(recurringStatus({ ...sales, checkIns: [{ on: '2026-12-20', value: 22_000 }], asOf: '2026-12-20' }).status).toBe('at_risk');
  });

  it('on the first day of a month nothing is late yet', () => {
    const r = recurringStatus({ ...sales, checkIns: [{ on: '2026-12-01', value: 0 }], asOf: '2026-12-01' });
    expect(r.periods[0]).toMatchObject({ elapsed: 0, pace: 'on_track' });
    expect(r.status).toBe('on_track');
  });

  it('on the last day of a month the whole target is due, and the next day the month is finished', () => {
    const lastDay = recurringStatus({ ...sales, checkIns: [{ on: '2026-12-31', value: 40_000 }], asOf: '2026-12-31' });
    expect(lastDay.periods[0]).toMatchObject({ state: 'in_progress', elapsed: 1, pace: 'on_track' }); // 0.909: within 10 points
    expect(recurringStatus({ ...sales, checkIns: [{ on: '2026-12-31', value: 30_000 }], asOf: '2026-12-31' }).periods[0].pace).toBe('off_track');
    const next = recurringStatus({ ...sales, checkIns: [{ on: '2026-12-31', value: 40_000 }], asOf: '2027-01-01' });
    expect(next.periods[0].state).toBe('missed');
    expect(next.record).toEqual({ met: 0, finished: 1 });
    expect(next.status).toBe('off_track');
  });

  it('keeps the record of periods met: all met on track, two thirds at risk, fewer off track', () => {
    const months = (values: number[]) => values.map((value, i) => ({ on: `2027-${String(i + 1).padStart(2, '0')}-28`, value }));
    const asOf = '2027-07-01';
    expect(recurringStatus({ ...posts, checkIns: months([3, 4, 3, 3, 5, 3]), asOf })).toMatchObject({ status: 'on_track', record: { met: 6, finished: 6 } });
    expect(recurringStatus({ ...posts, checkIns: months([3, 2, 3, 3, 1, 3]), asOf })).toMatchObject({ status: 'at_risk', record: { met: 4, finished: 6 } });
    expect(recurringStatus({ ...posts, checkIns: months([3, 2, 2, 3, 1, 3]), asOf })).toMatchObject({ status: 'off_track', record: { met: 3, finished: 6 } });
  });

  it('counts a finished month nobody reported as not met', () => {
    const r = recurringStatus({ ...posts, checkIns: [{ on: '2027-01-20', value: 3 }], asOf: '2027-03-05' });
    expect(r.periods.slice(0, 3).map((p) => p.state)).toEqual(['met', 'no_data', 'in_progress']);
    expect(r.status).toBe('off_track');
  });

  it('takes each period’s own target, and the latest check-in of a period', () => {
    const r = recurringStatus({ ...posts, periodTargets: { '2027-02': 5 }, checkIns: [{ on: '2027-02-25', value: 4 }, { on: '2027-02-10', value: 9 }, { on: '2027-01-31', value: 3 }], asOf: '2027-03-01' });
    expect(r.periods[1]).toMatchObject({ target: 5, actual: 4, state: 'missed' });
  });

  it('is achieved after the deadline only when every period was met', () => {
    const q = { ...posts, recurrence: 'quarter' as const, target: 9 };
    const all = [9, 10, 9, 12].map((value, i) => ({ on: `2027-${String(i * 3 + 3).padStart(2, '0')}-30`, value }));
    expect(recurringStatus({ ...q, checkIns: all, asOf: '2028-01-02' }).status).toBe('achieved');
    expect(recurringStatus({ ...q, checkIns: all.slice(0, 3), asOf: '2028-01-02' }).status).toBe('missed');
  });

  it('judges a lower-is-better count by the allowance used, and a level by its distance from the target', () => {
    const complaints = { ...posts, target: 10, direction: 'lower' as const };
    expect(recurringStatus({ ...complaints, checkIns: [{ on: '2027-01-16', value: 4 }], asOf: '2027-01-16' }).status).toBe('on_track');
    expect(recurringStatus({ ...complaints, checkIns: [{ on: '2027-01-16', value: 8 }], asOf: '2027-01-16' }).status).toBe('off_track');
    expect(recurringStatus({ ...complaints, checkIns: [{ on: '2027-01-16', value: 11 }], asOf: '2027-01-16' }).status).toBe('off_track');
    const rate = { ...posts, additive: false, baseline: 0.032, target: 0.0368 };
    expect(recurringStatus({ ...rate, checkIns: [{ on: '2027-01-20', value: 0.037 }], asOf: '2027-01-20' }).status).toBe('on_track');
    expect(recurringStatus({ ...rate, checkIns: [{ on: '2027-01-20', value: 0.0335 }], asOf: '2027-01-20' }).status).toBe('off_track');
  });

  it('zero tolerance (a target of 0 complaints) stays finite: within it progress 1, past it 0', () => {
    const zero = { ...posts, target: 0, direction: 'lower' as const };
    const over = recurringStatus({ ...zero, checkIns: [{ on: '2027-01-16', value: 1 }], asOf: '2027-01-16' });
    expect(over).toMatchObject({ status: 'off_track', progress: 0 });
    expect(recurringStatus({ ...zero, checkIns: [{ on: '2027-01-16', value: 0 }], asOf: '2027-01-16' })).toMatchObject({ status: 'on_track', progress: 1 });
    expect(recurringStatus({ ...posts, target: 10, direction: 'lower', checkIns: [{ on: '2027-01-31', value: 20 }], asOf: '2027-02-01' }).periods[0]).toMatchObject({ state: 'missed', progress: 0.5 });
  });

  it('asks a period cut short by the goal’s start for its share of an additive target', () => {
    // from 15 March: March has 17 of its 31 days, so 3 × 17 / 31 posts
    const r = recurringStatus({ ...posts, startsOn: '2027-03-15', checkIns: [{ on: '2027-03-31', value: 2 }], asOf: '2027-04-01' });
    expect(r.periods[0].target).toBeCloseTo((3 * 17) / 31, 9);
    expect(r.periods[0].state).toBe('met');
    expect(r.periods[1].target).toBe(3);
    // a week of 3 days (Friday 1 January to Sunday) asks for 3/7 of the weekly 3; a level is not cut
    const week = recurringStatus({ ...posts, recurrence: 'week', checkIns: [], asOf: '2027-01-01' }).periods[0];
    expect(week.label).toBe('2026-W53');
    expect(week.target).toBeCloseTo((3 * 3) / 7, 9);
    expect(recurringStatus({ ...posts, additive: false, startsOn: '2027-03-15', checkIns: [], asOf: '2027-03-15' }).periods[0].target).toBe(3);
  });

  it('judges a lower-is-better level without a baseline by its distance above the target', () => {
    const turnover = { ...posts, additive: false, direction: 'lower' as const, baseline: null, target: 0.05 };
    expect(recurringStatus({ ...turnover, checkIns: [{ on: '2027-01-20', value: 0.08 }], asOf: '2027-01-20' }).status).toBe('off_track');
    expect(recurringStatus({ ...turnover, checkIns: [{ on: '2027-01-20', value: 0.052 }], asOf: '2027-01-20' }).status).toBe('on_track');
    expect(recurringStatus({ ...turnover, checkIns: [{ on: '2027-01-20', value: 0.04 }], asOf: '2027-01-20' })).toMatchObject({ status: 'on_track', progress: 1 });
  });

  it('more month-to-date never gives a worse status (property)', () => {
    const rank = { on_track: 0, at_risk: 1, off_track: 2 } as Record<string, number>;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: 0, max: 60_000 }), (day, a, b) => {
        const asOf = `2026-12-${String(day).padStart(2, '0')}`;
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const status = (v: number) => rank[recurringStatus({ ...sales, checkIns: [{ on: asOf, value: v }], asOf }).status];
        expect(status(hi)).toBeLessThanOrEqual(status(lo));
      }),
    );
  });
});

describe('currentPeriodTarget', () => {
  it('is the target of the period in progress: its own, or its share of the goal’s', () => {
    const goal = { recurrence: 'month' as const, startsOn: '2027-01-15', deadline: '2027-12-31', target: 3, periodTargets: { '2027-11': 5 }, additive: true };
    expect(currentPeriodTarget(goal, '2027-11-11')).toBe(5);
    expect(currentPeriodTarget(goal, '2027-06-30')).toBe(3);
    expect(currentPeriodTarget(goal, '2027-01-20')).toBeCloseTo((3 * 17) / 31, 9);
    expect(currentPeriodTarget(goal, '2028-02-01')).toBe(3);
    expect(currentPeriodTarget(goal, '2026-12-01')).toBeCloseTo((3 * 17) / 31, 9);
  });
});
