import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { TermLineage } from '../../../../core/datasets/lineage.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { appraisalCycles, cycleParticipants, cycleTermValues, people } from '../../../db/schema/index.ts';
import type { CycleRow } from '../lifecycle/cycle-access.ts';

/** The SQL of taking actuals from the data: the open cycles to refresh, their participants and metric values, and the diff's reads. */

export type TermValueRow = typeof cycleTermValues.$inferSelect;

/**
 * The open cycles of the workspace (or only `cycleId`), locked for the rest of the transaction
 * in id order: two refreshes take turns instead of deadlocking.
 */
export async function lockOpenCycles(tx: Db | Tx, workspaceId: string, cycleId?: string): Promise<CycleRow[]> {
  return tx
    .select()
    .from(appraisalCycles)
    .where(and(eq(appraisalCycles.workspaceId, workspaceId), eq(appraisalCycles.state, 'open'), cycleId !== undefined ? eq(appraisalCycles.id, cycleId) : undefined))
    .orderBy(asc(appraisalCycles.id))
    .for('update');
}

/** The participants of a cycle with what their values are planned from: person, unit and card. */
export async function selectParticipantsToPlan(db: Db | Tx, cycleId: string) {
  return db
    .select({ id: cycleParticipants.id, personId: cycleParticipants.personId, unitId: cycleParticipants.unitId, card: cycleParticipants.card })
    .from(cycleParticipants)
    .where(eq(cycleParticipants.cycleId, cycleId));
}

/** Every stored term value of a cycle's participants, with its source. */
export async function selectCycleTermValues(tx: Db | Tx, cycleId: string) {
  return tx
    .select({ participantId: cycleTermValues.participantId, term: cycleTermValues.term, value: cycleTermValues.value, source: cycleTermValues.source })
    .from(cycleTermValues)
    .innerJoin(cycleParticipants, eq(cycleParticipants.id, cycleTermValues.participantId))
    .where(eq(cycleParticipants.cycleId, cycleId));
}

/** Writes values taken from metrics, replacing whatever a term held (a typed value included). */
export async function upsertMetricValues(tx: Db | Tx, rows: { participantId: string; term: string; value: number; lineage: TermLineage }[]): Promise<void> {
  await tx
    .insert(cycleTermValues)
    .values(rows.map((p) => ({ participantId: p.participantId, term: p.term, value: p.value, source: 'metric' as const, lineage: p.lineage, updatedBy: null })))
    .onConflictDoUpdate({
      target: [cycleTermValues.participantId, cycleTermValues.term],
      set: { value: sql`excluded.value`, source: sql`excluded.source`, lineage: sql`excluded.lineage`, updatedBy: sql`null`, updatedAt: sql`now()` },
    });
}

/** Removes a term's value if it came from a metric (a typed one stays). */
export async function deleteMetricValue(tx: Db | Tx, participantId: string, term: string): Promise<void> {
  await tx.delete(cycleTermValues).where(and(eq(cycleTermValues.participantId, participantId), eq(cycleTermValues.term, term), eq(cycleTermValues.source, 'metric')));
}

/** Some participants with their person's name and unit. */
export async function selectParticipantNames(db: Db, participantIds: string[]) {
  return db
    .select({ id: cycleParticipants.id, personId: cycleParticipants.personId, unitId: cycleParticipants.unitId, name: people.name })
    .from(cycleParticipants)
    .innerJoin(people, eq(people.id, cycleParticipants.personId))
    .where(inArray(cycleParticipants.id, participantIds));
}

/** Every stored term value of some participants, as stored. */
export async function selectStoredTermValues(db: Db, participantIds: string[]): Promise<TermValueRow[]> {
  return db.select().from(cycleTermValues).where(inArray(cycleTermValues.participantId, participantIds));
}
