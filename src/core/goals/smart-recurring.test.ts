import { describe, expect, it } from 'vitest';
import { checkGoal, checkPlan } from './smart.ts';
import type { GoalDraft, GoalIndicator, HistoryPoint } from './types.ts';

const posts: GoalIndicator = { key: 'content_published', name: '内容发布数', unit: '条', direction: 'higher', perspective: 'internal', rollUp: 'sum', definitions: ['当月发布的原创内容条数'] };
const months = (values: number[]): HistoryPoint[] => values.map((value, i) => ({ period: `2026-${String(i + 7).padStart(2, '0')}`, value }));
const planRange = { startsOn: '2027-01-01', endsOn: '2027-12-31' };
/** 每月发布 3 条高质量内容, recurring monthly through the plan. */
const monthly: GoalDraft = { statement: '每月发布3条高质量内容', indicator: posts, baseline: 1, target: 3, startsOn: '2027-01-01', deadline: null, source: 'annual_plan', recurrence: 'month', history: months([2, 2, 3, 2, 3, 3]) };
const codes = (goal: GoalDraft) => checkGoal(goal, { planRange }).map((m) => `${m.letter} ${m.code}`);

describe('SMART check of a recurring goal', () => {
  it('is time-bound by its recurrence: no deadline of its own runs to the plan’s end', () => {
    expect(codes(monthly)).toEqual([]);
    expect(checkGoal({ ...monthly, recurrence: null }, { planRange }).map((m) => m.code)).toEqual(['smart.no_deadline']);
  });

  it('compares each period’s target with the monthly history, a week’s count scaled to a month', () => {
    expect(codes({ ...monthly, periodTargets: { '2027-06': 200 } })[0]).toBe('A smart.too_high');
    expect(checkGoal({ ...monthly, periodTargets: { '2027-06': 200 } }, { planRange })[0].params.period).toBe('2027-06');
    // 3 a week is about 13 a month: far above 2–3
    expect(codes({ ...monthly, recurrence: 'week', target: 3 })).toEqual(['A smart.too_high']);
    // 1 a quarter is a third of a post a month, against about 3 now: too low
    expect(codes({ ...monthly, recurrence: 'quarter', target: 1 })).toEqual(['A smart.too_low']);
    expect(codes({ ...monthly, recurrence: 'quarter', target: 9 })).toEqual([]);
  });
});

describe('Attainable of a goal whose deadline the history has reached', () => {
  it('says nothing: the goal is past judging', () => {
    const oneOff = { ...monthly, recurrence: null, deadline: '2026-11-30', startsOn: '2026-07-01', target: 40 };
    expect(codes(oneOff)).toEqual(['T smart.deadline_outside_plan']);
    expect(checkGoal(oneOff).map((m) => m.code)).toEqual([]);
  });
});

describe('checkPlan: targets too low, and targets changed back and forth', () => {
  const plan = (goals: (GoalDraft & { key: string })[]) => checkPlan({ name: 'p', startsOn: '2027-01-01', endsOn: '2027-12-31', reviewCadence: 'monthly', goals });
  it('names the goals whose target is too low', () => {
    const report = plan([{ ...monthly, key: 'g1', indicator: { ...posts, perspective: 'customer' }, target: 1 }]);
    expect(report.pitfalls.map((p) => [p.pitfall, p.goals])).toEqual([['target_too_low', ['g1']]]);
    expect(report.pitfalls[0].message['zh-CN']).toContain('目标设定过低');
  });

  it('warns on a target changed two or more times in one plan (不能朝令夕改)', () => {
    const customer = { ...monthly, indicator: { ...posts, perspective: 'customer' as const } };
    expect(plan([{ ...customer, key: 'g1', targetChangeCount: 1 }]).pitfalls).toEqual([]);
    const report = plan([{ ...customer, key: 'g1', targetChangeCount: 2 }, { ...customer, key: 'g2', targetChangeCount: 3 }]);
    expect(report.ok).toBe(false);
    expect(report.pitfalls.map((p) => [p.pitfall, p.goals])).toEqual([['target_churn', ['g1', 'g2']]]);
    expect(report.pitfalls[0].message['zh-CN']).toContain('朝令夕改');
    expect(report.pitfalls[0].message.en).toContain('changed two or more times');
  });
});
