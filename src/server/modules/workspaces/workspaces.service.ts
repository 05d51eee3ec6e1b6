import { abilitiesOf } from '../../access.ts';
import { count, eq, like, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createWorkspaceInput, setupInput } from '../../../contracts/auth.ts';
import type { Db, Tx } from '../../db/client.ts';
import { memberships, people, users, workspaces } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { type Actor, recordAudit } from '../audit/index.ts';
import { hashPassword } from '../../crypto.ts';
import { DEMO_SLUG } from '../demo/index.ts';
import { SOLO_SLUG } from '../demo/index.ts';
import { slugify } from './slug.ts';

/** True until a real (non-demo) account exists: the first visit then offers setup. */
export async function needsSetup(db: Db): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(users).where(eq(users.isDemo, false));
  return n === 0;
}

/** First-run setup: the administrator's account and the first workspace, in one transaction. */
export async function completeSetup(db: Db, input: z.output<typeof setupInput>, ip: string | null): Promise<string> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    // serialise concurrent setups: only the first may create the administrator
    await tx.execute(sql`select pg_advisory_xact_lock(7241002)`);
    const [{ n }] = await tx.select({ n: count() }).from(users).where(eq(users.isDemo, false));
    if (n > 0) throw new AppError('already_set_up');
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
  const [taken] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, u.email.toLowerCase()));
  if (taken) throw new AppError('email_taken', { email: u.email });
  const [row] = await tx.insert(users).values(u).returning({ id: users.id });
  return row.id;
}

/** Creates a workspace with its creator as administrator and as the first person in it. */
export async function insertWorkspace(
  tx: Tx,
  actor: Actor,
  input: { name: string; slug?: string; kind: 'team' | 'solo'; isDemo?: boolean },
  owner: { id: string; name: string; email: string },
) {
  const slug = await uniqueSlug(tx, input.slug ?? slugify(input.name), !!input.slug, input.isDemo ?? false);
  const [ws] = await tx.insert(workspaces).values({ name: input.name, slug, kind: input.kind, isDemo: input.isDemo ?? false }).returning();
  const [person] = await tx.insert(people).values({ workspaceId: ws.id, name: owner.name, email: owner.email }).returning({ id: people.id });
  await tx.insert(memberships).values({ workspaceId: ws.id, userId: owner.id, role: 'admin', personId: person.id });
  await recordAudit(tx, actor, { workspaceId: ws.id, action: 'workspace.create', entityType: 'workspace', entityId: ws.id, after: ws });
  return { id: ws.id, slug: ws.slug, name: ws.name, kind: ws.kind, isDemo: ws.isDemo, role: 'admin' as const, personId: person.id, abilities: abilitiesOf('admin') };
}

async function uniqueSlug(tx: Tx, wanted: string, exact: boolean, isDemo: boolean): Promise<string> {
  const rows = await tx
    .select({ slug: workspaces.slug })
    .from(workspaces)
    .where(or(eq(workspaces.slug, wanted), like(workspaces.slug, `${wanted}-%`)));
  const taken = new Set(rows.map((r) => r.slug));
  // the demo workspaces' addresses stay free for them, whether or not they were opened yet
  if (!isDemo) (taken.add(DEMO_SLUG), taken.add(SOLO_SLUG));
  if (!taken.has(wanted)) return wanted;
  if (exact) throw new AppError('name_taken', { name: wanted });
  for (let i = 2; ; i++) if (!taken.has(`${wanted}-${i}`)) return `${wanted}-${i}`;
}
