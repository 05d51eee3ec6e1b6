import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { changesTarget, defaultTargetOf, followTarget, goalFormPath, type GoalValues, goalValuesOf, periodTargetsOf, smartBodyOf, updateBodyOf } from './goal-form.ts';
import type { Goal } from './goals-api.ts';

const monthly = (over: Partial<GoalValues> = {}): GoalValues => ({
  ownerKind: 'company',
  statement: '每月发布 3 条高质量内容',
  indicatorId: 'i1',
  target: 3,
  startsOn: dayjs('2027-01-01'),
  deadline: dayjs('2027-04-30'),
  source: 'annual_plan',
  recurrence: 'month',
  periodTargets: { '2027-01': 3, '2027-02': 3, '2027-03': 4, '2027-04': 3 },
  ...over,
});

const saved = { target: 3, deadline: '2027-04-30', startsOn: '2027-01-01', recurrence: 'month', periodTargets: [{ period: '2027-03', target: 4 }], owner: { kind: 'company', id: null, name: '' }, indicator: { id: 'i1', rollUp: 'sum' } } as unknown as Goal;
const basis = { target: 3, additive: true, recurrence: 'month' as const };

describe('the period targets of the goal form', () => {
  it('sends only the periods of the span whose target differs from the goal’s', () => {
    expect(periodTargetsOf(monthly(), true)).toEqual([{ period: '2027-03', target: 4 }]);
    // a period left outside the span (the deadline moved in) is not sent, nor an emptied one
    expect(periodTargetsOf(monthly({ deadline: dayjs('2027-02-28'), periodTargets: { '2027-01': null, '2027-02': 3, '2027-03': 4 } }), true)).toEqual([]);
    // a one-off goal sends none, and says so to the server and the SMART check alike
    expect(periodTargetsOf(monthly({ recurrence: 'none' }), true)).toEqual([]);
    expect(updateBodyOf(monthly({ recurrence: 'none' }), false, true)).toMatchObject({ recurrence: null, periodTargets: [] });
    expect(smartBodyOf('p', undefined, monthly(), 'moderate', true)).toMatchObject({ recurrence: 'month', periodTargets: [{ period: '2027-03', target: 4 }] });
  });

  it('prefills every period with the goal’s target and lets the periods not set apart follow it', () => {
    expect(goalValuesOf(saved).periodTargets).toEqual({ '2027-01': 3, '2027-02': 3, '2027-03': 4, '2027-04': 3 });
    // the target goes from 3 to 5: March keeps its own 4, the others follow
    expect(followTarget(monthly({ target: 5 }), basis, true)).toEqual({ '2027-01': 5, '2027-02': 5, '2027-03': 4, '2027-04': 5 });
    // a longer span brings May in, with the target
    expect(followTarget(monthly({ deadline: dayjs('2027-05-31') }), basis, true)).toMatchObject({ '2027-05': 3 });
    // turned into a weekly goal, the weeks start from the target
    const weeks = followTarget(monthly({ recurrence: 'week', startsOn: dayjs('2027-01-04'), deadline: dayjs('2027-05-02'), periodTargets: {} }), basis, true);
    expect(Object.values(weeks).every((v) => v === 3)).toBe(true);
  });

  it('asks for a reason when only a period’s target changes, as the server does', () => {
    expect(changesTarget(saved, goalValuesOf(saved), true)).toBe(false);
    expect(changesTarget(saved, monthly({ periodTargets: { '2027-01': 3, '2027-02': 5, '2027-03': 4, '2027-04': 3 } }), true)).toBe(true);
    // March set back to the goal's target is a change of March's target
    expect(changesTarget(saved, monthly({ periodTargets: { '2027-01': 3, '2027-02': 3, '2027-03': 3, '2027-04': 3 } }), true)).toBe(true);
    // no longer recurring, or every quarter instead of every month: the recurrence changed
    expect(changesTarget(saved, monthly({ recurrence: 'none' }), true)).toBe(true);
    expect(changesTarget(saved, monthly({ recurrence: 'quarter' }), true)).toBe(true);
    expect(changesTarget(saved, monthly({ target: 2, periodTargets: { '2027-01': 2, '2027-02': 2, '2027-03': 4, '2027-04': 2 } }), true)).toBe(true);
  });

  it('gives a period the span cuts short its share of a count’s target, as the server does', () => {
    const march = { label: '2027-03', startsOn: '2027-03-15', endsOn: '2027-03-31' };
    expect(defaultTargetOf(march, 31, 'month', true)).toBe(17);
    expect(defaultTargetOf(march, 40_000, 'month', true)).toBe(21_935.48);
    // a level (a rate, a stock) is the same in a short period
    expect(defaultTargetOf(march, 0.3, 'month', false)).toBe(0.3);
    const late = monthly({ startsOn: dayjs('2027-01-15'), target: 31, periodTargets: {} });
    const filled = followTarget(late, { target: null, additive: true, recurrence: 'none' }, true);
    expect(filled).toEqual({ '2027-01': 17, '2027-02': 31, '2027-03': 31, '2027-04': 31 });
    // the share shown is the default: nothing is sent for it
    expect(periodTargetsOf({ ...late, periodTargets: filled }, true)).toEqual([]);
    // the target moves: the short month's share moves with it
    expect(followTarget({ ...late, target: 62, periodTargets: filled }, { target: 31, additive: true, recurrence: 'month' }, true)['2027-01']).toBe(34);
  });

  it('places the server’s errors about a period’s target on that period’s field', () => {
    const sent = [{ period: '2027-03', target: 4 }, { period: '2027-09', target: 4 }];
    expect(goalFormPath(['periodTargets', 1, 'period'], sent)).toEqual(['periodTargets', '2027-09']);
    expect(goalFormPath(['periodTargets'], sent)).toEqual(['recurrence']);
    expect(goalFormPath(['owner', 'unitId'])).toEqual(['unitId']);
    expect(goalFormPath(['target'])).toEqual(['target']);
  });
});
