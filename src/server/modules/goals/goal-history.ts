import { isPeriodOver } from '../../../core/goals/dates.ts';
import type { HistoryPoint } from '../../../core/goals/types.ts';
import type { Db, Tx } from '../../db/client.ts';
import { loadBindings } from '../metrics/index.ts';
import { computeMetricValues, type MetricValuesResult } from '../metrics/index.ts';
import { type CycleActualRow, findIndicatorById, type IndicatorRow, selectClosedCycleActuals, selectPeopleUnits, selectUnitParents } from './goal-history.queries.ts';
import { today } from './goal-status.ts';

/** `partial`: the period is still in progress on the reader's day, so its value is one so far. */
export type GoalActual = { period: string; value: number; source: 'cycle' | 'metric'; label: string; partial: boolean };
export type HistoryOwner = { kind: 'company' | 'unit' | 'person'; unitId: string | null; personId: string | null };

/**
 * Reads the past actuals of goals' indicators for their owners, per period: from the appraisal
 * cycles that closed (trial ones included: they are history too) and from the metrics bound to
 * the indicator. A unit's or the company's value is the unit's or the workspace's own metric
 * value, or the sum over its people — a sum only for additive indicators (a sum of conversion
 * rates means nothing). One reader serves a whole plan report:
 * each metric is computed once, each indicator's cycle actuals are read once.
 */
export function historyReader(db: Db | Tx, workspaceId: string, asOf = today()) {
  const memo = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    if (!memo.has(key)) memo.set(key, load());
    return memo.get(key) as Promise<T>;
  };
  const indicator = (id: string) => once(`i:${id}`, () => findIndicatorById(db, id));
  const bindings = () => once('bindings', () => loadBindings(db, workspaceId, null));
  const metricValues = (b: Awaited<ReturnType<typeof bindings>>[number]) => once(`m:${b.metricId}`, (): Promise<MetricValuesResult> => computeMetricValues(db, workspaceId, b.spec, b.dataset, 'month'));
  // by person: a plan report of 10,000 goals looks each owner's rows up instead of scanning them all
  const cycleRows = (key: string) =>
    once(`c:${key}`, async () => {
      const byPerson = new Map<string, CycleActualRow[]>();
      for (const row of await selectClosedCycleActuals(db, workspaceId, key)) byPerson.set(row.personId, [...(byPerson.get(row.personId) ?? []), row]);
      return byPerson;
    });
  const units = () => once('units', () => selectUnitParents(db, workspaceId));
  const staff = () => once('people', () => selectPeopleUnits(db, workspaceId));

  /** The people a goal's value is summed over: the person, a unit's subtree, or everyone. */
  async function peopleOf(owner: HistoryOwner): Promise<Set<string>> {
    if (owner.kind === 'person') return new Set([owner.personId!]);
    const all = await staff();
    if (owner.kind === 'company') return new Set(all.map((p) => p.id));
    const below = new Set([owner.unitId!]);
    const tree = await units();
    for (let grew = true; grew; ) {
      grew = false;
      for (const u of tree) if (u.parentId && below.has(u.parentId) && !below.has(u.id)) (below.add(u.id), (grew = true));
    }
    return new Set(all.filter((p) => p.unitId !== null && below.has(p.unitId)).map((p) => p.id));
  }

  async function fromMetrics(owner: HistoryOwner, ind: IndicatorRow, personIds: Set<string>): Promise<GoalActual[]> {
    const terms = new Set([ind.key, ind.name, ...(ind.formula === null ? ind.terms.map((t) => t.name) : [])]);
    const binding = (await bindings()).find((b) => terms.has(b.term));
    if (!binding) return [];
    const kind = binding.spec.owner.kind;
    const additive = ind.rollUp === 'sum';
    const take = (ownerId: string | null): boolean => {
      if (owner.kind === 'person') return kind === 'person' && ownerId === owner.personId;
      if (owner.kind === 'unit') return kind === 'unit' ? ownerId === owner.unitId : additive && kind === 'person' && ownerId !== null && personIds.has(ownerId);
      // the company: the workspace's own value, or the sum over people, units or channels
      return kind === 'workspace' || additive;
    };
    const byPeriod = new Map<string, number>();
    for (const v of (await metricValues(binding)).values) if (v.value !== null && take(v.ownerId)) byPeriod.set(v.period, (byPeriod.get(v.period) ?? 0) + v.value);
    return [...byPeriod].map(([period, value]) => ({ period, value, source: 'metric' as const, label: binding.metricName, partial: !isPeriodOver(period, asOf) }));
  }

  return {
    async actualsFor(owner: HistoryOwner, indicatorId: string): Promise<GoalActual[]> {
      const ind = await indicator(indicatorId);
      if (!ind) return [];
      const personIds = await peopleOf(owner);
      const byPeriod = new Map<string, GoalActual>();
      // a unit's or the company's value from people's scorecards is their sum: only for additive indicators
      const byPerson = owner.kind === 'person' || ind.rollUp === 'sum' ? await cycleRows(ind.key) : new Map<string, CycleActualRow[]>();
      for (const r of [...personIds].flatMap((id) => byPerson.get(id) ?? [])) {
        const seen = byPeriod.get(r.period);
        byPeriod.set(r.period, { period: r.period, value: (seen?.value ?? 0) + r.actual, source: 'cycle', label: r.cycle, partial: !isPeriodOver(r.period, asOf) });
      }
      const all = [...byPeriod.values(), ...(await fromMetrics(owner, ind, personIds))];
      return all.sort((a, b) => (a.period === b.period ? a.source.localeCompare(b.source) : a.period < b.period ? -1 : 1));
    },
  };
}

/**
 * The history a target suggestion and the Attainable check read: the complete months only (the
 * month in progress is a value so far, not a month), from the data when a metric gives at least
 * two, else from closed monthly cycles.
 */
export function monthlyHistory(actuals: GoalActual[]): HistoryPoint[] {
  const monthly = actuals.filter((a) => !a.partial && /^\d{4}-\d{2}$/.test(a.period));
  const metric = monthly.filter((a) => a.source === 'metric');
  const chosen = metric.length >= 2 ? metric : monthly.filter((a) => a.source === 'cycle');
  return chosen.map(({ period, value }) => ({ period, value }));
}
