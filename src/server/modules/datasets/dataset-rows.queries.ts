import { type SQL, sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Db } from '../../db/client.ts';
import type { DatasetRow } from './datasets.queries.ts';

/**
 * SQL on the tables Kedu makes at run time for datasets' rows (db/dataset-tables.ts). Their
 * names and fields come from the dataset's record, never from anything a user typed; values
 * are always bound parameters.
 */

type Table = Pick<DatasetRow, 'tableName' | 'columns'>;
type KeyedTable = Pick<DatasetRow, 'tableName' | 'columns' | 'keyColumns'>;

/** Rows that count (not replaced), optionally of one batch. */
const countedRows = (batch: string | undefined): SQL => (batch ? sql`_batch = ${batch} and _replaced_by is null` : sql`_replaced_by is null`);

/** The fields of the key columns (c1…cN), in the dataset's key order. */
const keyFieldsOf = (dataset: KeyedTable): string[] => dataset.keyColumns.map((k) => dataset.columns.find((c) => c.name === k)!.field);

/**
 * A page of the rows that count, by batch then row number: each row's values in column order,
 * datetimes as 'YYYY-MM-DD HH24:MI:SS' text and numbers as float8.
 */
export async function readCountedRows(db: Db, dataset: Table, page: { batch?: string; limit: number; offset: number }): Promise<{ b: string; r: number; v: (string | number | null)[] }[]> {
  const fields = dataset.columns.map((c) => (c.type === 'datetime' ? `to_char(${c.field}, 'YYYY-MM-DD HH24:MI:SS')` : c.type === 'text' ? c.field : `${c.field}::float8`));
  const { rows } = await db.execute<{ b: string; r: number; v: (string | number | null)[] }>(
    sql`select _batch as b, _row as r, json_build_array(${sql.raw(fields.join(', '))}) as v from ${sql.raw(dataset.tableName)} where ${countedRows(page.batch)} order by _batch, _row limit ${page.limit} offset ${page.offset}`,
  );
  return rows;
}

/** How many rows count (not replaced), optionally of one batch; undefined when the count returned no row. */
export async function countCountedRows(db: Db, tableName: string, batch: string | undefined): Promise<number | undefined> {
  const [count] = (await db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(tableName)} where ${countedRows(batch)}`)).rows;
  return count?.n;
}

/** Deletes a batch's rows that count (not replaced by a later batch); how many. */
export async function deleteCountedRowsOfBatch(client: pg.PoolClient, tableName: string, batchId: string): Promise<number> {
  const removed = await client.query(`DELETE FROM ${tableName} WHERE _batch = $1 AND _replaced_by IS NULL`, [batchId]);
  return removed.rowCount ?? 0;
}

/** Deletes whatever is left of a batch's rows (those a later batch had replaced). */
export async function deleteRowsOfBatch(client: pg.PoolClient, tableName: string, batchId: string): Promise<void> {
  await client.query(`DELETE FROM ${tableName} WHERE _batch = $1`, [batchId]);
}

/** The rows a batch had replaced count again; how many. */
export async function restoreRowsReplacedBy(client: pg.PoolClient, tableName: string, batchId: string): Promise<number> {
  const restored = await client.query(`UPDATE ${tableName} SET _replaced_by = NULL WHERE _replaced_by = $1`, [batchId]);
  return restored.rowCount ?? 0;
}

/**
 * The keys a batch brings more than once (at most 100, in file order): each key's values as
 * text, the row numbers of its first two rows and how many rows have it.
 */
export async function duplicateKeysInBatch(client: pg.PoolClient, dataset: KeyedTable, batchId: string): Promise<{ key: string[]; rows: number[]; n: number }[]> {
  const keyFields = keyFieldsOf(dataset);
  const { rows } = await client.query<{ key: string[]; rows: number[]; n: number }>(
    `SELECT array[${keyFields.map((f) => `${f}::text`).join(', ')}] AS key, (array_agg(_row ORDER BY _row))[1:2] AS rows, count(*)::int AS n
       FROM ${dataset.tableName} WHERE _batch = $1 GROUP BY ${keyFields.join(', ')} HAVING count(*) > 1 ORDER BY min(_row) LIMIT 100`,
    [batchId],
  );
  return rows;
}

/** Marks the rows of earlier batches with a key this batch brings again as replaced by it (kept, restored on rollback); how many. */
export async function replaceRowsWithKeysOf(client: pg.PoolClient, dataset: KeyedTable, batchId: string): Promise<number> {
  const keyFields = keyFieldsOf(dataset);
  const { rowCount } = await client.query(
    `UPDATE ${dataset.tableName} o SET _replaced_by = $1 FROM ${dataset.tableName} n
      WHERE n._batch = $1 AND o._batch <> $1 AND o._replaced_by IS NULL AND ${keyFields.map((f) => `o.${f} = n.${f}`).join(' AND ')}`,
    [batchId],
  );
  return rowCount ?? 0;
}

/** Refreshes the planner's statistics of a dataset's table (after a large batch). */
export async function analyzeDatasetTable(client: pg.PoolClient, tableName: string): Promise<void> {
  await client.query(`ANALYZE ${tableName}`);
}
