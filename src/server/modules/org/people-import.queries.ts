import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { nextVersion } from '../../http/versions.ts';
import { orgUnits, people, positions } from '../../db/schema/index.ts';
import type { PersonInsert, PersonRow } from './people.queries.ts';
import type { WorkspaceSnapshot } from './people-import.validate.ts';

/** Holds the workspace's people-import lock for the rest of the transaction: one import per workspace at a time. */
export async function lockPeopleImport(tx: Tx, workspaceId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`people.import:${workspaceId}`}))`);
}

/** The workspace's people, units and positions, as an import file is checked against them. */
export async function loadImportSnapshot(db: Db | Tx, workspaceId: string): Promise<WorkspaceSnapshot & { people: PersonRow[] }> {
  // one after the other: a transaction is one connection, which runs one query at a time
  const personRows = await db.select().from(people).where(eq(people.workspaceId, workspaceId));
  const unitRows = await db.select({ id: orgUnits.id, name: orgUnits.name, parentId: orgUnits.parentId, status: orgUnits.status }).from(orgUnits).where(eq(orgUnits.workspaceId, workspaceId));
  const positionRows = await db.select({ id: positions.id, name: positions.name }).from(positions).where(eq(positions.workspaceId, workspaceId));
  return { people: personRows, units: unitRows, positions: positionRows };
}

/** Inserts people in one statement and returns their rows. */
export async function insertPeople(tx: Tx, values: PersonInsert[]): Promise<PersonRow[]> {
  return tx.insert(people).values(values).returning();
}

/** Writes the given columns of a person of the workspace, raising their version, and returns the row as it now is. */
export async function updatePersonInWorkspace(tx: Tx, workspaceId: string, id: string, patch: Partial<PersonInsert>): Promise<PersonRow> {
  const [after] = await tx
    .update(people)
    .set({ ...patch, version: nextVersion('person') })
    .where(and(eq(people.workspaceId, workspaceId), eq(people.id, id)))
    .returning();
  return after;
}
