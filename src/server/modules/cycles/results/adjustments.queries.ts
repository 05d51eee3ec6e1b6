import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { cycleParticipants } from '../../../db/schema/index.ts';
import type { ParticipantRow } from '../lifecycle/cycle-access.ts';

/** The SQL of a manager's adjustment of a participant's total. */

export type AdjustmentColumns = Pick<ParticipantRow, 'adjustedTotal' | 'adjustmentReason' | 'adjustedBy' | 'adjustedAt' | 'finalGrade'>;

/** Writes a participant's adjustment (or its removal) and final grade; the row as it is now. */
export async function updateParticipantAdjustment(tx: Tx, participantId: string, values: AdjustmentColumns): Promise<ParticipantRow> {
  const [after] = await tx.update(cycleParticipants).set(values).where(eq(cycleParticipants.id, participantId)).returning();
  return after;
}
