import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';

/** A column of a bulk insert: its SQL type (the array is cast to it) and how to read it from a row. */
export type BulkColumn<R> = { type: string; value: (row: R) => unknown };

/** Rows per statement: large enough that round trips do not dominate, small enough to keep one statement's parameters in the tens of megabytes. */
const BATCH_ROWS = 5000;

/**
 * Inserts rows with one `insert … select from unnest(…)` per batch: one array parameter per
 * column, whatever the number of rows (a multi-row VALUES list would need a parameter per
 * cell, and COPY FROM STDIN does not work on the embedded database). jsonb travels as text
 * and is cast inside. `computed` adds columns given as SQL over the unnested row `v`, so
 * large values the database already holds (a template's card) are not sent again per row.
 */
export async function bulkInsert<R>(
  tx: Tx,
  table: string,
  columns: Record<string, BulkColumn<R>>,
  rows: readonly R[],
  computed: Record<string, SQL> = {},
): Promise<void> {
  const names = Object.keys(columns);
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const part = rows.slice(start, start + BATCH_ROWS);
    const arrays = names.map((name) => {
      const { type, value } = columns[name];
      const values = part.map((row) => {
        const v = value(row);
        return type === 'jsonb' && v !== null && v !== undefined ? JSON.stringify(v) : v;
      });
      return sql`${sql.param(values)}::${sql.raw(type === 'jsonb' ? 'text' : type)}[]`;
    });
    // quoted: some columns have reserved names (goal_check_ins.on)
    const q = (name: string) => `"${name}"`;
    const selects = names.map((name) => sql.raw(columns[name].type === 'jsonb' ? `v.${q(name)}::jsonb` : `v.${q(name)}`));
    const target = [...names, ...Object.keys(computed)].map((n) => sql.raw(q(n)));
    await tx.execute(sql`
      insert into ${sql.raw(table)} (${sql.join(target, sql`, `)})
      select ${sql.join([...selects, ...Object.values(computed)], sql`, `)}
      from unnest(${sql.join(arrays, sql`, `)}) as v(${sql.raw(names.map(q).join(', '))})`);
  }
}
