/**
 * The vocabulary of plans and goals (domain.md §1), shared by the SMART check, the status rule,
 * decomposition coverage, target suggestions, the `kedu.plan/v1` file, the API and the web app.
 * Pure types and constant lists, no I/O.
 */
import type { Direction, LocalizedText, Perspective, RollUp } from '../indicators/types.ts';
import type { Recurrence } from './recurrence.ts';

/** 启动期 / 成长期 / 成熟期 — the seed's three phases; a plan may name its own. */
export const DEFAULT_PHASES = [
  { key: 'launch', name: '启动期', nameEn: 'Launch' },
  { key: 'growth', name: '成长期', nameEn: 'Growth' },
  { key: 'maturity', name: '成熟期', nameEn: 'Maturity' },
] as const;

/** Who owns a goal: the company, an org unit or a person (the cascade's three levels). */
export const GOAL_OWNER_KINDS = ['company', 'unit', 'person'] as const;
export type GoalOwnerKind = (typeof GOAL_OWNER_KINDS)[number];

/**
 * Where a goal comes from (出处). "An indicator with no source is invalid" (seed): a goal
 * names one of these; `parent` also names the parent goal.
 */
export const GOAL_SOURCES = ['parent', 'strategy', 'annual_plan', 'budget', 'job_duties', 'business_process'] as const;
export type GoalSource = (typeof GOAL_SOURCES)[number];

/** How often the plan is reviewed (复盘); none is the seed's pitfall 缺乏动态调整. */
export const REVIEW_CADENCES = ['weekly', 'biweekly', 'monthly', 'quarterly'] as const;
export type ReviewCadence = (typeof REVIEW_CADENCES)[number];

/**
 * A goal's status from its progress against the time elapsed (docs/goals.md states the rule):
 * not_started — no check-in yet; achieved — the target is reached; missed — the deadline passed
 * without reaching it; otherwise on_track / at_risk / off_track.
 */
export const GOAL_STATUSES = ['not_started', 'on_track', 'at_risk', 'off_track', 'achieved', 'missed'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** How ambitious a suggested target is: the trend, the trend +10 %, the trend +20 % (of the baseline). */
export const AMBITIONS = ['conservative', 'moderate', 'stretch'] as const;
export type Ambition = (typeof AMBITIONS)[number];

/** The SMART letters, in order. */
export const SMART_LETTERS = ['S', 'M', 'A', 'R', 'T'] as const;
export type SmartLetter = (typeof SMART_LETTERS)[number];

/**
 * The common pitfalls (常见误区) checked on a whole plan: the 微商 seed's four, a target set too
 * low (避免过高或过低) and a target changed back and forth (KPI article: 不能朝令夕改).
 */
export const PLAN_PITFALLS = ['vague_goal', 'no_customer_indicator', 'target_too_high', 'target_too_low', 'no_review_cadence', 'target_churn'] as const;
export type PlanPitfall = (typeof PLAN_PITFALLS)[number];

/** What the SMART check needs to know about a goal's indicator. */
export type GoalIndicator = {
  key: string;
  name: string;
  /** The English name, when the indicator has one. */
  nameEn?: string | null;
  unit: string;
  direction: Direction;
  perspective: Perspective;
  rollUp: RollUp;
  /** The indicator's data definitions (口径), one per term; Measurable needs every one non-empty. */
  definitions: string[];
};

/** One past value of the goal's indicator for its owner: a period label (`2026-03`) and the actual. */
export type HistoryPoint = { period: string; value: number };

/**
 * A goal as the SMART check sees it. Everything is optional because the check also runs on a
 * half-typed form and on a `kedu.plan/v1` file that may lack fields: a missing field is a
 * failed letter, not a crash.
 */
export type GoalDraft = {
  statement: string;
  indicator?: GoalIndicator | null;
  baseline?: number | null;
  target?: number | null;
  /** `YYYY-MM-DD`. */
  startsOn?: string | null;
  deadline?: string | null;
  source?: GoalSource | null;
  /** The parent goal's id or key, when `source` is `parent`. */
  parent?: string | null;
  /** Past values of the indicator, oldest first (monthly labels), for Attainable. */
  history?: HistoryPoint[];
  /** A recurring goal's target applies to every week, month or quarter of its span. */
  recurrence?: Recurrence | null;
  /** A recurring goal's own target for some periods (by label); the others take `target`. */
  periodTargets?: Readonly<Record<string, number>>;
  /** How many times the target was changed during the plan (2 or more: the pitfall target_churn). */
  targetChangeCount?: number;
};

/** A plan as the plan-level report sees it. */
export type PlanDraft = {
  name: string;
  startsOn: string;
  endsOn: string;
  reviewCadence?: ReviewCadence | null;
  goals: (GoalDraft & { key: string })[];
};

/**
 * One failed SMART letter of a goal, or one pitfall of a plan. `code` is stable (tests, the
 * CLI's JSON, the API); `message` says what is wrong and how to fix it, in both languages;
 * `path` the field of the goal it is about (`['statement']`, `['target']`).
 */
export type SmartMessage = {
  letter: SmartLetter;
  code: string;
  path: string[];
  params: Record<string, string | number>;
  message: LocalizedText;
};

export type PitfallMessage = {
  pitfall: PlanPitfall;
  /** The goals (by key) it is about; empty for plan-wide pitfalls. */
  goals: string[];
  message: LocalizedText;
};

/** The plan-level report: every goal's failed letters and the plan's pitfalls. */
export type PlanReport = {
  ok: boolean;
  goals: { key: string; messages: SmartMessage[] }[];
  pitfalls: PitfallMessage[];
};

/** A target suggestion from history, with the reasoning shown to the user. */
export type TargetSuggestion = {
  /** Median of the last `periods` values. */
  baseline: number;
  /** Least-squares slope per period over those values (the trend). */
  trendPerPeriod: number;
  /** The values it was computed from, oldest first. */
  periodsUsed: HistoryPoint[];
  /** Periods from the last history point to the deadline. */
  periodsAhead: number;
  ambition: Ambition;
  target: number;
  /** Every ambition's target, for a picker. */
  byAmbition: Record<Ambition, number>;
  reasoning: LocalizedText;
};
