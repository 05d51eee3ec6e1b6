import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type pg from 'pg';
import type { CreateDatasetInput, DatasetImportResult } from '../../../contracts/datasets.ts';
import { withFields } from '../../../core/datasets/dataset-columns.ts';
import { openTableStream } from '../../files/table-stream.ts';
import type { Database, Db, Tx } from '../../db/client.ts';
import { inClientTransaction } from '../../db/client-transaction.ts';
import { AppError } from '../../errors.ts';
import { type Actor, recordAudit } from '../audit/index.ts';
import { checkDatasetShape } from './dataset-shape.ts';
import { createDatasetTable, datasetTableName } from '../../db/dataset-tables.ts';
import { findActiveBatchWithChecksum, findBatchById, insertBatch } from './batches.queries.ts';
import { analyzeDatasetTable, duplicateKeysInBatch, replaceRowsWithKeysOf } from './dataset-rows.queries.ts';
import { addToRowCount, type BatchRow, type DatasetRow, datasetRowCount, datasetsNamed, insertDatasetRow, loadDatasetDto, lockDataset, toBatchDto } from './datasets.queries.ts';
import { announceDataChanged, DATA_CHANGED } from '../../jobs/data-changed.ts';
import type { JobSender } from '../../jobs/job-types.ts';
import { readRowsInto } from './import-rows.ts';
import { openRowSink } from './row-sink.ts';
import { spreadsheetProblem } from './spreadsheet-problems.ts';
import { rollBackBatchIn } from './batches.service.ts';

export type ImportProgress = { bytes: number; totalBytes: number; rows: number };
export type ImportRequest = {
  path: string;
  fileName: string;
  sheet?: string;
  replace: boolean;
  onProgress?: (progress: ImportProgress) => void;
  /** Runs inside the import's transaction just before it commits (a job records its result there). */
  beforeCommit?: (client: pg.PoolClient, result: DatasetImportResult) => Promise<void>;
};
export type ImportTarget = { datasetId: string } | { create: CreateDatasetInput };
/** Whose import, and the queue that hears "the data changed" once it commits. */
type Context = { workspaceId: string; actor: Actor; jobs: JobSender };

/**
 * Imports a file into a dataset as one batch, all or nothing (domain.md §4). Everything —
 * creating the dataset when asked to, the rows, replacing rows with the same key, the batch
 * record, the audit entry and the announcement that the data changed — happens in one
 * transaction, so a file with a problem, a crash or a kill -9 leaves nothing behind. Open
 * cycles take their actuals from the new data in the job the announcement queues (its id is
 * the result's `actualsJob`). The file is streamed: a million rows never sit in memory.
 */
export async function importFile(database: Database, ctx: Context, target: ImportTarget, request: ImportRequest): Promise<DatasetImportResult> {
  if ('create' in target) checkDatasetShape(target.create);
  const checksum = await fileChecksum(request.path);
  const imported = await inClientTransaction(database, async (client, tx) => {
    const dataset = 'create' in target ? await createDatasetIn(tx, ctx, target.create) : await lockDataset(tx, ctx.workspaceId, target.datasetId);
    const replacedBatchId = await refuseOrReplaceSameFile(client, tx, ctx, dataset, checksum, request);
    const batchId = randomUUID();
    const stream = await openTableStream(request.path, { sheet: request.sheet, filename: request.fileName }).catch((err) => Promise.reject(spreadsheetProblem(err, request.fileName)));
    const sink = openRowSink(client, database.kind, dataset.tableName, dataset.columns);
    const report = () => request.onProgress?.({ bytes: stream.bytesRead(), totalBytes: stream.totalBytes, rows: 0 });
    report();
    let outcome;
    try {
      outcome = await readRowsInto(stream.records, dataset.columns, { date: dataset.dateColumn, keys: dataset.keyColumns }, batchId, sink.write, (rows) =>
        request.onProgress?.({ bytes: stream.bytesRead(), totalBytes: stream.totalBytes, rows }),
      );
    } catch (err) {
      await sink.abort();
      throw spreadsheetProblem(err, request.fileName);
    }
    if (outcome.problemCount > 0) {
      await sink.abort();
      throw new AppError('import_failed', outcome.problemSummary, outcome.problems);
    }
    await sink.finish();
    if (outcome.mayRepeatKeys) await refuseDuplicateKeys(client, dataset, batchId);
    const replaced = dataset.keyColumns.length && dataset.rowCount > 0 ? await replaceRowsWithKeysOf(client, dataset, batchId) : 0;
    // a large batch changes what the planner should expect of the table the metrics scan
    if (outcome.rows >= 10_000) await analyzeDatasetTable(client, dataset.tableName);

    await insertBatch(tx, {
      id: batchId,
      workspaceId: ctx.workspaceId,
      datasetId: dataset.id,
      fileName: request.fileName.slice(0, 255),
      checksum,
      rowCount: outcome.rows,
      replacedCount: replaced,
      firstDate: outcome.firstDate,
      lastDate: outcome.lastDate,
      createdBy: ctx.actor.userId,
      createdByLabel: ctx.actor.label,
    });
    await addToRowCount(tx, dataset.id, outcome.rows - replaced);
    await recordAudit(tx, ctx.actor, {
      workspaceId: ctx.workspaceId,
      action: 'dataset.import',
      entityType: 'dataset',
      entityId: dataset.id,
      after: { batchId, fileName: request.fileName, rows: outcome.rows, replaced, checksum, replacedBatchId },
    });
    const actualsJob = await announceDataChanged(client, ctx.jobs, { workspaceId: ctx.workspaceId, actor: ctx.actor, change: { datasetId: dataset.id } }, dataset.name);
    const batchRow = await findBatchById(tx, batchId);
    const dto = await loadDatasetDto(tx, ctx.workspaceId, dataset.id);
    request.onProgress?.({ bytes: stream.totalBytes, totalBytes: stream.totalBytes, rows: outcome.rows });
    const result: DatasetImportResult = { dataset: dto, batch: toBatchDto(batchRow!), replaced, replacedBatchId, headerRow: outcome.headerRow, ignoredHeaders: outcome.ignoredHeaders, actualsJob };
    await request.beforeCommit?.(client, result);
    return result;
  }).catch(async (err: unknown) => Promise.reject(await translateDbError(database, target, checksum, err)));
  ctx.jobs.wake(DATA_CHANGED);
  return imported;
}

export async function fileChecksum(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Creates a dataset and its table inside the caller's transaction (checkDatasetShape first). */
export async function createDatasetIn(tx: Db | Tx, ctx: Omit<Context, 'jobs'>, input: CreateDatasetInput): Promise<DatasetRow> {
  const id = randomUUID();
  const tableName = datasetTableName(id);
  const columns = withFields(input.columns.map((c) => ({ name: c.name, nameEn: c.nameEn, type: c.type as DatasetRow['columns'][number]['type'], snapshot: c.snapshot, aliases: c.aliases })));
  await refuseTakenName(tx, ctx.workspaceId, input.name);
  const row = await insertDatasetRow(tx, { id, workspaceId: ctx.workspaceId, name: input.name, description: input.description, columns, keyColumns: input.keyColumns, dateColumn: input.dateColumn, templateKey: input.templateKey, tableName, createdBy: ctx.actor.userId });
  await createDatasetTable(tx, tableName, columns);
  await recordAudit(tx, ctx.actor, { workspaceId: ctx.workspaceId, action: 'dataset.create', entityType: 'dataset', entityId: id, after: { name: input.name, columns: columns.length, templateKey: input.templateKey } });
  return row!;
}

/** A dataset's name is unique in its workspace (checked before queueing an import too, while the user is there). */
export async function refuseTakenName(db: Db | Tx, workspaceId: string, name: string): Promise<void> {
  const taken = await datasetsNamed(db, workspaceId, name);
  if (taken.length) throw new AppError('name_taken', { name }, [{ path: ['body', 'name'], code: 'field.name_taken', params: { name } }]);
}

/**
 * Refuses the same file twice before any work is queued (the import checks again, in its
 * transaction, for a file imported meanwhile): the answer comes while the user is still there.
 */
export async function refuseSameFileEarly(db: Db, datasetId: string, checksum: string): Promise<void> {
  const earlier = await findActiveBatchWithChecksum(db, datasetId, checksum);
  if (earlier) throw sameFileError(earlier);
}

function sameFileError(earlier: BatchRow): AppError {
  const params = { file: earlier.fileName, at: earlier.createdAt.toISOString().slice(0, 16).replace('T', ' '), by: earlier.createdByLabel, rows: earlier.rowCount };
  // the reason is rendered inside the message: it needs the same words as the detail
  return new AppError('conflict', { reason: 'dataset.same_file', ...params }, [{ path: ['body', 'file'], code: 'dataset.same_file', params }]);
}

/** The same file twice is refused, unless the user asked to replace it: then the earlier batch is rolled back first. */
async function refuseOrReplaceSameFile(client: pg.PoolClient, tx: Tx, ctx: Omit<Context, 'jobs'>, dataset: DatasetRow, checksum: string, request: ImportRequest): Promise<string | null> {
  const earlier = await findActiveBatchWithChecksum(tx, dataset.id, checksum);
  if (!earlier) return null;
  if (!request.replace) throw sameFileError(earlier);
  await rollBackBatchIn(client, tx, ctx, dataset, earlier);
  // the rollback changed the stored row count: keep the local copy in step
  dataset.rowCount = await datasetRowCount(tx, dataset.id);
  return earlier.id;
}

/** Two rows of one file with the same key: the file contradicts itself, so it is refused. */
async function refuseDuplicateKeys(client: pg.PoolClient, dataset: DatasetRow, batchId: string): Promise<void> {
  if (dataset.keyColumns.length === 0) return;
  const rows = await duplicateKeysInBatch(client, dataset, batchId);
  if (rows.length === 0) return;
  const column = dataset.keyColumns.join(' + ');
  throw new AppError(
    'import_failed',
    { count: rows.length },
    rows.map((r) => ({ row: r.rows[1]!, column, value: r.key.join(' / '), code: 'dataset.duplicate_key', params: { first: r.rows[0]!, column, times: r.n } })),
  );
}

/**
 * A unique-index race (two imports of one file at once) is the same refusal as the check above,
 * in the same words: the batch that got in first is looked up to say when, by whom and what
 * (never a message with its {placeholders} left unfilled).
 */
export async function translateDbError(database: Database, target: ImportTarget, checksum: string, err: unknown): Promise<unknown> {
  const e = err as { code?: string; constraint?: string };
  if (e.code !== '23505' || e.constraint !== 'dataset_batches_checksum_uq') return err;
  const earlier = 'datasetId' in target ? await findActiveBatchWithChecksum(database.db, target.datasetId, checksum).catch(() => undefined) : undefined;
  if (earlier) return sameFileError(earlier);
  return new AppError('conflict', { reason: 'dataset.same_file_now' }, [{ path: ['body', 'file'], code: 'dataset.same_file_now' }]);
}
