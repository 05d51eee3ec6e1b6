import { and, eq, sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Batch } from '../../../contracts/datasets.ts';
import type { Database, Tx } from '../../db/client.ts';
import { inClientTransaction } from '../../db/client-transaction.ts';
import { datasetBatches, datasets } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { type Actor, recordAudit } from '../audit/index.ts';
import { toBatchDto } from './datasets.queries.ts';
import { announceDataChanged, DATA_CHANGED } from '../../jobs/data-changed.ts';
import type { JobSender } from '../../jobs/job-types.ts';

type Context = { workspaceId: string; actor: Actor };
type DatasetRow = typeof datasets.$inferSelect;
type BatchRow = typeof datasetBatches.$inferSelect;

/**
 * Rolls an import batch back (domain.md §4): its rows leave the dataset, the rows it had
 * replaced count again, and the batch stays listed as rolled back. One transaction, which
 * announces that the data changed: open cycles then take their actuals again from what is left
 * (the job `actualsJob`).
 */
export async function rollBackBatch(database: Database, ctx: Context & { jobs: JobSender }, datasetId: string, batchId: string): Promise<{ batch: Batch; actualsJob: string }> {
  const rolledBack = await inClientTransaction(database, async (client, tx) => {
    const [dataset] = await tx.select().from(datasets).where(and(eq(datasets.workspaceId, ctx.workspaceId), eq(datasets.id, datasetId))).for('update');
    if (!dataset) throw new AppError('not_found', { entity: 'entity.dataset' });
    const [batch] = await tx.select().from(datasetBatches).where(and(eq(datasetBatches.datasetId, datasetId), eq(datasetBatches.id, batchId)));
    if (!batch) throw new AppError('not_found', { entity: 'entity.batch' });
    if (batch.status === 'rolled_back') throw new AppError('conflict', { reason: 'dataset.batch_rolled_back' });
    const after = await rollBackBatchIn(client, tx, ctx, dataset, batch);
    const actualsJob = await announceDataChanged(client, ctx.jobs, { workspaceId: ctx.workspaceId, actor: ctx.actor, change: { datasetId } }, dataset.name);
    return { batch: toBatchDto(after), actualsJob };
  });
  ctx.jobs.wake(DATA_CHANGED);
  return rolledBack;
}

/** The rollback itself, inside the caller's transaction (an import replacing the same file uses it too). */
export async function rollBackBatchIn(client: pg.PoolClient, tx: Tx, ctx: Context, dataset: DatasetRow, batch: BatchRow): Promise<BatchRow> {
  const removed = await client.query(`DELETE FROM ${dataset.tableName} WHERE _batch = $1 AND _replaced_by IS NULL`, [batch.id]);
  await client.query(`DELETE FROM ${dataset.tableName} WHERE _batch = $1`, [batch.id]);
  const restored = await client.query(`UPDATE ${dataset.tableName} SET _replaced_by = NULL WHERE _replaced_by = $1`, [batch.id]);
  const [after] = await tx
    .update(datasetBatches)
    .set({ status: 'rolled_back', rolledBackAt: sql`now()`, rolledBackBy: ctx.actor.userId })
    .where(eq(datasetBatches.id, batch.id))
    .returning();
  await tx
    .update(datasets)
    .set({ rowCount: sql`${datasets.rowCount} - ${removed.rowCount ?? 0} + ${restored.rowCount ?? 0}`, updatedAt: sql`now()` })
    .where(eq(datasets.id, dataset.id));
  await recordAudit(tx, ctx.actor, {
    workspaceId: ctx.workspaceId,
    action: 'dataset.rollback',
    entityType: 'dataset',
    entityId: dataset.id,
    before: { batchId: batch.id, fileName: batch.fileName, rows: batch.rowCount },
    after: { removed: removed.rowCount ?? 0, restored: restored.rowCount ?? 0 },
  });
  return after!;
}
