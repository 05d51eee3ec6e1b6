/**
 * The shape of `kedu.plan/v1` (docs/kedu.plan.v1.md): a plan with its phases, its own indicators
 * and its goals, as one JSON file that `kedu lint` checks and the web app imports. Strict: an
 * unknown field is refused with its path, so a typo never passes silently. The cross-references
 * (keys that must exist or be unique, dates in order) are checked here too, as refinements.
 */
import { z } from 'zod';
import { goalPeriods, MAX_GOAL_PERIODS, RECURRENCES, tooManyPeriods } from '../core/goals/recurrence.ts';
import { GOAL_SOURCES, REVIEW_CADENCES } from '../core/goals/types.ts';
import { findBuiltinIndicator } from '../core/indicators/builtin.ts';
import { DIRECTIONS, type LocalizedText, PERSPECTIVES, ROLL_UPS } from '../core/indicators/types.ts';
import { boundedNumber, calendarDate, FIRST_YEAR, LAST_YEAR } from './common.ts';

export const PLAN_FORMAT = 'kedu.plan/v1';

const day = calendarDate.meta({ description: 'A day, YYYY-MM-DD.' });
const MONTH = /^\d{4}-(?:0[1-9]|1[0-2])$/;
const month = z
  .string()
  .regex(MONTH, 'YYYY-MM')
  // a month of year 0050 or 9999 is a typo, as a day's is (calendarDate); a malformed one is that alone
  .refine((m) => !MONTH.test(m) || (Number(m.slice(0, 4)) >= FIRST_YEAR && Number(m.slice(0, 4)) <= LAST_YEAR), { params: { key: 'field.date_out_of_range', values: { first: FIRST_YEAR, last: LAST_YEAR } } })
  .meta({ description: `A month, YYYY-MM, in years ${FIRST_YEAR}–${LAST_YEAR}.` });
const key = z.string().min(1).max(100).regex(/^\S+$/, 'no spaces').meta({ description: 'An identifier, unique within its list; no spaces.' });
const text = (max: number) => z.string().trim().min(1).max(max);

export const planPhase = z.strictObject({ key, name: text(50), nameEn: text(50).optional(), startsOn: day, endsOn: day });

export const planIndicator = z
  .strictObject({
    key,
    name: text(200),
    nameEn: text(200).optional(),
    unit: z.string().max(20).optional(),
    direction: z.enum(DIRECTIONS),
    perspective: z.enum(PERSPECTIVES),
    rollUp: z.enum(ROLL_UPS),
    definition: z.string().max(2000).meta({ description: 'The data definition (口径); empty fails the SMART check’s M.' }),
    purpose: z.string().trim().max(500).optional().meta({ description: 'Why it is measured (目的), kept when an import adds the indicator to the library; default: the goals it serves.' }),
  })
  .meta({ description: 'An indicator of this plan; a key of the built-in library can be used without defining it.' });

export const planGoalOwner = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('company') }),
  z.strictObject({ kind: z.literal('unit'), name: text(100) }),
  z
    .strictObject({ kind: z.literal('person'), name: text(100).optional(), email: z.email().max(254).optional() })
    .refine((p) => p.name !== undefined || p.email !== undefined, { params: { code: 'plan.person_unnamed', message: { 'zh-CN': '负责人需要填写 name 或 email', en: 'needs a name or an email' } } }),
]);

export const planGoal = z.strictObject({
  key,
  statement: z.string().max(500).meta({ description: 'The SMART statement, e.g. 粉丝数量达到5万.' }),
  owner: planGoalOwner,
  indicator: key.optional().meta({ description: 'A key of `indicators` or of the built-in library.' }),
  baseline: boundedNumber.optional(),
  target: boundedNumber.optional(),
  startsOn: day.optional().meta({ description: 'Default: the phase’s start, else the plan’s.' }),
  deadline: day.optional().meta({ description: 'Default: the phase’s end.' }),
  phase: key.optional().meta({ description: 'A key of plan.phases.' }),
  source: z.enum(GOAL_SOURCES).optional().meta({ description: '出处; default `parent` when a parent is given.' }),
  parent: key.optional().meta({ description: 'The key of the parent goal.' }),
  history: z.array(z.strictObject({ period: month, value: boundedNumber })).max(120).optional().meta({ description: 'Past monthly values, oldest first.' }),
  recurrence: z.enum(RECURRENCES).optional().meta({ description: 'A recurring goal: the target applies to every ISO week, calendar month or quarter from its start to its deadline (default: the phase’s or the plan’s end).' }),
  periodTargets: z
    .array(z.strictObject({ period: z.string().min(1).max(10).meta({ description: 'A period of the goal: 2027-03, 2027-Q1 or 2027-W09.' }), target: boundedNumber }))
    .max(160)
    .optional()
    .meta({ description: 'A recurring goal’s own target for some of its periods; the others take `target`.' }),
});

export const planFile = z
  .strictObject({
    format: z.literal(PLAN_FORMAT),
    plan: z.strictObject({
      name: text(200),
      description: z.string().max(2000).optional(),
      startsOn: day,
      endsOn: day,
      reviewCadence: z.enum(REVIEW_CADENCES).optional(),
      phases: z.array(planPhase).max(12).optional(),
    }),
    indicators: z.array(planIndicator).max(200).optional(),
    goals: z.array(planGoal).max(500),
  })
  .superRefine((file, ctx) => {
    for (const p of crossReferenceProblems(file)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message.en, params: { code: p.code, message: p.message } });
  })
  .meta({ title: 'Kedu plan (kedu.plan/v1)', description: 'A plan (计划) with phases, indicators and SMART goals.' });

export type PlanFile = z.infer<typeof planFile>;
export type PlanFileGoal = z.infer<typeof planGoal>;
export type PlanFileIndicator = z.infer<typeof planIndicator>;

type CrossProblem = { path: (string | number)[]; code: string; message: LocalizedText };

/** Keys that must be unique or must exist, and dates that must be in order. */
function crossReferenceProblems(file: PlanFile): CrossProblem[] {
  const problems: CrossProblem[] = [];
  const add = (path: (string | number)[], code: string, zh: string, en: string) => problems.push({ path, code, message: { 'zh-CN': zh, en } });
  const unique = (items: readonly { key: string }[], where: (string | number)[], what: { zh: string; en: string }) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.key)) add([...where, i, 'key'], 'plan.duplicate_key', `${what.zh}标识“${item.key}”重复：每个${what.zh}的标识必须唯一，请改名。`, `The ${what.en} key "${item.key}" is used twice: give each ${what.en} its own key.`);
      seen.add(item.key);
    });
  };
  const inOrder = (range: { startsOn: string; endsOn: string }, where: (string | number)[]) => {
    if (range.endsOn < range.startsOn) add([...where, 'endsOn'], 'plan.ends_before_start', `结束日期 ${range.endsOn} 早于开始日期 ${range.startsOn}：请检查日期。`, `The end ${range.endsOn} is before the start ${range.startsOn}: check the dates.`);
  };

  inOrder(file.plan, ['plan']);
  const phases = file.plan.phases ?? [];
  phases.forEach((phase, i) => {
    inOrder(phase, ['plan', 'phases', i]);
  });
  unique(phases, ['plan', 'phases'], { zh: '阶段', en: 'phase' });
  unique(file.indicators ?? [], ['indicators'], { zh: '指标', en: 'indicator' });
  unique(file.goals, ['goals'], { zh: '目标', en: 'goal' });

  const indicatorKeys = new Set((file.indicators ?? []).map((i) => i.key));
  const phaseKeys = new Set(phases.map((p) => p.key));
  // the first goal of a duplicated key is the one parents refer to (the second is reported)
  const parents = new Map<string, string | undefined>();
  for (const g of file.goals) if (!parents.has(g.key)) parents.set(g.key, g.parent);
  file.goals.forEach((goal, i) => {
    const at = (field: string) => ['goals', i, field];
    if (goal.indicator !== undefined && !indicatorKeys.has(goal.indicator) && !findBuiltinIndicator(goal.indicator)) {
      add(at('indicator'), 'plan.unknown_indicator', `没有标识为“${goal.indicator}”的指标：请在 indicators 中定义它，或使用内置指标库的标识（例如 followers、conversion_rate、monthly_impressions）。`, `There is no indicator "${goal.indicator}": define it under "indicators", or use a key of the built-in library (e.g. followers, conversion_rate, monthly_impressions).`);
    }
    if (goal.phase !== undefined && !phaseKeys.has(goal.phase)) {
      add(at('phase'), 'plan.unknown_phase', `没有标识为“${goal.phase}”的阶段：请使用 plan.phases 中的标识（${[...phaseKeys].join(', ') || '目前没有阶段'}）。`, `There is no phase "${goal.phase}": use a key of plan.phases (${[...phaseKeys].join(', ') || 'there are none'}).`);
    }
    if (goal.parent !== undefined && !parents.has(goal.parent)) {
      add(at('parent'), 'plan.unknown_parent', `没有标识为“${goal.parent}”的目标：上级目标必须是本文件中的目标。`, `There is no goal "${goal.parent}": the parent must be a goal of this file.`);
    } else if (goal.parent !== undefined && isOwnAncestor(goal.key, parents)) {
      add(at('parent'), 'plan.parent_cycle', `目标“${goal.key}”成了自己的上级：请检查上级目标的链条。`, `The goal "${goal.key}" ends up as its own parent: check the chain of parents.`);
    }
    for (const p of periodTargetProblems(file, goal)) add(['goals', i, ...p.at], p.code, p.zh, p.en);
    goal.history?.forEach((point, j) => {
      if (j > 0 && point.period <= goal.history![j - 1].period) {
        add(['goals', i, 'history', j, 'period'], 'plan.history_order', `历史数据应按月份从早到晚排列且不重复：${point.period} 不晚于上一条 ${goal.history![j - 1].period}。`, `History goes oldest first without repeats: ${point.period} is not after the previous ${goal.history![j - 1].period}.`);
      }
    });
  });
  return problems;
}

/**
 * The span a goal of the file runs over when it leaves dates out: its phase's, else the plan's
 * start; its phase's end, else (for a recurring goal, whose periods make it time-bound) the plan's.
 */
export function planGoalSpan(file: PlanFile, goal: PlanFileGoal): { startsOn: string; deadline: string | null } {
  const phase = goal.phase === undefined ? undefined : file.plan.phases?.find((p) => p.key === goal.phase);
  return { startsOn: goal.startsOn ?? phase?.startsOn ?? file.plan.startsOn, deadline: goal.deadline ?? phase?.endsOn ?? (goal.recurrence ? file.plan.endsOn : null) };
}

/** A recurring goal's periods (at most MAX_GOAL_PERIODS) and own targets, each problem at its path inside the goal. */
function periodTargetProblems(file: PlanFile, goal: PlanFileGoal): { at: (string | number)[]; code: string; zh: string; en: string }[] {
  const span = planGoalSpan(file, goal);
  if (goal.recurrence && span.deadline && tooManyPeriods(span.startsOn, span.deadline, goal.recurrence)) {
    return [{ at: ['deadline'], code: 'plan.too_many_periods', zh: `周期性目标最多跨 ${MAX_GOAL_PERIODS} 期：请缩短截止日期，或改用更长的周期。`, en: `A recurring goal spans at most ${MAX_GOAL_PERIODS} periods: bring the deadline closer, or recur less often.` }];
  }
  const targets = goal.periodTargets ?? [];
  if (targets.length === 0) return [];
  if (!goal.recurrence) return [{ at: ['periodTargets'], code: 'plan.period_targets_need_recurrence', zh: '只有周期性目标才能按期设定目标值：请写明 recurrence（week、month 或 quarter），或删除 periodTargets。', en: 'Only a recurring goal has targets per period: set "recurrence" (week, month or quarter), or remove "periodTargets".' }];
  const labels = span.deadline ? goalPeriods(span.startsOn, span.deadline, goal.recurrence).map((p) => p.label) : [];
  const seen = new Set<string>();
  return targets.flatMap((t, j) => {
    if (!labels.includes(t.period)) return [{ at: ['periodTargets', j, 'period'], code: 'plan.period_unknown', zh: `“${t.period}”不是该目标的周期：请使用目标起止日期内的周期，例如 ${labels[0] ?? '2027-01'}。`, en: `"${t.period}" is not a period of this goal: use a period between its start and deadline, e.g. ${labels[0] ?? '2027-01'}.` }];
    if (seen.has(t.period)) return [{ at: ['periodTargets', j, 'period'], code: 'plan.period_twice', zh: `周期“${t.period}”的目标值写了两次，请只保留一个。`, en: `The period "${t.period}" has two targets: keep one.` }];
    seen.add(t.period);
    return [];
  });
}

function isOwnAncestor(start: string, parents: Map<string, string | undefined>): boolean {
  const seen = new Set<string>();
  for (let at = parents.get(start); at !== undefined; at = parents.get(at)) {
    if (at === start) return true;
    if (seen.has(at)) return false; // a cycle further up: reported on its own goals
    seen.add(at);
  }
  return false;
}
