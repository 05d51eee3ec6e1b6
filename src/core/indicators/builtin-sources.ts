/**
 * Where each built-in indicator usually comes from (出处, the goal source kinds): the default
 * source when the indicator is put on a scorecard, which the author confirms and names (the
 * budget line, the process, the duty). Kept beside the library rather than in each entry of
 * builtin.ts so the library's definitions stay readable; builtin-sources.test.ts holds the two in step.
 */
import type { GoalSource } from '../goals/types.ts';
import { findBuiltinIndicator } from './builtin.ts';

export const BUILTIN_SUGGESTED_SOURCES: Readonly<Record<string, GoalSource>> = {
  // money: set by the approved budget and the annual business plan
  sales_amount: 'budget',
  sales_target_achievement: 'budget',
  finished_goods_turnover: 'annual_plan',
  key_tasks_completion_rate: 'annual_plan',
  // order-to-cash, supply and quality: measured steps of a business process
  receivables_collection_rate: 'business_process',
  order_batches_on_time_rate: 'business_process',
  order_quantity_on_time_rate: 'business_process',
  fg_inspection_pass_rate: 'business_process',
  fg_inspection_defect_rate: 'business_process',
  conversion_rate: 'business_process',
  // customers: where the strategy wants the company to go
  new_key_accounts: 'strategy',
  customer_satisfaction: 'strategy',
  retention_rate: 'strategy',
  repurchase_rate: 'strategy',
  // audience growth: the marketing plan's yearly figures
  followers: 'annual_plan',
  net_new_followers: 'annual_plan',
  monthly_impressions: 'annual_plan',
  // what a post is there to do
  content_published: 'job_duties',
  engagement_rate: 'job_duties',
  click_through_rate: 'job_duties',
  share_rate: 'job_duties',
  staff_turnover_rate: 'job_duties',
};

/**
 * The suggested source kind of a built-in indicator, or null for any other key.
 * @example suggestedSourceOf('sales_target_achievement') // 'budget'
 * @example suggestedSourceOf('order_batches_on_time_rate') // 'business_process'
 */
export function suggestedSourceOf(builtinKey: string | null | undefined): GoalSource | null {
  if (!builtinKey || !findBuiltinIndicator(builtinKey)) return null;
  return BUILTIN_SUGGESTED_SOURCES[builtinKey] ?? null;
}
