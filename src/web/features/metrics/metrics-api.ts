/**
 * The metric endpoints (contracts/datasets.ts): the data dictionary, the builder's preview,
 * and bindings to indicator terms. Their server state (keys, queries, mutations) is in metrics-queries.ts.
 */
import type { z } from 'zod';
import type * as ds from '../../../contracts/datasets.ts';
import type { Aggregation, FilterOp } from '../../../core/datasets/metric-definition.ts';
import { type Ok, request, workspacePath as w } from '../../api.ts';

export type Metric = z.infer<typeof ds.metric>;
export type MetricBody = z.input<typeof ds.metricInput>;
export type MetricUpdateBody = z.input<typeof ds.updateMetricInput>;
export type MetricSpec = z.infer<typeof ds.metricSpec>;
export type MetricValues = z.infer<typeof ds.metricValues>;
export type SuggestedMetric = z.infer<typeof ds.suggestedMetric>;
export type { Aggregation, FilterOp };
export type OwnerKind = MetricSpec['owner']['kind'];
export type Period = 'month' | 'quarter' | 'year';

export const AGGREGATION_LIST: Aggregation[] = ['sum', 'count', 'count_distinct', 'avg', 'min', 'max', 'last'];
export const FILTER_OP_LIST: FilterOp[] = ['=', '<>', 'in', 'not_in', '>', '>=', '<', '<=', 'missing', 'present'];
export const OWNER_KINDS: OwnerKind[] = ['person', 'unit', 'channel', 'workspace'];

export const metricsApi = {
  list: (ws: string) => request<Metric[]>('GET', `${w(ws)}/metrics`),
  create: (ws: string, body: MetricBody) => request<Metric>('POST', `${w(ws)}/metrics`, { body }),
  get: (ws: string, id: string) => request<Metric>('GET', `${w(ws)}/metrics/${id}`),
  update: (ws: string, id: string, body: MetricUpdateBody) => request<Metric>('PUT', `${w(ws)}/metrics/${id}`, { body }),
  remove: (ws: string, id: string) => request<Ok>('DELETE', `${w(ws)}/metrics/${id}`),
  preview: (ws: string, body: MetricBody, period: Period, signal?: AbortSignal) =>
    request<MetricValues>('POST', `${w(ws)}/metrics/preview`, { body, query: { period }, signal }),
  bind: (ws: string, term: string, metricId: string | null) => request<Metric[]>('PUT', `${w(ws)}/metric-bindings`, { body: { term, metricId } }),
  /** The built-in library's metrics for a dataset made from a built-in template. */
  suggestions: (ws: string, datasetId: string) => request<SuggestedMetric[]>('GET', `${w(ws)}/datasets/${datasetId}/suggested-metrics`),
  /** Creates the chosen suggested metrics and binds each to its term (unless bound already). */
  applySuggestions: (ws: string, datasetId: string, names: string[]) => request<Metric[]>('POST', `${w(ws)}/datasets/${datasetId}/suggested-metrics`, { body: { names } }),
};
