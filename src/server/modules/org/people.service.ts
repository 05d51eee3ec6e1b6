import type { z } from 'zod';
import type { createPersonInput, listPeopleQuery, updatePersonInput } from '../../../contracts/org.ts';
import { canManagePersonIn, canSeePerson, peopleScope } from '../../access.ts';
import type { Db, Tx } from '../../db/client.ts';
import { AppError, type ErrorDetail, notFound } from '../../errors.ts';
import { checkVersion } from '../../http/versions.ts';
import type { RequestContext, Viewer } from '../../http/request-context.ts';
import { recordAudit } from '../audit/index.ts';
import type { WorkspaceActor } from './org.types.ts';
import { existsInWorkspace, findPersonById, findPersonIdByEmail, findPersonRow, findPersonUnit, insertPerson, managerChainIncludes, queryPeople, updatePersonRow } from './people.queries.ts';

export async function listPeople(db: Db, viewer: Viewer, q: z.output<typeof listPeopleQuery>) {
  const { items, total } = await queryPeople(db, viewer.workspaceId, peopleScope(viewer), q, {
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function getPerson(db: Db, viewer: Viewer, id: string) {
  const person = await findPersonById(db, viewer.workspaceId, id);
  // someone out of reach is "not found", not "forbidden": their existence is not revealed
  if (!person || !canSeePerson(viewer, person)) throw notFound('person');
  return person;
}

const actorOf = (viewer: Viewer): WorkspaceActor => ({ userId: viewer.userId, label: viewer.label, ip: null, workspaceId: viewer.workspaceId });

export async function createPerson(db: Db, ctx: RequestContext, input: z.output<typeof createPersonInput>) {
  const { viewer } = ctx;
  const { ip } = ctx.actor;
  if (!canManagePersonIn(viewer, input.unitId ?? null)) throw new AppError('forbidden');
  const id = await db.transaction(async (tx) => {
    await assertManagerVisible(tx, viewer, input.managerId);
    await assertReferences(tx, viewer.workspaceId, input, null);
    const row = await insertPerson(tx, {
      workspaceId: viewer.workspaceId,
      name: input.name,
      email: input.email ?? null,
      employeeNo: input.employeeNo ?? null,
      unitId: input.unitId ?? null,
      positionId: input.positionId ?? null,
      managerId: input.managerId ?? null,
      joinedOn: input.joinedOn ?? null,
    });
    await recordAudit(tx, { ...actorOf(viewer), ip }, { workspaceId: viewer.workspaceId, action: 'person.create', entityType: 'person', entityId: row.id, after: row });
    return row.id;
  });
  return getPerson(db, viewer, id);
}

export async function updatePerson(db: Db, ctx: RequestContext, id: string, input: Omit<z.output<typeof updatePersonInput>, 'version'>, expected?: number) {
  const { viewer } = ctx;
  const { ip } = ctx.actor;
  await db.transaction(async (tx) => {
    const before = await findPersonRow(tx, viewer.workspaceId, id);
    if (!before || !canSeePerson(viewer, before)) throw notFound('person');
    const targetUnit = input.unitId === undefined ? before.unitId : input.unitId;
    if (!canManagePersonIn(viewer, before.unitId) || !canManagePersonIn(viewer, targetUnit)) throw new AppError('forbidden');
    await checkVersion(tx, 'person', id, expected);
    if (input.managerId !== before.managerId) await assertManagerVisible(tx, viewer, input.managerId);
    await assertReferences(tx, viewer.workspaceId, input, id);
    const patch = { ...input, updatedAt: new Date() };
    if (input.status === 'left' && before.status !== 'left' && input.leftOn === undefined) patch.leftOn = new Date().toISOString().slice(0, 10);
    if (input.status === 'active') patch.leftOn = null;
    const after = await updatePersonRow(tx, id, patch);
    await recordAudit(tx, { ...actorOf(viewer), ip }, { workspaceId: viewer.workspaceId, action: personAction(before, input), entityType: 'person', entityId: id, before, after });
  });
  return getPerson(db, viewer, id);
}

function personAction(before: { unitId: string | null; status: string }, input: Omit<z.output<typeof updatePersonInput>, 'version'>): string {
  if (input.status && input.status !== before.status) return input.status === 'left' ? 'person.deactivate' : 'person.reactivate';
  if (input.unitId !== undefined && input.unitId !== before.unitId) return 'person.move';
  return 'person.update';
}

/** A manager may only name as someone's manager a person they can see themselves. */
async function assertManagerVisible(tx: Tx, viewer: Viewer, managerId: string | null | undefined) {
  if (!managerId || viewer.role === 'admin') return;
  const manager = await findPersonUnit(tx, viewer.workspaceId, managerId);
  if (manager && !canSeePerson(viewer, manager)) {
    throw new AppError('validation_failed', { count: 1 }, [{ path: ['body', 'managerId'], code: 'person.manager_out_of_scope' }]);
  }
}

/** Checks that unit, position and manager exist in this workspace, the email is free and no manager cycle forms. */
async function assertReferences(
  tx: Tx,
  workspaceId: string,
  input: { unitId?: string | null; positionId?: string | null; managerId?: string | null; email?: string | null },
  selfId: string | null,
) {
  const problems: ErrorDetail[] = [];
  const exists = (table: 'unit' | 'position' | 'person', id: string) => existsInWorkspace(tx, table, workspaceId, id);
  if (input.unitId && !(await exists('unit', input.unitId))) problems.push({ path: ['body', 'unitId'], code: 'org.unit_not_found' });
  if (input.positionId && !(await exists('position', input.positionId))) problems.push({ path: ['body', 'positionId'], code: 'org.position_not_found' });
  if (input.managerId) {
    if (!(await exists('person', input.managerId))) problems.push({ path: ['body', 'managerId'], code: 'org.person_not_found' });
    else if (selfId && (await managerChainIncludes(tx, input.managerId, selfId))) problems.push({ path: ['body', 'managerId'], code: 'person.manager_cycle' });
  }
  if (input.email) {
    const taken = await findPersonIdByEmail(tx, workspaceId, input.email.toLowerCase());
    if (taken && taken !== selfId) problems.push({ path: ['body', 'email'], code: 'person.email_taken', params: { email: input.email } });
  }
  if (problems.length) throw new AppError('validation_failed', { count: problems.length }, problems);
}
