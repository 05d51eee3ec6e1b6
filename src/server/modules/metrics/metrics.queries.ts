import { and, eq, inArray, ne, or } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { datasets, indicators, metricBindings, metrics } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { nextVersion } from '../../http/versions.ts';

export type MetricRow = typeof metrics.$inferSelect;
export type NewMetricRow = typeof metrics.$inferInsert;
export type BindingRow = typeof metricBindings.$inferSelect;

/** The workspace's metrics (or only `onlyId`), by name, each with its dataset's name. */
export async function metricsWithDatasetName(db: Db | Tx, workspaceId: string, onlyId?: string): Promise<{ m: MetricRow; datasetName: string }[]> {
  return db
    .select({ m: metrics, datasetName: datasets.name })
    .from(metrics)
    .innerJoin(datasets, eq(datasets.id, metrics.datasetId))
    .where(and(eq(metrics.workspaceId, workspaceId), onlyId ? eq(metrics.id, onlyId) : undefined))
    .orderBy(metrics.name);
}

/** Every term binding of the workspace, by term. */
export async function bindingsInWorkspace(db: Db | Tx, workspaceId: string): Promise<{ metricId: string; term: string }[]> {
  return db.select({ metricId: metricBindings.metricId, term: metricBindings.term }).from(metricBindings).where(eq(metricBindings.workspaceId, workspaceId)).orderBy(metricBindings.term);
}

/** The workspace's indicators with what tells which terms they use (key, name, formula and terms). */
export async function indicatorsWithTerms(db: Db | Tx, workspaceId: string) {
  return db.select({ id: indicators.id, key: indicators.key, name: indicators.name, formula: indicators.formula, terms: indicators.terms }).from(indicators).where(eq(indicators.workspaceId, workspaceId));
}

/** One metric of the workspace; 404 when there is none. */
export async function loadMetric(db: Db | Tx, workspaceId: string, id: string): Promise<MetricRow> {
  const [row] = await db.select().from(metrics).where(and(eq(metrics.workspaceId, workspaceId), eq(metrics.id, id)));
  if (!row) throw new AppError('not_found', { entity: 'entity.metric' });
  return row;
}

/** The workspace's metric with this name, other than `exceptId`, if any. */
export async function findMetricIdByName(db: Db | Tx, workspaceId: string, name: string, exceptId?: string): Promise<{ id: string } | undefined> {
  const [row] = await db
    .select({ id: metrics.id })
    .from(metrics)
    .where(and(eq(metrics.workspaceId, workspaceId), eq(metrics.name, name), exceptId ? ne(metrics.id, exceptId) : undefined));
  return row;
}

export async function insertMetricRow(tx: Tx, values: NewMetricRow): Promise<MetricRow> {
  const [row] = await tx.insert(metrics).values(values).returning();
  return row!;
}

/** Sets a metric's name, dataset and definition, and updatedAt, and raises its version. */
export async function updateMetricRow(tx: Tx, id: string, values: Pick<NewMetricRow, 'name' | 'datasetId' | 'spec'>): Promise<void> {
  await tx.update(metrics).set({ name: values.name, datasetId: values.datasetId, spec: values.spec, version: nextVersion('metric'), updatedAt: new Date() }).where(eq(metrics.id, id));
}

export async function deleteMetricRow(tx: Tx, id: string): Promise<void> {
  await tx.delete(metrics).where(eq(metrics.id, id));
}

/** The terms bound to a metric. */
export async function termsBoundTo(tx: Tx, metricId: string): Promise<{ term: string }[]> {
  return tx.select({ term: metricBindings.term }).from(metricBindings).where(eq(metricBindings.metricId, metricId));
}

/** Unbinds a term; the binding it had, if any. */
export async function deleteBinding(tx: Tx, workspaceId: string, term: string): Promise<BindingRow | undefined> {
  const [before] = await tx.delete(metricBindings).where(and(eq(metricBindings.workspaceId, workspaceId), eq(metricBindings.term, term))).returning();
  return before;
}

export async function insertBinding(tx: Tx, values: { workspaceId: string; term: string; metricId: string }): Promise<void> {
  await tx.insert(metricBindings).values(values);
}

/** Those of `names` that name a metric of the workspace. */
export async function metricsNamed(db: Db | Tx, workspaceId: string, names: string[]): Promise<{ name: string }[]> {
  return db.select({ name: metrics.name }).from(metrics).where(and(eq(metrics.workspaceId, workspaceId), inArray(metrics.name, names)));
}

/** Those of `terms` that are bound in the workspace. */
export async function boundTerms(db: Db | Tx, workspaceId: string, terms: string[]): Promise<{ term: string }[]> {
  return db.select({ term: metricBindings.term }).from(metricBindings).where(and(eq(metricBindings.workspaceId, workspaceId), inArray(metricBindings.term, terms)));
}

/** The workspace's indicators whose key, or whose built-in origin, is one of `keys`. */
export async function indicatorsWithKeys(db: Db | Tx, workspaceId: string, keys: string[]) {
  return db
    .select({ id: indicators.id, key: indicators.key, name: indicators.name, builtin: indicators.sourceBuiltinKey })
    .from(indicators)
    .where(and(eq(indicators.workspaceId, workspaceId), or(inArray(indicators.key, keys), inArray(indicators.sourceBuiltinKey, keys))));
}
