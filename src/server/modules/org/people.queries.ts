import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { listPeopleQuery, Person } from '../../../contracts/org.ts';
import { escapeLike } from '../../db/like.ts';
import type { PeopleScope } from '../../access.ts';
import type { Db } from '../../db/client.ts';

const personSelect = sql`
  select p.id, p.name, p.email, p.employee_no as "employeeNo", p.unit_id as "unitId", u.name as "unitName",
         p.position_id as "positionId", pos.name as "positionName", p.manager_id as "managerId", m.name as "managerName",
         p.status, to_char(p.joined_on, 'YYYY-MM-DD') as "joinedOn", to_char(p.left_on, 'YYYY-MM-DD') as "leftOn",
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
