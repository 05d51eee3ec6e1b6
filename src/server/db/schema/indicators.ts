import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { IndicatorKind, IndicatorNature, Perspective, Period, RollUp, TermRollUp, Direction, IndicatorStatus } from '../../../core/indicators/types.ts';
import { workspaceIdColumn } from './accounts.ts';
import { idColumn, timestampColumns, versionColumn } from './columns.ts';

/** One term of an indicator's formula with its data definition (口径). */
export type IndicatorTermRow = { name: string; definition: string; rollUp: TermRollUp };

/**
 * The indicator library of a workspace (指标库). Enumerated columns are checked by the
 * contracts; the database guards what a bug could break silently (status, empty purpose).
 */
export const indicators = pgTable(
  'indicators',
  {
    id: idColumn(),
    workspaceId: workspaceIdColumn(),
    /** Stable ASCII identifier, unique in the workspace (scorecards refer to it). */
    key: text('key').notNull(),
    name: text('name').notNull(),
    /** The English name when `name` is Chinese (shown to English readers). */
    nameEn: text('name_en'),
    purpose: text('purpose').notNull(),
    perspective: text('perspective').$type<Perspective>().notNull(),
    kind: text('kind').$type<IndicatorKind>().notNull(),
    nature: text('nature').$type<IndicatorNature>().notNull(),
    unit: text('unit').notNull().default(''),
    direction: text('direction').$type<Direction>().notNull(),
    /** null: the indicator is its own single term. */
    formula: text('formula'),
    terms: jsonb('terms').$type<IndicatorTermRow[]>().notNull(),
    period: text('period').$type<Period>().notNull(),
    rollUp: text('roll_up').$type<RollUp>().notNull(),
    status: text('status').$type<IndicatorStatus>().notNull().default('active'),
    /** The built-in indicator this one was copied from, if any. */
    sourceBuiltinKey: text('source_builtin_key'),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (t) => [
    uniqueIndex('indicators_ws_key_uq').on(t.workspaceId, t.key),
    uniqueIndex('indicators_ws_name_uq').on(t.workspaceId, t.name),
    index('indicators_ws_status_perspective_idx').on(t.workspaceId, t.status, t.perspective),
    index('indicators_ws_builtin_idx').on(t.workspaceId, t.sourceBuiltinKey),
    check('indicators_status_ck', sql`${t.status} in ('active', 'archived')`),
    check('indicators_purpose_ck', sql`length(trim(${t.purpose})) > 0`),
  ],
);
