/** The metrics module's public face: what other modules use of it (docs/architecture.md "Layers"). */
export { loadBindings, planCycleValues, refreshMetricActuals } from './metric-refresh.ts';
export { computeMetricValues, type MetricValuesResult } from './metric-values.ts';
export { createMetric, setBinding } from './metrics.service.ts';
export { applySuggestions } from './suggestions.service.ts';
