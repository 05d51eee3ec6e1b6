import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { cycleParticipants, cycleTermValues } from '../../../db/schema/index.ts';

/** The SQL of entering a participant's actuals by hand: their term values and not-applicable indicators. */

export type NewTermValue = typeof cycleTermValues.$inferInsert;

/** The stored values of some terms of a participant. */
export function participantTermValues(tx: Tx, participantId: string, terms: string[]): Promise<{ term: string; value: number }[]> {
  return tx
    .select({ term: cycleTermValues.term, value: cycleTermValues.value })
    .from(cycleTermValues)
    .where(and(eq(cycleTermValues.participantId, participantId), inArray(cycleTermValues.term, terms)));
}

/** Writes term values, replacing the value, source, author and time of any already stored. */
export async function upsertTermValues(tx: Tx, rows: NewTermValue[]): Promise<void> {
  await tx
    .insert(cycleTermValues)
    .values(rows)
    .onConflictDoUpdate({
      target: [cycleTermValues.participantId, cycleTermValues.term],
      set: { value: sql`excluded.value`, source: sql`excluded.source`, updatedBy: sql`excluded.updated_by`, updatedAt: sql`excluded.updated_at` },
    });
}

export async function deleteTermValues(tx: Tx, participantId: string, terms: string[]): Promise<void> {
  await tx.delete(cycleTermValues).where(and(eq(cycleTermValues.participantId, participantId), inArray(cycleTermValues.term, terms)));
}

/** Replaces the indicators marked not applicable for a participant. */
export async function setNotApplicable(tx: Tx, participantId: string, notApplicable: string[]): Promise<void> {
  await tx.update(cycleParticipants).set({ notApplicable }).where(eq(cycleParticipants.id, participantId));
}
