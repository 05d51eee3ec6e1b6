import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { appeals, cycleParticipants, orgUnits, people } from '../../../db/schema/index.ts';

/** The SQL of the calibration ranking: the units, the participants with who they are, their open appeals. */

/** The units of a workspace, for names and subtrees. */
export function workspaceUnits(db: Db, workspaceId: string) {
  return db.select({ id: orgUnits.id, name: orgUnits.name, parentId: orgUnits.parentId }).from(orgUnits).where(eq(orgUnits.workspaceId, workspaceId));
}

/** Every participant of a cycle with their name, email and employee number. */
export function rankingParticipantRows(db: Db, workspaceId: string, cycleId: string) {
  return db
    .select({ p: cycleParticipants, personName: people.name, personEmail: people.email, employeeNo: people.employeeNo })
    .from(cycleParticipants)
    .innerJoin(people, eq(people.id, cycleParticipants.personId))
    .where(and(eq(cycleParticipants.workspaceId, workspaceId), eq(cycleParticipants.cycleId, cycleId)));
}

/** How many open appeals each participant of a cycle has (those with none are left out). */
export function openAppealCounts(db: Db, cycleId: string) {
  return db
    .select({ participantId: appeals.participantId, n: count() })
    .from(appeals)
    .innerJoin(cycleParticipants, eq(cycleParticipants.id, appeals.participantId))
    .where(and(eq(cycleParticipants.cycleId, cycleId), eq(appeals.status, 'open')))
    .groupBy(appeals.participantId);
}
