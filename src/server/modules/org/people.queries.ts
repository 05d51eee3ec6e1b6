import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { listPeopleQuery, Person } from '../../../contracts/org.ts';
import { escapeLike } from '../../db/like.ts';
import type { PeopleScope } from '../../access.ts';
import type { Db, Tx } from '../../db/client.ts';
import { nextVersion } from '../../http/versions.ts';
import { orgUnits, people, positions } from '../../db/schema/index.ts';

export type PersonRow = typeof people.$inferSelect;
export type PersonInsert = typeof people.$inferInsert;

const personSelect = sql`
  select p.id, p.name, p.email, p.employee_no as "employeeNo", p.unit_id as "unitId", u.name as "unitName",
         p.position_id as "positionId", pos.name as "positionName", p.manager_id as "managerId", m.name as "managerName",
         p.status, to_char(p.joined_on, 'YYYY-MM-DD') as "joinedOn", to_char(p.left_on, 'YYYY-MM-DD') as "leftOn", p.version,
         to_char(p.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "updatedAt"
  from people p
  left join org_units u on u.id = p.unit_id
  left join positions pos on pos.id = p.position_id
  left join people m on m.id = p.manager_id`;

const orderBy: Record<z.output<typeof listPeopleQuery>['sort'], SQL> = {
  name: sql`p.name asc, p.id`,
  '-name': sql`p.name desc, p.id`,
  unit: sql`u.name asc nulls last, p.name`,
  '-unit': sql`u.name desc nulls last, p.name`,
  updatedAt: sql`p.updated_at asc, p.id`,
  '-updatedAt': sql`p.updated_at desc, p.id`,
};

function scopeFilter(scope: PeopleScope): SQL {
  if (scope.kind === 'all') return sql`true`;
  const self = scope.selfId ? sql`p.id = ${scope.selfId}` : sql`false`;
  if (scope.kind === 'self' || scope.unitIds.length === 0) return self;
  return sql`(${self} or p.unit_id in (${sql.join(scope.unitIds.map((id) => sql`${id}::uuid`), sql`, `)}))`;
}

/** The filtered, scoped, paginated people list behind the people table and the export. */
export async function queryPeople(
  db: Db,
  workspaceId: string,
  scope: PeopleScope,
  q: z.output<typeof listPeopleQuery>,
  paging: { limit: number; offset: number } | null,
): Promise<{ items: Person[]; total: number }> {
  const where: SQL[] = [sql`p.workspace_id = ${workspaceId}`, scopeFilter(scope)];
  if (q.status !== 'all') where.push(sql`p.status = ${q.status}`);
  if (q.positionId) where.push(sql`p.position_id = ${q.positionId}`);
  if (q.unitId) {
    where.push(
      q.includeSubunits
        ? sql`p.unit_id in (with recursive sub(id) as (select ${q.unitId}::uuid union select c.id from org_units c join sub on c.parent_id = sub.id) select id from sub)`
        : sql`p.unit_id = ${q.unitId}`,
    );
  }
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    where.push(sql`(p.name ilike ${like} or p.email ilike ${like} or p.employee_no ilike ${like})`);
  }
  const condition = sql.join(where, sql` and `);
  const page = paging ? sql`limit ${paging.limit} offset ${paging.offset}` : sql``;
  const [items, total] = await Promise.all([
    db.execute<Person>(sql`${personSelect} where ${condition} order by ${orderBy[q.sort]} ${page}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from people p left join org_units u on u.id = p.unit_id where ${condition}`),
  ]);
  return { items: items.rows, total: total.rows[0]?.n ?? 0 };
}

export async function findPersonById(db: Db, workspaceId: string, id: string): Promise<Person | undefined> {
  const result = await db.execute<Person>(sql`${personSelect} where p.workspace_id = ${workspaceId} and p.id = ${id}`);
  return result.rows[0];
}

/** A person's row in the workspace, as stored. */
export async function findPersonRow(tx: Tx, workspaceId: string, id: string): Promise<PersonRow | undefined> {
  const [row] = await tx.select().from(people).where(and(eq(people.workspaceId, workspaceId), eq(people.id, id)));
  return row;
}

/** A person of the workspace with their unit: enough to tell whether a viewer can see them. */
export async function findPersonUnit(tx: Tx, workspaceId: string, id: string): Promise<{ id: string; unitId: string | null } | undefined> {
  const [row] = await tx.select({ id: people.id, unitId: people.unitId }).from(people).where(and(eq(people.workspaceId, workspaceId), eq(people.id, id)));
  return row;
}

export async function insertPerson(tx: Tx, values: PersonInsert): Promise<PersonRow> {
  const [row] = await tx.insert(people).values(values).returning();
  return row;
}

/** Writes the given columns of a person, raising their version, and returns the row as it now is. */
export async function updatePersonRow(tx: Tx, id: string, patch: Partial<PersonInsert>): Promise<PersonRow> {
  const [after] = await tx.update(people).set({ ...patch, version: nextVersion('person') }).where(eq(people.id, id)).returning();
  return after;
}

/** Is there a row with this id in the workspace's units, positions or people? */
export async function existsInWorkspace(tx: Tx | Db, table: 'unit' | 'position' | 'person', workspaceId: string, id: string): Promise<boolean> {
  const t = table === 'unit' ? orgUnits : table === 'position' ? positions : people;
  return (await tx.select({ id: t.id }).from(t).where(and(eq(t.workspaceId, workspaceId), eq(t.id, id)))).length > 0;
}

/** The person of the workspace whose email, lower-cased, equals `email` (which the caller lower-cases). */
export async function findPersonIdByEmail(tx: Tx, workspaceId: string, email: string): Promise<string | undefined> {
  const [taken] = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.workspaceId, workspaceId), eq(sql`lower(${people.email})`, email)));
  return taken?.id;
}

/** Does `selfId` appear in the management chain starting at `managerId` (including it)? */
export async function managerChainIncludes(tx: Tx, managerId: string, selfId: string): Promise<boolean> {
  const result = await tx.execute<{ found: boolean }>(sql`
    with recursive chain(id, depth) as (
      select ${managerId}::uuid, 0
      union all
      select p.manager_id, c.depth + 1 from people p join chain c on p.id = c.id where p.manager_id is not null and c.depth < 1000
    ) select exists(select 1 from chain where id = ${selfId}) as found`);
  return result.rows[0]?.found === true;
}

/** The email of everyone who manages someone in the workspace, by the manager's id. */
export async function selectManagerEmails(db: Db, workspaceId: string): Promise<{ id: string; email: string | null }[]> {
  const { rows } = await db.execute<{ id: string; email: string | null }>(
    sql`select distinct m.id, m.email from people p join people m on m.id = p.manager_id where p.workspace_id = ${workspaceId}`,
  );
  return rows;
}
