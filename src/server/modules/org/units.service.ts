import { and, count, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createUnitInput, Unit, updateUnitInput } from '../../../contracts/org.ts';
import type { Db, Tx } from '../../db/client.ts';
import { goals, orgUnits, people } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import type { WorkspaceActor } from './org.types.ts';

export async function listUnits(db: Db, workspaceId: string): Promise<Unit[]> {
  const result = await db.execute<Unit>(sql`
    select u.id, u.name, u.parent_id as "parentId", u.lead_person_id as "leadPersonId", lp.name as "leadName",
           u.sort_order as "sortOrder", u.status,
           (select count(*)::int from people p where p.unit_id = u.id and p.status = 'active') as headcount
    from org_units u left join people lp on lp.id = u.lead_person_id
    where u.workspace_id = ${workspaceId}
    order by u.sort_order, u.name`);
  return result.rows;
}

async function getUnit(db: Db | Tx, workspaceId: string, id: string) {
  const [row] = await db.select().from(orgUnits).where(and(eq(orgUnits.workspaceId, workspaceId), eq(orgUnits.id, id)));
  if (!row) throw notFound('unit');
  return row;
}

export async function createUnit(db: Db, actor: WorkspaceActor, input: z.output<typeof createUnitInput>) {
  const id = await db.transaction(async (tx) => {
    if (input.parentId) await getUnit(tx, actor.workspaceId, input.parentId);
    if (input.leadPersonId) await assertPersonInWorkspace(tx, actor.workspaceId, input.leadPersonId, 'leadPersonId');
    await assertSiblingNameFree(tx, actor.workspaceId, input.parentId ?? null, input.name, null);
    const [row] = await tx
      .insert(orgUnits)
      .values({ workspaceId: actor.workspaceId, name: input.name, parentId: input.parentId ?? null, leadPersonId: input.leadPersonId ?? null, sortOrder: input.sortOrder ?? 0 })
      .returning();
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'unit.create', entityType: 'unit', entityId: row.id, after: row });
    return row.id;
  });
  return findUnit(db, actor.workspaceId, id);
}

export async function updateUnit(db: Db, actor: WorkspaceActor, id: string, input: z.output<typeof updateUnitInput>) {
  await db.transaction(async (tx) => {
    const before = await getUnit(tx, actor.workspaceId, id);
    if (input.parentId !== undefined && input.parentId !== before.parentId && input.parentId !== null) {
      await getUnit(tx, actor.workspaceId, input.parentId);
      if (await isSelfOrDescendant(tx, id, input.parentId)) {
        throw new AppError('invalid_move', { reason: 'unit.move_into_own_subtree' }, [{ path: ['body', 'parentId'], code: 'unit.move_into_own_subtree' }]);
      }
    }
    if (input.leadPersonId) await assertPersonInWorkspace(tx, actor.workspaceId, input.leadPersonId, 'leadPersonId');
    const parentId = input.parentId === undefined ? before.parentId : input.parentId;
    const name = input.name ?? before.name;
    if (name !== before.name || parentId !== before.parentId) await assertSiblingNameFree(tx, actor.workspaceId, parentId, name, id);
    if (input.status === 'inactive' && before.status === 'active') await assertNoActiveContents(tx, id);
    const [after] = await tx.update(orgUnits).set({ ...input, updatedAt: new Date() }).where(eq(orgUnits.id, id)).returning();
    const action = input.parentId !== undefined && input.parentId !== before.parentId ? 'unit.move' : input.status && input.status !== before.status ? `unit.${input.status === 'inactive' ? 'deactivate' : 'activate'}` : 'unit.update';
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action, entityType: 'unit', entityId: id, before, after });
  });
  return findUnit(db, actor.workspaceId, id);
}

export async function deleteUnit(db: Db, actor: WorkspaceActor, id: string) {
  await db.transaction(async (tx) => {
    const before = await getUnit(tx, actor.workspaceId, id);
    const [{ children }] = await tx.select({ children: count() }).from(orgUnits).where(eq(orgUnits.parentId, id));
    const [{ members }] = await tx.select({ members: count() }).from(people).where(eq(people.unitId, id));
    if (children > 0 || members > 0) {
      throw new AppError('has_dependents', { reason: 'unit.not_empty', children, people: members }, [{ code: 'unit.not_empty', params: { children, people: members } }]);
    }
    const [{ owned }] = await tx.select({ owned: count() }).from(goals).where(eq(goals.ownerUnitId, id));
    if (owned > 0) throw new AppError('has_dependents', { reason: 'unit.has_goals', goals: owned }, [{ code: 'unit.has_goals', params: { goals: owned } }]);
    await tx.delete(orgUnits).where(eq(orgUnits.id, id));
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'unit.delete', entityType: 'unit', entityId: id, before });
  });
}

async function findUnit(db: Db, workspaceId: string, id: string): Promise<Unit> {
  const units = await listUnits(db, workspaceId);
  const unit = units.find((u) => u.id === id);
  if (!unit) throw notFound('unit');
  return unit;
}

async function isSelfOrDescendant(tx: Tx, unitId: string, candidateId: string): Promise<boolean> {
  const result = await tx.execute<{ found: boolean }>(sql`
    with recursive sub(id) as (
      select ${unitId}::uuid union select u.id from org_units u join sub on u.parent_id = sub.id
    ) select exists(select 1 from sub where id = ${candidateId}) as found`);
  return result.rows[0]?.found === true;
}

async function assertSiblingNameFree(tx: Tx, workspaceId: string, parentId: string | null, name: string, selfId: string | null) {
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
  if (rows.some((r) => r.id !== selfId)) throw new AppError('name_taken', { name }, [{ path: ['body', 'name'], code: 'unit.name_taken_sibling', params: { name } }]);
}

async function assertNoActiveContents(tx: Tx, id: string) {
  const [{ active }] = await tx.select({ active: count() }).from(people).where(and(eq(people.unitId, id), eq(people.status, 'active')));
  const [{ children }] = await tx.select({ children: count() }).from(orgUnits).where(and(eq(orgUnits.parentId, id), eq(orgUnits.status, 'active')));
  if (active > 0 || children > 0) throw new AppError('conflict', { reason: 'unit.deactivate_not_empty', children, people: active }, [{ code: 'unit.deactivate_not_empty', params: { children, people: active } }]);
}

export async function assertPersonInWorkspace(tx: Tx | Db, workspaceId: string, personId: string, field: string) {
  const [row] = await tx.select({ id: people.id }).from(people).where(and(eq(people.workspaceId, workspaceId), eq(people.id, personId)));
  if (!row) throw new AppError('validation_failed', { count: 1 }, [{ path: ['body', field], code: 'org.person_not_found' }]);
}
