/**
 * The dataset endpoints (contracts/datasets.ts): datasets, import batches, the preview of a file,
 * imports and import templates, on top of the shared typed client of api.ts.
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as ds from '../../../contracts/datasets.ts';
import type { ColumnType } from '../../../core/datasets/cell-values.ts';
import { type Ok, request, upload } from '../../api.ts';
import type { JobAccepted } from '../jobs/jobs-api.ts';
import { wsKey } from '../org/org-queries.ts';

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

/** The six column types, in the order the type select offers them. */
export const COLUMN_TYPE_LIST: ColumnType[] = ['text', 'integer', 'decimal', 'percent', 'datetime', 'duration'];

/** A column type of the API (typed as string by the contract) as one of the six. */
export const asColumnType = (type: string): ColumnType => (COLUMN_TYPE_LIST as string[]).includes(type) ? (type as ColumnType) : 'text';

const w = (ws: string) => `/workspaces/${encodeURIComponent(ws)}`;
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
  rows: (ws: string, id: string, query: { page: number; pageSize: number; batch?: string }) =>
    request<DatasetRows>('GET', `${d(ws, id)}/rows`, { query }),
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

/** Everything about datasets lives under ['ws', slug, 'datasets', …]. */
export const datasetsKey = (ws: string) => [...wsKey(ws), 'datasets'] as const;
export const datasetKey = (ws: string, id: string) => [...datasetsKey(ws), id] as const;

export function useDatasets(ws: string, enabled = true) {
  return useQuery({ queryKey: [...datasetsKey(ws), 'list'], queryFn: () => datasetsApi.list(ws), enabled });
}

export function useDataset(ws: string, id: string) {
  return useQuery({ queryKey: [...datasetKey(ws, id), 'dataset'], queryFn: () => datasetsApi.get(ws, id) });
}

export function useBatches(ws: string, id: string) {
  return useQuery({ queryKey: [...datasetKey(ws, id), 'batches'], queryFn: () => datasetsApi.batches(ws, id) });
}

export function useDatasetRows(ws: string, id: string, query: { page: number; pageSize: number; batch?: string }) {
  return useQuery({
    queryKey: [...datasetKey(ws, id), 'rows', query],
    queryFn: () => datasetsApi.rows(ws, id, query),
    placeholderData: keepPreviousData,
  });
}

/** After an import, a rollback or a delete: datasets, metrics (their values) and cycles (their actuals) may all change. */
export function useRefreshData(ws: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: datasetsKey(ws) }),
      queryClient.invalidateQueries({ queryKey: [...wsKey(ws), 'metrics'] }),
      queryClient.invalidateQueries({ queryKey: [...wsKey(ws), 'cycles'] }),
    ]);
}

/** A stored cell as text: percent as a percentage, durations as h:mm:ss, numbers grouped. */
export function formatCell(value: CellValue, columnType: string, locale: string): string {
  const type = asColumnType(columnType);
  if (value === null || value === '') return '';
  if (typeof value === 'string') return type === 'datetime' ? value.replace('T', ' ') : value;
  if (type === 'percent') return `${(value * 100).toLocaleString(locale, { maximumFractionDigits: 2 })}%`;
  if (type === 'duration') {
    const s = Math.round(value);
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const sec = s % 60;
    return `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
  }
  return value.toLocaleString(locale, { maximumFractionDigits: 6 });
}

export const isNumericType = (type: string) => type === 'integer' || type === 'decimal' || type === 'percent' || type === 'duration';
