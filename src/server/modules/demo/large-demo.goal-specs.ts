/**
 * What the large demo's goals are about: per built-in indicator, how its targets are sized and
 * worded, and which indicators each kind of unit and each position sets goals on. Pure data.
 */
import type { UnitKind } from './large-demo.org-data.ts';

/** sum: additive (a company target is decomposed into its units' and people's); stock: a level at the end; rate: a ratio. */
export type GoalSpec = { shape: 'sum' | 'stock' | 'rate'; direction: 'higher' | 'lower'; perPerson: number; say: (scope: string, period: string, target: string) => string };

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const money = (x: number) => (x >= 10_000 ? `${Math.round(x / 100) / 100} 万元` : `${x} 元`);
const count = (x: number) => (x >= 100_000 ? `${Math.round(x / 1000) / 10} 万` : String(Math.round(x)));

/** perPerson: a year's target per person in the owner's part of the organisation (sum, stock) or the target ratio (rate). */
export const GOAL_SPECS: Record<string, GoalSpec> = {
  sales_amount: { shape: 'sum', direction: 'higher', perPerson: 3_600_000, say: (s, p, t) => `${s}${p}销售额达到 ${t}` },
  new_key_accounts: { shape: 'sum', direction: 'higher', perPerson: 12, say: (s, p, t) => `${s}${p}新开发年采购额 50 万元以上的大客户 ${t} 个` },
  receivables_collection_rate: { shape: 'rate', direction: 'higher', perPerson: 0.92, say: (s, p, t) => `${s}${p}应收账款回收率达到 ${t}` },
  followers: { shape: 'stock', direction: 'higher', perPerson: 6000, say: (s, p, t) => `${s}${p}末全平台粉丝数达到 ${t}` },
  net_new_followers: { shape: 'sum', direction: 'higher', perPerson: 18_000, say: (s, p, t) => `${s}${p}全平台净增粉丝 ${t} 人` },
  content_published: { shape: 'sum', direction: 'higher', perPerson: 240, say: (s, p, t) => `${s}${p}发布原创内容 ${t} 篇` },
  monthly_impressions: { shape: 'sum', direction: 'higher', perPerson: 2_400_000, say: (s, p, t) => `${s}${p}内容曝光量达到 ${t} 次` },
  conversion_rate: { shape: 'rate', direction: 'higher', perPerson: 0.035, say: (s, p, t) => `${s}${p}访客下单转化率提升到 ${t}` },
  engagement_rate: { shape: 'rate', direction: 'higher', perPerson: 0.06, say: (s, p, t) => `${s}${p}内容互动率达到 ${t}` },
  customer_satisfaction: { shape: 'rate', direction: 'higher', perPerson: 0.92, say: (s, p, t) => `${s}${p}客户满意度达到 ${t}` },
  repurchase_rate: { shape: 'rate', direction: 'higher', perPerson: 0.3, say: (s, p, t) => `${s}${p}老客户复购率达到 ${t}` },
  retention_rate: { shape: 'rate', direction: 'higher', perPerson: 0.75, say: (s, p, t) => `${s}${p}客户留存率达到 ${t}` },
  key_tasks_completion_rate: { shape: 'rate', direction: 'higher', perPerson: 0.9, say: (s, p, t) => `${s}${p}重点工作按期完成率达到 ${t}` },
  staff_turnover_rate: { shape: 'rate', direction: 'lower', perPerson: 0.12, say: (s, p, t) => `${s}${p}人员流失率控制在 ${t} 以内` },
};

/** The target as people write it in a statement. */
export function formatTarget(key: string, target: number): string {
  const spec = GOAL_SPECS[key];
  if (spec.shape === 'rate') return pct(target);
  return key === 'sales_amount' ? money(target) : count(target);
}

/** The company's goals: every balanced-scorecard perspective (finance, customer, internal, learning) has some. */
export const COMPANY_GOALS = [
  'sales_amount',
  'new_key_accounts',
  'receivables_collection_rate',
  'followers',
  'net_new_followers',
  'content_published',
  'conversion_rate',
  'customer_satisfaction',
  'key_tasks_completion_rate',
  'staff_turnover_rate',
] as const;

/** A unit's goals by what it does, most important first (a unit gets the first n). */
export const UNIT_GOALS: Record<UnitKind, readonly string[]> = {
  gm: ['key_tasks_completion_rate', 'staff_turnover_rate'],
  sales: ['sales_amount', 'new_key_accounts', 'receivables_collection_rate', 'conversion_rate', 'customer_satisfaction', 'repurchase_rate', 'key_tasks_completion_rate', 'staff_turnover_rate'],
  marketing: ['content_published', 'net_new_followers', 'followers', 'monthly_impressions', 'engagement_rate', 'conversion_rate', 'key_tasks_completion_rate', 'staff_turnover_rate'],
  service: ['customer_satisfaction', 'repurchase_rate', 'retention_rate', 'key_tasks_completion_rate', 'staff_turnover_rate'],
  hr: ['key_tasks_completion_rate', 'staff_turnover_rate'],
};

/** A person's goals by position, most important first. */
export function personGoals(position: string): readonly string[] {
  if (position.startsWith('销售') || position === '区域销售经理') return ['sales_amount', 'new_key_accounts', 'receivables_collection_rate', 'conversion_rate'];
  if (position === '内容运营') return ['content_published', 'monthly_impressions', 'engagement_rate'];
  if (position === '新媒体运营') return ['net_new_followers', 'followers', 'engagement_rate', 'content_published'];
  if (position.startsWith('市场') || position === '运营主管') return ['content_published', 'net_new_followers', 'conversion_rate'];
  if (position.startsWith('客服')) return ['customer_satisfaction', 'repurchase_rate', 'key_tasks_completion_rate'];
  if (position.startsWith('HR') || position === '人力资源总监') return ['key_tasks_completion_rate', 'staff_turnover_rate'];
  return ['key_tasks_completion_rate'];
}
