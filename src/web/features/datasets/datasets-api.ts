/**
 * The dataset endpoints (contracts/datasets.ts): datasets, import batches, the preview of a file,
 * imports and import templates, on top of the shared typed client of api.ts. Their server state
 * (keys, queries, mutations) is in datasets-queries.ts.
 */
import type { z } from 'zod';
import type * as ds from '../../../contracts/datasets.ts';
import type { ColumnType } from '../../../core/datasets/cell-values.ts';
import { type Ok, request, upload, workspacePath as w } from '../../api.ts';
import type { JobAccepted } from '../jobs/jobs-api.ts';

export type Dataset = z.infer<typeof ds.dataset>;
export type DatasetColumn = z.infer<typeof ds.datasetColumn>;
export type Batch = z.infer<typeof ds.batch>;
export type DatasetPreview = z.infer<typeof ds.datasetPreview>;
export type PreviewColumn = z.infer<typeof ds.previewColumn>;
export type DatasetImportResult = z.infer<typeof ds.datasetImportResult>;
export type DatasetRows = z.infer<typeof ds.datasetRows>;
export type ImportTemplate = z.infer<typeof ds.importTemplate>;
export type CreateDatasetBody = z.input<typeof ds.createDatasetInput>;
export type SaveTemplateBody = z.input<typeof ds.saveTemplateInput>;
export type { ColumnType };
export type CellValue = DatasetRows['rows'][number]['values'][number];
export type RowsQuery = { page: number; pageSize: number; batch?: string };

const d = (ws: string, id: string) => `${w(ws)}/datasets/${id}`;

type UploadOptions = { sheet?: string; replace?: boolean; onProgress?: (fraction: number) => void };

export const datasetsApi = {
  list: (ws: string) => request<Dataset[]>('GET', `${w(ws)}/datasets`),
  get: (ws: string, id: string) => request<Dataset>('GET', d(ws, id)),
  update: (ws: string, id: string, body: z.input<typeof ds.updateDatasetInput>) => request<Dataset>('PATCH', d(ws, id), { body }),
  remove: (ws: string, id: string) => request<Ok>('DELETE', d(ws, id)),
  batches: (ws: string, id: string) => request<Batch[]>('GET', `${d(ws, id)}/batches`),
  rollback: (ws: string, id: string, batchId: string) =>
    request<{ batch: Batch; actualsJob: string }>('POST', `${d(ws, id)}/batches/${batchId}/rollback`),
  rows: (ws: string, id: string, query: RowsQuery) => request<DatasetRows>('GET', `${d(ws, id)}/rows`, { query }),
  /** What importing the file would do; writes nothing. */
  preview: (ws: string, file: File, options: { datasetId?: string; sheet?: string; onProgress?: (fraction: number) => void }) =>
    upload<DatasetPreview>(`${w(ws)}/datasets/preview`, file, { query: { datasetId: options.datasetId, sheet: options.sheet }, onProgress: options.onProgress }),
  /** Creates a dataset and imports its first file (the dataset's JSON goes before the file). */
  /** A large file answers 202 with a job to follow (features/jobs/jobs-api.ts). */
  createAndImport: (ws: string, dataset: CreateDatasetBody, file: File, options: UploadOptions) =>
    upload<DatasetImportResult | JobAccepted>(`${w(ws)}/datasets/import`, file, {
      query: { sheet: options.sheet, replace: options.replace ? 'true' : undefined },
      fields: { dataset: JSON.stringify(dataset) },
      onProgress: options.onProgress,
    }),
  importInto: (ws: string, id: string, file: File, options: UploadOptions) =>
    upload<DatasetImportResult | JobAccepted>(`${d(ws, id)}/imports`, file, {
      query: { sheet: options.sheet, replace: options.replace ? 'true' : undefined },
      onProgress: options.onProgress,
    }),
  templates: (ws: string) => request<ImportTemplate[]>('GET', `${w(ws)}/import-templates`),
  saveTemplate: (ws: string, body: SaveTemplateBody) => request<ImportTemplate>('POST', `${w(ws)}/import-templates`, { body }),
};
