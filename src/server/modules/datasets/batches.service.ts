import type pg from 'pg';
import type { Batch } from '../../../contracts/datasets.ts';
import type { Database, Tx } from '../../db/client.ts';
import { inClientTransaction } from '../../db/client-transaction.ts';
import { AppError } from '../../errors.ts';
import { type Actor, recordAudit } from '../audit/index.ts';
import { findBatch, markBatchRolledBack } from './batches.queries.ts';
import { deleteCountedRowsOfBatch, deleteRowsOfBatch, restoreRowsReplacedBy } from './dataset-rows.queries.ts';
import { type BatchRow, type DatasetRow, lockDataset, subtractRemovedAddRestored, toBatchDto } from './datasets.queries.ts';
import { announceDataChanged, DATA_CHANGED } from '../../jobs/data-changed.ts';
import type { JobSender } from '../../jobs/job-types.ts';

type Context = { workspaceId: string; actor: Actor };

/**
 * Rolls an import batch back (domain.md §4): its rows leave the dataset, the rows it had
 * replaced count again, and the batch stays listed as rolled back. One transaction, which
 * announces that the data changed: open cycles then take their actuals again from what is left
 * (the job `actualsJob`).
 */
export async function rollBackBatch(database: Database, ctx: Context & { jobs: JobSender }, datasetId: string, batchId: string): Promise<{ batch: Batch; actualsJob: string }> {
  const rolledBack = await inClientTransaction(database, async (client, tx) => {
    const dataset = await lockDataset(tx, ctx.workspaceId, datasetId);
    const batch = await findBatch(tx, datasetId, batchId);
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
  const removed = await deleteCountedRowsOfBatch(client, dataset.tableName, batch.id);
  await deleteRowsOfBatch(client, dataset.tableName, batch.id);
  const restored = await restoreRowsReplacedBy(client, dataset.tableName, batch.id);
  const after = await markBatchRolledBack(tx, batch.id, ctx.actor.userId);
  await subtractRemovedAddRestored(tx, dataset.id, removed, restored);
  await recordAudit(tx, ctx.actor, {
    workspaceId: ctx.workspaceId,
    action: 'dataset.rollback',
    entityType: 'dataset',
    entityId: dataset.id,
    before: { batchId: batch.id, fileName: batch.fileName, rows: batch.rowCount },
    after: { removed, restored },
  });
  return after!;
}
