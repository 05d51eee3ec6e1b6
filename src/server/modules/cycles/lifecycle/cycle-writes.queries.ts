import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { nextVersion } from '../../../http/versions.ts';
import { appraisalCycles, cycleParticipants } from '../../../db/schema/index.ts';
import type { CycleRow } from './cycle-access.ts';

/** The SQL of a cycle's writes: its row (create, edit, delete, each transition) and its participants joining, closing and reopening. */

export type NewCycle = typeof appraisalCycles.$inferInsert;
/** Columns of a cycle row to change (its `updatedAt` is set with them). */
export type CyclePatch = Partial<NewCycle>;
export type NewParticipant = typeof cycleParticipants.$inferInsert;

/** The cycle of the workspace that bears `name`, if any. */
export async function findCycleByName(tx: Tx, workspaceId: string, name: string): Promise<{ id: string } | undefined> {
  const [row] = await tx.select({ id: appraisalCycles.id }).from(appraisalCycles).where(and(eq(appraisalCycles.workspaceId, workspaceId), eq(appraisalCycles.name, name)));
  return row;
}

export async function insertCycle(tx: Tx, values: NewCycle): Promise<CycleRow> {
  const [row] = await tx.insert(appraisalCycles).values(values).returning();
  return row;
}

/** Writes `patch` and a new `updatedAt` to a cycle (and raises its version for a change of its settings); the row as it is now. */
export async function updateCycleRow(tx: Tx, id: string, patch: CyclePatch, settings = false): Promise<CycleRow> {
  const [after] = await tx
    .update(appraisalCycles)
    .set({ ...patch, ...(settings ? { version: nextVersion('cycle') } : {}), updatedAt: new Date() })
    .where(eq(appraisalCycles.id, id))
    .returning();
  return after;
}

export async function deleteCycleRow(tx: Tx, id: string): Promise<void> {
  await tx.delete(appraisalCycles).where(eq(appraisalCycles.id, id));
}

/** Inserts participants, skipping any already in the cycle; the ids of those inserted. */
export function insertParticipantRows(tx: Tx, rows: NewParticipant[]): Promise<{ id: string }[]> {
  return tx.insert(cycleParticipants).values(rows).onConflictDoNothing().returning({ id: cycleParticipants.id });
}

/** The people who take part in a cycle. */
export function participantPersonIds(tx: Tx, cycleId: string): Promise<{ personId: string }[]> {
  return tx.select({ personId: cycleParticipants.personId }).from(cycleParticipants).where(eq(cycleParticipants.cycleId, cycleId));
}

/** How many appeals of a cycle's participants are still open. */
export async function countOpenAppeals(tx: Tx, cycleId: string): Promise<number> {
  const { rows } = await tx.execute<{ n: number }>(sql`
      select count(*)::int as n from appeals a join cycle_participants cp on cp.id = a.participant_id
      where cp.cycle_id = ${cycleId} and a.status = 'open'`);
  return rows[0]?.n ?? 0;
}

/** The participants whose stored status is not complete, by name. */
export async function listUnfinishedParticipants(tx: Tx, cycleId: string): Promise<{ name: string; status: string }[]> {
  const { rows } = await tx.execute<{ name: string; status: string }>(sql`
      select p.name, cp.status from cycle_participants cp join people p on p.id = cp.person_id
      where cp.cycle_id = ${cycleId} and cp.status <> 'complete' order by p.name`);
  return rows;
}

/** Clears every participant's frozen result: the live results count again. */
export async function clearFrozenResults(tx: Tx, cycleId: string): Promise<void> {
  await tx.update(cycleParticipants).set({ frozenResult: null }).where(eq(cycleParticipants.cycleId, cycleId));
}
