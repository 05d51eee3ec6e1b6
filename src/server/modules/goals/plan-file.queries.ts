import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { indicators, orgUnits, people } from '../../db/schema/index.ts';

/** The SQL of a plan file's export and import: what names owners and indicators in the file. */

/** The workspace's units with their name and parent (a unit is written by its path in a file). */
export async function selectUnitTree(db: Db | Tx, workspaceId: string): Promise<{ id: string; name: string; parentId: string | null }[]> {
  return db.select({ id: orgUnits.id, name: orgUnits.name, parentId: orgUnits.parentId }).from(orgUnits).where(eq(orgUnits.workspaceId, workspaceId));
}

/** Everyone in the workspace with their email. */
export async function selectPeopleEmails(db: Db, workspaceId: string): Promise<{ id: string; email: string | null }[]> {
  return db.select({ id: people.id, email: people.email }).from(people).where(eq(people.workspaceId, workspaceId));
}

/** The workspace's active people (those who may take new goals), by name and email. */
export async function selectActivePeople(tx: Tx, workspaceId: string): Promise<{ id: string; name: string; email: string | null }[]> {
  return tx.select({ id: people.id, name: people.name, email: people.email }).from(people).where(and(eq(people.workspaceId, workspaceId), eq(people.status, 'active')));
}

/** The workspace's indicator library: key, name and status of each. */
export async function selectLibraryIndicators(tx: Tx, workspaceId: string) {
  return tx.select({ id: indicators.id, key: indicators.key, name: indicators.name, status: indicators.status }).from(indicators).where(eq(indicators.workspaceId, workspaceId));
}

/** What a new goal's status needs of its indicator: its direction and how it rolls up. */
export async function findIndicatorTraits(tx: Tx, id: string) {
  const [row] = await tx.select({ id: indicators.id, direction: indicators.direction, rollUp: indicators.rollUp }).from(indicators).where(eq(indicators.id, id));
  return row;
}
