import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { closeCycleInput, createCycleInput, Cycle, updateCycleInput } from '../../../contracts/cycles.ts';
import { parsePeriod, type Period } from '../../../core/values/periods.ts';
import { type PeopleScope, peopleScope } from '../../access.ts';
import type { Db, Tx } from '../../db/client.ts';
import { appraisalCycles, cycleParticipants } from '../../db/schema/index.ts';
import { AppError, type ErrorDetail } from '../../errors.ts';
import type { Viewer } from '../../http/request-context.ts';
import type { Locale } from '../../i18n/messages.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { WorkspaceActor } from '../org/org.types.ts';
import { type PersonScorecard, resolveScorecardsForPeriod } from '../scorecards/resolve.ts';
import { type CycleRow, loadCycle } from './cycle-access.ts';
import { assertCycleAllows, type CycleAction } from './cycle-guard.ts';
import { freezeResults, recomputeParticipants } from './recompute.ts';

type Counts = Cycle['counts'];
type Mine = Cycle['mine'];
const NO_COUNTS: Counts = { participants: 0, complete: 0, incomplete: 0, invalid: 0 };

export function toCycle(row: CycleRow, counts: Counts = NO_COUNTS, mine: Mine = null): Cycle {
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
    counts,
    mine,
    openedAt: row.openedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
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
  const [counts, mine] = [await countsOf(db, viewer, ids), await mineOf(db, viewer, ids)];
  return rows.map((r) => toCycle(r, counts.get(r.id), mine.get(r.id) ?? null));
}

export async function getCycle(db: Db | Tx, viewer: Viewer, id: string): Promise<Cycle> {
  const row = await loadCycle(db, viewer.workspaceId, id);
  return toCycle(row, (await countsOf(db, viewer, [id])).get(id), (await mineOf(db, viewer, [id])).get(id) ?? null);
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026年10月考核" / "October 2026 appraisal"; quarter "2026年第4季度考核" / "Q4 2026 appraisal"; year "2026年度考核" / "2026 annual appraisal". */
export function defaultCycleName(period: Period, locale: Locale): string {
  const zh = locale === 'zh-CN';
  if (period.kind === 'month') {
    const month = Number(period.label.slice(5, 7));
    return zh ? `${period.year}年${month}月考核` : `${MONTHS_EN[month - 1]} ${period.year} appraisal`;
  }
  if (period.kind === 'quarter') {
    const q = period.label.slice(6);
    return zh ? `${period.year}年第${q}季度考核` : `Q${q} ${period.year} appraisal`;
  }
  return zh ? `${period.year}年度考核` : `${period.year} annual appraisal`;
}

async function assertNameFree(tx: Tx, workspaceId: string, name: string, selfId: string | null): Promise<void> {
  const [row] = await tx.select({ id: appraisalCycles.id }).from(appraisalCycles).where(and(eq(appraisalCycles.workspaceId, workspaceId), eq(appraisalCycles.name, name)));
  if (row && row.id !== selfId) throw new AppError('name_taken', { name }, [{ path: ['body', 'name'], code: 'cycle.name_taken', params: { name } }]);
}

/** Each limit names a grade once, and minShare ≤ maxShare. */
function checkDistribution(limits: readonly { grade: string; maxShare?: number; minShare?: number }[]): void {
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  limits.forEach((l, i) => {
    if (seen.has(l.grade)) details.push({ path: ['body', 'forcedDistribution', i, 'grade'], code: 'cycle.distribution_grade_twice', params: { grade: l.grade } });
    seen.add(l.grade);
    if (l.maxShare === undefined && l.minShare === undefined) details.push({ path: ['body', 'forcedDistribution', i], code: 'cycle.distribution_empty', params: { grade: l.grade } });
    if (l.maxShare !== undefined && l.minShare !== undefined && l.minShare > l.maxShare) {
      details.push({ path: ['body', 'forcedDistribution', i, 'minShare'], code: 'cycle.distribution_min_above_max', params: { grade: l.grade } });
    }
  });
  if (details.length > 0) throw new AppError('validation_failed', { count: details.length }, details);
}

export async function createCycle(db: Db, viewer: Viewer, actor: WorkspaceActor, input: z.output<typeof createCycleInput>, locale: Locale): Promise<Cycle> {
  const period = parsePeriod(input.periodLabel);
  if (!period) {
    // the contract already refuses it; kept so the service is safe on its own
    throw new AppError('validation_failed', { count: 1 }, [{ path: ['body', 'periodLabel'], code: 'cycle.period_label_invalid', params: { value: input.periodLabel } }]);
  }
  checkDistribution(input.forcedDistribution);
  const id = await db.transaction(async (tx) => {
    const name = input.name ?? defaultCycleName(period, locale);
    await assertNameFree(tx, actor.workspaceId, name, null);
    const [row] = await tx
      .insert(appraisalCycles)
      .values({
        workspaceId: actor.workspaceId,
        name,
        periodKind: period.kind,
        periodLabel: period.label,
        startsOn: period.startsOn,
        endsOn: period.endsOn,
        trial: input.trial,
        forcedDistribution: input.forcedDistribution,
      })
      .returning();
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'cycle.create', entityType: 'cycle', entityId: row.id, after: row });
    return row.id;
  });
  return getCycle(db, viewer, id);
}

export async function updateCycle(db: Db, viewer: Viewer, actor: WorkspaceActor, id: string, input: z.output<typeof updateCycleInput>): Promise<Cycle> {
  if (input.forcedDistribution) checkDistribution(input.forcedDistribution);
  await db.transaction(async (tx) => {
    const before = await loadCycle(tx, actor.workspaceId, id, true);
    assertCycleAllows(before, 'edit');
    if (input.name !== undefined && input.name !== before.name) await assertNameFree(tx, actor.workspaceId, input.name, id);
    const [after] = await tx
      .update(appraisalCycles)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(appraisalCycles.id, id))
      .returning();
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'cycle.update', entityType: 'cycle', entityId: id, before, after });
  });
  return getCycle(db, viewer, id);
}

export async function deleteCycle(db: Db, actor: WorkspaceActor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await loadCycle(tx, actor.workspaceId, id, true);
    assertCycleAllows(before, 'delete');
    await tx.delete(appraisalCycles).where(eq(appraisalCycles.id, id));
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'cycle.delete', entityType: 'cycle', entityId: id, before });
  });
}

function periodOf(cycle: CycleRow): Period {
  const period = parsePeriod(cycle.periodLabel);
  if (!period) throw new Error(`cycle ${cycle.id} has an invalid period label ${cycle.periodLabel}`);
  return period;
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

const INSERT_CHUNK = 1000;

/** Adds participants with their scorecards fixed now (template + the period's targets), and scores them. */
async function addParticipants(tx: Tx, cycle: CycleRow, scorecards: readonly PersonScorecard[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < scorecards.length; i += INSERT_CHUNK) {
    const chunk = scorecards.slice(i, i + INSERT_CHUNK);
    const rows = await tx
      .insert(cycleParticipants)
      .values(
        chunk.map((s) => ({
          workspaceId: cycle.workspaceId,
          cycleId: cycle.id,
          personId: s.personId,
          unitId: s.unitId,
          templateId: s.templateId,
          templateName: s.templateName,
          card: { ...s.card, name: s.templateName, period: cycle.periodLabel },
        })),
      )
      .onConflictDoNothing()
      .returning({ id: cycleParticipants.id });
    ids.push(...rows.map((r) => r.id));
  }
  await recomputeParticipants(tx, cycle.id, ids);
  return ids;
}

type Transition = { action: CycleAction; auditAction: string; reason?: string };

/** Locks the cycle row (concurrent transitions serialise), checks the state allows `action`. */
async function lockFor(tx: Tx, workspaceId: string, id: string, action: CycleAction): Promise<CycleRow> {
  const cycle = await loadCycle(tx, workspaceId, id, true);
  assertCycleAllows(cycle, action);
  return cycle;
}

async function setState(tx: Tx, actor: WorkspaceActor, before: CycleRow, patch: Partial<typeof appraisalCycles.$inferInsert>, t: Transition, extra: Record<string, unknown> = {}) {
  const [after] = await tx
    .update(appraisalCycles)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(appraisalCycles.id, before.id))
    .returning();
  await recordAudit(tx, actor, {
    workspaceId: actor.workspaceId,
    action: t.auditAction,
    entityType: 'cycle',
    entityId: before.id,
    before: { state: before.state },
    after: { state: after.state, ...extra },
  });
}

/** draft → open: everyone with a template takes part, with their scorecard fixed now, and is scored. */
export async function openCycle(db: Db, viewer: Viewer, actor: WorkspaceActor, id: string): Promise<Cycle> {
  await db.transaction(async (tx) => {
    const cycle = await lockFor(tx, actor.workspaceId, id, 'open');
    const scorecards = await resolveScorecardsForPeriod(tx, actor.workspaceId, periodOf(cycle));
    if (scorecards.length === 0) {
      throw new AppError('invalid_state', { cycle: cycle.name, state: cycle.state, action: 'open', reason: 'cycle_why.nobody_has_template' });
    }
    const ids = await addParticipants(tx, cycle, scorecards);
    await setState(tx, actor, cycle, { state: 'open', openedAt: new Date() }, { action: 'open', auditAction: 'cycle.open' }, { participants: ids.length });
  });
  return getCycle(db, viewer, id);
}

/** Open: adds the people who got a template since the cycle opened (never removes anyone). */
export async function syncCycle(db: Db, viewer: Viewer, actor: WorkspaceActor, id: string) {
  const added = await db.transaction(async (tx) => {
    const cycle = await lockFor(tx, actor.workspaceId, id, 'sync');
    const present = new Set((await tx.select({ personId: cycleParticipants.personId }).from(cycleParticipants).where(eq(cycleParticipants.cycleId, id))).map((r) => r.personId));
    const missing = (await resolveScorecardsForPeriod(tx, actor.workspaceId, periodOf(cycle))).filter((s) => !present.has(s.personId));
    if (missing.length === 0) return [];
    await addParticipants(tx, cycle, missing);
    const people = missing.map((s) => ({ personId: s.personId, personName: s.personName }));
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'cycle.sync', entityType: 'cycle', entityId: id, after: { added: people } });
    await tx.update(appraisalCycles).set({ updatedAt: new Date() }).where(eq(appraisalCycles.id, id));
    return people;
  });
  return { added: added.length, people: added, cycle: await getCycle(db, viewer, id) };
}

export async function calibrateCycle(db: Db, viewer: Viewer, actor: WorkspaceActor, id: string): Promise<Cycle> {
  await db.transaction(async (tx) => {
    const cycle = await lockFor(tx, actor.workspaceId, id, 'calibrate');
    await setState(tx, actor, cycle, { state: 'calibrating' }, { action: 'calibrate', auditAction: 'cycle.calibrate' });
  });
  return getCycle(db, viewer, id);
}

export async function backToOpen(db: Db, viewer: Viewer, actor: WorkspaceActor, id: string): Promise<Cycle> {
  await db.transaction(async (tx) => {
    const cycle = await lockFor(tx, actor.workspaceId, id, 'back_to_open');
    await setState(tx, actor, cycle, { state: 'open' }, { action: 'back_to_open', auditAction: 'cycle.back_to_open' });
  });
  return getCycle(db, viewer, id);
}

const NAMED_IN_ERROR = 20;

/**
 * calibrating → closed: every participant's full explainable result is frozen (one statement)
 * and nothing changes after. Refuses while appeals are open (they could not be answered
 * afterwards), and while results are incomplete or invalid unless allowed.
 */
export async function closeCycle(db: Db, viewer: Viewer, actor: WorkspaceActor, id: string, input: z.output<typeof closeCycleInput>): Promise<Cycle> {
  await db.transaction(async (tx) => {
    const cycle = await lockFor(tx, actor.workspaceId, id, 'close');
    // an appeal left open could never be answered: a closed cycle refuses resolve_appeal
    const { rows: appealRows } = await tx.execute<{ n: number }>(sql`
      select count(*)::int as n from appeals a join cycle_participants cp on cp.id = a.participant_id
      where cp.cycle_id = ${id} and a.status = 'open'`);
    const openAppeals = appealRows[0]?.n ?? 0;
    if (openAppeals > 0) {
      throw new AppError('invalid_state', { cycle: cycle.name, state: cycle.state, action: 'close', reason: 'cycle_why.appeals_open', count: openAppeals });
    }
    // the stored statuses are current (every input change recomputes), so they decide
    await recomputeParticipants(tx, id);
    const { rows: unfinished } = await tx.execute<{ name: string; status: string }>(sql`
      select p.name, cp.status from cycle_participants cp join people p on p.id = cp.person_id
      where cp.cycle_id = ${id} and cp.status <> 'complete' order by p.name`);
    if (unfinished.length > 0 && !input.allowIncomplete) {
      const details: ErrorDetail[] = unfinished.slice(0, NAMED_IN_ERROR).map((u) => ({ code: u.status === 'invalid' ? 'cycle.participant_invalid' : 'cycle.participant_incomplete', params: { person: u.name } }));
      throw new AppError('invalid_state', { cycle: cycle.name, state: cycle.state, action: 'close', reason: 'cycle_why.results_unfinished', count: unfinished.length }, details);
    }
    const frozen = await freezeResults(tx, id);
    await setState(tx, actor, cycle, { state: 'closed', closedAt: new Date() }, { action: 'close', auditAction: 'cycle.close' }, {
      allowIncomplete: input.allowIncomplete,
      frozen,
      unfinished: unfinished.length,
    });
  });
  return getCycle(db, viewer, id);
}

/** closed → calibrating, with a reason (audited): the frozen results are cleared and live again. */
export async function reopenCycle(db: Db, viewer: Viewer, actor: WorkspaceActor, id: string, reason: string): Promise<Cycle> {
  await db.transaction(async (tx) => {
    const cycle = await lockFor(tx, actor.workspaceId, id, 'reopen');
    await tx.update(cycleParticipants).set({ frozenResult: null }).where(eq(cycleParticipants.cycleId, id));
    await setState(tx, actor, cycle, { state: 'calibrating', closedAt: null }, { action: 'reopen', auditAction: 'cycle.reopen' }, { reason });
    await recomputeParticipants(tx, id);
  });
  return getCycle(db, viewer, id);
}

/** Open or calibrating: every participant scored again from their inputs. */
export async function recomputeCycle(db: Db, viewer: Viewer, actor: WorkspaceActor, id: string) {
  const recomputed = await db.transaction(async (tx) => {
    const cycle = await lockFor(tx, actor.workspaceId, id, 'recompute');
    const n = await recomputeParticipants(tx, cycle.id);
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'cycle.recompute', entityType: 'cycle', entityId: id, after: { participants: n } });
    return n;
  });
  return { recomputed, cycle: await getCycle(db, viewer, id) };
}
