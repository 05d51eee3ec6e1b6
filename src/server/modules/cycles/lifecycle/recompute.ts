import { inArray, sql, type SQL } from 'drizzle-orm';
import type { Scorecard, ScoreResult } from '../../../../core/scoring/types.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { cycleParticipants } from '../../../db/schema/index.ts';
import { finalGradeOf, type ParticipantInputs, participantScorer, scoreParticipant } from '../results/participant-score.ts';

type ParticipantRow = typeof cycleParticipants.$inferSelect;
type ScoringRow = Pick<ParticipantRow, 'id' | 'card' | 'notApplicable' | 'adjustedTotal'>;

/** Values by participant id, then by name (terms, or ratings by indicator key). */
type ValuesById = Record<string, Record<string, number>>;

// separators that cannot occur in a uuid, a term name (a formula identifier) or a number
const FIELD = '\u001f';
const RECORD = '\u001e';

/**
 * Term values and manager ratings of some participants, each carried as one text
 * (`id␟name␟value␞…`) from the database: no per-value rows to read and convert — the
 * cheapest transport for 100,000 values. Numbers come back in PostgreSQL's shortest exact form.
 */
async function loadValues(db: Db | Tx, filter: (column: SQL) => SQL): Promise<{ terms: ValuesById; ratings: ValuesById }> {
  const { rows } = await db.execute<{ terms: string | null; ratings: string | null }>(sql`
    select
      (select string_agg(t.participant_id::text || ${FIELD} || t.term || ${FIELD} || t.value::text, ${RECORD})
         from cycle_term_values t where ${filter(sql`t.participant_id`)}) as terms,
      (select string_agg(r.participant_id::text || ${FIELD} || r.indicator_key || ${FIELD} || r.manager_rating::text, ${RECORD})
         from manual_ratings r where ${filter(sql`r.participant_id`)} and r.manager_rating is not null) as ratings`);
  return { terms: parseValues(rows[0]?.terms), ratings: parseValues(rows[0]?.ratings) };
}

function parseValues(text: string | null | undefined): ValuesById {
  const byId: ValuesById = Object.create(null);
  if (!text) return byId;
  for (const record of text.split(RECORD)) {
    const a = record.indexOf(FIELD);
    const b = record.lastIndexOf(FIELD);
    const id = record.slice(0, a);
    const name = record.slice(a + 1, b);
    const own = byId[id] ?? (byId[id] = {});
    // an own property even for a name like __proto__
    Object.defineProperty(own, name, { value: Number(record.slice(b + 1)), writable: true, enumerable: true, configurable: true });
  }
  return byId;
}

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
  // one array parameter, not one placeholder per id: a cycle may have tens of thousands
  const filter = cycleId
    ? (column: SQL) => sql`${column} in (select id from cycle_participants where cycle_id = ${cycleId})`
    : (column: SQL) => sql`${column} = any(${sql.param(participants.map((p) => p.id))}::uuid[])`;
  return assemble(participants, await loadValues(db, filter));
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
  if (participantIds) {
    return db
      .select({ id: cycleParticipants.id, card: cycleParticipants.card, notApplicable: cycleParticipants.notApplicable, adjustedTotal: cycleParticipants.adjustedTotal })
      .from(cycleParticipants)
      .where(inArray(cycleParticipants.id, [...participantIds]));
  }
  const { rows: keyed } = await db.execute<{ id: string; k: string; na: string[] | null; adjusted_total: number | null }>(sql`
    select id, jsonb_hash_extended(card, 0)::text || ':' || pg_column_size(card)::text as k,
           case when not_applicable = '[]'::jsonb then null else not_applicable end as na, adjusted_total
    from cycle_participants where cycle_id = ${cycleId}`);
  const representative = new Map<string, string>();
  for (const r of keyed) if (!representative.has(r.k)) representative.set(r.k, r.id);
  const { rows: cards } = await db.execute<{ id: string; card: Scorecard }>(
    sql`select id, card from cycle_participants where id = any(${sql.param([...representative.values()])}::uuid[])`,
  );
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
  await tx.execute(sql`
    update cycle_participants p set
      status = v.status, subtotal = v.subtotal, total = v.total, grade = v.grade, final_grade = v.final_grade, computed_at = now()
    from unnest(${sql.param(ids)}::uuid[], ${sql.param(statuses)}::text[], ${sql.param(subtotals)}::float8[],
                ${sql.param(totals)}::float8[], ${sql.param(grades)}::text[], ${sql.param(finalGrades)}::text[])
      as v(id, status, subtotal, total, grade, final_grade)
    where p.id = v.id
      and (p.status, p.subtotal, p.total, p.grade, p.final_grade) is distinct from (v.status, v.subtotal, v.total, v.grade, v.final_grade)`);
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
  await tx.execute(sql`
    update cycle_participants p set
      frozen_result = v.result, status = v.status, subtotal = v.subtotal, total = v.total, grade = v.grade, final_grade = v.final_grade, computed_at = now()
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb)
      as v(id uuid, result jsonb, status text, subtotal float8, total float8, grade text, final_grade text)
    where p.id = v.id`);
  return rows.length;
}

