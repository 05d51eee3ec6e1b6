import { count, eq, like, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { people, users, workspaces } from '../../db/schema/index.ts';

export type UserInsert = typeof users.$inferInsert;
export type WorkspaceInsert = typeof workspaces.$inferInsert;

/** How many real (non-demo) accounts exist. */
export async function countRealUsers(db: Db | Tx): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(users).where(eq(users.isDemo, false));
  return n;
}

/** Serialises first-run setups for the rest of the transaction: only the first may create the administrator. */
export async function lockSetup(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7241002)`);
}

/** The id of the account whose email, lower-cased, equals `email` (which the caller lower-cases). */
export async function findUserIdByEmail(tx: Tx, email: string): Promise<string | undefined> {
  const [row] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email));
  return row?.id;
}

export async function insertUserRow(tx: Tx, values: UserInsert): Promise<string> {
  const [row] = await tx.insert(users).values(values).returning({ id: users.id });
  return row.id;
}

/** The slugs taken by `wanted` itself or by its numbered variants (`wanted-…`). */
export async function selectSlugsLike(tx: Tx, wanted: string): Promise<string[]> {
  const rows = await tx
    .select({ slug: workspaces.slug })
    .from(workspaces)
    .where(or(eq(workspaces.slug, wanted), like(workspaces.slug, `${wanted}-%`)));
  return rows.map((r) => r.slug);
}

export type WorkspaceRow = typeof workspaces.$inferSelect;

/** The workspace with this id (the caller's own: it is there). */
export async function findWorkspaceRow(db: Db, id: string): Promise<WorkspaceRow> {
  const [ws] = await db.select().from(workspaces).where(eq(workspaces.id, id));
  return ws;
}

export async function insertWorkspaceRow(tx: Tx, values: WorkspaceInsert) {
  const [ws] = await tx.insert(workspaces).values(values).returning();
  return ws;
}

/** The workspace's first person: its creator. */
export async function insertOwnerPerson(tx: Tx, workspaceId: string, owner: { name: string; email: string }): Promise<string> {
  const [person] = await tx.insert(people).values({ workspaceId, name: owner.name, email: owner.email }).returning({ id: people.id });
  return person.id;
}
