import { z } from 'zod';
import { COLUMN_TYPES } from '../core/datasets/cell-values.ts';
import { AGGREGATIONS, FILTER_OPS } from '../core/datasets/metric-definition.ts';
import { calendarDate, expectedVersion, rowVersion, uuid } from './common.ts';

/** Datasets, import batches, import templates and metrics (domain.md §4; docs/datasets.md). */

const columnName = z.string().trim().min(1).max(100);
const localized = z.object({ 'zh-CN': z.string(), en: z.string() });

export const columnType = z.enum(COLUMN_TYPES as [string, ...string[]]).describe('text, integer, decimal, percent (a fraction), datetime (wall clock) or duration (seconds)');

export const datasetColumnInput = z
  .object({
    name: columnName,
    nameEn: z.string().trim().max(100).optional(),
    type: columnType,
    snapshot: z.boolean().default(false).describe('a point-in-time value (累积关注人数): rolls up as the last value, never summed'),
    aliases: z.array(columnName).max(20).default([]),
  })
  .strict();

/** A dataset's shape: shared by creating a dataset and saving a mapping as a template. */
const datasetShape = {
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(2000).default(''),
  columns: z.array(datasetColumnInput).min(1).max(200),
  keyColumns: z.array(columnName).max(5).default([]).describe('columns identifying a row across imports: a later import replaces rows with the same key'),
  dateColumn: columnName.describe('the datetime column that places a row in a period'),
};

export const createDatasetInput = z
  .object({ ...datasetShape, templateKey: z.string().max(100).nullable().default(null) })
  .strict();
export type CreateDatasetInput = z.output<typeof createDatasetInput>;

export const updateDatasetInput = z.object({ name: datasetShape.name.optional(), description: datasetShape.description.optional(), version: expectedVersion }).strict();

export const datasetColumn = z.object({ field: z.string(), name: z.string(), nameEn: z.string().optional(), type: columnType, snapshot: z.boolean(), aliases: z.array(z.string()) });

export const dataset = z.object({
  id: uuid,
  name: z.string(),
  description: z.string(),
  columns: z.array(datasetColumn),
  keyColumns: z.array(z.string()),
  dateColumn: z.string(),
  templateKey: z.string().nullable(),
  rowCount: z.number().int(),
  batchCount: z.number().int(),
  lastImportAt: z.string().nullable(),
  firstDate: z.string().nullable(),
  lastDate: z.string().nullable(),
  metricCount: z.number().int(),
  createdAt: z.string(),
  /** Of its name and description (imports do not change it). */
  version: rowVersion,
  updatedAt: z.string(),
});
export type Dataset = z.infer<typeof dataset>;

export const batch = z.object({
  id: uuid,
  datasetId: uuid,
  fileName: z.string(),
  checksum: z.string(),
  rowCount: z.number().int(),
  replacedCount: z.number().int(),
  firstDate: z.string().nullable(),
  lastDate: z.string().nullable(),
  status: z.enum(['active', 'rolled_back']),
  createdBy: z.string(),
  createdAt: z.string(),
  rolledBackAt: z.string().nullable(),
});
export type Batch = z.infer<typeof batch>;

export const importQuery = z.object({
  replace: z.enum(['true', 'false']).default('false').describe('true: the same file was imported before; roll that batch back and import it again').transform((v) => v === 'true'),
  sheet: z.string().max(100).optional().describe('the worksheet of an .xlsx file (default: the first)'),
});

export const datasetImportResult = z.object({
  dataset,
  batch,
  /** Rows of earlier batches this file replaced (same key). */
  replaced: z.number().int(),
  /** The batch rolled back because the same file was imported again with replace. */
  replacedBatchId: uuid.nullable(),
  headerRow: z.number().int(),
  ignoredHeaders: z.array(z.string()),
  /**
   * The job in which open cycles take their actuals from the new data (GET /jobs/{id}; its
   * result is `{ refreshedCycles }`): the import announces that its data changed, and the
   * cycles follow in the background.
   */
  actualsJob: uuid.describe('the job refreshing open cycles from the new data: GET /jobs/{id}'),
});
export type DatasetImportResult = z.infer<typeof datasetImportResult>;

export const templateColumn = z.object({ name: z.string(), nameEn: z.string(), aliases: z.array(z.string()).optional(), type: columnType, snapshot: z.boolean().optional(), required: z.boolean().optional() });

export const importTemplate = z.object({
  key: z.string(),
  builtIn: z.boolean(),
  name: localized,
  description: localized,
  columns: z.array(templateColumn),
  keyColumns: z.array(z.string()),
  dateColumn: z.string(),
});

export const saveTemplateInput = z.object({ ...datasetShape }).strict();

export const previewColumn = z.object({
  /** The header in the file. */
  header: z.string(),
  index: z.number().int(),
  name: z.string(),
  nameEn: z.string().optional(),
  type: columnType,
  snapshot: z.boolean(),
  aliases: z.array(z.string()),
  /** From a template, or guessed from the first rows. */
  origin: z.enum(['template', 'guessed']),
});

export const previewCell = z.object({ value: z.union([z.string(), z.number(), z.null()]), problem: z.string().optional() });

export const datasetPreview = z.object({
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  headerRow: z.number().int(),
  headers: z.array(z.string()),
  template: z.object({ key: z.string(), name: localized }).nullable(),
  columns: z.array(previewColumn),
  keyColumns: z.array(z.string()),
  dateColumn: z.string().nullable(),
  ignoredHeaders: z.array(z.string()),
  /** The first rows as they will be stored (per column of `columns`). */
  rows: z.array(z.object({ row: z.number().int(), cells: z.array(previewCell) })),
  /** Rows read for the preview (the file may have more). */
  rowsRead: z.number().int(),
});
export type DatasetPreview = z.infer<typeof datasetPreview>;

export const datasetRowsQuery = z.object({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50), batch: uuid.optional() });
export const datasetRows = z.object({ columns: z.array(datasetColumn), rows: z.array(z.object({ batchId: uuid, row: z.number().int(), values: z.array(z.union([z.string(), z.number(), z.null()])) })), total: z.number().int() });

// ── metrics ──

export const metricFilter = z.object({ column: columnName, op: z.enum(FILTER_OPS as [string, ...string[]]), values: z.array(z.union([z.string().max(200), z.number()])).max(100).default([]) }).strict();
export const metricOwner = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), column: columnName, match: z.enum(['name', 'email', 'employee_no']).default('name') }).strict(),
  z.object({ kind: z.literal('unit'), column: columnName }).strict(),
  z.object({ kind: z.literal('channel'), column: columnName }).strict(),
  z.object({ kind: z.literal('workspace') }).strict(),
]);
export const metricSpec = z
  .object({
    definition: z.string().trim().max(2000).describe('口径 in plain words: what is counted, from where, at which time; for a rate, the denominator'),
    aggregation: z.enum(AGGREGATIONS as [string, ...string[]]),
    expression: z.string().trim().max(2000).nullable().default(null),
    filters: z.array(metricFilter).max(20).default([]),
    dateColumn: columnName,
    owner: metricOwner,
    unit: z.string().trim().max(20).default(''),
  })
  .strict();
export const metricInput = z.object({ name: z.string().trim().min(1).max(100), datasetId: uuid, spec: metricSpec }).strict();
export type MetricInput = z.output<typeof metricInput>;
/** A change of a metric: its whole definition, and the version it is based on (issue 13). */
export const updateMetricInput = metricInput.extend({ version: expectedVersion }).strict();
export const metric = z.object({
  id: uuid,
  name: z.string(),
  datasetId: uuid,
  datasetName: z.string(),
  spec: metricSpec,
  /** Terms whose actuals this metric gives, with the library indicators using each term. */
  bindings: z.array(z.object({ term: z.string(), indicators: z.array(z.object({ id: uuid, key: z.string(), name: z.string() })) })),
  version: rowVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const metricValuesQuery = z.object({
  period: z.enum(['month', 'quarter', 'year']).default('month'),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
});
export const metricValue = z.object({
  owner: z.string(),
  /** The person or unit the owner text names, when it names one. */
  ownerId: uuid.nullable(),
  period: z.string(),
  value: z.number().nullable(),
  rows: z.number().int(),
  skipped: z.number().int(),
});
export const metricValues = z.object({ values: z.array(metricValue), unmatchedOwners: z.array(z.string()), lineage: z.object({ dataset: z.string(), batches: z.number().int(), rows: z.number().int() }) });
export const bindingInput = z.object({ term: z.string().trim().min(1).max(100).describe('a term name: a variable of indicator formulas, or an indicator without a formula (its key or name)'), metricId: uuid.nullable() }).strict();
export const binding = z.object({ term: z.string(), metricId: uuid, metricName: z.string() });

/** A metric the built-in library suggests for a dataset made from a built-in template. */
export const suggestedMetric = z.object({
  name: z.string(),
  spec: metricSpec,
  /** The workspace's indicators that read the term. */
  indicators: z.array(z.object({ id: uuid, key: z.string(), name: z.string() })),
  /** A metric of this name exists (one definition per name). */
  exists: z.boolean(),
  /** The term is bound to a metric already (creating this one leaves that binding). */
  bound: z.boolean(),
  /** The dataset has every column the definition needs. */
  usable: z.boolean(),
});
export const applySuggestionsInput = z.object({ names: z.array(z.string().trim().min(1).max(100)).min(1).max(20) }).strict();

/** The dataset a previewed file makes: the columns as proposed, the template's key and date column. */
export function datasetFromPreview(name: string, preview: DatasetPreview): CreateDatasetInput {
  return {
    name,
    description: '',
    columns: preview.columns.map((c) => ({ name: c.name, nameEn: c.nameEn, type: c.type, snapshot: c.snapshot, aliases: c.aliases })),
    keyColumns: preview.keyColumns,
    dateColumn: preview.dateColumn ?? '',
    templateKey: preview.template?.key ?? null,
  };
}
