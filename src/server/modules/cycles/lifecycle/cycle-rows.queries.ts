import { and, count, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client.ts';
import { appraisalCycles, cycleParticipants } from '../../../db/schema/index.ts';

/** The SQL of reading one cycle or one participant as stored, and of counting a cycle's participants. */

export type CycleRow = typeof appraisalCycles.$inferSelect;
export type ParticipantRow = typeof cycleParticipants.$inferSelect;

/** A cycle of the workspace; `forUpdate` locks its row for the rest of the transaction. */
export async function findCycleRow(db: Db | Tx, workspaceId: string, cycleId: string, forUpdate = false): Promise<CycleRow | undefined> {
  const query = db.select().from(appraisalCycles).where(and(eq(appraisalCycles.workspaceId, workspaceId), eq(appraisalCycles.id, cycleId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/** A participant of a cycle of the workspace. */
export async function findParticipantRow(db: Db | Tx, workspaceId: string, cycleId: string, participantId: string): Promise<ParticipantRow | undefined> {
  const [row] = await db
    .select()
    .from(cycleParticipants)
    .where(and(eq(cycleParticipants.workspaceId, workspaceId), eq(cycleParticipants.cycleId, cycleId), eq(cycleParticipants.id, participantId)));
  return row;
}

/** How many people a cycle scores. */
export async function countParticipants(db: Db, cycleId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(cycleParticipants).where(eq(cycleParticipants.cycleId, cycleId));
  return row?.n ?? 0;
}
