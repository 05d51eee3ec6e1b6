import { reach } from '../../../access.ts';
import type { Db } from '../../../db/client.ts';
import type { Viewer } from '../../../http/request-context.ts';
import { AppError } from '../../../errors.ts';
import { loadBindings } from '../../metrics/index.ts';
import { findCycleRow } from '../lifecycle/cycle-rows.queries.ts';
import { planCycleValues } from './actuals-from-data.ts';
import { selectParticipantNames, selectStoredTermValues } from './actuals-from-data.queries.ts';

export type MetricDiffRow = { participantId: string; personId: string; personName: string; term: string; stored: number | null; source: string | null; current: number | null; metric: string; dataset: string };

/**
 * What taking a cycle's metric-bound actuals from the data again would change (domain.md §4):
 * for a closed cycle, values are frozen and this is shown, never applied; for an open cycle it
 * is normally empty (imports refresh it), and a refresh applies it.
 */
export async function metricDiff(db: Db, viewer: Viewer, cycleId: string): Promise<{ state: string; rows: MetricDiffRow[] }> {
  const { workspaceId } = viewer;
  const cycle = await findCycleRow(db, workspaceId, cycleId);
  if (!cycle) throw new AppError('not_found', { entity: 'entity.cycle' });
  const bindings = await loadBindings(db, workspaceId, null);
  const planned = bindings.length ? await planCycleValues(db, workspaceId, cycle, bindings) : [];
  if (planned.length === 0) return { state: cycle.state, rows: [] };
  const ids = [...new Set(planned.map((p) => p.participantId))];
  const participants = await selectParticipantNames(db, ids);
  // only the participants the viewer may see (the access layer's rule, over all of them at once)
  const byId = new Map(reach(viewer, 'participant.read', participants).map((p) => [p.id, p]));
  const stored = await selectStoredTermValues(db, ids);
  const storedBy = new Map(stored.map((s) => [`${s.participantId}\u001f${s.term}`, s]));
  const rows: MetricDiffRow[] = [];
  for (const p of planned) {
    const participant = byId.get(p.participantId);
    if (!participant) continue;
    const before = storedBy.get(`${p.participantId}\u001f${p.term}`);
    const storedValue = before?.value ?? null;
    // a typed value with no data behind it stays: only a value the data would change counts
    if (p.value === null && before?.source !== 'metric') continue;
    if (storedValue === p.value && (p.value === null || before?.source === 'metric')) continue;
    rows.push({ participantId: p.participantId, personId: p.personId, personName: participant.name, term: p.term, stored: storedValue, source: before?.source ?? null, current: p.value, metric: p.lineage.metric, dataset: p.lineage.dataset });
  }
  rows.sort((a, b) => a.personName.localeCompare(b.personName, 'zh-CN') || a.term.localeCompare(b.term, 'zh-CN'));
  return { state: cycle.state, rows };
}
