import type { z } from 'zod';
import type { createPositionInput, Position, updatePositionInput } from '../../../contracts/org.ts';
import type { Db, Tx } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';
import { checkVersion } from '../../http/versions.ts';
import { recordAudit } from '../audit/index.ts';
import type { WorkspaceActor } from './org.types.ts';
import { countPositionHolders, deletePositionRow, findPositionIdByName, findPositionRow, insertPosition, positionsWithHeadcount, updatePositionRow } from './positions.queries.ts';

export async function listPositions(db: Db, workspaceId: string): Promise<Position[]> {
  return positionsWithHeadcount(db, workspaceId);
}

async function getPosition(tx: Tx | Db, workspaceId: string, id: string) {
  const row = await findPositionRow(tx, workspaceId, id);
  if (!row) throw notFound('position');
  return row;
}

async function assertNameFree(tx: Tx, workspaceId: string, name: string, selfId: string | null) {
  const taken = await findPositionIdByName(tx, workspaceId, name);
  if (taken && taken !== selfId) throw new AppError('name_taken', { name }, [{ path: ['body', 'name'], code: 'field.name_taken', params: { name } }]);
}

export async function createPosition(db: Db, actor: WorkspaceActor, input: z.output<typeof createPositionInput>) {
  const id = await db.transaction(async (tx) => {
    await assertNameFree(tx, actor.workspaceId, input.name, null);
    const row = await insertPosition(tx, { workspaceId: actor.workspaceId, name: input.name, description: input.description ?? '' });
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'position.create', entityType: 'position', entityId: row.id, after: row });
    return row.id;
  });
  return findPosition(db, actor.workspaceId, id);
}

export async function updatePosition(db: Db, actor: WorkspaceActor, id: string, input: Omit<z.output<typeof updatePositionInput>, 'version'>, expected?: number) {
  await db.transaction(async (tx) => {
    const before = await getPosition(tx, actor.workspaceId, id);
    await checkVersion(tx, 'position', id, expected);
    if (input.name && input.name !== before.name) await assertNameFree(tx, actor.workspaceId, input.name, id);
    const after = await updatePositionRow(tx, id, { ...input, updatedAt: new Date() });
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'position.update', entityType: 'position', entityId: id, before, after });
  });
  return findPosition(db, actor.workspaceId, id);
}

export async function deletePosition(db: Db, actor: WorkspaceActor, id: string) {
  await db.transaction(async (tx) => {
    const before = await getPosition(tx, actor.workspaceId, id);
    const holders = await countPositionHolders(tx, id);
    if (holders > 0) throw new AppError('has_dependents', { reason: 'position.in_use', people: holders }, [{ code: 'position.in_use', params: { people: holders } }]);
    await deletePositionRow(tx, id);
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'position.delete', entityType: 'position', entityId: id, before });
  });
}

async function findPosition(db: Db, workspaceId: string, id: string): Promise<Position> {
  const found = (await listPositions(db, workspaceId)).find((p) => p.id === id);
  if (!found) throw notFound('position');
  return found;
}
