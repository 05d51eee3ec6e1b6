import type { MetricDefinition } from '../../../core/datasets/metric-definition.ts';
import { type MetricRange, metricSql } from '../../../core/datasets/metric-sql.ts';
import type { PeriodKind } from '../../../core/values/periods.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { datasets } from '../../db/schema/index.ts';
import { countActiveBatches, runMetricSql, selectPersonOwnerTexts, selectUnitNames } from './metric-values.queries.ts';

type DatasetRow = typeof datasets.$inferSelect;

export type MetricValueRow = { owner: string; ownerId: string | null; period: string; value: number | null; rows: number; skipped: number };
export type MetricValuesResult = {
  values: MetricValueRow[];
  /** Owner texts naming no person or unit of the workspace (or more than one). */
  unmatchedOwners: string[];
  lineage: { dataset: string; batches: number; rows: number };
};

/**
 * A metric's values per owner and period, computed by the database from the definition
 * (metric-sql.ts). Owners that name a person (by name, email or employee number) or a unit
 * get its id; a name shared by two people names neither, and is listed as unmatched.
 */
export async function computeMetricValues(db: Db | Tx, workspaceId: string, spec: MetricDefinition, dataset: DatasetRow, periodKind: PeriodKind, range: MetricRange = {}, options: { sorted?: boolean } = {}): Promise<MetricValuesResult> {
  const query = metricSql(spec, dataset.tableName, dataset.columns, periodKind, range);
  const rows = await runMetricSql(db, query);
  const ids = await ownerIds(db, workspaceId, spec, [...new Set(rows.map((r) => r.owner ?? ''))]);
  const unmatched = new Set<string>();
  const values = rows.map((r) => {
    const owner = r.owner ?? '';
    const ownerId = ids === null ? null : (ids.get(owner) ?? null);
    if (ids !== null && ownerId === null) unmatched.add(owner);
    return { owner, ownerId, period: r.period, value: r.value === null ? null : Number(r.value), rows: r.rows, skipped: r.skipped };
  });
  // for people to read (the API): by period, then owner by code point — a locale-aware sort of
  // 100,000 owners costs seconds; taking values into cycles needs no order
  if (options.sorted) values.sort((a, b) => (a.period !== b.period ? (a.period < b.period ? -1 : 1) : a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0));
  const batches = await countActiveBatches(db, dataset.id);
  return { values, unmatchedOwners: [...unmatched].sort(), lineage: { dataset: dataset.name, batches, rows: values.reduce((n, v) => n + v.rows, 0) } };
}

/** Owner text → person or unit id; null when the metric's owners are channels or the workspace. */
async function ownerIds(db: Db | Tx, workspaceId: string, spec: MetricDefinition, owners: string[]): Promise<Map<string, string> | null> {
  const owner = spec.owner;
  if (owner.kind !== 'person' && owner.kind !== 'unit') return null;
  const found = new Map<string, string | null>();
  const add = (text: string | null, id: string) => {
    if (!text) return;
    const key = text.trim().toLowerCase();
    found.set(key, found.has(key) && found.get(key) !== id ? null : id);
  };
  if (owner.kind === 'unit') {
    for (const u of await selectUnitNames(db, workspaceId)) add(u.name, u.id);
  } else {
    for (const p of await selectPersonOwnerTexts(db, workspaceId, owner.match)) add(p.text, p.id);
  }
  const ids = new Map<string, string>();
  for (const text of owners) {
    const id = found.get(text.trim().toLowerCase());
    if (id) ids.set(text, id);
  }
  return ids;
}
