import { and, desc, eq, sql } from 'drizzle-orm';
import type { Batch, Dataset } from '../../../contracts/datasets.ts';
import type { Db, Tx } from '../../db/client.ts';
import { datasetBatches, datasets, metrics } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';

type DatasetRow = typeof datasets.$inferSelect;
type BatchRow = typeof datasetBatches.$inferSelect;

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
