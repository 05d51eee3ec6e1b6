import { sql } from 'drizzle-orm';
import type { ColumnType } from '../../core/datasets/cell-values.ts';
import type { DatasetColumn } from '../../core/datasets/dataset-columns.ts';
import type { Db, Tx } from './client.ts';

/**
 * Everything about the tables Kedu makes at run time for datasets' rows lives here, in the
 * database layer: their names, their columns' SQL types, their DDL. The datasets module, the
 * metric queries and backup/restore all take them from this file.
 */

/** PostgreSQL type of each column type: money exact (numeric), times as the wall clock the file shows. */
export const SQL_TYPES: Readonly<Record<ColumnType, string>> = {
  text: 'text',
  integer: 'bigint',
  decimal: 'numeric',
  percent: 'double precision',
  datetime: 'timestamp',
  duration: 'double precision',
};

/**
 * The table holding a dataset's rows (docs/datasets.md): one per dataset, typed columns
 * `c1…cN`, plus the batch that brought each row, its row number in that file, and the later
 * batch that replaced it (a row with the same key), if any. Names are made here from the
 * dataset's id, never from anything a user typed.
 */
export function datasetTableName(datasetId: string): string {
  const hex = datasetId.replace(/-/g, '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new Error(`not a dataset id: ${datasetId}`);
  return `dataset_rows_${hex}`;
}

/** Fields written by an import, in COPY order. */
export const rowFields = (columns: readonly DatasetColumn[]): string[] => ['_batch', '_row', ...columns.map((c) => c.field)];

/** Tables of dataset rows are named so: nothing else in the schema is. */
export const DATASET_TABLE = /^dataset_rows_[0-9a-f]{32}$/;

/** The CREATE TABLE of a dataset's rows (a restore recreates them from the datasets it restored). */
export function datasetTableDdl(tableName: string, columns: readonly DatasetColumn[]): string {
  if (!DATASET_TABLE.test(tableName)) throw new Error(`not a dataset table: ${tableName}`);
  const fields = columns.map((c) => `${c.field} ${SQL_TYPES[c.type]}`).join(', ');
  // no indexes: metrics scan whole tables, and an index would halve the speed of every import
  return `CREATE TABLE ${tableName} (_batch uuid NOT NULL, _row integer NOT NULL, _replaced_by uuid, ${fields})`;
}

export async function createDatasetTable(db: Db | Tx, tableName: string, columns: readonly DatasetColumn[]): Promise<void> {
  await db.execute(sql.raw(datasetTableDdl(tableName, columns)));
}

export async function dropDatasetTable(db: Db | Tx, tableName: string): Promise<void> {
  await db.execute(sql.raw(`DROP TABLE IF EXISTS ${tableName}`));
}
