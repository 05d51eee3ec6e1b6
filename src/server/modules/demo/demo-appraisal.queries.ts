import { eq, inArray } from 'drizzle-orm';
import type { ScoreResult } from '../../../core/scoring/types.ts';
import type { Tx } from '../../db/client.ts';
import { appraisalCycles, cycleParticipants, cycleTermValues, manualRatings, periodTargets, scorecardTemplates, templateAssignments } from '../../db/schema/index.ts';

/** The SQL of the demo appraisals: templates and their assignments and targets, cycles with their participants, values, ratings and frozen results. */

export type TemplateInsert = typeof scorecardTemplates.$inferInsert;
export type AssignmentInsert = typeof templateAssignments.$inferInsert;
export type PeriodTargetInsert = typeof periodTargets.$inferInsert;
export type CycleInsert = typeof appraisalCycles.$inferInsert;
export type ParticipantInsert = typeof cycleParticipants.$inferInsert;
export type TermValueInsert = typeof cycleTermValues.$inferInsert;
export type RatingInsert = typeof manualRatings.$inferInsert;

export async function insertTemplateRow(tx: Tx, values: TemplateInsert): Promise<string> {
  const [template] = await tx.insert(scorecardTemplates).values(values).returning({ id: scorecardTemplates.id });
  return template.id;
}

export async function insertAssignmentRow(tx: Tx, values: AssignmentInsert): Promise<void> {
  await tx.insert(templateAssignments).values(values);
}

export async function insertPeriodTargetRows(tx: Tx, rows: PeriodTargetInsert[]): Promise<void> {
  await tx.insert(periodTargets).values(rows);
}

/** Inserts targets, leaving any cell already set as it is. */
export async function insertPeriodTargetRowsSkippingSet(tx: Tx, rows: PeriodTargetInsert[]): Promise<void> {
  await tx.insert(periodTargets).values(rows).onConflictDoNothing();
}

export async function insertCycleRow(tx: Tx, values: CycleInsert): Promise<string> {
  const [cycle] = await tx.insert(appraisalCycles).values(values).returning({ id: appraisalCycles.id });
  return cycle.id;
}

/** Inserts participants; their ids and people. */
export async function insertParticipantRows(tx: Tx, rows: ParticipantInsert[]): Promise<{ id: string; personId: string }[]> {
  return tx.insert(cycleParticipants).values(rows).returning({ id: cycleParticipants.id, personId: cycleParticipants.personId });
}

/** Inserts participants, skipping anyone already in the cycle; the ids of those inserted. */
export async function insertParticipantRowsSkippingPresent(tx: Tx, rows: ParticipantInsert[]): Promise<{ id: string }[]> {
  return tx.insert(cycleParticipants).values(rows).onConflictDoNothing().returning({ id: cycleParticipants.id });
}

/** The people already taking part in a cycle. */
export async function selectParticipantPersonIds(tx: Tx, cycleId: string): Promise<{ personId: string }[]> {
  return tx.select({ personId: cycleParticipants.personId }).from(cycleParticipants).where(eq(cycleParticipants.cycleId, cycleId));
}

/** Every participant of a cycle, as stored. */
export async function selectCycleParticipantRows(tx: Tx, cycleId: string) {
  return tx.select().from(cycleParticipants).where(eq(cycleParticipants.cycleId, cycleId));
}

/** Some participants, as stored. */
export async function selectParticipantRowsById(tx: Tx, ids: string[]) {
  return tx.select().from(cycleParticipants).where(inArray(cycleParticipants.id, ids));
}

export async function insertTermValueRows(tx: Tx, rows: TermValueInsert[]): Promise<void> {
  await tx.insert(cycleTermValues).values(rows);
}

export async function insertRatingRows(tx: Tx, rows: RatingInsert[]): Promise<void> {
  await tx.insert(manualRatings).values(rows);
}

/** Keeps a participant's result for good, as closing its cycle does. */
export async function setFrozenResult(tx: Tx, participantId: string, frozenResult: ScoreResult, computedAt: Date): Promise<void> {
  await tx.update(cycleParticipants).set({ frozenResult, computedAt }).where(eq(cycleParticipants.id, participantId));
}
