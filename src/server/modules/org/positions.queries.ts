import { and, count, eq, sql } from 'drizzle-orm';
import type { Position } from '../../../contracts/org.ts';
import type { Db, Tx } from '../../db/client.ts';
import { nextVersion } from '../../http/versions.ts';
import { people, positions } from '../../db/schema/index.ts';

export type PositionRow = typeof positions.$inferSelect;
export type PositionInsert = typeof positions.$inferInsert;

/** A workspace's positions by name, each with how many active people hold it. */
export async function positionsWithHeadcount(db: Db, workspaceId: string): Promise<Position[]> {
  const result = await db.execute<Position>(sql`
    select p.id, p.name, p.description, p.version,
           (select count(*)::int from people x where x.position_id = p.id and x.status = 'active') as headcount
    from positions p where p.workspace_id = ${workspaceId} order by p.name`);
  return result.rows;
}

export async function findPositionRow(tx: Tx | Db, workspaceId: string, id: string): Promise<PositionRow | undefined> {
  const [row] = await tx.select().from(positions).where(and(eq(positions.workspaceId, workspaceId), eq(positions.id, id)));
  return row;
}

/** The id of the workspace's position with exactly this name. */
export async function findPositionIdByName(tx: Tx, workspaceId: string, name: string): Promise<string | undefined> {
  const [row] = await tx.select({ id: positions.id }).from(positions).where(and(eq(positions.workspaceId, workspaceId), eq(positions.name, name)));
  return row?.id;
}

export async function insertPosition(tx: Tx, values: PositionInsert): Promise<PositionRow> {
  const [row] = await tx.insert(positions).values(values).returning();
  return row;
}

/** Writes the given columns of a position, raising its version, and returns the row as it now is. */
export async function updatePositionRow(tx: Tx, id: string, patch: Partial<PositionInsert>): Promise<PositionRow> {
  const [after] = await tx.update(positions).set({ ...patch, version: nextVersion('position') }).where(eq(positions.id, id)).returning();
  return after;
}

/** How many people (active or not) hold the position. */
export async function countPositionHolders(tx: Tx, id: string): Promise<number> {
  const [{ holders }] = await tx.select({ holders: count() }).from(people).where(eq(people.positionId, id));
  return holders;
}

export async function deletePositionRow(tx: Tx, id: string): Promise<void> {
  await tx.delete(positions).where(eq(positions.id, id));
}
