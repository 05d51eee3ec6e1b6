import { and, count, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createPositionInput, Position, updatePositionInput } from '../../../contracts/org.ts';
import type { Db, Tx } from '../../db/client.ts';
import { people, positions } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import type { WorkspaceActor } from './org.types.ts';

export async function listPositions(db: Db, workspaceId: string): Promise<Position[]> {
  const result = await db.execute<Position>(sql`
    select p.id, p.name, p.description,
           (select count(*)::int from people x where x.position_id = p.id and x.status = 'active') as headcount
    from positions p where p.workspace_id = ${workspaceId} order by p.name`);
  return result.rows;
}

async function getPosition(tx: Tx | Db, workspaceId: string, id: string) {
  const [row] = await tx.select().from(positions).where(and(eq(positions.workspaceId, workspaceId), eq(positions.id, id)));
  if (!row) throw notFound('position');
  return row;
}

async function assertNameFree(tx: Tx, workspaceId: string, name: string, selfId: string | null) {
  const [row] = await tx.select({ id: positions.id }).from(positions).where(and(eq(positions.workspaceId, workspaceId), eq(positions.name, name)));
  if (row && row.id !== selfId) throw new AppError('name_taken', { name }, [{ path: ['body', 'name'], code: 'field.name_taken', params: { name } }]);
}

export async function createPosition(db: Db, actor: WorkspaceActor, input: z.output<typeof createPositionInput>) {
  const id = await db.transaction(async (tx) => {
    await assertNameFree(tx, actor.workspaceId, input.name, null);
    const [row] = await tx.insert(positions).values({ workspaceId: actor.workspaceId, name: input.name, description: input.description ?? '' }).returning();
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'position.create', entityType: 'position', entityId: row.id, after: row });
    return row.id;
  });
  return findPosition(db, actor.workspaceId, id);
}

export async function updatePosition(db: Db, actor: WorkspaceActor, id: string, input: z.output<typeof updatePositionInput>) {
  await db.transaction(async (tx) => {
    const before = await getPosition(tx, actor.workspaceId, id);
    if (input.name && input.name !== before.name) await assertNameFree(tx, actor.workspaceId, input.name, id);
    const [after] = await tx.update(positions).set({ ...input, updatedAt: new Date() }).where(eq(positions.id, id)).returning();
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'position.update', entityType: 'position', entityId: id, before, after });
  });
  return findPosition(db, actor.workspaceId, id);
}

export async function deletePosition(db: Db, actor: WorkspaceActor, id: string) {
  await db.transaction(async (tx) => {
    const before = await getPosition(tx, actor.workspaceId, id);
    const [{ holders }] = await tx.select({ holders: count() }).from(people).where(eq(people.positionId, id));
    if (holders > 0) throw new AppError('has_dependents', { reason: 'position.in_use', people: holders }, [{ code: 'position.in_use', params: { people: holders } }]);
    await tx.delete(positions).where(eq(positions.id, id));
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'position.delete', entityType: 'position', entityId: id, before });
  });
}

async function findPosition(db: Db, workspaceId: string, id: string): Promise<Position> {
  const found = (await listPositions(db, workspaceId)).find((p) => p.id === id);
  if (!found) throw notFound('position');
  return found;
}
