import { and, eq } from 'drizzle-orm';
import type { MetricDefinition } from '../../../core/datasets/metric-definition.ts';
import type { Db, Tx } from '../../db/client.ts';
import { datasets, metricBindings, metrics } from '../../db/schema/index.ts';

/** Which bindings to read: those of a dataset's metrics, of one metric, of one term — or, with null, all. */
export type BindingScope = { datasetId: string } | { metricId: string } | { term: string } | null;

/** A term bound to a metric, with the metric's definition and its dataset. */
export type Binding = { term: string; metricId: string; metricName: string; spec: MetricDefinition; dataset: typeof datasets.$inferSelect };

/** The workspace's metric bindings in scope, each with its metric and dataset. */
export async function loadBindings(db: Db | Tx, workspaceId: string, scope: BindingScope): Promise<Binding[]> {
  return db
    .select({ term: metricBindings.term, metricId: metrics.id, metricName: metrics.name, spec: metrics.spec, dataset: datasets })
    .from(metricBindings)
    .innerJoin(metrics, eq(metrics.id, metricBindings.metricId))
    .innerJoin(datasets, eq(datasets.id, metrics.datasetId))
    .where(
      and(
        eq(metricBindings.workspaceId, workspaceId),
        scope && 'datasetId' in scope ? eq(metrics.datasetId, scope.datasetId) : undefined,
        scope && 'metricId' in scope ? eq(metrics.id, scope.metricId) : undefined,
        scope && 'term' in scope ? eq(metricBindings.term, scope.term) : undefined,
      ),
    );
}
