/**
 * The demo workspace's sales team appraisal (domain.md §3, §6): the monthly scorecard of the
 * sales representatives, with the seed's 新大客户开发数量 tiers, a 销售额 veto, a
 * lower-is-better indicator, two formula indicators (成品周转率, 应收账款回收率) and a manual
 * competency, each with its source (出处) and data owner; October 2026 closed, November 2026
 * open and half entered. Pure data, no I/O.
 */
import type { Scorecard } from '../../../core/scoring/types.ts';

export const DEMO_TEMPLATE_NAME = '销售代表月度考核表';
export const DEMO_TEMPLATE_POSITION = '销售代表';

export const demoSalesCard: Scorecard = {
  indicators: [
    {
      key: '销售额',
      name: '销售额',
      purpose: '完成公司分解到个人的月度销售额（已收款、不含税），是销售代表的首要结果。',
      unit: '元',
      direction: 'higher',
      weight: 30,
      target: 500_000,
      rule: { type: 'proportional' },
      cap: 1.2,
      // the seed: below 80 % of the sales target the whole total is halved
      veto: { below: 0.8, effect: { multiply: 0.5 } },
      source: { kind: 'budget', reference: '2026 年度收入预算，按月分解到每位销售代表（见年度目标表）' },
      dataOwner: { kind: 'position', name: '区域销售经理' },
    },
    {
      key: '新大客户开发数量',
      name: '新大客户开发数量',
      purpose: '开发年采购额 50 万元以上的新客户，为明年的销售额打基础。',
      unit: '个',
      direction: 'higher',
      weight: 20,
      target: 5,
      // the seed: ≥ 80 % → ×1.1, above 100 % → ×1.3 (the top tier is also the cap), below 80 % proportional
      rule: { type: 'tiers', tiers: [{ atLeast: 0.8, multiplier: 1.1 }, { above: 1, multiplier: 1.3 }], below: 'proportional' },
      source: { kind: 'strategy', reference: '公司战略：开发年采购额 50 万元以上的大客户，降低对少数老客户的依赖' },
      dataOwner: { kind: 'position', name: '区域销售经理' },
    },
    {
      key: '应收账款回收率',
      name: '应收账款回收率',
      purpose: '督促及时回款，防止以压货、放账换销售额（销售额的制衡指标）。',
      unit: '%',
      direction: 'higher',
      formula: '当期回款金额/(期初应收账款余额+当期新增应收账款)×100%',
      weight: 15,
      target: 0.9,
      rule: { type: 'linear', points: [[0.7, 0], [0.9, 1], [1, 1.1]] },
      source: { kind: 'business_process', reference: '订单到回款流程：开票、催收、到账（销售额的制衡指标）' },
      dataOwner: { kind: 'person', name: '王建国' },
    },
    {
      key: '成品周转率',
      name: '成品周转率',
      purpose: '控制所负责客户的成品库存周转，减少压货和积压。',
      unit: '次',
      direction: 'higher',
      formula: '销售成本÷((期初库存余额+期末库存余额)/2)',
      weight: 10,
      target: 4,
      rule: { type: 'proportional' },
      cap: 1.2,
      source: { kind: 'annual_plan', reference: '2026 年度经营计划：成品库存周转不低于 4 次' },
      dataOwner: { kind: 'position', name: '销售总监' },
    },
    {
      key: '平均回款天数',
      name: '平均回款天数',
      purpose: '从开票到收款的平均天数，越短越好：资金回笼快，坏账风险低。',
      unit: '天',
      direction: 'lower',
      achievement: 'mirror',
      weight: 10,
      target: 45,
      rule: { type: 'proportional' },
      cap: 1.2,
      source: { kind: 'business_process', reference: '订单到回款流程：从开票到收款的天数' },
      dataOwner: { kind: 'person', name: '王建国' },
    },
    {
      key: '完成销售的能力',
      name: '完成销售的能力',
      purpose: '盖洛普研究的四项销售素质之一：推动客户做出购买决定、拿下订单的能力，由直属经理评分。',
      direction: 'higher',
      weight: 15,
      rule: { type: 'manual', scale: [1, 5] },
      // rated by the direct manager, who is therefore the one supplying it
      source: { kind: 'job_duties', reference: '销售代表岗位职责：推动客户决策、拿下订单' },
      dataOwner: { kind: 'position', name: '区域销售经理' },
    },
  ],
  grades: [
    { min: 95, grade: 'S' },
    { min: 85, grade: 'A' },
    { min: 70, grade: 'B' },
    { min: 60, grade: 'C' },
    { min: 0, grade: 'D' },
  ],
  maxTotal: 120,
};

/** S at most 30 %, A at most 40 % of the team (checked at calibration; a team of 7 allows 2 of each). */
export const demoForcedDistribution = [
  { grade: 'S', maxShare: 0.3 },
  { grade: 'A', maxShare: 0.4 },
];

/** Per-person targets of the year grid (销售额), by person key: seniors carry more. */
export const demoSalesTargets: Record<string, number> = { wu: 600_000, huang: 600_000, cao: 400_000, ma: 400_000 };

type Month = {
  销售额: number;
  新大客户开发数量: number;
  当期回款金额: number;
  期初应收账款余额: number;
  当期新增应收账款: number;
  销售成本: number;
  期初库存余额: number;
  期末库存余额: number;
  平均回款天数: number;
  /** The manager's rating of 完成销售的能力 (and the person's own, when they gave one). */
  rating: number;
  selfRating?: number;
};

/** October 2026, closed: every value in. 郑浩然 reaches 70 % of his sales target, so his total is halved (the seed's veto). */
export const demoOctober: Record<string, Month> = {
  wu: { 销售额: 648_000, 新大客户开发数量: 6, 当期回款金额: 610_000, 期初应收账款余额: 180_000, 当期新增应收账款: 500_000, 销售成本: 900_000, 期初库存余额: 200_000, 期末库存余额: 250_000, 平均回款天数: 38, rating: 4, selfRating: 5 },
  zheng: { 销售额: 350_000, 新大客户开发数量: 4, 当期回款金额: 300_000, 期初应收账款余额: 150_000, 当期新增应收账款: 280_000, 销售成本: 520_000, 期初库存余额: 160_000, 期末库存余额: 180_000, 平均回款天数: 52, rating: 3, selfRating: 4 },
  feng: { 销售额: 512_000, 新大客户开发数量: 5, 当期回款金额: 400_000, 期初应收账款余额: 120_000, 当期新增应收账款: 410_000, 销售成本: 700_000, 期初库存余额: 170_000, 期末库存余额: 190_000, 平均回款天数: 44, rating: 3, selfRating: 4 },
  cao: { 销售额: 336_000, 新大客户开发数量: 2, 当期回款金额: 250_000, 期初应收账款余额: 90_000, 当期新增应收账款: 270_000, 销售成本: 430_000, 期初库存余额: 120_000, 期末库存余额: 130_000, 平均回款天数: 47, rating: 3, selfRating: 3 },
  huang: { 销售额: 702_000, 新大客户开发数量: 5, 当期回款金额: 560_000, 期初应收账款余额: 210_000, 当期新增应收账款: 560_000, 销售成本: 980_000, 期初库存余额: 240_000, 期末库存余额: 220_000, 平均回款天数: 41, rating: 5, selfRating: 5 },
  zhu: { 销售额: 455_000, 新大客户开发数量: 3, 当期回款金额: 390_000, 期初应收账款余额: 140_000, 当期新增应收账款: 360_000, 销售成本: 610_000, 期初库存余额: 150_000, 期末库存余额: 170_000, 平均回款天数: 49, rating: 3 },
  ma: { 销售额: 428_000, 新大客户开发数量: 3, 当期回款金额: 330_000, 期初应收账款余额: 80_000, 当期新增应收账款: 340_000, 销售成本: 560_000, 期初库存余额: 140_000, 期末库存余额: 150_000, 平均回款天数: 43, rating: 3, selfRating: 4 },
};

/** November 2026, open: some representatives fully entered, some half, one not yet. */
export const demoNovember: Record<string, Partial<Month>> = {
  wu: { 销售额: 531_000, 新大客户开发数量: 4, 当期回款金额: 520_000, 期初应收账款余额: 180_000, 当期新增应收账款: 430_000, 销售成本: 760_000, 期初库存余额: 250_000, 期末库存余额: 230_000, 平均回款天数: 40, selfRating: 4 },
  zheng: { 销售额: 478_000, 新大客户开发数量: 5, 当期回款金额: 400_000, 期初应收账款余额: 130_000, 当期新增应收账款: 380_000, 销售成本: 640_000, 期初库存余额: 180_000, 期末库存余额: 170_000, 平均回款天数: 46, rating: 4 },
  feng: { 销售额: 389_000, 新大客户开发数量: 3, 平均回款天数: 45 },
  huang: { 销售额: 615_000, 新大客户开发数量: 6, 当期回款金额: 540_000, 期初应收账款余额: 210_000, 当期新增应收账款: 500_000, 销售成本: 900_000, 期初库存余额: 220_000, 期末库存余额: 230_000, 平均回款天数: 39, rating: 5 },
  zhu: { 销售额: 466_000, 新大客户开发数量: 4 },
  ma: { 销售额: 402_000 },
};
