import { and, asc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { PeopleScope } from '../../../access.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { appeals, appraisalCycles, cycleParticipants, cycleTermValues, manualRatings, people } from '../../../db/schema/index.ts';
import type { ParticipantRow } from '../lifecycle/cycle-access.ts';

/** The SQL of appeals: raising one, answering it (with the corrections it writes), and listing them. */

export type { CycleState } from '../../../db/schema/index.ts';
export type AppealRow = typeof appeals.$inferSelect;
/** The participant an appeal is about, as an appeal shows them. */
export type ParticipantRef = Pick<ParticipantRow, 'id' | 'cycleId' | 'personId' | 'unitId' | 'card'> & { personName: string };
type NewAppeal = typeof appeals.$inferInsert;
type NewManagerRating = typeof manualRatings.$inferInsert;

/** The open appeal of a participant about `indicatorKey` (null: about the whole result), if any. */
export async function findOpenAppeal(tx: Tx, participantId: string, indicatorKey: string | null): Promise<{ id: string } | undefined> {
  const [open] = await tx
    .select({ id: appeals.id })
    .from(appeals)
    .where(and(eq(appeals.participantId, participantId), eq(appeals.status, 'open'), indicatorKey === null ? isNull(appeals.indicatorKey) : eq(appeals.indicatorKey, indicatorKey)));
  return open;
}

export async function insertAppeal(tx: Tx, values: NewAppeal): Promise<AppealRow> {
  const [row] = await tx.insert(appeals).values(values).returning();
  return row;
}

/** Writes an appeal's answer (accepted or rejected); the row as it is now. */
export async function resolveAppealRow(tx: Tx, appealId: string, answer: Partial<NewAppeal>): Promise<AppealRow> {
  const [after] = await tx.update(appeals).set(answer).where(eq(appeals.id, appealId)).returning();
  return after;
}

/** Some of a participant's manual ratings, by indicator key. */
export function findManagerRatings(tx: Tx, participantId: string, indicatorKeys: string[]) {
  return tx.select().from(manualRatings).where(and(eq(manualRatings.participantId, participantId), inArray(manualRatings.indicatorKey, indicatorKeys)));
}

/** Writes manager ratings (rating, comment, time, author), keeping any self-rating. */
export async function upsertManagerRatings(tx: Tx, rows: NewManagerRating[]): Promise<void> {
  await tx
    .insert(manualRatings)
    .values(rows)
    .onConflictDoUpdate({
      target: [manualRatings.participantId, manualRatings.indicatorKey],
      set: { managerRating: sql`excluded.manager_rating`, managerComment: sql`excluded.manager_comment`, managerAt: sql`excluded.manager_at`, managerBy: sql`excluded.manager_by` },
    });
}

/** Some of a participant's stored term values, by term. */
export function findTermValues(tx: Tx, participantId: string, terms: string[]) {
  return tx.select().from(cycleTermValues).where(and(eq(cycleTermValues.participantId, participantId), inArray(cycleTermValues.term, terms)));
}

/** An appeal of the workspace about a participant of the cycle, with whose it is. */
export async function findAppealInCycle(tx: Tx, workspaceId: string, cycleId: string, appealId: string): Promise<{ appeal: AppealRow; personId: string; unitId: string | null } | undefined> {
  const [found] = await tx
    .select({ appeal: appeals, personId: cycleParticipants.personId, unitId: cycleParticipants.unitId })
    .from(appeals)
    .innerJoin(cycleParticipants, eq(cycleParticipants.id, appeals.participantId))
    .where(and(eq(appeals.workspaceId, workspaceId), eq(appeals.id, appealId), eq(cycleParticipants.cycleId, cycleId)));
  return found;
}

export async function loadAppealRow(tx: Tx, appealId: string): Promise<AppealRow> {
  const [appeal] = await tx.select().from(appeals).where(eq(appeals.id, appealId));
  return appeal;
}

export async function participantRef(db: Db | Tx, participantId: string): Promise<ParticipantRef> {
  const [row] = await db
    .select({ id: cycleParticipants.id, cycleId: cycleParticipants.cycleId, personId: cycleParticipants.personId, unitId: cycleParticipants.unitId, card: cycleParticipants.card, personName: people.name })
    .from(cycleParticipants)
    .innerJoin(people, eq(people.id, cycleParticipants.personId))
    .where(eq(cycleParticipants.id, participantId));
  return row;
}

const selectAppeals = (db: Db | Tx) =>
  db
    .select({
      appeal: appeals,
      id: cycleParticipants.id,
      cycleId: cycleParticipants.cycleId,
      personId: cycleParticipants.personId,
      unitId: cycleParticipants.unitId,
      card: cycleParticipants.card,
      personName: people.name,
      cycleState: appraisalCycles.state,
    })
    .from(appeals)
    .innerJoin(cycleParticipants, eq(cycleParticipants.id, appeals.participantId))
    .innerJoin(appraisalCycles, eq(appraisalCycles.id, cycleParticipants.cycleId))
    .innerJoin(people, eq(people.id, cycleParticipants.personId));

/** The appeals of a cycle about the participants in `scope`, with `status` when given, oldest first. */
export function listAppealRows(db: Db, workspaceId: string, cycleId: string, scope: PeopleScope, status?: AppealRow['status']) {
  const where: (SQL | undefined)[] = [eq(appeals.workspaceId, workspaceId), eq(cycleParticipants.cycleId, cycleId)];
  if (status) where.push(eq(appeals.status, status));
  if (scope.kind === 'units') {
    const self = scope.selfId ? eq(cycleParticipants.personId, scope.selfId) : sql`false`;
    where.push(scope.unitIds.length > 0 ? or(inArray(cycleParticipants.unitId, scope.unitIds), self) : self);
  } else if (scope.kind === 'self') {
    where.push(scope.selfId ? eq(cycleParticipants.personId, scope.selfId) : sql`false`);
  }
  return selectAppeals(db)
    .where(and(...where))
    .orderBy(asc(appeals.createdAt), asc(appeals.id));
}

/** The appeals of one participant, oldest first. */
export function participantAppealRows(db: Db | Tx, participantId: string) {
  return selectAppeals(db).where(eq(appeals.participantId, participantId)).orderBy(asc(appeals.createdAt), asc(appeals.id));
}
