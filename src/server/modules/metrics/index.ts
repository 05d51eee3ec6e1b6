/** The metrics module's public face: what other modules use of it (docs/architecture.md "Layers"). */
export { type Binding, loadBindings } from './metric-bindings.queries.ts';
export { computeMetricValues, type MetricValueRow, type MetricValuesResult } from './metric-values.ts';
export { createMetric, setBinding } from './metrics.service.ts';
export { applySuggestions } from './suggestions.service.ts';
