import { abilitiesOf } from '../../access.ts';
import type { z } from 'zod';
import type { createWorkspaceInput, setupInput } from '../../../contracts/auth.ts';
import type { Db, Tx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { type Actor, recordAudit } from '../audit/index.ts';
import { hashPassword } from '../../crypto.ts';
import { DEMO_SLUG } from '../demo/index.ts';
import { SOLO_SLUG } from '../demo/index.ts';
import { insertMembership } from './members.queries.ts';
import { slugify } from './slug.ts';
import { countRealUsers, findUserIdByEmail, insertOwnerPerson, insertUserRow, insertWorkspaceRow, lockSetup, selectSlugsLike } from './workspaces.queries.ts';

/** True until a real (non-demo) account exists: the first visit then offers setup. */
export async function needsSetup(db: Db): Promise<boolean> {
  return (await countRealUsers(db)) === 0;
}

/** First-run setup: the administrator's account and the first workspace, in one transaction. */
export async function completeSetup(db: Db, input: z.output<typeof setupInput>, ip: string | null): Promise<string> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    // serialise concurrent setups: only the first may create the administrator
    await lockSetup(tx);
    if ((await countRealUsers(tx)) > 0) throw new AppError('already_set_up');
    const userId = await insertUser(tx, { email: input.email, name: input.adminName, passwordHash, locale: input.locale ?? null });
    const actor: Actor = { userId, label: `${input.adminName} <${input.email}>`, ip };
    await recordAudit(tx, actor, { workspaceId: null, action: 'setup.complete', entityType: 'user', entityId: userId, after: { email: input.email, name: input.adminName } });
    await insertWorkspace(tx, actor, { name: input.workspaceName, slug: input.workspaceSlug, kind: 'team' }, { id: userId, name: input.adminName, email: input.email });
    return userId;
  });
}

export async function createWorkspace(
  db: Db,
  actor: Actor,
  owner: { id: string; name: string; email: string },
  input: z.output<typeof createWorkspaceInput>,
) {
  return db.transaction((tx) => insertWorkspace(tx, actor, input, owner));
}

export async function insertUser(
  tx: Tx,
  u: { email: string; name: string; passwordHash: string; locale?: string | null; isDemo?: boolean },
): Promise<string> {
  const taken = await findUserIdByEmail(tx, u.email.toLowerCase());
  if (taken) throw new AppError('email_taken', { email: u.email });
  return insertUserRow(tx, u);
}

/** Creates a workspace with its creator as administrator and as the first person in it. */
export async function insertWorkspace(
  tx: Tx,
  actor: Actor,
  input: { name: string; slug?: string; kind: 'team' | 'solo'; isDemo?: boolean },
  owner: { id: string; name: string; email: string },
) {
  const slug = await uniqueSlug(tx, input.slug ?? slugify(input.name), !!input.slug, input.isDemo ?? false);
  const ws = await insertWorkspaceRow(tx, { name: input.name, slug, kind: input.kind, isDemo: input.isDemo ?? false });
  const personId = await insertOwnerPerson(tx, ws.id, owner);
  await insertMembership(tx, { workspaceId: ws.id, userId: owner.id, role: 'admin', personId });
  await recordAudit(tx, actor, { workspaceId: ws.id, action: 'workspace.create', entityType: 'workspace', entityId: ws.id, after: ws });
  return { id: ws.id, slug: ws.slug, name: ws.name, kind: ws.kind, isDemo: ws.isDemo, role: 'admin' as const, personId, abilities: abilitiesOf('admin') };
}

async function uniqueSlug(tx: Tx, wanted: string, exact: boolean, isDemo: boolean): Promise<string> {
  const taken = new Set(await selectSlugsLike(tx, wanted));
  // the demo workspaces' addresses stay free for them, whether or not they were opened yet
  if (!isDemo) (taken.add(DEMO_SLUG), taken.add(SOLO_SLUG));
  if (!taken.has(wanted)) return wanted;
  if (exact) throw new AppError('name_taken', { name: wanted });
  for (let i = 2; ; i++) if (!taken.has(`${wanted}-${i}`)) return `${wanted}-${i}`;
}
