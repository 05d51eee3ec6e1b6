import { and, count, eq, sql } from 'drizzle-orm';
import type { Unit } from '../../../contracts/org.ts';
import type { Db, Tx } from '../../db/client.ts';
import { nextVersion } from '../../http/versions.ts';
import { goals, orgUnits, people } from '../../db/schema/index.ts';

export type UnitRow = typeof orgUnits.$inferSelect;
export type UnitInsert = typeof orgUnits.$inferInsert;

/** A workspace's units in display order, with their lead's name and how many active people are in each. */
export async function unitsWithHeadcount(db: Db, workspaceId: string): Promise<Unit[]> {
  const result = await db.execute<Unit>(sql`
    select u.id, u.name, u.parent_id as "parentId", u.lead_person_id as "leadPersonId", lp.name as "leadName",
           u.sort_order as "sortOrder", u.status, u.version,
           (select count(*)::int from people p where p.unit_id = u.id and p.status = 'active') as headcount
    from org_units u left join people lp on lp.id = u.lead_person_id
    where u.workspace_id = ${workspaceId}
    order by u.sort_order, u.name`);
  return result.rows;
}

/**
 * Holds the workspace's unit-tree lock for the rest of the transaction, as goal re-parenting
 * does for a plan: two crossed moves (A under B, B under A) cannot both pass the loop check
 * (45 of 50 concurrent runs formed a loop before).
 */
export async function lockUnitTree(tx: Tx, workspaceId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`unit-tree:${workspaceId}`}))`);
}

export async function findUnitRow(db: Db | Tx, workspaceId: string, id: string): Promise<UnitRow | undefined> {
  const [row] = await db.select().from(orgUnits).where(and(eq(orgUnits.workspaceId, workspaceId), eq(orgUnits.id, id)));
  return row;
}

/** The workspace's unit tree: each unit's name and parent (for paths like 销售部/华东区). */
export async function selectUnitTree(db: Db | Tx, workspaceId: string): Promise<{ id: string; name: string; parentId: string | null }[]> {
  return db.select({ id: orgUnits.id, name: orgUnits.name, parentId: orgUnits.parentId }).from(orgUnits).where(eq(orgUnits.workspaceId, workspaceId));
}

/** Every unit of the workspace, as stored. */
export async function selectUnitRows(db: Db | Tx, workspaceId: string): Promise<UnitRow[]> {
  return db.select().from(orgUnits).where(eq(orgUnits.workspaceId, workspaceId));
}

export async function insertUnit(tx: Tx, values: UnitInsert): Promise<UnitRow> {
  const [row] = await tx.insert(orgUnits).values(values).returning();
  return row;
}

/** Writes the given columns of a unit, raising its version, and returns the row as it now is. */
export async function updateUnitRow(tx: Tx, id: string, patch: Partial<UnitInsert>): Promise<UnitRow> {
  const [after] = await tx.update(orgUnits).set({ ...patch, version: nextVersion('unit') }).where(eq(orgUnits.id, id)).returning();
  return after;
}

export async function deleteUnitRow(tx: Tx, id: string): Promise<void> {
  await tx.delete(orgUnits).where(eq(orgUnits.id, id));
}

/** How many units sit directly under the unit (active or not). */
export async function countChildUnits(tx: Tx, id: string): Promise<number> {
  const [{ children }] = await tx.select({ children: count() }).from(orgUnits).where(eq(orgUnits.parentId, id));
  return children;
}

/** How many active units sit directly under the unit. */
export async function countActiveChildUnits(tx: Tx, id: string): Promise<number> {
  const [{ children }] = await tx.select({ children: count() }).from(orgUnits).where(and(eq(orgUnits.parentId, id), eq(orgUnits.status, 'active')));
  return children;
}

/** How many people are in the unit (active or not). */
export async function countPeopleInUnit(tx: Tx, id: string): Promise<number> {
  const [{ members }] = await tx.select({ members: count() }).from(people).where(eq(people.unitId, id));
  return members;
}

export async function countActivePeopleInUnit(tx: Tx, id: string): Promise<number> {
  const [{ active }] = await tx.select({ active: count() }).from(people).where(and(eq(people.unitId, id), eq(people.status, 'active')));
  return active;
}

/** How many goals the unit owns. */
export async function countGoalsOwnedByUnit(tx: Tx, id: string): Promise<number> {
  const [{ owned }] = await tx.select({ owned: count() }).from(goals).where(eq(goals.ownerUnitId, id));
  return owned;
}

/** Is `candidateId` the unit itself or one of the units below it? */
export async function isSelfOrDescendant(tx: Tx, unitId: string, candidateId: string): Promise<boolean> {
  const result = await tx.execute<{ found: boolean }>(sql`
    with recursive sub(id) as (
      select ${unitId}::uuid union select u.id from org_units u join sub on u.parent_id = sub.id
    ) select exists(select 1 from sub where id = ${candidateId}) as found`);
  return result.rows[0]?.found === true;
}

/** The ids of the units with this name directly under `parentId` (at the top when null). */
export async function findSiblingIdsNamed(tx: Tx, workspaceId: string, parentId: string | null, name: string): Promise<string[]> {
  const rows = await tx
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(
      and(
        eq(orgUnits.workspaceId, workspaceId),
        parentId ? eq(orgUnits.parentId, parentId) : sql`${orgUnits.parentId} is null`,
        eq(orgUnits.name, name),
      ),
    );
  return rows.map((r) => r.id);
}
