import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { datasetBatches } from '../../db/schema/index.ts';
import type { BatchRow } from './datasets.queries.ts';

export type NewBatchRow = typeof datasetBatches.$inferInsert;

/** One batch of a dataset, if it has it. */
export async function findBatch(tx: Tx, datasetId: string, batchId: string): Promise<BatchRow | undefined> {
  const [row] = await tx.select().from(datasetBatches).where(and(eq(datasetBatches.datasetId, datasetId), eq(datasetBatches.id, batchId)));
  return row;
}

export async function findBatchById(tx: Tx, id: string): Promise<BatchRow | undefined> {
  const [row] = await tx.select().from(datasetBatches).where(eq(datasetBatches.id, id));
  return row;
}

/** The active (not rolled back) batch of a dataset that brought a file with this checksum, if any: the same file imported before. */
export async function findActiveBatchWithChecksum(db: Db | Tx, datasetId: string, checksum: string): Promise<BatchRow | undefined> {
  const [row] = await db.select().from(datasetBatches).where(and(eq(datasetBatches.datasetId, datasetId), eq(datasetBatches.checksum, checksum), eq(datasetBatches.status, 'active')));
  return row;
}

export async function insertBatch(tx: Tx, values: NewBatchRow): Promise<void> {
  await tx.insert(datasetBatches).values(values);
}

/** Marks a batch rolled back, now, by `userId`; the row after. */
export async function markBatchRolledBack(tx: Tx, batchId: string, userId: string | null): Promise<BatchRow | undefined> {
  const [row] = await tx
    .update(datasetBatches)
    .set({ status: 'rolled_back', rolledBackAt: sql`now()`, rolledBackBy: userId })
    .where(eq(datasetBatches.id, batchId))
    .returning();
  return row;
}
