import { count, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { datasets, memberships, orgUnits, people, plans, positions, users, workspaces } from '../../db/schema/index.ts';

/**
 * The SQL of the demo workspaces' organisation and accounts: the workspace, its positions, units
 * and people, the sign-in accounts, the seeds' locks and the checks of what is seeded already.
 */

export type WorkspaceInsert = typeof workspaces.$inferInsert;
export type PositionInsert = typeof positions.$inferInsert;
export type UnitInsert = typeof orgUnits.$inferInsert;
export type PersonInsert = typeof people.$inferInsert;
export type UserInsert = typeof users.$inferInsert;
export type MembershipInsert = typeof memberships.$inferInsert;

/** Holds a seed's advisory lock for the rest of the transaction: two first visitors at once seed once. */
export async function lockDemoSeed(tx: Tx, lock: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${lock})`);
}

/** The account with this email that is a member of the workspace `slug`, if any. */
export async function findMemberAccountId(db: Db | Tx, email: string, slug: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(sql`${users.email} = ${email} and ${workspaces.slug} = ${slug}`);
  return row?.id;
}

/** The workspace at `slug` (whether it is a demo one). */
export async function findWorkspaceBySlug(db: Db | Tx, slug: string): Promise<{ id: string; isDemo: boolean } | undefined> {
  const [row] = await db.select({ id: workspaces.id, isDemo: workspaces.isDemo }).from(workspaces).where(eq(workspaces.slug, slug));
  return row;
}

/** The id of the workspace at `slug`; the caller knows it is there. */
export async function workspaceIdBySlug(tx: Tx, slug: string): Promise<{ id: string }> {
  const [ws] = await tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, slug));
  return ws;
}

export async function insertWorkspaceRow(tx: Tx, values: WorkspaceInsert) {
  const [ws] = await tx.insert(workspaces).values(values).returning();
  return ws;
}

export async function insertPositionRow(tx: Tx, values: PositionInsert): Promise<string> {
  const [row] = await tx.insert(positions).values(values).returning({ id: positions.id });
  return row.id;
}

/** The id of the workspace's position with this name, if any. */
export async function findPositionIdByName(tx: Tx, workspaceId: string, name: string): Promise<string | undefined> {
  const [position] = await tx
    .select({ id: positions.id })
    .from(positions)
    .where(sql`${positions.workspaceId} = ${workspaceId} and ${positions.name} = ${name}`);
  return position?.id;
}

export async function insertUnitRow(tx: Tx, values: UnitInsert): Promise<string> {
  const [row] = await tx.insert(orgUnits).values(values).returning({ id: orgUnits.id });
  return row.id;
}

export async function setUnitLead(tx: Tx, unitId: string, leadPersonId: string | undefined): Promise<void> {
  await tx.update(orgUnits).set({ leadPersonId }).where(eq(orgUnits.id, unitId));
}

/** The workspace's units by name. */
export async function selectUnitNames(tx: Tx, workspaceId: string): Promise<{ id: string; name: string }[]> {
  return tx.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.workspaceId, workspaceId));
}

export async function insertPersonRow(tx: Tx, values: PersonInsert): Promise<string> {
  const [row] = await tx.insert(people).values(values).returning({ id: people.id });
  return row.id;
}

/** Everyone in the workspace with their email. */
export async function selectPeopleEmails(tx: Tx, workspaceId: string): Promise<{ id: string; email: string | null }[]> {
  return tx.select({ id: people.id, email: people.email }).from(people).where(eq(people.workspaceId, workspaceId));
}

/** The account whose email is exactly this one, if any (an earlier seed may have left it). */
export async function findUserIdByEmail(tx: Tx, email: string): Promise<string | undefined> {
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  return existing?.id;
}

export async function insertUserRow(tx: Tx, values: UserInsert): Promise<string> {
  const [row] = await tx.insert(users).values(values).returning({ id: users.id });
  return row.id;
}

export async function insertMembershipRow(tx: Tx, values: MembershipInsert): Promise<void> {
  await tx.insert(memberships).values(values);
}

/** Does the workspace at `slug` have any scorecard template or any cycle? (What visitors cannot undo.) */
export async function hasTemplateOrCycle(db: Db | Tx, slug: string): Promise<boolean> {
  const { rows } = await db.execute<{ seeded: boolean }>(sql`
      select exists (select 1 from scorecard_templates t join workspaces w on w.id = t.workspace_id where w.slug = ${slug})
          or exists (select 1 from appraisal_cycles c join workspaces w on w.id = c.workspace_id where w.slug = ${slug}) as seeded`);
  return rows[0].seeded;
}

/** Does the workspace at `slug` have any plan? */
export async function hasAnyPlan(db: Db | Tx, slug: string): Promise<boolean> {
  return (await db.select({ id: plans.id }).from(plans).innerJoin(workspaces, eq(workspaces.id, plans.workspaceId)).where(eq(workspaces.slug, slug)).limit(1)).length > 0;
}

/** How many datasets the workspace has. */
export async function countDatasets(db: Db, workspaceId: string): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(datasets).where(eq(datasets.workspaceId, workspaceId));
  return n;
}
