import type { TermLineage } from '../../../../core/datasets/lineage.ts';
import type { MetricDefinition } from '../../../../core/datasets/metric-definition.ts';
import { dayAfter } from '../../../../core/values/periods.ts';
import type { Scorecard } from '../../../../core/scoring/types.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { AppError } from '../../../errors.ts';
import type { DataChange } from '../../../jobs/data-changed.ts';
import { type Binding, computeMetricValues, loadBindings, type MetricValueRow } from '../../metrics/index.ts';
import type { CycleRow } from '../lifecycle/cycle-access.ts';
import { assertCycleAllows } from '../lifecycle/cycle-guard.ts';
import { findCycleRow } from '../lifecycle/cycle-rows.queries.ts';
import { recomputeParticipants } from '../lifecycle/recompute.ts';
import { enteredTerms, isRatedIndicator } from '../results/results-common.ts';
import { deleteMetricValue, lockOpenCycles, selectCycleTermValues, selectParticipantsToPlan, upsertMetricValues } from './actuals-from-data.queries.ts';

/** What changed (announced by datasets or metrics), or one cycle to bring in line (opened, synced, asked for). */
export type ActualsScope = DataChange | { cycleId: string };

/** A term value a metric gives one participant of a cycle (null: the data has none for them). */
export type PlannedValue = { participantId: string; personId: string; term: string; value: number | null; lineage: TermLineage };

/**
 * Takes the actuals of metric-bound terms again from the data for the open cycles the scope
 * touches, and scores the participants whose values changed (domain.md §4: numbers come from
 * the system). This is the one use case that writes actuals from data: it runs as the job
 * that answers "the data changed" (actuals-from-data.job.ts), and inside cycles' own writes
 * (open, sync, calibrate, an explicit refresh). Closed cycles are never touched: their values
 * are frozen, and metricDiff shows what a recompute would change. Returns how many cycles were refreshed.
 */
export async function refreshActualsFromData(tx: Db | Tx, workspaceId: string, scope: ActualsScope): Promise<number> {
  // an import into a dataset no metric reads (and so on) changes no actual: nothing to do
  if (!('all' in scope) && !('cycleId' in scope) && (await loadBindings(tx, workspaceId, scope)).length === 0) return 0;
  // every binding, not only those in scope: a cycle's metric values are brought in line as a whole,
  // so that a term no longer bound loses the value its metric gave it
  const bindings = await loadBindings(tx, workspaceId, null);
  if (bindings.length === 0 && !('all' in scope)) return 0;
  // the open cycles, locked in one order: two refreshes (two imports, two servers) take turns, and
  // the later one plans from data that includes the earlier one's
  const cycles = await lockOpenCycles(tx, workspaceId, 'cycleId' in scope ? scope.cycleId : undefined);
  let refreshed = 0;
  for (const cycle of cycles) {
    const planned = await planCycleValues(tx, workspaceId, cycle, bindings);
    const changed = await writePlanned(tx, cycle.id, planned);
    if (changed.length) await recomputeParticipants(tx, cycle.id, changed);
    if (changed.length || planned.length) refreshed += 1;
  }
  return refreshed;
}

/**
 * The terms of a scorecard a binding gives: the term itself where a formula uses it or an
 * indicator without a formula has it as key, and the key of an indicator without a formula
 * named like the term (library indicators have ASCII keys and Chinese names).
 */
function boundTerms(card: Scorecard, binding: Binding): string[] {
  const entered = enteredTerms(card);
  const terms: string[] = [];
  if (entered.has(binding.term)) terms.push(binding.term);
  for (const indicator of card.indicators) {
    if (indicator.formula === undefined && !isRatedIndicator(indicator) && indicator.name === binding.term && indicator.key !== binding.term && entered.has(indicator.key)) terms.push(indicator.key);
  }
  return terms;
}

/**
 * What every bound term of every participant of a cycle should hold now. A term of an
 * indicator without a formula is the indicator itself (its key on the scorecard). A person
 * metric gives each person their own value; a unit metric the value of the unit the person
 * was in when the cycle opened; a channel or workspace metric the total of the period.
 */
export async function planCycleValues(db: Db | Tx, workspaceId: string, cycle: CycleRow, bindings: Binding[]): Promise<PlannedValue[]> {
  const participants = await selectParticipantsToPlan(db, cycle.id);
  const range = { from: cycle.startsOn, to: dayAfter(cycle.endsOn) };
  const computed = new Map<string, { byOwner: Map<string, MetricValueRow>; batches: number }>();
  const valuesOf = async (b: Binding) => {
    let c = computed.get(b.metricId);
    if (!c) {
      // channels add up to the period's total when a person's scorecard takes the metric
      const spec: MetricDefinition = b.spec.owner.kind === 'channel' ? { ...b.spec, owner: { kind: 'workspace' } } : b.spec;
      const result = await computeMetricValues(db, workspaceId, spec, b.dataset, cycle.periodKind, range);
      const byOwner = new Map<string, MetricValueRow>();
      for (const v of result.values) if (v.period === cycle.periodLabel) byOwner.set(v.ownerId ?? (spec.owner.kind === 'workspace' ? '' : `text:${v.owner}`), v);
      c = { byOwner, batches: result.lineage.batches };
      computed.set(b.metricId, c);
    }
    return c;
  };

  const planned: PlannedValue[] = [];
  for (const p of participants) {
    for (const b of bindings) {
      const terms = boundTerms(p.card, b);
      if (terms.length === 0) continue;
      const { byOwner, batches } = await valuesOf(b);
      const ownerKey = b.spec.owner.kind === 'person' ? p.personId : b.spec.owner.kind === 'unit' ? (p.unitId ?? '-') : '';
      const row = byOwner.get(ownerKey);
      const lineage: TermLineage = { metricId: b.metricId, metric: b.metricName, datasetId: b.dataset.id, dataset: b.dataset.name, batches, rows: row?.rows ?? 0, skipped: row?.skipped ?? 0, owner: row?.owner ?? '', computedAt: new Date().toISOString() };
      for (const term of terms) planned.push({ participantId: p.id, personId: p.personId, term, value: row?.value ?? null, lineage });
    }
  }
  return planned;
}

/**
 * Brings a cycle's metric values in line with the plan: metric values replace typed ones, and
 * a metric value the plan no longer has (no data, or the term unbound) is removed. Returns
 * the participants whose values changed.
 */
async function writePlanned(tx: Db | Tx, cycleId: string, planned: PlannedValue[]): Promise<string[]> {
  const current = await selectCycleTermValues(tx, cycleId);
  const key = (participantId: string, term: string) => `${participantId}\u001f${term}`;
  const now = new Map(current.map((c) => [key(c.participantId, c.term), c]));
  const changed = new Set<string>();
  const upserts = planned.filter((p) => p.value !== null && Number.isFinite(p.value));
  const kept = new Set(upserts.map((p) => key(p.participantId, p.term)));
  for (const p of upserts) {
    const before = now.get(key(p.participantId, p.term));
    if (!before || before.value !== p.value || before.source !== 'metric') changed.add(p.participantId);
  }
  const removals = current.filter((c) => c.source === 'metric' && !kept.has(key(c.participantId, c.term)));
  for (const r of removals) changed.add(r.participantId);
  for (let at = 0; at < upserts.length; at += 5_000) {
    await upsertMetricValues(tx, upserts.slice(at, at + 5_000).map((p) => ({ participantId: p.participantId, term: p.term, value: p.value!, lineage: p.lineage })));
  }
  for (const r of removals) await deleteMetricValue(tx, r.participantId, r.term);
  return [...changed];
}

/** An explicit refresh of one open cycle (after a reopen, say, when the diff shows changes). */
export async function refreshCycleFromData(db: Db, workspaceId: string, cycleId: string): Promise<number> {
  return db.transaction(async (tx) => {
    const cycle = await findCycleRow(tx, workspaceId, cycleId, true);
    if (!cycle) throw new AppError('not_found', { entity: 'entity.cycle' });
    assertCycleAllows(cycle, 'metric_refresh');
    return refreshActualsFromData(tx, workspaceId, { cycleId });
  });
}
