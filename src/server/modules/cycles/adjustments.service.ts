import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { adjustmentInput, ParticipantResult, removeAdjustmentInput } from '../../../contracts/cycle-results.ts';
import type { Db } from '../../db/client.ts';
import { cycleParticipants } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import type { Viewer } from '../../http/request-context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { loadForWrite, type ParticipantRow } from './cycle-access.ts';
import { finalGradeOf } from './participant-score.ts';
import { recomputeParticipants } from './recompute.ts';
import { actorOf, iso, located, reloadParticipant, toParticipantResult } from './results-common.ts';

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

/**
 * A manager's adjustment (调整, domain.md §3): the total that counts instead of the computed
 * one, only with a written reason; open or calibrating cycles; never one's own. The final grade
 * follows the adjusted total. Audited with the before and after.
 */
export async function setAdjustment(db: Db, viewer: Viewer, ip: string | null, cycleId: string, participantId: string, input: AdjustmentInput): Promise<ParticipantResult> {
  return db.transaction(async (tx) => {
    const { participant } = await loadForWrite(tx, viewer, cycleId, participantId, 'adjust', 'manager');
    const max = participant.card.maxTotal;
    if (max !== undefined && input.total > max) throw located(['body', 'total'], 'adjustment.above_max_total', { max, total: input.total }, input.total);
    const [after] = await tx
      .update(cycleParticipants)
      .set({
        adjustedTotal: input.total,
        adjustmentReason: input.reason,
        adjustedBy: viewer.userId,
        adjustedAt: new Date(),
        finalGrade: finalGradeOf(participant.card, participant.total, input.total),
      })
      .where(eq(cycleParticipants.id, participant.id))
      .returning();
    await recordAudit(tx, actorOf(viewer, ip), {
      workspaceId: viewer.workspaceId,
      action: 'participant.adjust',
      entityType: 'cycle_participant',
      entityId: participant.id,
      before: adjustmentOf(participant),
      after: adjustmentOf(after),
    });
    await recomputeParticipants(tx, cycleId, [participant.id]);
    return toParticipantResult(await reloadParticipant(tx, participant.id));
  });
}

/** Removes an adjustment (the computed total counts again), with a written reason kept in the audit log. */
export async function removeAdjustment(db: Db, viewer: Viewer, ip: string | null, cycleId: string, participantId: string, input: RemoveAdjustmentInput): Promise<ParticipantResult> {
  return db.transaction(async (tx) => {
    const { participant } = await loadForWrite(tx, viewer, cycleId, participantId, 'adjust', 'manager');
    if (participant.adjustedTotal === null) throw new AppError('conflict', { reason: 'adjustment.none' });
    const [after] = await tx
      .update(cycleParticipants)
      .set({ adjustedTotal: null, adjustmentReason: null, adjustedBy: null, adjustedAt: null, finalGrade: finalGradeOf(participant.card, participant.total, null) })
      .where(eq(cycleParticipants.id, participant.id))
      .returning();
    await recordAudit(tx, actorOf(viewer, ip), {
      workspaceId: viewer.workspaceId,
      action: 'participant.remove_adjustment',
      entityType: 'cycle_participant',
      entityId: participant.id,
      before: adjustmentOf(participant),
      after: { ...adjustmentOf(after), reason: input.reason },
    });
    await recomputeParticipants(tx, cycleId, [participant.id]);
    return toParticipantResult(await reloadParticipant(tx, participant.id));
  });
}
