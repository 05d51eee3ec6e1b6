import type { SuggestedMetric } from './metrics-api.ts';

/** A suggested metric: still to create, made already, or not possible with this dataset's columns. */
export type SuggestedStatus = 'available' | 'exists' | 'unusable';

export const statusOf = (s: SuggestedMetric): SuggestedStatus => (s.exists ? 'exists' : !s.usable ? 'unusable' : 'available');
