/**
 * The large demo's check-ins (进展更新): a value at the end of every month of a goal's time
 * up to the last closed month, moving towards the target at the goal's own pace — ahead,
 * on track, a little or far behind, or never checked in — so that the statuses computed from
 * them by the product's own rule spread over every value. Pure.
 */
import { elapsedFraction } from '../../../core/goals/status.ts';
import type { GoalStatus } from '../../../core/goals/types.ts';
import { statusColumns } from '../goals/index.ts';
import { GOAL_SPECS } from './large-demo.goal-specs.ts';
import type { GoalDraft } from './large-demo.goals.ts';
import { monthEnd } from './large-demo.plans.ts';
import type { Random } from './large-demo.random.ts';

export type CheckInDraft = { goalId: string; value: number; comment: string; on: string; createdByName: string; createdAt: Date };
export type GoalColumns = { current: number | null; lastCheckInAt: Date | null; status: GoalStatus; progress: number | null; statusOn: string };

// a pace of 1 reaches the target exactly at the deadline; the ranges put the current plan's goals in each status
const PACES = {
  ahead: [1.1, 1.35],
  onTrack: [0.94, 1.08],
  atRisk: [0.77, 0.86],
  offTrack: [0.35, 0.67],
} as const;
const PACE_WEIGHTS = { ahead: 0.22, onTrack: 0.33, atRisk: 0.2, offTrack: 0.15, none: 0.1 };

const COMMENTS = [
  '按计划推进，本月数据已核对。',
  '大客户订单集中在月底确认，进度略有波动。',
  '渠道投放调整后效果回升，下月继续观察。',
  '人手紧张，部分工作顺延，已在周会上说明。',
  '活动带动明显，超出预期。',
  '数据取自平台月报，口径与上月一致。',
  '',
];

function rounded(key: string, value: number): number {
  const spec = GOAL_SPECS[key];
  if (spec.shape === 'rate') return Math.round(value * 10_000) / 10_000;
  return key === 'sales_amount' ? Math.round(value / 100) * 100 : Math.round(value);
}

/** The month ends from a goal's start to its deadline or the last closed day, whichever comes first. */
function checkInDays(goal: GoalDraft, lastClosedDay: string): string[] {
  const days: string[] = [];
  let [year, month] = [Number(goal.startsOn.slice(0, 4)), Number(goal.startsOn.slice(5, 7))];
  for (;;) {
    const end = monthEnd(year, month);
    const day = end < goal.deadline ? end : goal.deadline;
    if (day > lastClosedDay) break;
    days.push(day);
    if (day === goal.deadline) break;
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return days;
}

export function checkInsFor(random: Random, goal: GoalDraft, ctx: { lastClosedDay: string; today: string; ownerName: string }): { checkIns: CheckInDraft[]; columns: GoalColumns } {
  const direction = GOAL_SPECS[goal.indicatorKey].direction;
  const pace = random.weighted(PACE_WEIGHTS);
  const days = pace === 'none' ? [] : checkInDays(goal, ctx.lastClosedDay);
  const speed = pace === 'none' ? 0 : random.between(PACES[pace][0], PACES[pace][1]);
  const base = goal.baseline ?? 0;
  const checkIns: CheckInDraft[] = [];
  let previous = -Infinity;
  for (const [i, on] of days.entries()) {
    // a month now and then goes by without an update; the latest one is always there
    if (i < days.length - 1 && random.chance(0.08)) continue;
    const wobble = i === days.length - 1 ? 1 : random.between(0.94, 1.06);
    const progress = Math.min(1.3, elapsedFraction(goal.startsOn, goal.deadline, on) * speed * wobble);
    let value = rounded(goal.indicatorKey, base + (goal.target - base) * progress);
    // an amount counted since the start of the period never goes down
    if (GOAL_SPECS[goal.indicatorKey].shape === 'sum') value = Math.max(value, previous);
    previous = value;
    checkIns.push({ goalId: goal.id, value, comment: random.pick(COMMENTS), on, createdByName: ctx.ownerName, createdAt: new Date(`${on}T10:00:00Z`) });
  }
  const last = checkIns[checkIns.length - 1];
  const current = last?.value ?? null;
  const status = statusColumns({ baseline: goal.baseline, target: goal.target, direction, startsOn: goal.startsOn, deadline: goal.deadline, current }, ctx.today);
  return { checkIns, columns: { current, lastCheckInAt: last?.createdAt ?? null, ...status } };
}
