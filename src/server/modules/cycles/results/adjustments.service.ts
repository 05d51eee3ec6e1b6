import type { z } from 'zod';
import type { adjustmentInput, ParticipantResult, removeAdjustmentInput } from '../../../../contracts/cycle-results.ts';
import type { Db } from '../../../db/client.ts';
import { AppError } from '../../../errors.ts';
import type { RequestContext, Viewer } from '../../../http/request-context.ts';
import { recordAudit } from '../../audit/index.ts';
import { loadForWrite, type ParticipantRow } from '../lifecycle/cycle-access.ts';
import { updateParticipantAdjustment } from './adjustments.queries.ts';
import { finalGradeOf } from './participant-score.ts';
import { actorOf, iso, located, rescore } from './results-common.ts';

export type AdjustmentInput = z.output<typeof adjustmentInput>;
export type RemoveAdjustmentInput = z.output<typeof removeAdjustmentInput>;

const adjustmentOf = (p: ParticipantRow) => ({
  cycleId: p.cycleId,
  personId: p.personId,
  total: p.total,
  adjustedTotal: p.adjustedTotal,
  adjustmentReason: p.adjustmentReason,
  adjustedBy: p.adjustedBy,
  adjustedAt: iso(p.adjustedAt),
  finalGrade: p.finalGrade,
});

type AdjustmentPatch = Pick<ParticipantRow, 'adjustedTotal' | 'adjustmentReason' | 'adjustedBy' | 'adjustedAt'>;

/**
 * A manager's adjustment (调整, domain.md §3): the total that counts instead of the computed
 * one, only with a written reason; open or calibrating cycles; never one's own. The final grade
 * follows the adjusted total. Audited with the before and after.
 */
export function setAdjustment(db: Db, ctx: RequestContext, cycleId: string, participantId: string, input: AdjustmentInput): Promise<ParticipantResult> {
  const { viewer } = ctx;
  const { ip } = ctx.actor;
  return writeAdjustment(db, viewer, ip, { cycleId, participantId }, 'participant.adjust', (participant) => {
    const max = participant.card.maxTotal;
    if (max !== undefined && input.total > max) throw located(['body', 'total'], 'adjustment.above_max_total', { max, total: input.total }, input.total);
    return { patch: { adjustedTotal: input.total, adjustmentReason: input.reason, adjustedBy: viewer.userId, adjustedAt: new Date() } };
  });
}

/** Removes an adjustment (the computed total counts again), with a written reason kept in the audit log. */
export function removeAdjustment(db: Db, ctx: RequestContext, cycleId: string, participantId: string, input: RemoveAdjustmentInput): Promise<ParticipantResult> {
  const { viewer } = ctx;
  const { ip } = ctx.actor;
  return writeAdjustment(db, viewer, ip, { cycleId, participantId }, 'participant.remove_adjustment', (participant) => {
    if (participant.adjustedTotal === null) throw new AppError('conflict', { reason: 'adjustment.none' });
    return { patch: { adjustedTotal: null, adjustmentReason: null, adjustedBy: null, adjustedAt: null }, note: { reason: input.reason } };
  });
}

/**
 * Writes an adjustment, or its removal, of a participant the viewer manages: `plan` checks it
 * against the participant and says what to write. The final grade follows the total that counts;
 * audited (with `note`), and the participant is scored again.
 */
async function writeAdjustment(
  db: Db,
  viewer: Viewer,
  ip: string | null,
  ids: { cycleId: string; participantId: string },
  action: string,
  plan: (participant: ParticipantRow) => { patch: AdjustmentPatch; note?: Record<string, unknown> },
): Promise<ParticipantResult> {
  return db.transaction(async (tx) => {
    const { participant } = await loadForWrite(tx, viewer, ids.cycleId, ids.participantId, 'adjust', 'manager');
    const { patch, note } = plan(participant);
    const after = await updateParticipantAdjustment(tx, participant.id, { ...patch, finalGrade: finalGradeOf(participant.card, participant.total, patch.adjustedTotal) });
    await recordAudit(tx, actorOf(viewer, ip), {
      workspaceId: viewer.workspaceId,
      action,
      entityType: 'cycle_participant',
      entityId: participant.id,
      before: adjustmentOf(participant),
      after: { ...adjustmentOf(after), ...note },
    });
    return rescore(tx, ids.cycleId, participant.id);
  });
}
