import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { Batch, Dataset } from '../../../contracts/datasets.ts';
import type { Db, Tx } from '../../db/client.ts';
import { datasetBatches, datasets, metrics } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { nextVersion } from '../../http/versions.ts';

export type DatasetRow = typeof datasets.$inferSelect;
export type NewDatasetRow = typeof datasets.$inferInsert;
export type BatchRow = typeof datasetBatches.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toBatchDto(b: BatchRow): Batch {
  return {
    id: b.id,
    datasetId: b.datasetId,
    fileName: b.fileName,
    checksum: b.checksum,
    rowCount: b.rowCount,
    replacedCount: b.replacedCount,
    firstDate: b.firstDate,
    lastDate: b.lastDate,
    status: b.status,
    createdBy: b.createdByLabel,
    createdAt: b.createdAt.toISOString(),
    rolledBackAt: iso(b.rolledBackAt),
  };
}

/** Per dataset: active batches, the latest import, the dates covered and the metrics using it (correlated on datasets.id, written out: Drizzle would leave the column unqualified). */
const summary = {
  batchCount: sql<number>`(select count(*)::int from ${datasetBatches} b where b.dataset_id = datasets.id and b.status = 'active')`,
  lastImportAt: sql<Date | null>`(select max(b.created_at) from ${datasetBatches} b where b.dataset_id = datasets.id and b.status = 'active')`,
  firstDate: sql<string | null>`(select min(b.first_date)::text from ${datasetBatches} b where b.dataset_id = datasets.id and b.status = 'active')`,
  lastDate: sql<string | null>`(select max(b.last_date)::text from ${datasetBatches} b where b.dataset_id = datasets.id and b.status = 'active')`,
  metricCount: sql<number>`(select count(*)::int from ${metrics} m where m.dataset_id = datasets.id)`,
};

function toDatasetDto(d: DatasetRow & { batchCount: number; lastImportAt: Date | string | null; firstDate: string | null; lastDate: string | null; metricCount: number }): Dataset {
  return {
    id: d.id,
    name: d.name,
    description: d.description,
    columns: d.columns,
    keyColumns: d.keyColumns,
    dateColumn: d.dateColumn,
    templateKey: d.templateKey,
    rowCount: d.rowCount,
    batchCount: d.batchCount,
    lastImportAt: d.lastImportAt === null ? null : new Date(d.lastImportAt).toISOString(),
    firstDate: d.firstDate,
    lastDate: d.lastDate,
    metricCount: d.metricCount,
    version: d.version,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

export async function listDatasetDtos(db: Db | Tx, workspaceId: string): Promise<Dataset[]> {
  const rows = await db.select({ d: datasets, ...summary }).from(datasets).where(eq(datasets.workspaceId, workspaceId)).orderBy(datasets.name);
  return rows.map((r) => toDatasetDto({ ...r.d, ...r, }));
}

export async function loadDatasetDto(db: Db | Tx, workspaceId: string, id: string): Promise<Dataset> {
  const [r] = await db.select({ d: datasets, ...summary }).from(datasets).where(and(eq(datasets.workspaceId, workspaceId), eq(datasets.id, id)));
  if (!r) throw new AppError('not_found', { entity: 'entity.dataset' });
  return toDatasetDto({ ...r.d, ...r });
}

export async function loadDataset(db: Db | Tx, workspaceId: string, id: string): Promise<DatasetRow> {
  const [row] = await db.select().from(datasets).where(and(eq(datasets.workspaceId, workspaceId), eq(datasets.id, id)));
  if (!row) throw new AppError('not_found', { entity: 'entity.dataset' });
  return row;
}

export async function listBatchDtos(db: Db | Tx, workspaceId: string, datasetId: string): Promise<Batch[]> {
  await loadDataset(db, workspaceId, datasetId);
  const rows = await db.select().from(datasetBatches).where(eq(datasetBatches.datasetId, datasetId)).orderBy(desc(datasetBatches.createdAt));
  return rows.map(toBatchDto);
}

/** The dataset, locked: two imports into one dataset (or an import and a rollback) take turns, so keys and counts stay right. */
export async function lockDataset(tx: Tx, workspaceId: string, datasetId: string): Promise<DatasetRow> {
  const [row] = await tx.select().from(datasets).where(and(eq(datasets.workspaceId, workspaceId), eq(datasets.id, datasetId))).for('update');
  if (!row) throw new AppError('not_found', { entity: 'entity.dataset' });
  return row;
}

/** The ids of the workspace's datasets with this name (at most one). */
export async function datasetsNamed(db: Db | Tx, workspaceId: string, name: string): Promise<{ id: string }[]> {
  return db.select({ id: datasets.id }).from(datasets).where(and(eq(datasets.workspaceId, workspaceId), eq(datasets.name, name)));
}

/** The workspace's dataset with this name other than `selfId`, if any. */
export async function otherDatasetNamed(tx: Tx, workspaceId: string, name: string, selfId: string): Promise<{ id: string } | undefined> {
  const [row] = await tx.select({ id: datasets.id }).from(datasets).where(and(eq(datasets.workspaceId, workspaceId), eq(datasets.name, name), ne(datasets.id, selfId)));
  return row;
}

export async function insertDatasetRow(tx: Db | Tx, values: NewDatasetRow): Promise<DatasetRow> {
  const [row] = await tx.insert(datasets).values(values).returning();
  return row!;
}

/** Sets a dataset's name and description (those given) and updatedAt. */
export async function updateDatasetRow(tx: Tx, id: string, changes: { name?: string; description?: string }): Promise<void> {
  await tx.update(datasets).set({ ...changes, version: nextVersion('dataset'), updatedAt: new Date() }).where(eq(datasets.id, id));
}

/** Deletes the dataset's record (its batches go with it; its table of rows is dropped apart). */
export async function deleteDatasetRow(tx: Tx, id: string): Promise<void> {
  await tx.delete(datasets).where(eq(datasets.id, id));
}

/** The names of the metrics defined on a dataset. */
export async function metricNamesOn(tx: Tx, datasetId: string): Promise<{ name: string }[]> {
  return tx.select({ name: metrics.name }).from(metrics).where(eq(metrics.datasetId, datasetId));
}

/** The stored row count, as it is now in the transaction. */
export async function datasetRowCount(tx: Tx, id: string): Promise<number> {
  const [row] = await tx.select({ rowCount: datasets.rowCount }).from(datasets).where(eq(datasets.id, id));
  return row!.rowCount;
}

/** Adds `rows` (may be negative) to the stored row count, in the database: concurrent changes add up. */
export async function addToRowCount(tx: Tx, id: string, rows: number): Promise<void> {
  await tx
    .update(datasets)
    .set({ rowCount: sql`${datasets.rowCount} + ${rows}`, updatedAt: sql`now()` })
    .where(eq(datasets.id, id));
}

/** A rollback's change of the stored row count: the rows it removed leave, the rows it restored count again. */
export async function subtractRemovedAddRestored(tx: Tx, id: string, removed: number, restored: number): Promise<void> {
  await tx
    .update(datasets)
    .set({ rowCount: sql`${datasets.rowCount} - ${removed} + ${restored}`, updatedAt: sql`now()` })
    .where(eq(datasets.id, id));
}
