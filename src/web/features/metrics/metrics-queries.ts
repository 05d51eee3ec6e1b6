/**
 * The metrics' server state: their query keys (under the workspace key, so that a workspace
 * refresh reaches them), the queries, and the mutations with what each one refreshes.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { wsKey } from '../org/org-queries.ts';
import { type Metric, type MetricBody, metricsApi } from './metrics-api.ts';

export const metricsKey = (ws: string) => [...wsKey(ws), 'metrics'] as const;

export function useMetrics(ws: string) {
  return useQuery({ queryKey: [...metricsKey(ws), 'list'], queryFn: () => metricsApi.list(ws) });
}

/** Under the metrics key, so that creating or deleting a metric refreshes the suggestions too. */
export function useSuggestedMetrics(ws: string, datasetId: string, enabled: boolean) {
  return useQuery({ queryKey: [...metricsKey(ws), 'suggested', datasetId], queryFn: () => metricsApi.suggestions(ws, datasetId), enabled });
}

/** The builder's preview of a body (as JSON, so that equal bodies share a key); idle while `body` is null. */
export function useMetricPreview(ws: string, body: string | null) {
  return useQuery({
    queryKey: [...metricsKey(ws), 'preview', body],
    queryFn: ({ signal }) => metricsApi.preview(ws, JSON.parse(body ?? '{}') as MetricBody, 'month', signal),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 30_000,
  });
}

export function useRefreshMetrics(ws: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: metricsKey(ws) }),
      queryClient.invalidateQueries({ queryKey: [...wsKey(ws), 'datasets'] }),
      queryClient.invalidateQueries({ queryKey: [...wsKey(ws), 'cycles'] }),
    ]);
}

// The refreshes below are not awaited: a mutation is done (its button no longer loading) as soon as the server answers.

/**
 * Creates a metric, or saves `metric`'s changes. The body is built inside the mutation (`build`),
 * so that a form missing a part fails as the save does, with its alert.
 */
export function useSaveMetric(ws: string, metric: Metric | null, version?: number) {
  const refresh = useRefreshMetrics(ws);
  return useMutation({
    // `build` may name the version itself (a knowing overwrite after a conflict)
    mutationFn: (build: () => MetricBody & { version?: number }) => {
      const body = build();
      return metric ? metricsApi.update(ws, metric.id, { version, ...body }) : metricsApi.create(ws, body);
    },
    onSuccess: () => void refresh(),
  });
}

/** Reads a metric afresh (after a stale save: the builder shows the latest definition), and refreshes the dictionary. */
export function useReloadMetric(ws: string) {
  const refresh = useRefreshMetrics(ws);
  return (id: string) => (void refresh(), metricsApi.get(ws, id));
}

export function useDeleteMetric(ws: string) {
  const refresh = useRefreshMetrics(ws);
  return useMutation({ mutationFn: (m: Metric) => metricsApi.remove(ws, m.id), onSuccess: () => void refresh() });
}

/** Binds `metric` to exactly `terms`: unbinds first, then binds, one call per term; refreshes even when one fails (some went through). */
export function useSaveBindings(ws: string, metric: Metric) {
  const refresh = useRefreshMetrics(ws);
  return useMutation({
    mutationFn: async (terms: string[]) => {
      const initial = metric.bindings.map((b) => b.term);
      const wanted = [...new Set(terms.map((x) => x.trim()).filter(Boolean))];
      for (const term of initial.filter((x) => !wanted.includes(x))) await metricsApi.bind(ws, term, null);
      for (const term of wanted.filter((x) => !initial.includes(x))) await metricsApi.bind(ws, term, metric.id);
    },
    onSuccess: () => void refresh(),
    onError: () => void refresh(),
  });
}

/** Creates the chosen suggested metrics of a dataset, each bound to its term. */
export function useApplySuggestedMetrics(ws: string, datasetId: string) {
  const refresh = useRefreshMetrics(ws);
  return useMutation({ mutationFn: (names: string[]) => metricsApi.applySuggestions(ws, datasetId, names), onSuccess: () => void refresh() });
}
