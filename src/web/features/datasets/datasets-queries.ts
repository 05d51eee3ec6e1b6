/**
 * The datasets' server state: their query keys (under the workspace key, so that a workspace
 * refresh reaches them), the queries, and the mutations with what each one refreshes.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { followJob, isJobAccepted, type Job, waitForJob } from '../jobs/jobs-api.ts';
import { wsKey } from '../org/org-queries.ts';
import { type CreateDatasetBody, type DatasetImportResult, datasetsApi, type RowsQuery, type SaveTemplateBody } from './datasets-api.ts';

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

export function useDatasetRows(ws: string, id: string, query: RowsQuery) {
  return useQuery({
    queryKey: [...datasetKey(ws, id), 'rows', query],
    queryFn: () => datasetsApi.rows(ws, id, query),
    placeholderData: keepPreviousData,
  });
}

/** The workspace's import templates (built-in and saved); they seldom change. */
export function useImportTemplates(ws: string, enabled: boolean) {
  return useQuery({ queryKey: [...datasetsKey(ws), 'templates'], queryFn: () => datasetsApi.templates(ws), enabled, staleTime: 60_000 });
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

// The refreshes below are not awaited: a mutation is done (its button no longer loading) as soon as the server answers.

/**
 * Deletes a dataset; `leave` takes the user off its page (and says so), and the data is refreshed
 * only once the page has gone: refreshing first would ask for the deleted dataset again.
 */
export function useDeleteDataset(ws: string, id: string, leave: () => void) {
  const refresh = useRefreshData(ws);
  return useMutation({
    mutationFn: () => datasetsApi.remove(ws, id),
    onSuccess: () => {
      leave();
      setTimeout(() => void refresh(), 0);
    },
  });
}

/** Rolls a batch back, then waits for the job in which open cycles take their actuals from what is left. */
export function useRollbackBatch(ws: string, datasetId: string) {
  const refresh = useRefreshData(ws);
  return useMutation({
    mutationFn: async (batchId: string) => waitForJob<{ refreshedCycles: number }>(ws, (await datasetsApi.rollback(ws, datasetId, batchId)).actualsJob),
    onSuccess: () => void refresh(),
  });
}

/** What importing a file would do (into `datasetId`, or a new dataset); writes nothing. */
export function useFilePreview(ws: string, datasetId: string | undefined) {
  return useMutation({
    mutationFn: ({ file, sheet, onProgress }: { file: File; sheet?: string; onProgress: (fraction: number) => void }) => datasetsApi.preview(ws, file, { datasetId, sheet, onProgress }),
  });
}

export type ImportArgs = {
  file: File | null;
  /** The dataset to import into; none: create `dataset` with the file's rows. */
  into: string | undefined;
  dataset: CreateDatasetBody;
  sheet: string | undefined;
  /** Replace the rows of an earlier import of the same file (the server refuses it otherwise). */
  replace: boolean;
  onProgress: (fraction: number) => void;
  onJob: (job: Job) => void;
};

/** Imports a file; a large one goes on in the background, and its job is followed (`onJob`) to the result. */
export function useImportFile(ws: string) {
  const refresh = useRefreshData(ws);
  return useMutation({
    mutationFn: async ({ file, into, dataset, sheet, replace, onProgress, onJob }: ImportArgs): Promise<DatasetImportResult> => {
      if (!file) throw new Error('no file');
      const options = { sheet, replace, onProgress };
      const answer = into ? await datasetsApi.importInto(ws, into, file, options) : await datasetsApi.createAndImport(ws, dataset, file, options);
      return isJobAccepted(answer) ? followJob<DatasetImportResult>(ws, answer.job, onJob) : answer;
    },
    onSuccess: () => void refresh(),
  });
}

/** Keeps a new dataset's column mapping as an import template. */
export function useSaveImportTemplate(ws: string) {
  return useMutation({ mutationFn: (body: SaveTemplateBody) => datasetsApi.saveTemplate(ws, body) });
}
