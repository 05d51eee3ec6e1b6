import { inArray, sql, type SQL } from 'drizzle-orm';
import type { Scorecard } from '../../../../core/scoring/types.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { cycleParticipants } from '../../../db/schema/index.ts';
import type { ParticipantRow } from './cycle-rows.queries.ts';

/** The SQL of scoring participants: their inputs read in bulk, and their results written in one statement. */

export type ScoringRow = Pick<ParticipantRow, 'id' | 'card' | 'notApplicable' | 'adjustedTotal'>;
/** Values by participant id, then by name (terms, or ratings by indicator key). */
export type ValuesById = Record<string, Record<string, number>>;

// separators that cannot occur in a uuid, a term name (a formula identifier) or a number
const FIELD = '\u001f';
const RECORD = '\u001e';

/**
 * Term values and manager ratings of the participants of a cycle, or of the participants named,
 * each carried as one text (`id␟name␟value␞…`) from the database: no per-value rows to read and
 * convert — the cheapest transport for 100,000 values. Numbers come back in PostgreSQL's
 * shortest exact form.
 */
export async function selectPackedValues(db: Db | Tx, of: { cycleId: string } | { participantIds: string[] }): Promise<{ terms: ValuesById; ratings: ValuesById }> {
  // one array parameter, not one placeholder per id: a cycle may have tens of thousands
  const filter =
    'cycleId' in of
      ? (column: SQL) => sql`${column} in (select id from cycle_participants where cycle_id = ${of.cycleId})`
      : (column: SQL) => sql`${column} = any(${sql.param(of.participantIds)}::uuid[])`;
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

/** What scoring needs of the participants named. */
export async function selectScoringRows(db: Db | Tx, participantIds: readonly string[]): Promise<ScoringRow[]> {
  return db
    .select({ id: cycleParticipants.id, card: cycleParticipants.card, notApplicable: cycleParticipants.notApplicable, adjustedTotal: cycleParticipants.adjustedTotal })
    .from(cycleParticipants)
    .where(inArray(cycleParticipants.id, [...participantIds]));
}

/**
 * Every participant of a cycle with a key that tells their cards apart without reading them: a
 * 64-bit hash of the jsonb and its stored size (no card is serialised for that).
 */
export async function selectCardKeys(db: Db | Tx, cycleId: string): Promise<{ id: string; k: string; na: string[] | null; adjusted_total: number | null }[]> {
  const { rows } = await db.execute<{ id: string; k: string; na: string[] | null; adjusted_total: number | null }>(sql`
    select id, jsonb_hash_extended(card, 0)::text || ':' || pg_column_size(card)::text as k,
           case when not_applicable = '[]'::jsonb then null else not_applicable end as na, adjusted_total
    from cycle_participants where cycle_id = ${cycleId}`);
  return rows;
}

/** The cards of the participants named. */
export async function selectCards(db: Db | Tx, participantIds: string[]): Promise<{ id: string; card: Scorecard }[]> {
  const { rows } = await db.execute<{ id: string; card: Scorecard }>(sql`select id, card from cycle_participants where id = any(${sql.param(participantIds)}::uuid[])`);
  return rows;
}

/** One column per result field, one entry per participant, in the same order. */
export type ScoreColumns = { ids: string[]; statuses: string[]; subtotals: (number | null)[]; totals: (number | null)[]; grades: (string | null)[]; finalGrades: (string | null)[] };

/** Writes the results of many participants in one UPDATE; rows whose result did not change are not rewritten. */
export async function writeScores(tx: Db | Tx, c: ScoreColumns): Promise<void> {
  await tx.execute(sql`
    update cycle_participants p set
      status = v.status, subtotal = v.subtotal, total = v.total, grade = v.grade, final_grade = v.final_grade, computed_at = now()
    from unnest(${sql.param(c.ids)}::uuid[], ${sql.param(c.statuses)}::text[], ${sql.param(c.subtotals)}::float8[],
                ${sql.param(c.totals)}::float8[], ${sql.param(c.grades)}::text[], ${sql.param(c.finalGrades)}::text[])
      as v(id, status, subtotal, total, grade, final_grade)
    where p.id = v.id
      and (p.status, p.subtotal, p.total, p.grade, p.final_grade) is distinct from (v.status, v.subtotal, v.total, v.grade, v.final_grade)`);
}

/** Writes every participant's frozen result with the status, totals and grades it gives, in one statement. */
export async function writeFrozenResults(
  tx: Tx,
  values: { id: string; result: unknown; status: string; subtotal: number | null; total: number | null; grade: string | null; final_grade: string | null }[],
): Promise<void> {
  await tx.execute(sql`
    update cycle_participants p set
      frozen_result = v.result, status = v.status, subtotal = v.subtotal, total = v.total, grade = v.grade, final_grade = v.final_grade, computed_at = now()
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb)
      as v(id uuid, result jsonb, status text, subtotal float8, total float8, grade text, final_grade text)
    where p.id = v.id`);
}
