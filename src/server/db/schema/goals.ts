import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, date, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Recurrence } from '../../../core/goals/recurrence.ts';
import type { GoalOwnerKind, GoalSource, GoalStatus, ReviewCadence } from '../../../core/goals/types.ts';
import { users, workspaceIdColumn } from './accounts.ts';
import { createdAtColumn, idColumn, timestampColumns, versionColumn } from './columns.ts';
import { indicators } from './indicators.ts';
import { orgUnits, people } from './org.ts';

/** A plan (计划): a time range, an optional review cadence and phases, and the goals that cascade inside it. */
export const plans = pgTable(
  'plans',
  {
    id: idColumn(),
    workspaceId: workspaceIdColumn(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** null: no review cadence — the seed's pitfall 缺乏动态调整, reported by the SMART check. */
    reviewCadence: text('review_cadence').$type<ReviewCadence>(),
    status: text('status', { enum: ['active', 'archived'] }).notNull().default('active'),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (t) => [uniqueIndex('plans_ws_name_uq').on(t.workspaceId, t.name), check('plans_range_ck', sql`${t.endsOn} >= ${t.startsOn}`)],
);

/** A phase of a plan (启动期 / 成长期 / 成熟期) with its own dates. */
export const planPhases = pgTable(
  'plan_phases',
  {
    id: idColumn(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('plan_phases_plan_name_uq').on(t.planId, t.name), check('plan_phases_range_ck', sql`${t.endsOn} >= ${t.startsOn}`)],
);

/**
 * A SMART goal owned by the company, a unit or a person, bound to an indicator, with a source
 * (出处). `current`, `status` and `progress` are kept current on every check-in and edit, and
 * again once a day (`statusOn`), so dashboards group stored columns instead of recomputing
 * 10,000 goals per request.
 */
export const goals = pgTable(
  'goals',
  {
    id: idColumn(),
    workspaceId: workspaceIdColumn(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    phaseId: uuid('phase_id').references(() => planPhases.id, { onDelete: 'set null' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => goals.id, { onDelete: 'restrict' }),
    ownerKind: text('owner_kind').$type<GoalOwnerKind>().notNull(),
    ownerUnitId: uuid('owner_unit_id').references(() => orgUnits.id, { onDelete: 'restrict' }),
    ownerPersonId: uuid('owner_person_id').references(() => people.id, { onDelete: 'restrict' }),
    statement: text('statement').notNull(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'restrict' }),
    baseline: doublePrecision('baseline'),
    target: doublePrecision('target').notNull(),
    startsOn: date('starts_on').notNull(),
    deadline: date('deadline').notNull(),
    source: text('source').$type<GoalSource>().notNull(),
    /** null: a one-off goal; else the target applies to every week, month or quarter of its span (goal_period_targets may name a period's own). */
    recurrence: text('recurrence').$type<Recurrence>(),
    sourceNote: text('source_note').notNull().default(''),
    /** The latest check-in's value, null before the first. */
    current: doublePrecision('current'),
    lastCheckInAt: timestamp('last_check_in_at', { withTimezone: true }),
    status: text('status').$type<GoalStatus>().notNull().default('not_started'),
    progress: doublePrecision('progress'),
    /** The day `status` was computed for (it moves with time even without check-ins). */
    statusOn: date('status_on').notNull(),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (t) => [
    index('goals_plan_parent_idx').on(t.planId, t.parentId),
    index('goals_ws_status_idx').on(t.workspaceId, t.status),
    index('goals_ws_person_idx').on(t.workspaceId, t.ownerPersonId),
    index('goals_ws_unit_idx').on(t.workspaceId, t.ownerUnitId),
    index('goals_ws_status_on_idx').on(t.workspaceId, t.statusOn),
    index('goals_indicator_idx').on(t.indicatorId),
    check(
      'goals_owner_ck',
      sql`(${t.ownerKind} = 'company' and ${t.ownerUnitId} is null and ${t.ownerPersonId} is null)
        or (${t.ownerKind} = 'unit' and ${t.ownerUnitId} is not null and ${t.ownerPersonId} is null)
        or (${t.ownerKind} = 'person' and ${t.ownerPersonId} is not null and ${t.ownerUnitId} is null)`,
    ),
    check('goals_source_ck', sql`${t.source} in ('parent', 'strategy', 'annual_plan', 'budget', 'job_duties', 'business_process')`),
    check('goals_parent_source_ck', sql`(${t.source} = 'parent') = (${t.parentId} is not null)`),
    check('goals_range_ck', sql`${t.deadline} > ${t.startsOn}`),
    check('goals_statement_ck', sql`length(trim(${t.statement})) > 0`),
    check('goals_recurrence_ck', sql`${t.recurrence} is null or ${t.recurrence} in ('week', 'month', 'quarter')`),
  ],
);

/** A recurring goal's own target for one of its periods (`2027-03`, `2027-Q1`, `2027-W09`); the others take the goal's. */
export const goalPeriodTargets = pgTable(
  'goal_period_targets',
  {
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    target: doublePrecision('target').notNull(),
  },
  (t) => [primaryKey({ name: 'goal_period_targets_pk', columns: [t.goalId, t.period] })],
);

/** A check-in (进展更新): the goal's value on a day, with a comment. */
export const goalCheckIns = pgTable(
  'goal_check_ins',
  {
    id: idColumn(),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    value: doublePrecision('value').notNull(),
    comment: text('comment').notNull().default(''),
    /** The day the value is for. */
    on: date('on').notNull(),
    /** manual: typed in; data: taken from the indicator's actual in the data. */
    source: text('source', { enum: ['manual', 'data'] }).notNull().default('manual'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdByName: text('created_by_name').notNull().default(''),
    createdAt: createdAtColumn(),
  },
  (t) => [index('goal_check_ins_goal_on_idx').on(t.goalId, t.on)],
);

/** A change of a goal's target or deadline during its plan, with the reason (动态调整). */
export const goalTargetChanges = pgTable(
  'goal_target_changes',
  {
    id: idColumn(),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    fromTarget: doublePrecision('from_target').notNull(),
    toTarget: doublePrecision('to_target').notNull(),
    fromDeadline: date('from_deadline').notNull(),
    toDeadline: date('to_deadline').notNull(),
    /** A recurring goal's period whose own target changed; null: the goal's target or deadline. */
    period: text('period'),
    /** How the goal recurred before and after the change (null: one-off); a change of recurrence is a change of target. */
    fromRecurrence: text('from_recurrence').$type<Recurrence>(),
    toRecurrence: text('to_recurrence').$type<Recurrence>(),
    reason: text('reason').notNull(),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    changedByName: text('changed_by_name').notNull().default(''),
    changedAt: createdAtColumn(),
  },
  (t) => [index('goal_target_changes_goal_idx').on(t.goalId), check('goal_target_changes_reason_ck', sql`length(trim(${t.reason})) > 0`)],
);
