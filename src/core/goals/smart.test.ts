import { describe, expect, it } from 'vitest';
import { checkGoal, checkPlan } from './smart.ts';
import type { GoalDraft, GoalIndicator, HistoryPoint, PlanDraft } from './types.ts';

const indicator = (key: string, name: string, perspective: GoalIndicator['perspective'], rollUp: GoalIndicator['rollUp'], unit: string): GoalIndicator => ({
  key,
  name,
  unit,
  direction: 'higher',
  perspective,
  rollUp,
  definitions: [`${name}的口径：统计什么、取自哪里、按什么时间计入。`],
});
const monthlySales = indicator('monthly_sales', '月销售额', 'finance', 'sum', '元');
const followers = indicator('followers', '粉丝数', 'customer', 'last', '人');
const conversion = indicator('conversion_rate', '转化率', 'customer', 'recompute', '%');
const qualityPosts = indicator('quality_posts', '高质量内容发布数', 'internal', 'sum', '条');

/** Six months, 2026-07 … 2026-12. */
const h2026 = (values: number[]): HistoryPoint[] => values.map((value, i) => ({ period: `2026-${String(i + 7).padStart(2, '0')}`, value }));

/** The seed's case: 月度销售额增长20% / 粉丝数量达到5万 / 用户转化率提升15% / 每月发布3条高质量内容. */
const weishang: PlanDraft = {
  name: '微商启动计划',
  startsOn: '2027-01-01',
  endsOn: '2027-12-31',
  reviewCadence: 'monthly',
  goals: [
    { key: 'g1', statement: '月度销售额增长20%', indicator: monthlySales, baseline: 500_000, target: 600_000, startsOn: '2027-01-01', deadline: '2027-06-30', source: 'annual_plan', history: h2026([440_000, 455_000, 470_000, 480_000, 495_000, 500_000]) },
    { key: 'g2', statement: '粉丝数量达到5万', indicator: followers, baseline: 20_000, target: 50_000, startsOn: '2027-01-01', deadline: '2027-12-31', source: 'strategy', history: h2026([12_000, 13_500, 15_000, 16_800, 18_500, 20_000]) },
    { key: 'g3', statement: '用户转化率提升15%', indicator: conversion, baseline: 0.04, target: 0.046, startsOn: '2027-01-01', deadline: '2027-09-30', source: 'parent', parent: 'g1', history: h2026([0.036, 0.038, 0.037, 0.039, 0.04, 0.041]) },
    { key: 'g4', statement: '每月发布3条高质量内容', indicator: qualityPosts, baseline: 1, target: 3, startsOn: '2027-01-01', deadline: '2027-03-31', source: 'business_process', history: h2026([1, 0, 2, 1, 1, 2]) },
  ],
};
const good = weishang.goals[0];
const codes = (goal: GoalDraft, options?: Parameters<typeof checkGoal>[1]) => checkGoal(goal, options).map((m) => `${m.letter} ${m.code}`);

describe('checkGoal', () => {
  it('passes the seed’s four 微商 goals', () => {
    for (const goal of weishang.goals) expect(checkGoal(goal, { planRange: { startsOn: '2027-01-01', endsOn: '2027-12-31' } })).toEqual([]);
  });

  it('gives at most one message per letter, in S M A R T order', () => {
    expect(codes({ statement: '提升品牌知名度' })).toEqual(['S smart.vague', 'M smart.no_indicator', 'R smart.no_source', 'T smart.no_deadline']);
  });

  describe('S — Specific', () => {
    it('fails a vague statement, suggesting a concrete form from the seed', () => {
      const [m] = checkGoal({ ...good, statement: '提升品牌知名度' });
      expect(m).toMatchObject({ letter: 'S', code: 'smart.vague', path: ['statement'], params: { statement: '提升品牌知名度' } });
      expect(m.message['zh-CN']).toContain('月度曝光量达到50万次');
      expect(m.message.en).toContain('improve brand awareness');
      expect(codes({ ...good, statement: 'improve brand awareness' })).toEqual(['S smart.vague']);
    });

    it('fails an empty statement, and passes one that names its indicator', () => {
      expect(codes({ ...good, statement: '   ' })).toEqual(['S smart.statement_missing']);
      expect(codes({ ...good, statement: '提升月销售额' })).toEqual([]);
      expect(codes({ ...good, statement: '销售额突破一千万元', history: [] })).toEqual([]);
    });
  });

  describe('M — Measurable', () => {
    it('needs an indicator, every data definition, and a target', () => {
      expect(codes({ ...good, indicator: null })).toEqual(['M smart.no_indicator']);
      expect(codes({ ...good, indicator: { ...monthlySales, definitions: ['已支付订单金额', ' '] } })).toEqual(['M smart.no_definition']);
      expect(codes({ ...good, indicator: { ...monthlySales, definitions: [] } })).toEqual(['M smart.no_definition']);
      expect(codes({ ...good, target: null })).toEqual(['M smart.no_target']);
      expect(checkGoal({ ...good, target: undefined })[0].message['zh-CN']).toContain('没有刻度的钟表无法计时');
    });
  });

  describe('A — Attainable', () => {
    const tenMillion: GoalDraft = { ...good, statement: '3个月内销售额突破1000万元', baseline: null, target: 10_000_000, deadline: '2027-03-31', history: h2026([480_000, 500_000, 520_000, 490_000, 540_000, 560_000]) };

    it('flags the seed’s 1000 万 in 3 months against 50 万 a month, with the numbers', () => {
      const [m] = checkGoal(tenMillion);
      expect(m).toMatchObject({ letter: 'A', code: 'smart.too_high', path: ['target'], params: { periods: 3, target: '10,000,000' } });
      expect(m.params.implied).toBeCloseTo((10_000_000 / 510_000) ** (1 / 3) - 1, 9);
      expect(m.message['zh-CN']).toContain('3 个月里每月增长 169.7%');
      expect(m.message['zh-CN']).toContain('历史上单期最大增幅只有 10.2%');
      expect(m.message['zh-CN']).toContain('稳健目标约为');
      expect(m.message.en).toContain('growth of 169.7% a month for 3 months');
    });

    it('counts the months from the last history point, or from the start when the labels are not months', () => {
      // six months to 2027-06 instead of three: 2.7× a month is still far too much
      expect(codes({ ...tenMillion, deadline: '2027-06-30' })).toEqual(['A smart.too_high']);
      const quarters = tenMillion.history!.map((p, i) => ({ ...p, period: `Q${i}` }));
      expect(codes({ ...tenMillion, history: quarters, startsOn: '2026-12-01' })).toEqual(['A smart.too_high']);
    });

    it('reads an additive goal counted up from 0 as a total over its months', () => {
      // a year's sales of 6.6 million from 0 is 550,000 a month: in line with the history
      const year = { ...tenMillion, statement: '全年销售额达到 660 万元', baseline: 0, target: 6_600_000, startsOn: '2027-01-01', deadline: '2027-12-31' };
      expect(codes(year)).toEqual([]);
      // read as one month's value it would be far too high
      expect(codes({ ...year, baseline: null })).toEqual(['A smart.too_high']);
      // 10 million over 3 months from 0 is still 3.3 million a month
      expect(codes({ ...tenMillion, baseline: 0, startsOn: '2027-01-01' })).toEqual(['A smart.too_high']);
    });

    it('says nothing without enough history, an indicator, a target or a deadline', () => {
      expect(codes({ ...tenMillion, history: [] })).toEqual([]);
      expect(codes({ ...tenMillion, history: tenMillion.history!.slice(0, 2) })).toEqual([]);
      expect(codes({ ...tenMillion, indicator: null })).toEqual(['M smart.no_indicator']);
      expect(codes({ ...tenMillion, deadline: null })).toEqual(['T smart.no_deadline']);
    });

    it('judges a lower-is-better goal by its decline', () => {
      const defects = { ...monthlySales, name: '成品检验不良率', direction: 'lower' as const };
      const goal: GoalDraft = { ...good, statement: '不良率降到0.5%', indicator: defects, baseline: 0.05, target: 0.005, deadline: '2027-02-28', history: h2026([0.052, 0.05, 0.049, 0.051, 0.05, 0.05]) };
      const [m] = checkGoal(goal);
      expect(m.code).toBe('smart.too_high');
      expect(m.message['zh-CN']).toContain('每月下降');
    });
  });

  describe('R — Relevant', () => {
    it('needs a source, and a parent when the source is a parent goal', () => {
      expect(codes({ ...good, source: null })).toEqual(['R smart.no_source']);
      expect(checkGoal({ ...good, source: undefined })[0].message['zh-CN']).toContain('没有出处的指标是无效的');
      expect(codes({ ...good, source: 'parent' })).toEqual(['R smart.no_parent']);
      expect(codes({ ...good, source: 'parent', parent: 'g0' })).toEqual([]);
    });
  });

  describe('T — Time-bound', () => {
    const planRange = { startsOn: '2027-01-01', endsOn: '2027-12-31' };
    it('needs a valid deadline after the start, inside the plan', () => {
      expect(codes({ ...good, deadline: '' })).toEqual(['T smart.no_deadline']);
      expect(codes({ ...good, deadline: '2027-02-30' })).toEqual(['T smart.deadline_invalid']);
      expect(codes({ ...good, deadline: '2027-01-01', history: [] })).toEqual(['T smart.deadline_before_start']);
      expect(codes({ ...good, deadline: '2028-01-31' }, { planRange })).toEqual(['T smart.deadline_outside_plan']);
      expect(codes({ ...good, startsOn: null, deadline: '2026-12-31', history: [] }, { planRange })).toEqual(['T smart.deadline_outside_plan']);
      expect(codes({ ...good, deadline: '2027-12-31' }, { planRange })).toEqual([]);
    });
  });
});

describe('checkPlan', () => {
  it('passes the seed’s 微商 plan clean', () => {
    const report = checkPlan(weishang);
    expect(report).toEqual({ ok: true, goals: weishang.goals.map((g) => ({ key: g.key, messages: [] })), pitfalls: [] });
  });

  it('flags the four pitfalls, naming the goals', () => {
    const report = checkPlan({
      ...weishang,
      reviewCadence: null,
      goals: [
        { ...good, key: 'brand', statement: '提升品牌知名度' },
        { ...good, key: 'big', statement: '3个月内销售额突破1000万元', baseline: null, target: 10_000_000, deadline: '2027-03-31', history: h2026([480_000, 500_000, 520_000, 490_000, 540_000, 560_000]) },
        weishang.goals[3],
      ],
    });
    expect(report.ok).toBe(false);
    expect(report.pitfalls.map((p) => [p.pitfall, p.goals])).toEqual([
      ['vague_goal', ['brand']],
      ['no_customer_indicator', []],
      ['target_too_high', ['big']],
      ['no_review_cadence', []],
    ]);
    expect(report.pitfalls[1].message['zh-CN']).toContain('忽视用户需求');
    expect(report.pitfalls[3].message['zh-CN']).toContain('缺乏动态调整');
    expect(report.goals.map((g) => g.messages.map((m) => m.code))).toEqual([['smart.vague'], ['smart.too_high'], []]);
  });

  it('is not ok when only a goal message fails (no pitfall)', () => {
    const report = checkPlan({ ...weishang, goals: [...weishang.goals, { ...good, key: 'g5', source: null }] });
    expect(report.pitfalls).toEqual([]);
    expect(report.ok).toBe(false);
  });
});
