/**
 * The SMART check (linter) of goals and plans, exactly per domain.md §1: one message per failed
 * letter, in S M A R T order, and the seed's four common pitfalls (常见误区) on a whole plan.
 * It runs on half-typed drafts too, so a missing field is a failed letter, never a crash.
 */
import { dayNumber, monthNumber } from './dates.ts';
import { smartText, pitfallText } from './smart-messages.ts';
import { namesQuantity } from './specific.ts';
import { suggestTarget, targetTooHigh } from './suggest-target.ts';
import { formatForText } from './round-for-target.ts';
import type { GoalDraft, PitfallMessage, PlanDraft, PlanReport, SmartLetter, SmartMessage } from './types.ts';

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
    ['A', attainable(goal)],
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

function attainable(goal: GoalDraft): Finding {
  const history = goal.history ?? [];
  if (!goal.indicator || !isNumber(goal.target) || !goal.deadline || history.length === 0) return null;
  const end = monthNumber(goal.deadline);
  const from = monthNumber(history[history.length - 1].period) ?? (goal.startsOn ? monthNumber(goal.startsOn) : null);
  if (end === null || from === null) return null;
  const periodsAhead = Math.max(1, end - from);
  const direction = goal.indicator.direction;
  // an additive goal counted up from 0 ("全年销售额 1,200 万") is a total over its months: its pace is a month's share
  const start = goal.startsOn ? monthNumber(goal.startsOn) : null;
  const cumulative = goal.indicator.rollUp === 'sum' && goal.baseline === 0 && start !== null;
  const target = cumulative ? goal.target / Math.max(1, end - start + 1) : goal.target;
  const judged = targetTooHigh(history, { target, baseline: cumulative ? null : goal.baseline, periodsAhead, direction });
  if (!judged?.tooHigh) return null;
  const params: Record<string, string | number> = {
    target: formatForText(goal.target),
    direction,
    periods: periodsAhead,
    implied: judged.impliedGrowthPerPeriod,
    limit: judged.limit,
  };
  if (judged.historicalBestGrowth !== null) params.best = judged.historicalBestGrowth;
  const suggestion = suggestTarget(history, { periodsAhead, direction, ambition: 'moderate' });
  if (suggestion) params.suggested = formatForText(suggestion.target);
  return { code: 'smart.too_high', path: ['target'], params };
}

function relevant(goal: GoalDraft): Finding {
  if (!goal.source) return { code: 'smart.no_source', path: ['source'] };
  if (goal.source === 'parent' && !goal.parent) return { code: 'smart.no_parent', path: ['parent'] };
  return null;
}

function timeBound(goal: GoalDraft, planRange: CheckGoalOptions['planRange']): Finding {
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
 * Every goal's SMART messages (deadlines checked against the plan's dates) plus the seed's four
 * pitfalls: vague_goal (goals failing S), no_customer_indicator (no goal on a customer-perspective
 * indicator: 忽视用户需求), target_too_high (goals failing A), no_review_cadence (缺乏动态调整).
 * `ok` when there is neither a message nor a pitfall.
 *
 * @example
 * checkPlan({ name: 'x', startsOn: '2027-01-01', endsOn: '2027-12-31', goals: [] }).pitfalls.map((p) => p.pitfall);
 * // → ['no_customer_indicator', 'no_review_cadence']
 */
export function checkPlan(plan: PlanDraft): PlanReport {
  const planRange = { startsOn: plan.startsOn, endsOn: plan.endsOn };
  const goals = plan.goals.map((goal) => ({ key: goal.key, messages: checkGoal(goal, { planRange }) }));
  const failing = (letter: SmartLetter) => goals.filter((g) => g.messages.some((m) => m.letter === letter)).map((g) => g.key);
  const pitfalls: PitfallMessage[] = [];
  const add = (pitfall: PitfallMessage['pitfall'], keys: string[]) => pitfalls.push({ pitfall, goals: keys, message: pitfallText(pitfall, keys) });

  const vague = failing('S');
  if (vague.length > 0) add('vague_goal', vague);
  if (!plan.goals.some((g) => g.indicator?.perspective === 'customer')) add('no_customer_indicator', []);
  const tooHigh = failing('A');
  if (tooHigh.length > 0) add('target_too_high', tooHigh);
  if (!plan.reviewCadence) add('no_review_cadence', []);
  return { ok: pitfalls.length === 0 && goals.every((g) => g.messages.length === 0), goals, pitfalls };
}
