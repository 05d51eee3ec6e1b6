import type { z } from 'zod';
import type { createUnitInput, Unit, updateUnitInput } from '../../../contracts/org.ts';
import type { Db, Tx } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';
import { checkVersion } from '../../http/versions.ts';
import { recordAudit } from '../audit/index.ts';
import type { WorkspaceActor } from './org.types.ts';
import { existsInWorkspace } from './people.queries.ts';
import {
  countActiveChildUnits,
  countActivePeopleInUnit,
  countChildUnits,
  countGoalsOwnedByUnit,
  countPeopleInUnit,
  deleteUnitRow,
  findSiblingIdsNamed,
  findUnitRow,
  lockUnitTree,
  insertUnit,
  isSelfOrDescendant,
  unitsWithHeadcount,
  updateUnitRow,
} from './units.queries.ts';

export async function listUnits(db: Db, workspaceId: string): Promise<Unit[]> {
  return unitsWithHeadcount(db, workspaceId);
}

async function getUnit(db: Db | Tx, workspaceId: string, id: string) {
  const row = await findUnitRow(db, workspaceId, id);
  if (!row) throw notFound('unit');
  return row;
}

export async function createUnit(db: Db, actor: WorkspaceActor, input: z.output<typeof createUnitInput>) {
  const id = await db.transaction(async (tx) => {
    if (input.parentId) await getUnit(tx, actor.workspaceId, input.parentId);
    if (input.leadPersonId) await assertPersonInWorkspace(tx, actor.workspaceId, input.leadPersonId, 'leadPersonId');
    await assertSiblingNameFree(tx, actor.workspaceId, input.parentId ?? null, input.name, null);
    const row = await insertUnit(tx, { workspaceId: actor.workspaceId, name: input.name, parentId: input.parentId ?? null, leadPersonId: input.leadPersonId ?? null, sortOrder: input.sortOrder ?? 0 });
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'unit.create', entityType: 'unit', entityId: row.id, after: row });
    return row.id;
  });
  return findUnit(db, actor.workspaceId, id);
}

export async function updateUnit(db: Db, actor: WorkspaceActor, id: string, input: Omit<z.output<typeof updateUnitInput>, 'version'>, expected?: number) {
  await db.transaction(async (tx) => {
    // a move is checked against the tree as it is once no other move is under way
    if (input.parentId !== undefined) await lockUnitTree(tx, actor.workspaceId);
    const before = await getUnit(tx, actor.workspaceId, id);
    await checkVersion(tx, 'unit', id, expected);
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
    const after = await updateUnitRow(tx, id, { ...input, updatedAt: new Date() });
    const action = input.parentId !== undefined && input.parentId !== before.parentId ? 'unit.move' : input.status && input.status !== before.status ? `unit.${input.status === 'inactive' ? 'deactivate' : 'activate'}` : 'unit.update';
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action, entityType: 'unit', entityId: id, before, after });
  });
  return findUnit(db, actor.workspaceId, id);
}

export async function deleteUnit(db: Db, actor: WorkspaceActor, id: string) {
  await db.transaction(async (tx) => {
    const before = await getUnit(tx, actor.workspaceId, id);
    const children = await countChildUnits(tx, id);
    const members = await countPeopleInUnit(tx, id);
    if (children > 0 || members > 0) {
      throw new AppError('has_dependents', { reason: 'unit.not_empty', children, people: members }, [{ code: 'unit.not_empty', params: { children, people: members } }]);
    }
    const owned = await countGoalsOwnedByUnit(tx, id);
    if (owned > 0) throw new AppError('has_dependents', { reason: 'unit.has_goals', goals: owned }, [{ code: 'unit.has_goals', params: { goals: owned } }]);
    await deleteUnitRow(tx, id);
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'unit.delete', entityType: 'unit', entityId: id, before });
  });
}

async function findUnit(db: Db, workspaceId: string, id: string): Promise<Unit> {
  const units = await listUnits(db, workspaceId);
  const unit = units.find((u) => u.id === id);
  if (!unit) throw notFound('unit');
  return unit;
}

async function assertSiblingNameFree(tx: Tx, workspaceId: string, parentId: string | null, name: string, selfId: string | null) {
  const ids = await findSiblingIdsNamed(tx, workspaceId, parentId, name);
  if (ids.some((id) => id !== selfId)) throw new AppError('name_taken', { name }, [{ path: ['body', 'name'], code: 'unit.name_taken_sibling', params: { name } }]);
}

async function assertNoActiveContents(tx: Tx, id: string) {
  const active = await countActivePeopleInUnit(tx, id);
  const children = await countActiveChildUnits(tx, id);
  if (active > 0 || children > 0) throw new AppError('conflict', { reason: 'unit.deactivate_not_empty', children, people: active }, [{ code: 'unit.deactivate_not_empty', params: { children, people: active } }]);
}

export async function assertPersonInWorkspace(tx: Tx | Db, workspaceId: string, personId: string, field: string) {
  if (!(await existsInWorkspace(tx, 'person', workspaceId, personId))) throw new AppError('validation_failed', { count: 1 }, [{ path: ['body', field], code: 'org.person_not_found' }]);
}
