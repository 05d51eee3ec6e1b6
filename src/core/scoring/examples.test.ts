/**
 * Every worked example of domain.md §3 (the seed's), to 1e-9.
 */
import { describe, expect, it } from 'vitest';
import { checkScorecardDesign } from './design.ts';
import { scoreScorecard } from './score.ts';
import type { Indicator, Scorecard } from './types.ts';

const newKeyAccounts: Indicator = {
  key: '新大客户开发数量',
  name: '新大客户开发数量',
  purpose: '开拓新的大客户',
  weight: 20,
  target: 20,
  rule: {
    type: 'tiers',
    tiers: [
      { atLeast: 0.8, multiplier: 1.1 },
      { above: 1.0, multiplier: 1.3 },
    ],
    below: 'proportional',
  },
};

/** The 20-point indicator on a scorecard whose other 80 points score a fixed 0. */
function pointsOfNewKeyAccounts(actual: number): number | null {
  const card: Scorecard = { indicators: [newKeyAccounts, { key: 'other', weight: 80, target: 1 }] };
  return scoreScorecard(card, { actuals: { 新大客户开发数量: actual, other: 0 } }).indicators[0].points;
}

describe('(seed) 新大客户开发数量: 20 points, tiers atLeast 0.8 → ×1.1, above 1.0 → ×1.3, below proportional', () => {
  it.each([
    [17, 0.85, 22],
    [20, 1.0, 22],
    [21, 1.05, 26],
    [10, 0.5, 10],
  ])('actual %d of 20 (r = %d) scores %d points', (actual, r, points) => {
    expect(actual / 20).toBeCloseTo(r, 12);
    expect(pointsOfNewKeyAccounts(actual)).toBeCloseTo(points, 9);
  });

  it('the top tier is also the cap (封顶): r = 3 still scores 26', () => {
    expect(pointsOfNewKeyAccounts(60)).toBeCloseTo(26, 9);
  });

  it('explains which tier matched', () => {
    const card: Scorecard = { indicators: [newKeyAccounts, { key: 'other', weight: 80, target: 1 }] };
    const [ind] = scoreScorecard(card, { actuals: { 新大客户开发数量: 21, other: 1 } }).indicators;
    expect(ind.match).toEqual({ kind: 'tier', index: 1, bound: 'above', threshold: 1, multiplier: 1.3 });
    const [low] = scoreScorecard(card, { actuals: { 新大客户开发数量: 10, other: 1 } }).indicators;
    expect(low.match).toEqual({ kind: 'below_tiers', below: 'proportional', firstThreshold: 0.8 });
  });
});

/** The seed's sales rep: four indicators, 销售额 weight 30 is a veto indicator. */
function salesRep(effect: 'zero' | { multiply: number }): Scorecard {
  return {
    indicators: [
      { key: '销售额', weight: 30, target: 1_000_000, veto: { below: 0.8, effect } },
      { key: '应收账款回收率', weight: 30, target: 0.95 },
      { key: '新客户数', weight: 20, target: 10 },
      { key: '客户满意度', weight: 20, target: 90 },
    ],
  };
}
const othersAtTarget = { 应收账款回收率: 0.95, 新客户数: 10, 客户满意度: 90 };

describe('(seed) 销售额 weight 30 with veto r < 0.8', () => {
  it('at 70 % of the sales target the whole total is halved (×0.5)', () => {
    const result = scoreScorecard(salesRep({ multiply: 0.5 }), { actuals: { 销售额: 700_000, ...othersAtTarget } });
    expect(result.status).toBe('complete');
    expect(result.subtotal).toBeCloseTo(30 * 0.7 + 30 + 20 + 20, 9); // 91
    expect(result.total).toBeCloseTo(45.5, 9);
    expect(result.vetoes).toEqual([{ key: '销售额', threshold: 0.8, achievement: 0.7, effect: { multiply: 0.5 }, bit: true }]);
    expect(result.indicators[0].vetoTriggered).toBe(true);
  });

  it('at 70 % with the veto "计零" the total is 0, whatever the others score', () => {
    const result = scoreScorecard(salesRep('zero'), { actuals: { 销售额: 700_000, 应收账款回收率: 1.2, 新客户数: 30, 客户满意度: 100 } });
    expect(result.subtotal).toBeGreaterThan(0);
    expect(result.total).toBe(0);
  });

  it('at exactly 80 % the veto does not trigger', () => {
    const result = scoreScorecard(salesRep('zero'), { actuals: { 销售额: 800_000, ...othersAtTarget } });
    expect(result.vetoes).toEqual([]);
    expect(result.total).toBeCloseTo(94, 9);
  });
});

describe('(seed) design warnings', () => {
  it('销售额 at 80 % of the weight dominates: suggests a cap and 应收账款回收率', () => {
    const card: Scorecard = {
      indicators: [
        { key: '销售额', weight: 80, target: 1_000_000, purpose: '收入' },
        { key: '应收账款回收', weight: 10, target: 0.95, purpose: '回款', cap: 1 },
        { key: '新客户数', weight: 5, target: 10, purpose: '开拓', cap: 1.2 },
        { key: '客户满意度', weight: 5, target: 90, purpose: '客户', cap: 1.1 },
      ],
    };
    const warnings = checkScorecardDesign(card).filter((w) => w.code === 'design.dominant');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', indicatorKey: '销售额' });
    expect(warnings[0].message['zh-CN']).toContain('80%');
    expect(warnings[0].message['zh-CN']).toContain('应收账款回收率');
    expect(warnings[0].message['zh-CN']).toContain('上限');
    expect(warnings[0].message.en).toContain('cap');
  });

  it('more than 7 indicators draw a warning; 7 do not', () => {
    const card = (n: number): Scorecard => ({
      indicators: Array.from({ length: n }, (_, i) => ({ key: `k${i}`, weight: 100 / n, target: 1, purpose: 'p', cap: 1.2 })),
    });
    expect(checkScorecardDesign(card(8)).map((w) => w.code)).toContain('design.too_many');
    expect(checkScorecardDesign(card(7)).map((w) => w.code)).not.toContain('design.too_many');
  });
});
