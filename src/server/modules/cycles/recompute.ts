import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { ScoreResult } from '../../../core/scoring/types.ts';
import type { Db, Tx } from '../../db/client.ts';
import { cycleParticipants, cycleTermValues, manualRatings } from '../../db/schema/index.ts';
import { finalGradeOf, type ParticipantInputs, scoreParticipant } from './participant-score.ts';

type ParticipantRow = typeof cycleParticipants.$inferSelect;

/** The inputs of some participants, read in three queries whatever their number. */
export async function loadInputs(db: Db | Tx, participants: readonly Pick<ParticipantRow, 'id' | 'card' | 'notApplicable'>[]): Promise<Map<string, ParticipantInputs>> {
  const ids = participants.map((p) => p.id);
  const inputs = new Map<string, ParticipantInputs>();
  for (const p of participants) inputs.set(p.id, { card: p.card, notApplicable: p.notApplicable, terms: {}, managerRatings: {} });
  if (ids.length === 0) return inputs;
  // one array parameter, not one placeholder per id: a cycle may have tens of thousands
  const idList = sql`any(${sql.param(ids)}::uuid[])`;
  const terms = await db
    .select({ participantId: cycleTermValues.participantId, term: cycleTermValues.term, value: cycleTermValues.value })
    .from(cycleTermValues)
    .where(sql`${cycleTermValues.participantId} = ${idList}`);
  for (const t of terms) (inputs.get(t.participantId)!.terms as Record<string, number>)[t.term] = t.value;
  const ratings = await db
    .select({ participantId: manualRatings.participantId, key: manualRatings.indicatorKey, rating: manualRatings.managerRating })
    .from(manualRatings)
    .where(and(sql`${manualRatings.participantId} = ${idList}`, isNotNull(manualRatings.managerRating)));
  for (const r of ratings) (inputs.get(r.participantId)!.managerRatings as Record<string, number>)[r.key] = r.rating!;
  return inputs;
}

/** The live result of one participant (the frozen one once the cycle closed). */
export async function resultOf(db: Db | Tx, participant: ParticipantRow): Promise<{ result: ScoreResult; inputs: ParticipantInputs }> {
  const inputs = (await loadInputs(db, [participant])).get(participant.id)!;
  return { result: participant.frozenResult ?? scoreParticipant(inputs), inputs };
}

/**
 * Scores participants again from their inputs and stores status, subtotal, total and grades —
 * every participant of the cycle, or the ones named. One UPDATE for all of them: a 10,000-person
 * cycle is recomputed in one statement, not 10,000.
 */
export async function recomputeParticipants(tx: Db | Tx, cycleId: string, participantIds?: readonly string[]): Promise<number> {
  const where = participantIds ? and(eq(cycleParticipants.cycleId, cycleId), inArray(cycleParticipants.id, [...participantIds])) : eq(cycleParticipants.cycleId, cycleId);
  if (participantIds && participantIds.length === 0) return 0;
  const rows = await tx
    .select({ id: cycleParticipants.id, card: cycleParticipants.card, notApplicable: cycleParticipants.notApplicable, adjustedTotal: cycleParticipants.adjustedTotal })
    .from(cycleParticipants)
    .where(where);
  if (rows.length === 0) return 0;
  const inputs = await loadInputs(tx, rows);
  const ids: string[] = [];
  const statuses: string[] = [];
  const subtotals: (number | null)[] = [];
  const totals: (number | null)[] = [];
  const grades: (string | null)[] = [];
  const finalGrades: (string | null)[] = [];
  for (const row of rows) {
    const result = scoreParticipant(inputs.get(row.id)!);
    ids.push(row.id);
    statuses.push(result.status);
    subtotals.push(result.subtotal);
    totals.push(result.total);
    grades.push(result.grade);
    finalGrades.push(finalGradeOf(row.card, result.total, row.adjustedTotal));
  }
  await tx.execute(sql`
    update cycle_participants p set
      status = v.status, subtotal = v.subtotal, total = v.total, grade = v.grade, final_grade = v.final_grade, computed_at = now()
    from unnest(${sql.param(ids)}::uuid[], ${sql.param(statuses)}::text[], ${sql.param(subtotals)}::float8[],
                ${sql.param(totals)}::float8[], ${sql.param(grades)}::text[], ${sql.param(finalGrades)}::text[])
      as v(id, status, subtotal, total, grade, final_grade)
    where p.id = v.id`);
  return rows.length;
}
