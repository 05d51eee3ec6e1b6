import { parsePeriod, type Period } from '../../../../core/values/periods.ts';
import { requireAccess } from '../../../access.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { AppError, notFound } from '../../../errors.ts';
import type { Viewer } from '../../../http/request-context.ts';
import { assertCycleAllows, type CycleAction } from './cycle-guard.ts';
import { type CycleRow, findCycleRow, findParticipantRow, type ParticipantRow } from './cycle-rows.queries.ts';

export type { CycleRow, ParticipantRow };

/** A cycle of the viewer's workspace; 404 otherwise. `forUpdate` locks the row inside a transaction (state changes serialise). */
export async function loadCycle(db: Db | Tx, workspaceId: string, cycleId: string, forUpdate = false): Promise<CycleRow> {
  const row = await findCycleRow(db, workspaceId, cycleId, forUpdate);
  if (!row) throw notFound('cycle');
  return row;
}

/** The period a cycle covers. Its label was checked when the cycle was created, so a bad one is a corrupt row. */
export function periodOf(cycle: CycleRow): Period {
  const period = parsePeriod(cycle.periodLabel);
  if (!period) throw new Error(`cycle ${cycle.id} has an invalid period label "${cycle.periodLabel}" (expected 2026-10, 2026-Q4 or 2026): correct the appraisal_cycles row`);
  return period;
}

/**
 * A participant of a cycle the viewer may see — 404 for one they may not, exactly like one
 * that does not exist (a member learns nothing about colleagues' results).
 */
export async function loadVisibleParticipant(db: Db | Tx, viewer: Viewer, cycleId: string, participantId: string): Promise<ParticipantRow> {
  const row = await findParticipantRow(db, viewer.workspaceId, cycleId, participantId);
  if (!row) throw notFound('participant');
  requireAccess(viewer, 'participant.read', [row], () => notFound('participant'));
  return row;
}

/** How the viewer stands to a participant they can see. */
export type Standing = 'manager' | 'self';

/**
 * Loads a cycle and a participant for a write: the cycle's state must allow `action`
 * (locked when closed), and the viewer must be the participant's manager (or an admin) —
 * or the participant themselves when `as` is 'self'. Participants out of sight are 404,
 * in sight but not the viewer's to change 403.
 */
export async function loadForWrite(
  tx: Tx,
  viewer: Viewer,
  cycleId: string,
  participantId: string,
  action: CycleAction,
  as: Standing,
): Promise<{ cycle: CycleRow; participant: ParticipantRow }> {
  const cycle = await loadCycle(tx, viewer.workspaceId, cycleId, true);
  const participant = await loadVisibleParticipant(tx, viewer, cycleId, participantId);
  requireAccess(viewer, as === 'self' ? 'participant.self' : 'participant.manage', [participant], () => new AppError('forbidden'));
  assertCycleAllows(cycle, action);
  return { cycle, participant };
}
