import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Cycle } from '../../../../contracts/cycles.ts';
import { type PeopleScope, peopleScope } from '../../../access.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { appraisalCycles, backgroundJobs, cycleParticipants } from '../../../db/schema/index.ts';
import { DATA_CHANGED } from '../../../jobs/data-changed.ts';
import type { Viewer } from '../../../http/request-context.ts';
import { resolveScorecardsForPeriod } from '../../scorecards/index.ts';
import { type CycleRow, loadCycle, periodOf } from './cycle-access.ts';

/** Reading cycles: the list, one cycle with the viewer's counts and own result, and the opening preview. */

type Counts = Cycle['counts'];
type Mine = Cycle['mine'];
const NO_COUNTS: Counts = { participants: 0, complete: 0, incomplete: 0, invalid: 0 };

export function toCycle(row: CycleRow, counts: Counts = NO_COUNTS, mine: Mine = null, dataChanging = false): Cycle {
  return {
    id: row.id,
    name: row.name,
    periodKind: row.periodKind,
    periodLabel: row.periodLabel,
    startsOn: String(row.startsOn),
    endsOn: String(row.endsOn),
    trial: row.trial,
    state: row.state,
    forcedDistribution: row.forcedDistribution,
    actualsRefreshing: row.state === 'open' && dataChanging,
    counts,
    mine,
    openedAt: row.openedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The participants a viewer may see, as SQL over `cycle_participants cp` (canSeeParticipant, in the database). */
export function participantScopeFilter(scope: PeopleScope): SQL {
  if (scope.kind === 'all') return sql`true`;
  const self = scope.selfId ? sql`cp.person_id = ${scope.selfId}::uuid` : sql`false`;
  if (scope.kind === 'self' || scope.unitIds.length === 0) return self;
  return sql`(${self} or cp.unit_id = any(${sql.param(scope.unitIds)}::uuid[]))`;
}

/** Participant counts by status, per cycle, of what the viewer may see. */
async function countsOf(db: Db | Tx, viewer: Viewer, cycleIds: readonly string[]): Promise<Map<string, Counts>> {
  const result = new Map<string, Counts>();
  if (cycleIds.length === 0) return result;
  const { rows } = await db.execute<{ cycle_id: string; participants: number; complete: number; incomplete: number; invalid: number }>(sql`
    select cp.cycle_id, count(*)::int as participants,
           count(*) filter (where cp.status = 'complete')::int as complete,
           count(*) filter (where cp.status = 'incomplete')::int as incomplete,
           count(*) filter (where cp.status = 'invalid')::int as invalid
    from cycle_participants cp
    where cp.workspace_id = ${viewer.workspaceId} and cp.cycle_id = any(${sql.param([...cycleIds])}::uuid[]) and ${participantScopeFilter(peopleScope(viewer))}
    group by cp.cycle_id`);
  for (const r of rows) result.set(r.cycle_id, { participants: r.participants, complete: r.complete, incomplete: r.incomplete, invalid: r.invalid });
  return result;
}

/** The viewer's own participation, per cycle: what a member's list shows as "my result". */
async function mineOf(db: Db | Tx, viewer: Viewer, cycleIds: readonly string[]): Promise<Map<string, NonNullable<Mine>>> {
  const result = new Map<string, NonNullable<Mine>>();
  if (cycleIds.length === 0 || !viewer.personId) return result;
  const rows = await db
    .select({
      cycleId: cycleParticipants.cycleId,
      participantId: cycleParticipants.id,
      status: cycleParticipants.status,
      total: cycleParticipants.total,
      adjustedTotal: cycleParticipants.adjustedTotal,
      finalGrade: cycleParticipants.finalGrade,
    })
    .from(cycleParticipants)
    .where(and(eq(cycleParticipants.workspaceId, viewer.workspaceId), eq(cycleParticipants.personId, viewer.personId), inArray(cycleParticipants.cycleId, [...cycleIds])));
  for (const { cycleId, ...mine } of rows) result.set(cycleId, mine);
  return result;
}

/** Every cycle of the workspace, newest period first. */
export async function listCycles(db: Db, viewer: Viewer): Promise<Cycle[]> {
  const rows = await db
    .select()
    .from(appraisalCycles)
    .where(eq(appraisalCycles.workspaceId, viewer.workspaceId))
    .orderBy(sql`${appraisalCycles.endsOn} desc, ${appraisalCycles.startsOn} desc, ${appraisalCycles.createdAt} desc`);
  const ids = rows.map((r) => r.id);
  const [counts, mine, changing] = await Promise.all([countsOf(db, viewer, ids), mineOf(db, viewer, ids), isDataChanging(db, viewer.workspaceId)]);
  return rows.map((r) => toCycle(r, counts.get(r.id), mine.get(r.id) ?? null, changing));
}

export async function getCycle(db: Db | Tx, viewer: Viewer, id: string): Promise<Cycle> {
  return cycleView(db, viewer, await loadCycle(db, viewer.workspaceId, id));
}

/** A cycle row as the API shows it to the viewer: with the counts of what they may see and their own result. */
export async function cycleView(db: Db | Tx, viewer: Viewer, row: CycleRow): Promise<Cycle> {
  const [counts, mine, changing] = await Promise.all([countsOf(db, viewer, [row.id]), mineOf(db, viewer, [row.id]), row.state === 'open' && isDataChanging(db, viewer.workspaceId)]);
  return toCycle(row, counts.get(row.id), mine.get(row.id) ?? null, changing);
}

/** A "data changed" announcement of the workspace is still to be worked: open cycles' actuals are about to move. */
async function isDataChanging(db: Db | Tx, workspaceId: string): Promise<boolean> {
  const [pending] = await db
    .select({ id: backgroundJobs.id })
    .from(backgroundJobs)
    .where(and(eq(backgroundJobs.workspaceId, workspaceId), eq(backgroundJobs.kind, DATA_CHANGED), inArray(backgroundJobs.state, ['queued', 'running'])))
    .limit(1);
  return pending !== undefined;
}

/** Who would take part (and whether they already do), and the active people who hold no template. */
export async function previewCycle(db: Db, workspaceId: string, id: string) {
  const cycle = await loadCycle(db, workspaceId, id);
  const resolved = await resolveScorecardsForPeriod(db, workspaceId, periodOf(cycle));
  const inCycle = new Set(
    (await db.select({ personId: cycleParticipants.personId }).from(cycleParticipants).where(eq(cycleParticipants.cycleId, id))).map((r) => r.personId),
  );
  const { rows: units } = await db.execute<{ id: string; name: string }>(sql`select id, name from org_units where workspace_id = ${workspaceId}`);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const holders = new Set(resolved.map((r) => r.personId));
  const { rows: everyone } = await db.execute<{ id: string; name: string; unit_id: string | null; unit_name: string | null; position_id: string | null; position_name: string | null }>(sql`
    select p.id, p.name, p.unit_id, u.name as unit_name, p.position_id, pos.name as position_name
    from people p left join org_units u on u.id = p.unit_id left join positions pos on pos.id = p.position_id
    where p.workspace_id = ${workspaceId} and p.status = 'active'
    order by p.name, p.id`);
  return {
    cycleId: cycle.id,
    periodLabel: cycle.periodLabel,
    participants: resolved.map((r) => ({
      personId: r.personId,
      personName: r.personName,
      unitId: r.unitId,
      unitName: r.unitId ? (unitName.get(r.unitId) ?? null) : null,
      templateId: r.templateId,
      templateName: r.templateName,
      inCycle: inCycle.has(r.personId),
    })),
    withoutTemplate: everyone
      .filter((p) => !holders.has(p.id))
      .map((p) => ({ personId: p.id, personName: p.name, unitId: p.unit_id, unitName: p.unit_name, positionId: p.position_id, positionName: p.position_name })),
  };
}
