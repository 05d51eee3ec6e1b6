import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgedTargets } from './judged-targets.ts';
import { checkGoal } from './smart.ts';
import { suggestTarget, targetTooHigh } from './suggest-target.ts';
import { targetTooLow } from './target-too-low.ts';
import type { GoalIndicator, HistoryPoint } from './types.ts';

const months = (values: number[]): HistoryPoint[] => values.map((value, i) => ({ period: `2026-${String(i + 1).padStart(2, '0')}`, value }));
const steady = months([36_000, 37_000, 38_000, 36_000, 37_000, 38_000]);
const sales: GoalIndicator = { key: 'sales_amount', name: '销售额', unit: '元', direction: 'higher', perspective: 'finance', rollUp: 'sum', definitions: ['已完成订单的实付金额之和'] };

describe('targetTooLow', () => {
  it('flags a target far below what is already reached (1,000 against ~37,000 a month)', () => {
    const r = targetTooLow(steady, { target: 1000, periodsAhead: 3, direction: 'higher' })!;
    expect(r).toMatchObject({ tooLow: true, limit: 37_000, recentLevel: 37_000, conservative: 38_300, moderate: 42_000 });
    expect(targetTooLow(steady, { target: 37_000, periodsAhead: 3, direction: 'higher' })!.tooLow).toBe(false);
  });

  it('says nothing on fewer than 3 points', () => {
    expect(targetTooLow(steady.slice(0, 2), { target: 1, periodsAhead: 3, direction: 'higher' })).toBeNull();
  });

  it('is mirrored for lower-is-better: a turnover target above the recent level is not challenging', () => {
    const turnover = months([0.08, 0.075, 0.07, 0.068, 0.066, 0.065]);
    expect(targetTooLow(turnover, { target: 0.09, periodsAhead: 6, direction: 'lower' })!.tooLow).toBe(true);
    expect(targetTooLow(turnover, { target: 0.05, periodsAhead: 6, direction: 'lower' })!.tooLow).toBe(false);
  });

  it('in the SMART check: an A message saying what a challenging target would be, in both languages', () => {
    const [m] = checkGoal({ statement: '月销售额达到1000元', indicator: sales, baseline: 36_000, target: 1000, startsOn: '2026-07-01', deadline: '2026-09-30', source: 'strategy', history: steady });
    expect(m).toMatchObject({ letter: 'A', code: 'smart.too_low', path: ['target'], params: { target: '1,000', suggested: '42,000' } });
    expect(m.message['zh-CN']).toContain('缺乏挑战性');
    expect(m.message['zh-CN']).toContain('42,000');
    expect(m.message.en).toContain('not challenging');
  });
});

const history = fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 3, maxLength: 12 }).map((values) => months(values.slice(0, 12)));
const direction = fc.constantFrom('higher' as const, 'lower' as const);
const ahead = fc.integer({ min: 1, max: 24 });
const target = fc.integer({ min: 0, max: 5_000_000 });
const baseline = fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null });

describe('too low and too high (properties)', () => {
  it('never fire together', () => {
    fc.assert(
      fc.property(history, direction, ahead, target, baseline, (h, dir, k, t, b) => {
        const options = { target: t, baseline: b, periodsAhead: k, direction: dir };
        expect(targetTooLow(h, options)?.tooLow && targetTooHigh(h, options)?.tooHigh).toBeFalsy();
      }),
    );
  });

  it('are monotone: a less ambitious target stays too low, a more ambitious one stays too high', () => {
    fc.assert(
      fc.property(history, direction, ahead, target, target, baseline, (h, dir, k, t1, t2, b) => {
        const [easier, harder] = dir === 'higher' ? [Math.min(t1, t2), Math.max(t1, t2)] : [Math.max(t1, t2), Math.min(t1, t2)];
        const judge = (t: number) => ({ low: !!targetTooLow(h, { target: t, baseline: b, periodsAhead: k, direction: dir })?.tooLow, high: !!targetTooHigh(h, { target: t, baseline: b, periodsAhead: k, direction: dir })?.tooHigh });
        if (judge(harder).low) expect(judge(easier).low).toBe(true);
        if (judge(easier).high) expect(judge(harder).high).toBe(true);
      }),
    );
  });

  it('no suggested ambition is ever too low, in whatever units the target is (a week, a quarter, a year’s total)', () => {
    const scale = fc.constantFrom(1, 7 / 30.436875, 3, 12, (7 / 30.436875) * (3 / 7), 17 / 31);
    fc.assert(
      fc.property(history, direction, ahead, baseline, scale, (h, dir, k, b, s) => {
        const suggestion = suggestTarget(h, { periodsAhead: k, direction: dir, monthsPerTarget: s })!;
        for (const t of Object.values(suggestion.byAmbition)) expect(targetTooLow(h, { target: t, baseline: b, periodsAhead: k, direction: dir, monthsPerTarget: s })?.tooLow).toBe(false);
      }),
    );
  });

  it('the SMART check never calls the suggestion the form offers too low (weekly, quarterly, counted up from 0)', () => {
    const indicator = { ...sales, direction: 'higher' as const };
    const goal = fc.record({ recurrence: fc.constantFrom(null, 'week' as const, 'month' as const, 'quarter' as const), startDay: fc.integer({ min: 1, max: 28 }), baseline: fc.constantFrom(0, null) });
    fc.assert(
      fc.property(history, goal, (h, g) => {
        const draft = { statement: '销售额', indicator, baseline: g.baseline, startsOn: `2027-01-${String(g.startDay).padStart(2, '0')}`, deadline: '2027-12-31', source: 'strategy' as const, history: h.map((p, i) => ({ ...p, period: `2026-${String(i + 1).padStart(2, '0')}` })), recurrence: g.recurrence };
        const [near] = judgedTargets({ ...draft, target: 1 }, '2027-12-31', 2026 * 12 + h.length - 1);
        const suggestion = suggestTarget(draft.history, { periodsAhead: near.periodsAhead, direction: 'higher', monthsPerTarget: near.scale })!;
        for (const t of Object.values(suggestion.byAmbition)) expect(checkGoal({ ...draft, target: t }).filter((m) => m.code === 'smart.too_low')).toEqual([]);
      }),
    );
  });
});
