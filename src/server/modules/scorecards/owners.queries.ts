import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { people, positions } from '../../db/schema/index.ts';

/** A person of the workspace with what access needs to decide whether a viewer may see them (canSeePerson). */
export async function findPerson(db: Db | Tx, workspaceId: string, id: string): Promise<{ id: string; name: string; unitId: string | null } | undefined> {
  const [row] = await db.select({ id: people.id, name: people.name, unitId: people.unitId }).from(people).where(and(eq(people.workspaceId, workspaceId), eq(people.id, id)));
  return row;
}

export async function findPosition(db: Db | Tx, workspaceId: string, id: string): Promise<{ name: string } | undefined> {
  const [row] = await db.select({ name: positions.name }).from(positions).where(and(eq(positions.workspaceId, workspaceId), eq(positions.id, id)));
  return row;
}

/** Those of `ids` that are positions of the workspace, with their names. */
export async function positionsNamed(tx: Tx, workspaceId: string, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  return tx.select({ id: positions.id, name: positions.name }).from(positions).where(and(eq(positions.workspaceId, workspaceId), inArray(positions.id, [...ids])));
}

/** Those of `ids` that are people of the workspace, with their names. */
export async function peopleNamed(tx: Tx, workspaceId: string, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  return tx.select({ id: people.id, name: people.name }).from(people).where(and(eq(people.workspaceId, workspaceId), inArray(people.id, [...ids])));
}
