import type { z } from 'zod';
import type { metric, MetricInput, metricValuesQuery } from '../../../contracts/datasets.ts';
import { checkMetric, type MetricDefinition } from '../../../core/datasets/metric-definition.ts';
import type { Database, Db, Tx } from '../../db/client.ts';
import { inClientTransaction } from '../../db/client-transaction.ts';
import { AppError, type ErrorDetail, ifNotFound } from '../../errors.ts';
import { checkVersion } from '../../http/versions.ts';
import { recordAudit } from '../audit/index.ts';
import type { WorkspaceActor } from '../org/index.ts';
import { loadDataset } from '../datasets/index.ts';
import { announceDataChanged, DATA_CHANGED } from '../../jobs/data-changed.ts';
import type { JobSender } from '../../jobs/job-types.ts';
import { computeMetricValues, type MetricValuesResult } from './metric-values.ts';
import {
  bindingsInWorkspace,
  deleteBinding,
  deleteMetricRow,
  findMetricIdByName,
  indicatorsWithTerms,
  insertBinding,
  insertMetricRow,
  loadMetric,
  metricsWithDatasetName,
  termsBoundTo,
  updateMetricRow,
} from './metrics.queries.ts';

type MetricDto = z.infer<typeof metric>;

/** The data dictionary (数据字典): every metric with its definition, dataset and the indicator terms it feeds. */
export async function listMetrics(db: Db | Tx, workspaceId: string, onlyId?: string): Promise<MetricDto[]> {
  const rows = await metricsWithDatasetName(db, workspaceId, onlyId);
  const bindings = await bindingsInWorkspace(db, workspaceId);
  const library = await indicatorsWithTerms(db, workspaceId);
  // the library indicators that use a term: in their formula, or as the indicator itself
  const usersOf = (term: string) => library.filter((i) => i.key === term || i.name === term || (i.formula !== null && i.terms.some((t) => t.name === term))).map(({ id, key, name }) => ({ id, key, name }));
  return rows.map(({ m, datasetName }) => ({
    id: m.id,
    name: m.name,
    datasetId: m.datasetId,
    datasetName,
    spec: m.spec as MetricDto['spec'],
    bindings: bindings.filter((b) => b.metricId === m.id).map((b) => ({ term: b.term, indicators: usersOf(b.term) })),
    version: m.version,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  }));
}

export async function getMetric(db: Db | Tx, workspaceId: string, id: string): Promise<MetricDto> {
  // one metric, not the whole dictionary read and searched
  const [found] = await listMetrics(db, workspaceId, id);
  if (!found) throw new AppError('not_found', { entity: 'entity.metric' });
  return found;
}

/** Every problem of a definition against its dataset, located under body.spec. */
async function checkInput(db: Db | Tx, workspaceId: string, input: MetricInput) {
  const dataset = await loadDataset(db, workspaceId, input.datasetId).catch(
    ifNotFound(() => new AppError('validation_failed', { count: 1 }, [{ path: ['body', 'datasetId'], code: 'metric.dataset_unknown' }])),
  );
  const problems = checkMetric(input.spec as MetricDefinition, dataset.columns);
  if (problems.length) {
    const details: ErrorDetail[] = problems.map((p) => ({ path: ['body', 'spec', ...p.path], start: p.start, end: p.end, code: 'metric.problem', params: { zh: p.message['zh-CN'], en: p.message.en } }));
    throw new AppError('validation_failed', { count: details.length }, details);
  }
  return dataset;
}

/** One name, one definition per workspace: a second metric of the same name is refused. */
async function refuseTakenName(db: Db | Tx, workspaceId: string, name: string, exceptId?: string) {
  const taken = await findMetricIdByName(db, workspaceId, name, exceptId);
  if (taken) throw new AppError('name_taken', { name }, [{ path: ['body', 'name'], code: 'metric.name_taken', params: { name } }]);
}

export async function createMetric(db: Db, actor: WorkspaceActor, input: MetricInput): Promise<MetricDto> {
  return db.transaction(async (tx) => {
    await checkInput(tx, actor.workspaceId, input);
    await refuseTakenName(tx, actor.workspaceId, input.name);
    const row = await insertMetricRow(tx, { workspaceId: actor.workspaceId, name: input.name, datasetId: input.datasetId, spec: input.spec as MetricDefinition, createdBy: actor.userId });
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'metric.create', entityType: 'metric', entityId: row.id, after: { name: input.name, spec: input.spec } });
    return getMetric(tx, actor.workspaceId, row.id);
  });
}

/**
 * A changed definition changes the actuals of open cycles (closed ones keep theirs): the change
 * is announced in the same transaction, and the cycles module takes them again (jobs/data-changed.ts).
 * `expected`: the version the change is based on; a stale one is a 409 and changes nothing.
 */
export async function updateMetric(database: Database, jobs: JobSender, actor: WorkspaceActor, id: string, input: MetricInput, expected?: number): Promise<MetricDto> {
  const updated = await inClientTransaction(database, async (client, tx) => {
    const before = await loadMetric(tx, actor.workspaceId, id);
    await checkVersion(tx, 'metric', id, expected);
    await checkInput(tx, actor.workspaceId, input);
    await refuseTakenName(tx, actor.workspaceId, input.name, id);
    await updateMetricRow(tx, id, { name: input.name, datasetId: input.datasetId, spec: input.spec as MetricDefinition });
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'metric.update', entityType: 'metric', entityId: id, before: { name: before.name, datasetId: before.datasetId, spec: before.spec }, after: { name: input.name, datasetId: input.datasetId, spec: input.spec } });
    await announceDataChanged(client, jobs, { workspaceId: actor.workspaceId, actor, change: { metricId: id } }, input.name);
    return getMetric(tx, actor.workspaceId, id);
  });
  jobs.wake(DATA_CHANGED);
  return updated;
}

/** A metric that feeds indicator terms cannot be deleted: unbind it first (the answer names the indicators). */
export async function deleteMetric(db: Db, actor: WorkspaceActor, id: string, expected?: number): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await loadMetric(tx, actor.workspaceId, id);
    await checkVersion(tx, 'metric', id, expected);
    const bound = await termsBoundTo(tx, id);
    if (bound.length) {
      const params = { terms: bound.map((b) => b.term).join('、') };
      throw new AppError('has_dependents', { reason: 'metric.bound', ...params }, [{ path: ['id'], code: 'metric.bound', params }]);
    }
    await deleteMetricRow(tx, id);
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'metric.delete', entityType: 'metric', entityId: id, before: { name: row.name, spec: row.spec } });
  });
}

/** A definition's values before it is saved (the builder's live preview). */
export async function previewMetric(db: Db, workspaceId: string, input: MetricInput, query: z.output<typeof metricValuesQuery>): Promise<MetricValuesResult> {
  const dataset = await checkInput(db, workspaceId, input);
  return computeMetricValues(db, workspaceId, input.spec as MetricDefinition, dataset, query.period, { from: query.from, to: query.to }, { sorted: true });
}

export async function metricValues(db: Db, workspaceId: string, id: string, query: z.output<typeof metricValuesQuery>): Promise<MetricValuesResult> {
  const row = await loadMetric(db, workspaceId, id);
  const dataset = await loadDataset(db, workspaceId, row.datasetId);
  return computeMetricValues(db, workspaceId, row.spec, dataset, query.period, { from: query.from, to: query.to }, { sorted: true });
}

/**
 * Binds a term to a metric (or unbinds it with null): wherever a scorecard has the term, its
 * actuals are then taken from the data, in every open cycle (announced: jobs/data-changed.ts).
 * One metric per term.
 */
export async function setBinding(database: Database, jobs: JobSender, actor: WorkspaceActor, input: { term: string; metricId: string | null }): Promise<MetricDto[]> {
  const all = await inClientTransaction(database, async (client, tx) => {
    if (input.metricId) await loadMetric(tx, actor.workspaceId, input.metricId);
    const before = await deleteBinding(tx, actor.workspaceId, input.term);
    if (input.metricId) await insertBinding(tx, { workspaceId: actor.workspaceId, term: input.term, metricId: input.metricId });
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: input.metricId ? 'metric.bind' : 'metric.unbind', entityType: 'metric', entityId: input.metricId ?? before?.metricId ?? null, before: before ? { term: before.term, metricId: before.metricId } : undefined, after: { term: input.term, metricId: input.metricId } });
    // unbinding removes the values the metric gave: every open cycle is brought in line
    await announceDataChanged(client, jobs, { workspaceId: actor.workspaceId, actor, change: input.metricId ? { term: input.term } : { all: true } }, input.term);
    return listMetrics(tx, actor.workspaceId);
  });
  jobs.wake(DATA_CHANGED);
  return all;
}
