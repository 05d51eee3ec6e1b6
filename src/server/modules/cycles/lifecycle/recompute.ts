import type { ScoreResult } from '../../../../core/scoring/types.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { finalGradeOf, type ParticipantInputs, participantScorer, scoreParticipant } from '../results/participant-score.ts';
import type { ParticipantRow } from './cycle-rows.queries.ts';
import { type ScoringRow, selectCardKeys, selectCards, selectPackedValues, selectScoringRows, type ValuesById, writeFrozenResults, writeScores } from './recompute.queries.ts';

const EMPTY: Readonly<Record<string, number>> = Object.freeze({});

function assemble(participants: readonly Pick<ParticipantRow, 'id' | 'card' | 'notApplicable'>[], values: { terms: ValuesById; ratings: ValuesById }) {
  const inputs = new Map<string, ParticipantInputs>();
  for (const p of participants) {
    const terms = values.terms[p.id] ?? EMPTY;
    const managerRatings = values.ratings[p.id] ?? EMPTY;
    inputs.set(p.id, { card: p.card, notApplicable: p.notApplicable, terms, managerRatings });
  }
  return inputs;
}

/**
 * The inputs of some participants, read in one query whatever their number. `cycleId`: they
 * are all the participants of that cycle (the values are then selected by cycle, not by id).
 */
export async function loadInputs(
  db: Db | Tx,
  participants: readonly Pick<ParticipantRow, 'id' | 'card' | 'notApplicable'>[],
  cycleId?: string,
): Promise<Map<string, ParticipantInputs>> {
  if (participants.length === 0) return new Map();
  return assemble(participants, await selectPackedValues(db, cycleId ? { cycleId } : { participantIds: participants.map((p) => p.id) }));
}

/** The live result of one participant (the frozen one once the cycle closed). */
export async function resultOf(db: Db | Tx, participant: ParticipantRow): Promise<{ result: ScoreResult; inputs: ParticipantInputs }> {
  const inputs = (await loadInputs(db, [participant])).get(participant.id)!;
  return { result: participant.frozenResult ?? scoreParticipant(inputs), inputs };
}

/**
 * The participants to score. A whole cycle reads each distinct card once and shares it:
 * cards are told apart in the database by a 64-bit hash of the jsonb and its stored size
 * (no card is serialised for that), then one card per distinct key is read — 10,000
 * participants on one template are 1 card read, not 10,000.
 */
async function scoringRows(db: Db | Tx, cycleId: string, participantIds?: readonly string[]): Promise<ScoringRow[]> {
  if (participantIds) return selectScoringRows(db, participantIds);
  const keyed = await selectCardKeys(db, cycleId);
  const representative = new Map<string, string>();
  for (const r of keyed) if (!representative.has(r.k)) representative.set(r.k, r.id);
  const cards = await selectCards(db, [...representative.values()]);
  const cardById = new Map(cards.map((c) => [c.id, c.card]));
  const cardByKey = new Map([...representative].map(([k, id]) => [k, cardById.get(id)!]));
  const none: string[] = [];
  return keyed.map((r) => ({ id: r.id, card: cardByKey.get(r.k)!, notApplicable: r.na ?? none, adjustedTotal: r.adjusted_total }));
}

/**
 * Scores participants again from their inputs and stores status, subtotal, total and grades —
 * every participant of the cycle, or the ones named. One UPDATE for all of them: a 10,000-person
 * cycle is recomputed in one statement, not 10,000. Rows whose result did not change are not rewritten.
 */
export async function recomputeParticipants(tx: Db | Tx, cycleId: string, participantIds?: readonly string[]): Promise<number> {
  if (participantIds && participantIds.length === 0) return 0;
  const rows = await scoringRows(tx, cycleId, participantIds);
  if (rows.length === 0) return 0;
  const inputs = await loadInputs(tx, rows, participantIds ? undefined : cycleId);
  const score = participantScorer();
  const n = rows.length;
  const ids: string[] = new Array(n);
  const statuses: string[] = new Array(n);
  const subtotals: (number | null)[] = new Array(n);
  const totals: (number | null)[] = new Array(n);
  const grades: (string | null)[] = new Array(n);
  const finalGrades: (string | null)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    const result = score(inputs.get(row.id)!);
    ids[i] = row.id;
    statuses[i] = result.status;
    subtotals[i] = result.subtotal;
    totals[i] = result.total;
    grades[i] = result.grade;
    finalGrades[i] = finalGradeOf(row.card, result.total, row.adjustedTotal);
  }
  await writeScores(tx, { ids, statuses, subtotals, totals, grades, finalGrades });
  return n;
}

/**
 * Writes every participant's full explainable result as `frozenResult` (with the status,
 * totals and grades it gives) in one statement — what closing a cycle keeps for good.
 */
export async function freezeResults(tx: Tx, cycleId: string): Promise<number> {
  const rows = await scoringRows(tx, cycleId);
  if (rows.length === 0) return 0;
  const inputs = await loadInputs(tx, rows, cycleId);
  const score = participantScorer();
  const values = rows.map((row) => {
    const result = score(inputs.get(row.id)!);
    return {
      id: row.id,
      result,
      status: result.status,
      subtotal: result.subtotal,
      total: result.total,
      grade: result.grade,
      final_grade: finalGradeOf(row.card, result.total, row.adjustedTotal),
    };
  });
  await writeFrozenResults(tx, values);
  return rows.length;
}

