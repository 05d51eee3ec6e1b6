import type { z } from 'zod';
import type { CreateDatasetInput, Dataset, datasetRows, datasetRowsQuery, importTemplate, saveTemplateInput, updateDatasetInput } from '../../../contracts/datasets.ts';
import { BUILTIN_TEMPLATES } from '../../../core/datasets/builtin-templates.ts';
import type { ImportTemplate } from '../../../core/datasets/templates.ts';
import type { Database, Db, Tx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { checkVersion } from '../../http/versions.ts';
import { recordAudit } from '../audit/index.ts';
import type { WorkspaceActor } from '../org/index.ts';
import { checkDatasetShape } from './dataset-shape.ts';
import { dropDatasetTable } from '../../db/dataset-tables.ts';
import { countCountedRows, readCountedRows } from './dataset-rows.queries.ts';
import { deleteDatasetRow, loadDataset, loadDatasetDto, metricNamesOn, otherDatasetNamed, updateDatasetRow } from './datasets.queries.ts';
import { deleteImportTemplate, findImportTemplateIdByName, insertImportTemplate, savedImportTemplates } from './import-templates.queries.ts';
import { createDatasetIn } from './import.service.ts';

/** A dataset with no rows yet (its first import may come from the CLI or a scheduled export). */
export async function createEmptyDataset(database: Database, actor: WorkspaceActor, input: CreateDatasetInput): Promise<Dataset> {
  checkDatasetShape(input);
  return database.db.transaction(async (tx) => {
    const row = await createDatasetIn(tx, { workspaceId: actor.workspaceId, actor }, input);
    return loadDatasetDto(tx, actor.workspaceId, row.id);
  });
}

export async function updateDataset(db: Db, actor: WorkspaceActor, id: string, input: Omit<z.output<typeof updateDatasetInput>, 'version'>, expected?: number): Promise<Dataset> {
  return db.transaction(async (tx) => {
    const before = await loadDataset(tx, actor.workspaceId, id);
    await checkVersion(tx, 'dataset', id, expected);
    if (input.name !== undefined && input.name !== before.name) {
      const taken = await otherDatasetNamed(tx, actor.workspaceId, input.name, id);
      if (taken) throw new AppError('name_taken', { name: input.name }, [{ path: ['body', 'name'], code: 'field.name_taken', params: { name: input.name } }]);
    }
    await updateDatasetRow(tx, id, input);
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'dataset.update', entityType: 'dataset', entityId: id, before: { name: before.name, description: before.description }, after: input });
    return loadDatasetDto(tx, actor.workspaceId, id);
  });
}

/** Deleting a dataset drops its rows and batches; refused while metrics are defined on it (the answer names them). */
export async function deleteDataset(db: Db, actor: WorkspaceActor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await loadDataset(tx, actor.workspaceId, id);
    const used = await metricNamesOn(tx, id);
    if (used.length) {
      const params = { metrics: used.map((m) => m.name).join('、') };
      throw new AppError('has_dependents', { reason: 'dataset.has_metrics', ...params }, [{ path: ['id'], code: 'dataset.has_metrics', params }]);
    }
    await deleteDatasetRow(tx, id);
    await dropDatasetTable(tx, row.tableName);
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'dataset.delete', entityType: 'dataset', entityId: id, before: { name: row.name, rows: row.rowCount } });
  });
}

/** A page of a dataset's rows that count (not replaced), newest batch first, optionally of one batch. */
export async function datasetRowsPage(db: Db, workspaceId: string, id: string, query: z.output<typeof datasetRowsQuery>): Promise<z.infer<typeof datasetRows>> {
  const dataset = await loadDataset(db, workspaceId, id);
  const offset = (query.page - 1) * query.pageSize;
  const rows = await readCountedRows(db, dataset, { batch: query.batch, limit: query.pageSize, offset });
  const total = await countCountedRows(db, dataset.tableName, query.batch);
  return { columns: dataset.columns, rows: rows.map((r) => ({ batchId: r.b, row: r.r, values: r.v.map((v) => (typeof v === 'string' && v.endsWith(' 00:00:00') ? v.slice(0, 10) : v)) })), total: total ?? 0 };
}

type TemplateDto = z.infer<typeof importTemplate>;

/** The built-in templates (real export layouts) and the workspace's saved mappings, as the matcher uses them. */
export async function templatesFor(db: Db | Tx, workspaceId: string): Promise<ImportTemplate[]> {
  const saved = await savedImportTemplates(db, workspaceId);
  return [
    ...BUILTIN_TEMPLATES,
    ...saved.map((t) => ({ key: t.id, name: { 'zh-CN': t.name, en: t.name }, description: { 'zh-CN': t.description, en: t.description }, columns: t.columns, keyColumns: t.keyColumns, dateColumn: t.dateColumn })),
  ];
}

export async function listTemplates(db: Db, workspaceId: string): Promise<TemplateDto[]> {
  const builtIn = new Set(BUILTIN_TEMPLATES.map((t) => t.key));
  return (await templatesFor(db, workspaceId)).map((t) => ({ ...t, builtIn: builtIn.has(t.key), columns: t.columns.map((c) => ({ ...c, aliases: [...(c.aliases ?? [])] })), keyColumns: [...t.keyColumns] }));
}

/** A user's own mapping saved as a template: files with these headers are then recognised. */
export async function saveTemplate(db: Db, actor: WorkspaceActor, input: z.output<typeof saveTemplateInput>): Promise<TemplateDto> {
  checkDatasetShape(input);
  return db.transaction(async (tx) => {
    const taken = await findImportTemplateIdByName(tx, actor.workspaceId, input.name);
    if (taken || BUILTIN_TEMPLATES.some((t) => t.name['zh-CN'] === input.name || t.name.en === input.name)) {
      throw new AppError('name_taken', { name: input.name }, [{ path: ['body', 'name'], code: 'field.name_taken', params: { name: input.name } }]);
    }
    const columns = input.columns.map((c) => ({ name: c.name, nameEn: c.nameEn ?? c.name, aliases: c.aliases, type: c.type as ImportTemplate['columns'][number]['type'], snapshot: c.snapshot, required: true }));
    const row = await insertImportTemplate(tx, { workspaceId: actor.workspaceId, name: input.name, description: input.description, columns, keyColumns: input.keyColumns, dateColumn: input.dateColumn, createdBy: actor.userId });
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'import_template.create', entityType: 'import_template', entityId: row!.id, after: { name: input.name, columns: columns.length } });
    return { key: row!.id, builtIn: false, name: { 'zh-CN': row!.name, en: row!.name }, description: { 'zh-CN': row!.description, en: row!.description }, columns, keyColumns: row!.keyColumns, dateColumn: row!.dateColumn };
  });
}

export async function deleteTemplate(db: Db, actor: WorkspaceActor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await deleteImportTemplate(tx, actor.workspaceId, id);
    if (!row) throw new AppError('not_found', { entity: 'entity.import_template' });
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'import_template.delete', entityType: 'import_template', entityId: id, before: { name: row.name } });
  });
}
