import type { z } from 'zod';
import type { metric, suggestedMetric } from '../../../contracts/datasets.ts';
import { SUGGESTED_METRICS } from '../../../core/datasets/builtin-metrics.ts';
import { checkMetric } from '../../../core/datasets/metric-definition.ts';
import type { Database, Db, Tx } from '../../db/client.ts';
import { inClientTransaction } from '../../db/client-transaction.ts';
import { announceDataChanged, DATA_CHANGED } from '../../jobs/data-changed.ts';
import type { JobSender } from '../../jobs/job-types.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { loadDataset } from '../datasets/index.ts';
import type { WorkspaceActor } from '../org/index.ts';
import { boundTerms, indicatorsWithKeys, insertBinding, insertMetricRow, metricsNamed } from './metrics.queries.ts';
import { listMetrics } from './metrics.service.ts';

type Suggestion = z.infer<typeof suggestedMetric>;

/**
 * The metrics the built-in library suggests for a dataset made from a built-in template, with
 * the workspace's indicators that read each term, whether the name is taken (one definition per
 * name) or the term bound already, and whether the dataset has the columns it needs.
 */
export async function listSuggestions(db: Db | Tx, workspaceId: string, datasetId: string): Promise<Suggestion[]> {
  const dataset = await loadDataset(db, workspaceId, datasetId);
  const suggestions = SUGGESTED_METRICS[dataset.templateKey ?? ''] ?? [];
  if (suggestions.length === 0) return [];
  const names = suggestions.map((s) => s.name);
  const keys = [...new Set(suggestions.flatMap((s) => s.indicators))];
  // one after another: inside a transaction the three share one connection, which runs one query at a time
  const taken = await metricsNamed(db, workspaceId, names);
  const bound = await boundTerms(db, workspaceId, names);
  const library = await indicatorsWithKeys(db, workspaceId, keys);
  return suggestions.map((s) => ({
    name: s.name,
    spec: s.spec,
    indicators: library.filter((i) => s.indicators.includes(i.key) || s.indicators.includes(i.builtin ?? '')).map(({ id, key, name }) => ({ id, key, name })),
    exists: taken.some((t) => t.name === s.name),
    bound: bound.some((b) => b.term === s.name),
    usable: checkMetric(s.spec, dataset.columns).length === 0,
  }));
}

/**
 * Creates the chosen suggested metrics on the dataset and binds each to its term (unless the
 * term is bound already), in one transaction that announces the new bindings: open cycles then
 * take the actuals from the data (jobs/data-changed.ts).
 */
export async function applySuggestions(database: Database, jobs: JobSender, actor: WorkspaceActor, datasetId: string, names: readonly string[]): Promise<z.infer<typeof metric>[]> {
  const created = await inClientTransaction(database, async (client, tx) => {
    const offered = await listSuggestions(tx, actor.workspaceId, datasetId);
    const chosen = names.map((name, i) => {
      const s = offered.find((o) => o.name === name);
      if (!s) throw new AppError('validation_failed', { count: 1 }, [{ path: ['body', 'names', i], code: 'metric.not_suggested', params: { name, names: offered.map((o) => o.name).join('、') || '—' } }]);
      if (s.exists) throw new AppError('name_taken', { name }, [{ path: ['body', 'names', i], code: 'metric.name_taken', params: { name } }]);
      if (!s.usable) throw new AppError('validation_failed', { count: 1 }, [{ path: ['body', 'names', i], code: 'metric.suggestion_unusable', params: { name } }]);
      return s;
    });
    for (const s of chosen) {
      const row = await insertMetricRow(tx, { workspaceId: actor.workspaceId, name: s.name, datasetId, spec: s.spec as never, createdBy: actor.userId });
      if (!s.bound) await insertBinding(tx, { workspaceId: actor.workspaceId, term: s.name, metricId: row.id });
      await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'metric.create', entityType: 'metric', entityId: row.id, after: { name: s.name, spec: s.spec, suggested: true, bound: !s.bound } });
    }
    if (chosen.some((s) => !s.bound)) await announceDataChanged(client, jobs, { workspaceId: actor.workspaceId, actor, change: { datasetId } }, chosen.map((s) => s.name).join('、'));
    const all = await listMetrics(tx, actor.workspaceId);
    return names.map((name) => all.find((m) => m.name === name)!);
  });
  jobs.wake(DATA_CHANGED);
  return created;
}
