import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { DistributionLimit } from '../../../core/scoring/grades.ts';
import type { Scorecard, ScoreResult } from '../../../core/scoring/types.ts';
import { users, workspaceIdColumn } from './accounts.ts';
import { createdAtColumn, idColumn, timestampColumns, updatedAtColumn, versionColumn } from './columns.ts';
import { orgUnits, people, positions } from './org.ts';

import type { PeriodKind } from '../../../core/values/periods.ts';
import type { TermLineage } from '../../../core/datasets/lineage.ts';

export type { PeriodKind };
export type CycleState = 'draft' | 'open' | 'calibrating' | 'closed';

/**
 * Scorecard templates (考核表模板): the body of a `kedu.scorecard/v1` file (indicators with
 * weights, default targets and rules; grade bands; maxTotal). Validated by the scoring
 * engine's `validateScorecard` before it is stored.
 */
export const scorecardTemplates = pgTable(
  'scorecard_templates',
  {
    id: idColumn(),
    workspaceId: workspaceIdColumn(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    period: text('period').$type<PeriodKind>().notNull(),
    /** `{ indicators, grades?, maxTotal? }` — a Scorecard without name and period. */
    card: jsonb('card').$type<Scorecard>().notNull(),
    status: text('status', { enum: ['active', 'archived'] }).notNull().default('active'),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (t) => [
    uniqueIndex('scorecard_templates_ws_name_uq').on(t.workspaceId, t.name),
    check('scorecard_templates_period_ck', sql`${t.period} in ('month', 'quarter', 'year')`),
  ],
);

/**
 * Who gets a template: every holder of a position, or one person. A person assigned directly
 * uses that template rather than their position's. One template per position or person and
 * period kind (the period is copied from the template so the database can guard it).
 */
export const templateAssignments = pgTable(
  'template_assignments',
  {
    id: idColumn(),
    workspaceId: workspaceIdColumn(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => scorecardTemplates.id, { onDelete: 'cascade' }),
    period: text('period').$type<PeriodKind>().notNull(),
    positionId: uuid('position_id').references(() => positions.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'cascade' }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    check('template_assignments_one_owner_ck', sql`(${t.positionId} is null) <> (${t.personId} is null)`),
    uniqueIndex('template_assignments_position_period_uq').on(t.workspaceId, t.positionId, t.period).where(sql`${t.positionId} is not null`),
    uniqueIndex('template_assignments_person_period_uq').on(t.workspaceId, t.personId, t.period).where(sql`${t.personId} is not null`),
    index('template_assignments_template_idx').on(t.templateId),
  ],
);

/**
 * Targets per period (the year grid): for a template's indicator, the target of one period
 * label (`2026-03`, `2026-Q1`, `2026`) for a position's holders or for one person. A person's
 * target wins over their position's, which wins over the template's default.
 */
export const periodTargets = pgTable(
  'period_targets',
  {
    id: idColumn(),
    workspaceId: workspaceIdColumn(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => scorecardTemplates.id, { onDelete: 'cascade' }),
    ownerKind: text('owner_kind', { enum: ['position', 'person'] }).notNull(),
    ownerId: uuid('owner_id').notNull(),
    indicatorKey: text('indicator_key').notNull(),
    periodLabel: text('period_label').notNull(),
    value: doublePrecision('value').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    uniqueIndex('period_targets_uq').on(t.templateId, t.ownerKind, t.ownerId, t.indicatorKey, t.periodLabel),
    index('period_targets_owner_idx').on(t.workspaceId, t.ownerKind, t.ownerId, t.periodLabel),
    check('period_targets_positive_ck', sql`${t.value} > 0`),
  ],
);

/** An appraisal cycle (考核周期): draft → open → calibrating → closed; closed is locked. */
export const appraisalCycles = pgTable(
  'appraisal_cycles',
  {
    id: idColumn(),
    workspaceId: workspaceIdColumn(),
    name: text('name').notNull(),
    periodKind: text('period_kind').$type<PeriodKind>().notNull(),
    /** `2026-10`, `2026-Q4` or `2026`. */
    periodLabel: text('period_label').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** 试运行: computed like any cycle, but the results do not count. */
    trial: boolean('trial').notNull().default(false),
    state: text('state').$type<CycleState>().notNull().default('draft'),
    /** Forced-distribution limits checked at calibration, e.g. S ≤ 10 %, A ≤ 20 %. */
    forcedDistribution: jsonb('forced_distribution').$type<DistributionLimit[]>().notNull().default([]),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Raised by a change of its settings (name, trial, forced distribution), not by its state changes. */
    version: versionColumn(),
    ...timestampColumns(),
  },
  (t) => [
    uniqueIndex('appraisal_cycles_ws_name_uq').on(t.workspaceId, t.name),
    index('appraisal_cycles_ws_period_idx').on(t.workspaceId, t.periodLabel),
    check('appraisal_cycles_state_ck', sql`${t.state} in ('draft', 'open', 'calibrating', 'closed')`),
    check('appraisal_cycles_period_ck', sql`${t.periodKind} in ('month', 'quarter', 'year')`),
  ],
);

/**
 * A person's scorecard in a cycle, and its result. The scorecard is fixed when the cycle
 * opens (template + the period's targets), the unit too: scope and ranking use the unit the
 * person was in. `total`/`grade`/`status` are kept current as inputs change; `frozenResult`
 * is the full explainable result written when the cycle closes.
 */
export const cycleParticipants = pgTable(
  'cycle_participants',
  {
    id: idColumn(),
    workspaceId: workspaceIdColumn(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => appraisalCycles.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    unitId: uuid('unit_id').references(() => orgUnits.id, { onDelete: 'set null' }),
    templateId: uuid('template_id').references(() => scorecardTemplates.id, { onDelete: 'set null' }),
    templateName: text('template_name').notNull(),
    card: jsonb('card').$type<Scorecard>().notNull(),
    /** Indicator keys not applicable (不适用) this period. */
    notApplicable: jsonb('not_applicable').$type<string[]>().notNull().default([]),
    status: text('status', { enum: ['complete', 'incomplete', 'invalid'] }).notNull().default('incomplete'),
    subtotal: doublePrecision('subtotal'),
    total: doublePrecision('total'),
    grade: text('grade'),
    /** A manager's adjustment (调整): the total that counts instead, with the reason. */
    adjustedTotal: doublePrecision('adjusted_total'),
    adjustmentReason: text('adjustment_reason'),
    adjustedBy: uuid('adjusted_by').references(() => users.id, { onDelete: 'set null' }),
    adjustedAt: timestamp('adjusted_at', { withTimezone: true }),
    /** The grade of the total that counts (adjusted or computed). */
    finalGrade: text('final_grade'),
    frozenResult: jsonb('frozen_result').$type<ScoreResult>(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cycle_participants_cycle_person_uq').on(t.cycleId, t.personId),
    index('cycle_participants_cycle_unit_idx').on(t.cycleId, t.unitId),
    index('cycle_participants_person_idx').on(t.workspaceId, t.personId),
  ],
);

/** Term values (actuals) of a participant: typed in, uploaded, taken from a metric, or corrected by an appeal. */
export const cycleTermValues = pgTable(
  'cycle_term_values',
  {
    participantId: uuid('participant_id')
      .notNull()
      .references(() => cycleParticipants.id, { onDelete: 'cascade' }),
    term: text('term').notNull(),
    value: doublePrecision('value').notNull(),
    /** metric: taken from a dataset by a metric binding, with `lineage` saying how. */
    source: text('source', { enum: ['entry', 'upload', 'appeal', 'metric'] }).notNull(),
    lineage: jsonb('lineage').$type<TermLineage>(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: updatedAtColumn(),
  },
  (t) => [primaryKey({ name: 'cycle_term_values_pk', columns: [t.participantId, t.term] })],
);

/** Ratings of `manual` indicators: the person's self-rating, then the manager's (which counts). */
export const manualRatings = pgTable(
  'manual_ratings',
  {
    participantId: uuid('participant_id')
      .notNull()
      .references(() => cycleParticipants.id, { onDelete: 'cascade' }),
    indicatorKey: text('indicator_key').notNull(),
    selfRating: doublePrecision('self_rating'),
    selfComment: text('self_comment'),
    selfAt: timestamp('self_at', { withTimezone: true }),
    managerRating: doublePrecision('manager_rating'),
    managerComment: text('manager_comment'),
    managerBy: uuid('manager_by').references(() => users.id, { onDelete: 'set null' }),
    managerAt: timestamp('manager_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ name: 'manual_ratings_pk', columns: [t.participantId, t.indicatorKey] })],
);

/** Appeals (异议) against a result during calibration: accepted with corrected values, or rejected with a reason. */
export const appeals = pgTable(
  'appeals',
  {
    id: idColumn(),
    workspaceId: workspaceIdColumn(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => cycleParticipants.id, { onDelete: 'cascade' }),
    /** The disputed indicator; null when the appeal is about the result as a whole. */
    indicatorKey: text('indicator_key'),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['open', 'accepted', 'rejected'] }).notNull().default('open'),
    /** Accepted: the corrected term values (or rating) by term name. */
    corrections: jsonb('corrections').$type<Record<string, number>>(),
    resolution: text('resolution'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAtColumn(),
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [index('appeals_participant_idx').on(t.participantId), index('appeals_ws_status_idx').on(t.workspaceId, t.status)],
);
