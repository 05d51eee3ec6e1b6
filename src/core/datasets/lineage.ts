/**
 * Where an actual taken from a metric came from (domain.md §4 lineage: metric → dataset →
 * batches → rows), stored beside the term value and shown with the result.
 */
export type TermLineage = {
  metricId: string;
  metric: string;
  datasetId: string;
  dataset: string;
  /** Import batches of the dataset that count. */
  batches: number;
  /** Rows counted for this owner and period. */
  rows: number;
  /** Rows left out because a column of the expression was missing (missing is not zero). */
  skipped: number;
  /** The owner text the rows named ('' for a workspace metric). */
  owner: string;
  computedAt: string;
};
