/**
 * The SMART check (linter) of goals and plans, exactly per domain.md §1: one message per failed
 * letter, in S M A R T order, and the common pitfalls (常见误区) on a whole plan.
 * It runs on half-typed drafts too, so a missing field is a failed letter, never a crash.
 */
import { dayNumber, monthNumber } from './dates.ts';
import { smartText, pitfallText } from './smart-messages.ts';
import { namesQuantity } from './specific.ts';
import { judgedTargets } from './judged-targets.ts';
import { suggestTarget, targetTooHigh } from './suggest-target.ts';
import { targetTooLow } from './target-too-low.ts';
import { formatForText } from './round-for-target.ts';
import type { GoalDraft, PitfallMessage, PlanDraft, PlanReport, SmartLetter, SmartMessage } from './types.ts';

/** A goal whose target changed this many times in one plan is changed back and forth (朝令夕改). */
export const TARGET_CHURN_FROM = 2;

export type CheckGoalOptions = { planRange?: { startsOn: string; endsOn: string } };

type Finding = { code: string; path: string[]; params?: Record<string, string | number> } | null;

/**
 * The failed SMART letters of a goal, at most one message each, in S M A R T order; empty when
 * the goal passes. Attainable says nothing without at least 3 history points (no guessing).
 *
 * @example
 * checkGoal({ statement: '提升品牌知名度' }).map((m) => `${m.letter} ${m.code}`);
 * // → ['S smart.vague', 'M smart.no_indicator', 'R smart.no_source', 'T smart.no_deadline']
 */
export function checkGoal(goal: GoalDraft, options: CheckGoalOptions = {}): SmartMessage[] {
  const findings: [SmartLetter, Finding][] = [
    ['S', specific(goal)],
    ['M', measurable(goal)],
    ['A', attainable(goal, options.planRange)],
    ['R', relevant(goal)],
    ['T', timeBound(goal, options.planRange)],
  ];
  return findings.flatMap(([letter, f]) => (f ? [{ letter, code: f.code, path: f.path, params: f.params ?? {}, message: smartText(f.code, f.params ?? {}) }] : []));
}

function specific(goal: GoalDraft): Finding {
  const statement = (goal.statement ?? '').trim();
  if (statement === '') return { code: 'smart.statement_missing', path: ['statement'] };
  if (namesQuantity(statement, [goal.indicator?.name, goal.indicator?.nameEn])) return null;
  return { code: 'smart.vague', path: ['statement'], params: { statement } };
}

function measurable(goal: GoalDraft): Finding {
  const indicator = goal.indicator;
  if (!indicator) return { code: 'smart.no_indicator', path: ['indicator'] };
  if (indicator.definitions.length === 0 || indicator.definitions.some((d) => d.trim() === '')) {
    return { code: 'smart.no_definition', path: ['indicator', 'definitions'], params: { indicator: indicator.name } };
  }
  if (!isNumber(goal.target)) return { code: 'smart.no_target', path: ['target'] };
  return null;
}

function attainable(goal: GoalDraft, planRange: CheckGoalOptions['planRange']): Finding {
  const history = goal.history ?? [];
  const deadline = goal.deadline ?? (goal.recurrence ? planRange?.endsOn : undefined);
  if (!goal.indicator || !isNumber(goal.target) || !deadline || history.length === 0) return null;
  const lastMonth = monthNumber(history[history.length - 1].period) ?? (goal.startsOn ? monthNumber(goal.startsOn) : null);
  if (monthNumber(deadline) === null || lastMonth === null) return null;
  const direction = goal.indicator.direction;
  const judged = judgedTargets({ ...goal, startsOn: goal.startsOn ?? (goal.recurrence ? planRange?.startsOn : undefined) }, deadline, lastMonth);
  for (const j of judged) {
    const high = targetTooHigh(history, { target: j.target / j.scale, baseline: j.baseline, periodsAhead: j.periodsAhead, direction });
    if (!high?.tooHigh) continue;
    const params: Record<string, string | number> = { target: formatForText(j.target), direction, periods: j.periodsAhead, implied: high.impliedGrowthPerPeriod, limit: high.limit };
    if (j.period) params.period = j.period;
    if (high.historicalBestGrowth !== null) params.best = high.historicalBestGrowth;
    const suggestion = suggestTarget(history, { periodsAhead: j.periodsAhead, direction, ambition: 'moderate', monthsPerTarget: j.scale });
    if (suggestion) params.suggested = formatForText(suggestion.target);
    return { code: 'smart.too_high', path: ['target'], params };
  }
  // too low is judged on the nearest target only: a trend projected a year ahead is no floor to hold anyone to
  const near = judged[0];
  const low = near ? targetTooLow(history, { target: near.target, baseline: near.baseline, periodsAhead: near.periodsAhead, direction, monthsPerTarget: near.scale }) : null;
  if (!low?.tooLow) return null;
  const params: Record<string, string | number> = { target: formatForText(near.target), direction, limit: formatForText(low.limit), suggested: formatForText(low.moderate), conservative: formatForText(low.conservative) };
  if (near.period) params.period = near.period;
  return { code: 'smart.too_low', path: ['target'], params };
}

function relevant(goal: GoalDraft): Finding {
  if (!goal.source) return { code: 'smart.no_source', path: ['source'] };
  if (goal.source === 'parent' && !goal.parent) return { code: 'smart.no_parent', path: ['parent'] };
  return null;
}

function timeBound(goal: GoalDraft, planRange: CheckGoalOptions['planRange']): Finding {
  // a recurring goal is bound to its periods: without a deadline of its own it runs to the plan's end
  if (!goal.deadline && goal.recurrence && planRange) return null;
  if (!goal.deadline) return { code: 'smart.no_deadline', path: ['deadline'] };
  const deadline = dayNumber(goal.deadline);
  if (deadline === null) return { code: 'smart.deadline_invalid', path: ['deadline'], params: { deadline: goal.deadline } };
  const start = goal.startsOn ? dayNumber(goal.startsOn) : null;
  if (start !== null && deadline <= start) return { code: 'smart.deadline_before_start', path: ['deadline'], params: { deadline: goal.deadline, startsOn: goal.startsOn! } };
  if (planRange) {
    const [planStart, planEnd] = [dayNumber(planRange.startsOn), dayNumber(planRange.endsOn)];
    if ((planStart !== null && deadline < planStart) || (planEnd !== null && deadline > planEnd)) {
      return { code: 'smart.deadline_outside_plan', path: ['deadline'], params: { deadline: goal.deadline, planStartsOn: planRange.startsOn, planEndsOn: planRange.endsOn } };
    }
  }
  return null;
}

function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Every goal's SMART messages (deadlines checked against the plan's dates) plus the common
 * pitfalls: vague_goal (goals failing S), no_customer_indicator (no goal on a customer-perspective
 * indicator: 忽视用户需求), target_too_high and target_too_low (goals failing A either way: 避免过高或
 * 过低), no_review_cadence (缺乏动态调整) and target_churn (a target changed TARGET_CHURN_FROM times
 * or more: 不能朝令夕改). `ok` when there is neither a message nor a pitfall.
 *
 * @example
 * checkPlan({ name: 'x', startsOn: '2027-01-01', endsOn: '2027-12-31', goals: [] }).pitfalls.map((p) => p.pitfall);
 * // → ['no_customer_indicator', 'no_review_cadence']
 */
export function checkPlan(plan: PlanDraft): PlanReport {
  const planRange = { startsOn: plan.startsOn, endsOn: plan.endsOn };
  const goals = plan.goals.map((goal) => ({ key: goal.key, messages: checkGoal(goal, { planRange }) }));
  const failing = (match: (m: SmartMessage) => boolean) => goals.filter((g) => g.messages.some(match)).map((g) => g.key);
  const pitfalls: PitfallMessage[] = [];
  const add = (pitfall: PitfallMessage['pitfall'], keys: string[]) => pitfalls.push({ pitfall, goals: keys, message: pitfallText(pitfall, keys) });

  const vague = failing((m) => m.letter === 'S');
  if (vague.length > 0) add('vague_goal', vague);
  if (!plan.goals.some((g) => g.indicator?.perspective === 'customer')) add('no_customer_indicator', []);
  const tooHigh = failing((m) => m.code === 'smart.too_high');
  if (tooHigh.length > 0) add('target_too_high', tooHigh);
  const tooLow = failing((m) => m.code === 'smart.too_low');
  if (tooLow.length > 0) add('target_too_low', tooLow);
  if (!plan.reviewCadence) add('no_review_cadence', []);
  const churned = plan.goals.filter((g) => (g.targetChangeCount ?? 0) >= TARGET_CHURN_FROM).map((g) => g.key);
  if (churned.length > 0) add('target_churn', churned);
  return { ok: pitfalls.length === 0 && goals.every((g) => g.messages.length === 0), goals, pitfalls };
}
