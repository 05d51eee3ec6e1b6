import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Scorecard } from '../../../../core/scoring/types.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { cycleParticipants, cycleTermValues, people } from '../../../db/schema/index.ts';

/** The SQL of entering actuals, by hand or by upload: participants' term values and not-applicable indicators. */

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

export type Candidate = {
  id: string;
  personId: string;
  unitId: string | null;
  card: Scorecard;
  notApplicable: string[];
  templateName: string;
  name: string;
  email: string | null;
  employeeNo: string | null;
};

/** The participants of a cycle with what identifies them in a file. */
export async function loadCandidates(db: Db | Tx, workspaceId: string, cycleId: string): Promise<Candidate[]> {
  return db
    .select({
      id: cycleParticipants.id,
      personId: cycleParticipants.personId,
      unitId: cycleParticipants.unitId,
      card: cycleParticipants.card,
      notApplicable: cycleParticipants.notApplicable,
      templateName: cycleParticipants.templateName,
      name: people.name,
      email: people.email,
      employeeNo: people.employeeNo,
    })
    .from(cycleParticipants)
    .innerJoin(people, eq(people.id, cycleParticipants.personId))
    .where(and(eq(cycleParticipants.workspaceId, workspaceId), eq(cycleParticipants.cycleId, cycleId)));
}

/** The entered term values of some participants (one query, whatever their number). */
export async function termValuesOf(db: Db | Tx, participantIds: readonly string[]): Promise<{ participantId: string; term: string; value: number }[]> {
  if (participantIds.length === 0) return [];
  return db
    .select({ participantId: cycleTermValues.participantId, term: cycleTermValues.term, value: cycleTermValues.value })
    .from(cycleTermValues)
    .where(sql`${cycleTermValues.participantId} = any(${sql.param([...participantIds])}::uuid[])`);
}

/** Replaces the indicators marked not applicable of many participants in one statement (`lists`: each one's as JSON). */
export async function setNotApplicableMany(tx: Tx, participantIds: string[], lists: string[]): Promise<void> {
  await tx.execute(sql`
        update cycle_participants p set not_applicable = v.na::jsonb
        from unnest(${sql.param(participantIds)}::uuid[], ${sql.param(lists)}::text[]) as v(id, na)
        where p.id = v.id`);
}
