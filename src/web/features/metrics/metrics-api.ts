/**
 * The metric endpoints (contracts/datasets.ts): the data dictionary, the builder's preview,
 * and bindings to indicator terms.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as ds from '../../../contracts/datasets.ts';
import type { Aggregation, FilterOp } from '../../../core/datasets/metric-definition.ts';
import { type Ok, request } from '../../api.ts';
import { wsKey } from '../org/org-queries.ts';

export type Metric = z.infer<typeof ds.metric>;
export type MetricBody = z.input<typeof ds.metricInput>;
export type MetricSpec = z.infer<typeof ds.metricSpec>;
export type MetricValues = z.infer<typeof ds.metricValues>;
export type SuggestedMetric = z.infer<typeof ds.suggestedMetric>;
export type { Aggregation, FilterOp };
export type OwnerKind = MetricSpec['owner']['kind'];
export type Period = 'month' | 'quarter' | 'year';

export const AGGREGATION_LIST: Aggregation[] = ['sum', 'count', 'count_distinct', 'avg', 'min', 'max', 'last'];
export const FILTER_OP_LIST: FilterOp[] = ['=', '<>', 'in', 'not_in', '>', '>=', '<', '<=', 'missing', 'present'];
export const OWNER_KINDS: OwnerKind[] = ['person', 'unit', 'channel', 'workspace'];

const w = (ws: string) => `/workspaces/${encodeURIComponent(ws)}`;

export const metricsApi = {
  list: (ws: string) => request<Metric[]>('GET', `${w(ws)}/metrics`),
  create: (ws: string, body: MetricBody) => request<Metric>('POST', `${w(ws)}/metrics`, { body }),
  update: (ws: string, id: string, body: MetricBody) => request<Metric>('PUT', `${w(ws)}/metrics/${id}`, { body }),
  remove: (ws: string, id: string) => request<Ok>('DELETE', `${w(ws)}/metrics/${id}`),
  preview: (ws: string, body: MetricBody, period: Period, signal?: AbortSignal) =>
    request<MetricValues>('POST', `${w(ws)}/metrics/preview`, { body, query: { period }, signal }),
  bind: (ws: string, term: string, metricId: string | null) => request<Metric[]>('PUT', `${w(ws)}/metric-bindings`, { body: { term, metricId } }),
  /** The built-in library's metrics for a dataset made from a built-in template. */
  suggestions: (ws: string, datasetId: string) => request<SuggestedMetric[]>('GET', `${w(ws)}/datasets/${datasetId}/suggested-metrics`),
  /** Creates the chosen suggested metrics and binds each to its term (unless bound already). */
  applySuggestions: (ws: string, datasetId: string, names: string[]) => request<Metric[]>('POST', `${w(ws)}/datasets/${datasetId}/suggested-metrics`, { body: { names } }),
};

export const metricsKey = (ws: string) => [...wsKey(ws), 'metrics'] as const;

export function useMetrics(ws: string) {
  return useQuery({ queryKey: [...metricsKey(ws), 'list'], queryFn: () => metricsApi.list(ws) });
}

/** Under the metrics key, so that creating or deleting a metric refreshes the suggestions too. */
export function useSuggestedMetrics(ws: string, datasetId: string, enabled: boolean) {
  return useQuery({ queryKey: [...metricsKey(ws), 'suggested', datasetId], queryFn: () => metricsApi.suggestions(ws, datasetId), enabled });
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
