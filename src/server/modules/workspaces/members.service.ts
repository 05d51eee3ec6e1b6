import type { z } from 'zod';
import type { addMemberInput, updateMemberInput } from '../../../contracts/org.ts';
import type { Db, Tx } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';
import { checkVersion } from '../../http/versions.ts';
import { recordAudit } from '../audit/index.ts';
import { hashPassword } from '../../crypto.ts';
import type { WorkspaceActor } from '../org/index.ts';
import { assertPersonInWorkspace } from '../org/index.ts';
import { countAdmins, deleteMembership, findMembership, insertMembership, lockMemberships, selectMembers, updateMembershipRow } from './members.queries.ts';
import { findUserIdByEmail } from './workspaces.queries.ts';
import { insertUser } from './workspaces.service.ts';

export async function listMembers(db: Db, workspaceId: string) {
  return selectMembers(db, workspaceId);
}

/** Adds an existing account by email, or creates the account (with the given initial password). */
export async function addMember(db: Db, actor: WorkspaceActor, input: z.output<typeof addMemberInput>) {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const userId = await db.transaction(async (tx) => {
    if (input.personId) await assertPersonInWorkspace(tx, actor.workspaceId, input.personId, 'personId');
    // the email is lower-cased by its schema
    let id = await findUserIdByEmail(tx, input.email);
    if (!id) {
      if (!passwordHash) throw new AppError('validation_failed', { count: 1 }, [{ path: ['body', 'password'], code: 'member.password_required' }]);
      id = await insertUser(tx, { email: input.email, name: input.name, passwordHash });
    }
    const already = await findMembership(tx, actor.workspaceId, id);
    if (already) throw new AppError('conflict', { reason: 'member.already_member' });
    const row = await insertMembership(tx, { workspaceId: actor.workspaceId, userId: id, role: input.role, personId: input.personId ?? null });
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'member.add', entityType: 'member', entityId: id, after: { ...row, email: input.email } });
    return id;
  });
  return findMember(db, actor.workspaceId, userId);
}

/** Changes a member's role or linked person; `expected`: the version the change is based on (a stale one is a 409 and changes nothing). */
export async function updateMember(db: Db, actor: WorkspaceActor, userId: string, input: Omit<z.output<typeof updateMemberInput>, 'version'>, expected?: number) {
  await db.transaction(async (tx) => {
    await lockMemberships(tx, actor.workspaceId);
    const before = await getMembership(tx, actor.workspaceId, userId);
    await checkVersion(tx, 'member', { workspaceId: actor.workspaceId, userId }, expected);
    const changed = (input.role !== undefined && input.role !== before.role) || (input.personId !== undefined && input.personId !== before.personId);
    if (!changed) return; // nothing to write or audit
    if (input.personId) await assertPersonInWorkspace(tx, actor.workspaceId, input.personId, 'personId');
    if (before.role === 'admin' && input.role && input.role !== 'admin') await assertAnotherAdmin(tx, actor.workspaceId);
    const after = await updateMembershipRow(tx, actor.workspaceId, userId, input);
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'member.update', entityType: 'member', entityId: userId, before, after });
  });
  return findMember(db, actor.workspaceId, userId);
}

export async function removeMember(db: Db, actor: WorkspaceActor, userId: string) {
  await db.transaction(async (tx) => {
    await lockMemberships(tx, actor.workspaceId);
    const before = await getMembership(tx, actor.workspaceId, userId);
    if (before.role === 'admin') await assertAnotherAdmin(tx, actor.workspaceId);
    await deleteMembership(tx, actor.workspaceId, userId);
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'member.remove', entityType: 'member', entityId: userId, before });
  });
}

/**
 * Makes an account an administrator of the workspace, whatever it is now: a new account, an
 * account outside the workspace, or a member with another role (the way back for a workspace
 * whose administrators were all demoted). Used by `kedu create-admin --workspace`.
 */
export async function grantAdmin(db: Db, actor: WorkspaceActor, input: { email: string; name: string; password: string }): Promise<'added' | 'promoted' | 'unchanged'> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await lockMemberships(tx, actor.workspaceId);
    const userId = (await findUserIdByEmail(tx, input.email)) ?? (await insertUser(tx, { email: input.email, name: input.name, passwordHash }));
    const before = await findMembership(tx, actor.workspaceId, userId);
    if (before?.role === 'admin') return 'unchanged';
    if (before) {
      const after = await updateMembershipRow(tx, actor.workspaceId, userId, { role: 'admin' });
      await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'member.update', entityType: 'member', entityId: userId, before, after });
      return 'promoted';
    }
    const row = await insertMembership(tx, { workspaceId: actor.workspaceId, userId, role: 'admin', personId: null });
    await recordAudit(tx, actor, { workspaceId: actor.workspaceId, action: 'member.add', entityType: 'member', entityId: userId, after: { ...row, email: input.email } });
    return 'added';
  });
}

async function getMembership(tx: Tx, workspaceId: string, userId: string) {
  const row = await findMembership(tx, workspaceId, userId);
  if (!row) throw notFound('member');
  return row;
}

/** A workspace always keeps at least one administrator. */
async function assertAnotherAdmin(tx: Tx, workspaceId: string) {
  if ((await countAdmins(tx, workspaceId)) <= 1) throw new AppError('conflict', { reason: 'member.last_admin' });
}

async function findMember(db: Db, workspaceId: string, userId: string) {
  const found = (await listMembers(db, workspaceId)).find((m) => m.userId === userId);
  if (!found) throw notFound('member');
  return found;
}
