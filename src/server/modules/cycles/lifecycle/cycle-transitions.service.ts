import type { z } from 'zod';
import type { closeCycleInput, Cycle } from '../../../../contracts/cycles.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { AppError, type ErrorDetail } from '../../../errors.ts';
import type { RequestContext, Viewer } from '../../../http/request-context.ts';
import { recordAudit } from '../../audit/index.ts';
import { refreshActualsFromData } from '../actuals/actuals-from-data.ts';
import type { WorkspaceActor } from '../../org/index.ts';
import { type PersonScorecard, resolveScorecardsForPeriod } from '../../scorecards/index.ts';
import { type CycleRow, loadCycle, periodOf } from './cycle-access.ts';
import { assertCycleAllows, type CycleAction } from './cycle-guard.ts';
import { cycleView } from './cycles.queries.ts';
import {
  clearFrozenResults,
  countOpenAppeals,
  type CyclePatch,
  insertParticipantRows,
  listUnfinishedParticipants,
  participantPersonIds,
  updateCycleRow,
} from './cycle-writes.queries.ts';
import { freezeResults, recomputeParticipants } from './recompute.ts';

/** A cycle's life: draft → open → calibrating → closed (and back), each step locked, checked and audited. */

const INSERT_CHUNK = 1000;

/** Adds participants with their scorecards fixed now (template + the period's targets), and scores them. */
async function addParticipants(tx: Tx, cycle: CycleRow, scorecards: readonly PersonScorecard[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < scorecards.length; i += INSERT_CHUNK) {
    const chunk = scorecards.slice(i, i + INSERT_CHUNK);
    const rows = await insertParticipantRows(
      tx,
      chunk.map((s) => ({
        workspaceId: cycle.workspaceId,
        cycleId: cycle.id,
        personId: s.personId,
        unitId: s.unitId,
        templateId: s.templateId,
        templateName: s.templateName,
        card: { ...s.card, name: s.templateName, period: cycle.periodLabel },
      })),
    );
    ids.push(...rows.map((r) => r.id));
  }
  await recomputeParticipants(tx, cycle.id, ids);
  return ids;
}

type Transition = { action: CycleAction; auditAction: string };

/** Locks the cycle row (concurrent transitions serialise), checks the state allows `action`. */
async function lockFor(tx: Tx, workspaceId: string, id: string, action: CycleAction): Promise<CycleRow> {
  const cycle = await loadCycle(tx, workspaceId, id, true);
  assertCycleAllows(cycle, action);
  return cycle;
}

/** Writes the new state (and any other columns), audited; the row as it is now. */
async function setState(tx: Tx, actor: WorkspaceActor, before: CycleRow, patch: CyclePatch, t: Transition, extra: Record<string, unknown> = {}): Promise<CycleRow> {
  const after = await updateCycleRow(tx, before.id, patch);
  await recordAudit(tx, actor, {
    workspaceId: actor.workspaceId,
    action: t.auditAction,
    entityType: 'cycle',
    entityId: before.id,
    before: { state: before.state },
    after: { state: after.state, ...extra },
  });
  return after;
}

/** A transition that only changes the state: locked, checked, written and audited; the cycle as the viewer sees it after. */
async function simpleTransition(db: Db, viewer: Viewer, actor: WorkspaceActor, id: string, action: CycleAction, patch: CyclePatch): Promise<Cycle> {
  const after = await db.transaction(async (tx) => setState(tx, actor, await lockFor(tx, actor.workspaceId, id, action), patch, { action, auditAction: `cycle.${action}` }));
  return cycleView(db, viewer, after);
}

/** draft → open: everyone with a template takes part, with their scorecard fixed now, and is scored. */
export async function openCycle(db: Db, ctx: RequestContext, id: string): Promise<Cycle> {
  const { viewer, actor } = ctx;
  const opened = await db.transaction(async (tx) => {
    const cycle = await lockFor(tx, actor.workspaceId, id, 'open');
    const scorecards = await resolveScorecardsForPeriod(tx, actor.workspaceId, periodOf(cycle));
    if (scorecards.length === 0) {
      throw new AppError('invalid_state', { cycle: cycle.name, state: cycle.state, action: 'open', reason: 'cycle_why.nobody_has_template' });
    }
    const ids = await addParticipants(tx, cycle, scorecards);
    const after = await setState(tx, actor, cycle, { state: 'open', openedAt: new Date() }, { action: 'open', auditAction: 'cycle.open' }, { participants: ids.length });
    // actuals bound to metrics are taken from the data at once
    await refreshActualsFromData(tx, actor.workspaceId, { cycleId: cycle.id });
    return after;
  });
  return cycleView(db, viewer, opened);
}

/** Open: adds the people who got a template since the cycle opened (never removes anyone). */
export async function syncCycle(db: Db, ctx: RequestContext, id: string) {
  const { viewer, actor } = ctx;
  const { people, cycle } = await db.transaction(async (tx) => {
    const locked = await lockFor(tx, actor.workspaceId, id, 'sync');
    const present = new Set((await participantPersonIds(tx, id)).map((r) => r.personId));
    const missing = (await resolveScorecardsForPeriod(tx, actor.workspaceId, periodOf(locked))).filter((s) => !present.has(s.personId));
    if (missing.length === 0) return { people: [], cycle: locked };
    await addParticipants(tx, locked, missing);
    await refreshActualsFromData(tx, actor.workspaceId, { cycleId: id });
    const added = missing.map((s) => ({ personId: s.personId, personName: s.personName }));
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'cycle.sync', entityType: 'cycle', entityId: id, after: { added } });
    const touched = await updateCycleRow(tx, id, {});
    return { people: added, cycle: touched };
  });
  return { added: people.length, people, cycle: await cycleView(db, viewer, cycle) };
}

/**
 * open → calibrating. The actuals are taken from the data one last time first: data changes
 * reach open cycles through a background job (actuals-from-data.job.ts), and one announced a
 * moment ago must not miss the cycle because it left `open` before the job ran.
 */
export async function calibrateCycle(db: Db, ctx: RequestContext, id: string): Promise<Cycle> {
  const { viewer, actor } = ctx;
  const after = await db.transaction(async (tx) => {
    const cycle = await lockFor(tx, actor.workspaceId, id, 'calibrate');
    await refreshActualsFromData(tx, actor.workspaceId, { cycleId: cycle.id });
    return setState(tx, actor, cycle, { state: 'calibrating' }, { action: 'calibrate', auditAction: 'cycle.calibrate' });
  });
  return cycleView(db, viewer, after);
}

export function backToOpen(db: Db, ctx: RequestContext, id: string): Promise<Cycle> {
  const { viewer, actor } = ctx;
  return simpleTransition(db, viewer, actor, id, 'back_to_open', { state: 'open' });
}

const NAMED_IN_ERROR = 20;

/**
 * calibrating → closed: every participant's full explainable result is frozen (one statement)
 * and nothing changes after. Refuses while appeals are open (they could not be answered
 * afterwards), and while results are incomplete or invalid unless allowed.
 */
export async function closeCycle(db: Db, ctx: RequestContext, id: string, input: z.output<typeof closeCycleInput>): Promise<Cycle> {
  const { viewer, actor } = ctx;
  const closed = await db.transaction(async (tx) => {
    const cycle = await lockFor(tx, actor.workspaceId, id, 'close');
    // an appeal left open could never be answered: a closed cycle refuses resolve_appeal
    const openAppeals = await countOpenAppeals(tx, id);
    if (openAppeals > 0) {
      throw new AppError('invalid_state', { cycle: cycle.name, state: cycle.state, action: 'close', reason: 'cycle_why.appeals_open', count: openAppeals });
    }
    // the stored statuses are current (every input change recomputes), so they decide
    await recomputeParticipants(tx, id);
    const unfinished = await listUnfinishedParticipants(tx, id);
    if (unfinished.length > 0 && !input.allowIncomplete) {
      const details: ErrorDetail[] = unfinished.slice(0, NAMED_IN_ERROR).map((u) => ({ code: u.status === 'invalid' ? 'cycle.participant_invalid' : 'cycle.participant_incomplete', params: { person: u.name } }));
      throw new AppError('invalid_state', { cycle: cycle.name, state: cycle.state, action: 'close', reason: 'cycle_why.results_unfinished', count: unfinished.length }, details);
    }
    const frozen = await freezeResults(tx, id);
    return setState(tx, actor, cycle, { state: 'closed', closedAt: new Date() }, { action: 'close', auditAction: 'cycle.close' }, {
      allowIncomplete: input.allowIncomplete,
      frozen,
      unfinished: unfinished.length,
    });
  });
  return cycleView(db, viewer, closed);
}

/** closed → calibrating, with a reason (audited): the frozen results are cleared and live again. */
export async function reopenCycle(db: Db, ctx: RequestContext, id: string, reason: string): Promise<Cycle> {
  const { viewer, actor } = ctx;
  const reopened = await db.transaction(async (tx) => {
    const cycle = await lockFor(tx, actor.workspaceId, id, 'reopen');
    await clearFrozenResults(tx, id);
    const after = await setState(tx, actor, cycle, { state: 'calibrating', closedAt: null }, { action: 'reopen', auditAction: 'cycle.reopen' }, { reason });
    await recomputeParticipants(tx, id);
    return after;
  });
  return cycleView(db, viewer, reopened);
}

/** Open or calibrating: every participant scored again from their inputs. */
export async function recomputeCycle(db: Db, ctx: RequestContext, id: string) {
  const { viewer, actor } = ctx;
  const { recomputed, cycle } = await db.transaction((tx) => recomputeIn(tx, actor, id));
  return { recomputed, cycle: await cycleView(db, viewer, cycle) };
}

/** Scores every participant of a cycle again inside the caller's transaction (a request's, or the recompute job's), audited. */
export async function recomputeIn(tx: Tx, actor: WorkspaceActor, id: string): Promise<{ recomputed: number; cycle: CycleRow }> {
  const locked = await lockFor(tx, actor.workspaceId, id, 'recompute');
  const n = await recomputeParticipants(tx, locked.id);
  await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'cycle.recompute', entityType: 'cycle', entityId: id, after: { participants: n } });
  return { recomputed: n, cycle: locked };
}
