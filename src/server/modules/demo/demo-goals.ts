/**
 * The demo workspace's goals (domain.md §1): one year's marketing and sales plan cascading from
 * the company to 销售部/市场部/人力资源部, their groups and people, with a pace per goal so the
 * check-ins give every status. Pure data; dates are placed around "today" by the seed.
 */
export type DemoGoalOwner = { kind: 'company' } | { kind: 'unit'; unit: string } | { kind: 'person'; person: string };

export type DemoGoal = {
  key: string;
  parent?: string;
  owner: DemoGoalOwner;
  statement: string;
  /** A built-in indicator key. */
  indicator: string;
  baseline: number;
  target: number;
  /** 'cumulative' values grow through the year (sales to date); 'level' ones are a month's value or a stock. */
  shape: 'cumulative' | 'level';
  /** Progress per unit of time passed: 1 keeps pace; below 0.75 falls off track; above 1 gets there early. */
  pace: number;
  source: 'parent' | 'strategy' | 'annual_plan' | 'budget' | 'job_duties' | 'business_process';
  phase: 0 | 1 | 2 | null;
  /** Check-ins taken from the data (the 微商 demo's imported files) instead of paced ones. */
  fromData?: { on: string; value: number }[];
  /** A recurring goal ("每月发布 3 条"): its target is each month's, its check-ins each month's value (to date). */
  recurrence?: 'month';
  /** A recurring goal's own targets for some months, by their offset from the plan's first month. */
  monthTargets?: Record<number, number>;
};

const sales = (key: string, parent: string, owner: DemoGoalOwner, who: string, wan: number, pace: number): DemoGoal => ({
  key,
  parent,
  owner,
  statement: `${who}全年销售额达到 ${wan} 万元`,
  indicator: 'sales_amount',
  baseline: 0,
  target: wan * 10_000,
  shape: 'cumulative',
  pace,
  source: 'parent',
  phase: null,
});

export const demoGoals: DemoGoal[] = [
  { key: 'c-sales', owner: { kind: 'company' }, statement: '全年销售额达到 1,200 万元', indicator: 'sales_amount', baseline: 0, target: 12_000_000, shape: 'cumulative', pace: 0.93, source: 'strategy', phase: null },
  { key: 'c-fans', owner: { kind: 'company' }, statement: '公众号粉丝数从 1.8 万增长到 5 万', indicator: 'followers', baseline: 18_000, target: 50_000, shape: 'level', pace: 0.86, source: 'strategy', phase: null },
  { key: 'c-csat', owner: { kind: 'company' }, statement: '客户满意度达到 90%', indicator: 'customer_satisfaction', baseline: 0.82, target: 0.9, shape: 'level', pace: 0.7, source: 'annual_plan', phase: 2 },
  { key: 'c-content', owner: { kind: 'company' }, statement: '每月发布 12 篇高质量内容', indicator: 'content_published', baseline: 6, target: 12, shape: 'level', pace: 1.05, source: 'business_process', phase: 0, recurrence: 'month' },
  { key: 'c-turnover', owner: { kind: 'company' }, statement: '员工流失率控制在 8% 以内', indicator: 'staff_turnover_rate', baseline: 0.14, target: 0.08, shape: 'level', pace: 0.9, source: 'annual_plan', phase: null },

  sales('u-sales', 'c-sales', { kind: 'unit', unit: 'sales' }, '销售部', 1_100, 0.93),
  sales('u-east', 'u-sales', { kind: 'unit', unit: 'east' }, '华东区', 600, 0.98),
  sales('u-south', 'u-sales', { kind: 'unit', unit: 'south' }, '华南区', 450, 0.84),
  sales('p-wu', 'u-east', { kind: 'person', person: 'wu' }, '吴婷', 160, 1.12),
  sales('p-zheng', 'u-east', { kind: 'person', person: 'zheng' }, '郑浩然', 150, 0.97),
  sales('p-feng', 'u-east', { kind: 'person', person: 'feng' }, '冯静', 150, 0.82),
  sales('p-cao', 'u-east', { kind: 'person', person: 'cao' }, '曹宇', 140, 0.6),
  sales('p-huang', 'u-south', { kind: 'person', person: 'huang' }, '黄志强', 160, 1.03),
  sales('p-zhu', 'u-south', { kind: 'person', person: 'zhu' }, '朱丽娜', 150, 0.88),
  sales('p-ma', 'u-south', { kind: 'person', person: 'ma' }, '马俊杰', 120, 0.66),

  { key: 'u-mkt-fans', parent: 'c-fans', owner: { kind: 'unit', unit: 'social' }, statement: '新媒体组把公众号粉丝做到 5 万', indicator: 'followers', baseline: 18_000, target: 50_000, shape: 'level', pace: 0.86, source: 'parent', phase: null },
  { key: 'p-he-fans', parent: 'u-mkt-fans', owner: { kind: 'person', person: 'he' }, statement: '何子轩：每月净增粉丝 3,000 人', indicator: 'net_new_followers', baseline: 1_500, target: 3_000, shape: 'level', pace: 0.8, source: 'parent', phase: 1, recurrence: 'month' },
  { key: 'u-content', parent: 'c-content', owner: { kind: 'unit', unit: 'content' }, statement: '内容组每月发布 12 篇高质量内容', indicator: 'content_published', baseline: 6, target: 12, shape: 'level', pace: 1.05, source: 'parent', phase: 0, recurrence: 'month' },
  { key: 'p-chen-content', parent: 'u-content', owner: { kind: 'person', person: 'chen' }, statement: '陈思远每月发布 4 篇深度测评', indicator: 'content_published', baseline: 2, target: 4, shape: 'level', pace: 1.2, source: 'parent', phase: 0, recurrence: 'month' },
  { key: 'p-yang-content', parent: 'u-content', owner: { kind: 'person', person: 'yang' }, statement: '杨雨涵每月发布 4 篇使用教程', indicator: 'content_published', baseline: 2, target: 4, shape: 'level', pace: 1, source: 'parent', phase: 0, recurrence: 'month' },
  { key: 'p-xu-content', parent: 'u-content', owner: { kind: 'person', person: 'xu' }, statement: '徐佳怡每月发布 3 篇用户故事', indicator: 'content_published', baseline: 1, target: 3, shape: 'level', pace: 0.7, source: 'parent', phase: 0, recurrence: 'month' },
  { key: 'u-hr-turnover', parent: 'c-turnover', owner: { kind: 'unit', unit: 'hr' }, statement: '人力资源部把员工流失率降到 8%', indicator: 'staff_turnover_rate', baseline: 0.14, target: 0.08, shape: 'level', pace: 0.9, source: 'parent', phase: null },
];

/** Comments people write when they check in, by how the goal is going. */
export const demoCheckInComments = {
  ahead: ['两个大客户提前签约，进度超前。', '新渠道起量，本月表现很好。', '按计划推进，略有超出。'],
  onPace: ['按计划推进。', '本月完成预期，下月继续。', '节奏正常，重点跟进老客户复购。'],
  behind: ['本月有两单延期到下月，需要追一下。', '渠道投放效果不及预期，正在调整。', '人手紧张，部分工作延后。'],
} as const;
