import { z } from 'zod';
import { RECURRENCES } from '../core/goals/recurrence.ts';
import { PERIOD_STATES } from '../core/goals/recurring-status.ts';
import { AMBITIONS, GOAL_SOURCES, GOAL_STATUSES, PLAN_PITFALLS, REVIEW_CADENCES, SMART_LETTERS } from '../core/goals/types.ts';
import { DIRECTIONS, PERSPECTIVES, ROLL_UPS } from '../core/indicators/types.ts';
import { bounded, calendarDate, expectedVersion, rowVersion, uuid } from './common.ts';

/** Plans, phases, goals, check-ins, target changes and the SMART check (domain.md §1; docs/goals.md). */

const isoDate = calendarDate;
const localized = z.object({ 'zh-CN': z.string(), en: z.string() });
const value = bounded(z.number());

export const reviewCadence = z.enum(REVIEW_CADENCES);
export const goalSource = z.enum(GOAL_SOURCES).describe('出处: a parent goal, the strategy, the annual business plan, the annual budget, the job duties or a business process');
export const goalStatus = z.enum(GOAL_STATUSES);
export const ambition = z.enum(AMBITIONS);
export const recurrence = z.enum(RECURRENCES).describe('a recurring goal: the target applies to every ISO week, calendar month or quarter of its span');
export const periodTarget = z.object({ period: z.string().trim().min(1).max(10).describe('a period of the goal: 2027-03, 2027-Q1 or 2027-W09'), target: value }).strict();

export const phaseInput = z
  .object({
    id: uuid.optional().describe('an existing phase to keep (its goals stay in it); omit for a new phase'),
    name: z.string().trim().min(1).max(50),
    startsOn: isoDate,
    endsOn: isoDate,
  })
  .strict();

export const planInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().max(2000).default(''),
    startsOn: isoDate,
    endsOn: isoDate,
    reviewCadence: reviewCadence.nullable().default(null).describe('how often the plan is reviewed; none is the pitfall 缺乏动态调整'),
    phases: z.array(phaseInput).max(12).default([]),
  })
  .strict();
export type PlanInput = z.output<typeof planInput>;
/** A change of a plan: its fields, and optionally the version it was based on. */
export const planUpdateInput = z.object({ ...planInput.shape, version: expectedVersion }).strict();
export type PlanUpdateInput = z.output<typeof planUpdateInput>;

export const phase = z.object({ id: uuid, name: z.string(), startsOn: z.string(), endsOn: z.string() });

export const statusCounts = z.record(goalStatus, z.number().int());

export const plan = z.object({
  id: uuid,
  name: z.string(),
  description: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  reviewCadence: reviewCadence.nullable(),
  status: z.enum(['active', 'archived']),
  phases: z.array(phase),
  goalCount: z.number().int(),
  statusCounts,
  version: rowVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const goalOwnerInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('company') }).strict(),
  z.object({ kind: z.literal('unit'), unitId: uuid }).strict(),
  z.object({ kind: z.literal('person'), personId: uuid }).strict(),
]);

const goalFields = {
  phaseId: uuid.nullable().default(null),
  parentId: uuid.nullable().default(null).describe('the parent goal; required when source is parent'),
  owner: goalOwnerInput,
  statement: z.string().trim().min(1).max(500),
  indicatorId: uuid,
  baseline: value.nullable().default(null),
  target: value,
  startsOn: isoDate,
  deadline: isoDate,
  source: goalSource,
  sourceNote: z.string().trim().max(500).default(''),
  recurrence: recurrence.nullable().default(null),
  periodTargets: z.array(periodTarget).max(160).default([]).describe('a recurring goal’s own target for some of its periods; the others take `target`'),
};

export const goalInput = z.object({ planId: uuid, ...goalFields }).strict();
export type GoalInput = z.output<typeof goalInput>;

export const goalUpdateInput = z
  .object({
    ...goalFields,
    recurrence: recurrence.nullable().optional().describe('omitted: kept as it is; null: a one-off goal'),
    periodTargets: z.array(periodTarget).max(160).optional().describe('omitted: kept as they are'),
    changeReason: z.string().trim().max(500).optional().describe('required when the target, a period’s target, the recurrence or the deadline changes: kept in the history of target changes'),
    version: expectedVersion,
  })
  .strict();
export type GoalUpdateInput = z.output<typeof goalUpdateInput>;

export const smartMessage = z.object({ letter: z.enum(SMART_LETTERS), code: z.string(), path: z.array(z.string()), params: z.record(z.string(), z.union([z.string(), z.number()])), message: localized });
export const pitfallMessage = z.object({ pitfall: z.enum(PLAN_PITFALLS), goals: z.array(z.string()), message: localized });

export const goalIndicator = z.object({ id: uuid, key: z.string(), name: z.string(), nameEn: z.string().nullable(), unit: z.string(), direction: z.enum(DIRECTIONS), perspective: z.enum(PERSPECTIVES), rollUp: z.enum(ROLL_UPS) });

export const coverage = z.object({
  childCount: z.number().int(),
  otherIndicatorCount: z.number().int(),
  sum: z.number(),
  coverage: z.number(),
  gap: z.number(),
  level: z.enum(['none', 'low', 'partial', 'full', 'over']),
});

export const goal = z.object({
  id: uuid,
  planId: uuid,
  phaseId: uuid.nullable(),
  parentId: uuid.nullable(),
  owner: z.object({ kind: z.enum(['company', 'unit', 'person']), id: uuid.nullable(), name: z.string() }),
  statement: z.string(),
  indicator: goalIndicator,
  baseline: z.number().nullable(),
  target: z.number(),
  startsOn: z.string(),
  deadline: z.string(),
  source: goalSource,
  sourceNote: z.string(),
  recurrence: recurrence.nullable(),
  periodTargets: z.array(z.object({ period: z.string(), target: z.number() })),
  /** A recurring goal's target for its period in progress (its own, or its share of `target`); null for a one-off goal. */
  periodTarget: z.number().nullable(),
  current: z.number().nullable(),
  lastCheckInAt: z.string().nullable(),
  status: goalStatus,
  progress: z.number().nullable(),
  /** Fraction of the goal's time passed today. */
  elapsed: z.number(),
  childCount: z.number().int(),
  coverage: coverage.nullable(),
  smart: z.array(smartMessage),
  /** May the viewer change or delete it, and check in on it? */
  canEdit: z.boolean(),
  canCheckIn: z.boolean(),
  version: rowVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const checkInInput = z
  .object({
    value,
    comment: z.string().trim().max(2000).default(''),
    on: isoDate.optional().describe('the day the value is for; today by default'),
    source: z.enum(['manual', 'data']).default('manual'),
  })
  .strict();

export const checkIn = z.object({ id: uuid, value: z.number(), comment: z.string(), on: z.string(), source: z.enum(['manual', 'data']), by: z.string(), createdAt: z.string() });

export const targetChange = z.object({
  id: uuid,
  /** A recurring goal's period whose own target changed; null for the goal's target or deadline. */
  period: z.string().nullable(),
  /** How the goal recurred before and after (null: one-off); equal when the recurrence did not change. */
  fromRecurrence: recurrence.nullable(),
  toRecurrence: recurrence.nullable(),
  fromTarget: z.number(),
  toTarget: z.number(),
  fromDeadline: z.string(),
  toDeadline: z.string(),
  reason: z.string(),
  by: z.string(),
  at: z.string(),
});

/** One period of a recurring goal with its target, actual and where it stands (docs/goals.md §2b). */
export const goalPeriod = z.object({
  label: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  target: z.number(),
  actual: z.number().nullable(),
  state: z.enum(PERIOD_STATES),
  pace: z.enum(['on_track', 'at_risk', 'off_track']).nullable(),
  progress: z.number().nullable(),
  elapsed: z.number(),
});

export const historyPoint = z.object({ period: z.string(), value: z.number() });

export const targetSuggestion = z.object({
  baseline: z.number(),
  trendPerPeriod: z.number(),
  periodsUsed: z.array(historyPoint),
  periodsAhead: z.number().int(),
  ambition,
  target: z.number(),
  byAmbition: z.record(ambition, z.number()),
  reasoning: localized,
});

/**
 * Where a past actual came from: a closed appraisal cycle (trial ones included) or a metric over
 * a dataset. `partial`: the period is still in progress (its value so far), so it is no history yet.
 */
export const goalActual = z.object({ period: z.string(), value: z.number(), source: z.enum(['cycle', 'metric']), label: z.string(), partial: z.boolean() });

export const goalDetail = goal.extend({
  plan: z.object({ id: uuid, name: z.string(), startsOn: z.string(), endsOn: z.string() }),
  phase: phase.nullable(),
  parent: z.object({ id: uuid, statement: z.string() }).nullable(),
  children: z.array(goal),
  checkIns: z.array(checkIn),
  targetChanges: z.array(targetChange),
  /** Times the target was changed during the plan (one edit of several periods counts once); 2 or more is the pitfall target_churn. */
  targetChangeCount: z.number().int(),
  actuals: z.array(goalActual),
  /** A recurring goal's periods, oldest first, with the record of those met; null for a one-off goal. */
  periods: z.array(goalPeriod).nullable(),
  record: z.object({ met: z.number().int(), finished: z.number().int() }).nullable(),
});

export const treeQuery = z.object({
  parentId: uuid.optional().describe('the goals under this one; omitted: the plan’s top goals'),
  phaseId: uuid.optional(),
  ownerKind: z.enum(['company', 'unit', 'person']).optional(),
  status: goalStatus.optional(),
  q: z.string().trim().max(100).optional().describe('words of the statement or the owner’s name'),
});

/** The SMART check of a goal while it is typed: the same fields as a goal, all optional. */
export const smartCheckInput = z
  .object({
    planId: uuid.optional(),
    goalId: uuid.optional().describe('the goal being edited, so its own history and children are used'),
    parentId: uuid.nullable().optional(),
    owner: goalOwnerInput.optional(),
    statement: z.string().max(500).default(''),
    indicatorId: uuid.nullable().optional(),
    baseline: value.nullable().optional(),
    target: value.nullable().optional(),
    startsOn: isoDate.nullable().optional(),
    deadline: isoDate.nullable().optional(),
    source: goalSource.nullable().optional(),
    recurrence: recurrence.nullable().optional(),
    periodTargets: z.array(periodTarget).max(160).optional(),
    ambition: ambition.default('moderate'),
  })
  .strict();

export const smartCheckResult = z.object({
  messages: z.array(smartMessage),
  history: z.array(goalActual),
  suggestion: targetSuggestion.nullable(),
});

export const planReport = z.object({
  ok: z.boolean(),
  goals: z.array(z.object({ id: uuid, key: z.string(), statement: z.string(), messages: z.array(smartMessage) })),
  pitfalls: z.array(pitfallMessage),
});
