import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { datasetBatches, orgUnits, people } from '../../db/schema/index.ts';

/** The SQL of a metric's values: the generated query run as it is, and what names its owners. */

export type MetricSqlRow = { owner: string | null; period: string; value: string | number | null; rows: number; skipped: number };

/** Runs a metric's generated query (core/datasets/metric-sql.ts): its text, with its parameters bound. */
export async function runMetricSql(db: Db | Tx, query: { text: string; params: unknown[] }): Promise<MetricSqlRow[]> {
  const { rows } = await db.execute<MetricSqlRow>(parameterised(query.text, query.params));
  return rows;
}

/** Every unit of the workspace by name: the owners of a unit metric. */
export async function selectUnitNames(db: Db | Tx, workspaceId: string): Promise<{ id: string; name: string }[]> {
  return db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.workspaceId, workspaceId));
}

/** Every person of the workspace with the text a person metric names them by (name, email or employee number). */
export async function selectPersonOwnerTexts(db: Db | Tx, workspaceId: string, match: 'name' | 'email' | 'employee_no'): Promise<{ id: string; text: string | null }[]> {
  const column = match === 'email' ? people.email : match === 'employee_no' ? people.employeeNo : people.name;
  return db.select({ id: people.id, text: column }).from(people).where(eq(people.workspaceId, workspaceId));
}

/** How many active import batches a dataset holds. */
export async function countActiveBatches(db: Db | Tx, datasetId: string): Promise<number> {
  const [batches] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(datasetBatches)
    .where(and(eq(datasetBatches.datasetId, datasetId), eq(datasetBatches.status, 'active')));
  return batches?.n ?? 0;
}

/**
 * The generated text and parameters as a Drizzle query (which numbers its own placeholders):
 * every parameter stays a bound parameter, never SQL text.
 */
export function parameterised(text: string, params: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  parts.forEach((part, i) => {
    chunks.push(i % 2 === 0 ? sql.raw(part) : sql`${sql.param(params[Number(part) - 1])}`);
  });
  return sql.join(chunks);
}
