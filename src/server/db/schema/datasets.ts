import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { DatasetColumn } from '../../../core/datasets/dataset-columns.ts';
import type { MetricDefinition } from '../../../core/datasets/metric-definition.ts';
import type { TemplateColumn } from '../../../core/datasets/templates.ts';
import { users, workspaceIdColumn } from './accounts.ts';
import { createdAtColumn, idColumn, timestampColumns, versionColumn } from './columns.ts';

/**
 * A dataset (数据集): the rows of imported files of one layout, with typed columns. The rows
 * live in a table of their own (`tableName`, created with the dataset, columns `c1…cN` in
 * the order of `columns`), so that metrics aggregate typed columns in SQL at full speed.
 */
export const datasets = pgTable(
  'datasets',
  {
    id: idColumn(),
    workspaceId: workspaceIdColumn(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    columns: jsonb('columns').$type<DatasetColumn[]>().notNull(),
    /** Column names identifying a row across imports: a later import replaces the row with the same key. */
    keyColumns: jsonb('key_columns').$type<string[]>().notNull().default([]),
    /** The datetime column that places a row in a period (metrics may choose another). */
    dateColumn: text('date_column').notNull(),
    /** The built-in template (its key) or saved template (its id) the dataset was made from. */
    templateKey: text('template_key'),
    tableName: text('table_name').notNull(),
    /** Rows that count (not replaced by a later import), kept current by imports and rollbacks. */
    rowCount: integer('row_count').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** Of its editable metadata (name, description): imports and rollbacks leave it. */
    version: versionColumn(),
    ...timestampColumns(),
  },
  (t) => [uniqueIndex('datasets_ws_name_uq').on(t.workspaceId, t.name), uniqueIndex('datasets_table_uq').on(t.tableName)],
);

/** An import batch (导入批次): one file imported into a dataset, all of it or nothing. */
export const datasetBatches = pgTable(
  'dataset_batches',
  {
    id: idColumn(),
    workspaceId: workspaceIdColumn(),
    datasetId: uuid('dataset_id')
      .notNull()
      .references(() => datasets.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    /** SHA-256 of the file's bytes: the same file twice is refused unless the user replaces it. */
    checksum: text('checksum').notNull(),
    rowCount: integer('row_count').notNull(),
    /** Rows of earlier batches this one replaced (same key). */
    replacedCount: integer('replaced_count').notNull().default(0),
    firstDate: date('first_date'),
    lastDate: date('last_date'),
    status: text('status', { enum: ['active', 'rolled_back'] }).notNull().default('active'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdByLabel: text('created_by_label').notNull(),
    createdAt: createdAtColumn(),
    rolledBackBy: uuid('rolled_back_by').references(() => users.id, { onDelete: 'set null' }),
    rolledBackAt: timestamp('rolled_back_at', { withTimezone: true }),
  },
  (t) => [
    index('dataset_batches_dataset_idx').on(t.datasetId, t.createdAt),
    // the database guards "the same file twice" too, against two imports racing
    uniqueIndex('dataset_batches_checksum_uq').on(t.datasetId, t.checksum).where(sql`${t.status} = 'active'`),
    check('dataset_batches_status_ck', sql`${t.status} in ('active', 'rolled_back')`),
  ],
);

/** A user's own column mapping saved as an import template (built-in templates live in code). */
export const importTemplates = pgTable(
  'import_templates',
  {
    id: idColumn(),
    workspaceId: workspaceIdColumn(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    columns: jsonb('columns').$type<TemplateColumn[]>().notNull(),
    keyColumns: jsonb('key_columns').$type<string[]>().notNull().default([]),
    dateColumn: text('date_column').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestampColumns(),
  },
  (t) => [uniqueIndex('import_templates_ws_name_uq').on(t.workspaceId, t.name)],
);

/**
 * A metric (度量) of the data dictionary: one name, one definition (口径) per workspace,
 * computed in SQL per owner and period from a dataset.
 */
export const metrics = pgTable(
  'metrics',
  {
    id: idColumn(),
    workspaceId: workspaceIdColumn(),
    name: text('name').notNull(),
    datasetId: uuid('dataset_id')
      .notNull()
      .references(() => datasets.id, { onDelete: 'restrict' }),
    /** aggregation, expression, filters, date column, owner, definition text, unit. */
    spec: jsonb('spec').$type<MetricDefinition>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (t) => [uniqueIndex('metrics_ws_name_uq').on(t.workspaceId, t.name), index('metrics_dataset_idx').on(t.datasetId)],
);

/**
 * A term of the workspace's vocabulary whose actuals are taken from a metric (E化): wherever a
 * scorecard has the term — in an indicator's formula, or as an indicator without a formula
 * whose key or name it is — its value comes from the data. One definition per term
 * (domain.md §4): a term is bound to at most one metric.
 */
export const metricBindings = pgTable(
  'metric_bindings',
  {
    id: idColumn(),
    workspaceId: workspaceIdColumn(),
    term: text('term').notNull(),
    metricId: uuid('metric_id')
      .notNull()
      .references(() => metrics.id, { onDelete: 'restrict' }),
    createdAt: createdAtColumn(),
  },
  (t) => [uniqueIndex('metric_bindings_ws_term_uq').on(t.workspaceId, t.term), index('metric_bindings_metric_idx').on(t.metricId)],
);
