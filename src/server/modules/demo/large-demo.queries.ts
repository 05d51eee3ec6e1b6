import { eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { memberships, users, workspaces } from '../../db/schema/index.ts';

/**
 * The SQL of the large demo (`kedu demo --size large`): bulk inserts, the seed's lock, clearing
 * an earlier run's workspace, its closed cycles, its accounts, and the statistics at the end.
 */

/** A column of a bulk insert: its SQL type (the array is cast to it) and how to read it from a row. */
export type BulkColumn<R> = { type: string; value: (row: R) => unknown };

/** Rows per statement: large enough that round trips do not dominate, small enough to keep one statement's parameters in the tens of megabytes. */
const BATCH_ROWS = 5000;

/**
 * Inserts rows with one `insert … select from unnest(…)` per batch: one array parameter per
 * column, whatever the number of rows (a multi-row VALUES list would need a parameter per
 * cell, and COPY FROM STDIN does not work on the embedded database). jsonb travels as text
 * and is cast inside. `computed` adds columns given as SQL over the unnested row `v`, so
 * large values the database already holds (a template's card) are not sent again per row.
 */
export async function bulkInsert<R>(
  tx: Tx,
  table: string,
  columns: Record<string, BulkColumn<R>>,
  rows: readonly R[],
  computed: Record<string, SQL> = {},
): Promise<void> {
  const names = Object.keys(columns);
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const part = rows.slice(start, start + BATCH_ROWS);
    const arrays = names.map((name) => {
      const { type, value } = columns[name];
      const values = part.map((row) => {
        const v = value(row);
        return type === 'jsonb' && v !== null && v !== undefined ? JSON.stringify(v) : v;
      });
      return sql`${sql.param(values)}::${sql.raw(type === 'jsonb' ? 'text' : type)}[]`;
    });
    // quoted: some columns have reserved names (goal_check_ins.on)
    const q = (name: string) => `"${name}"`;
    const selects = names.map((name) => sql.raw(columns[name].type === 'jsonb' ? `v.${q(name)}::jsonb` : `v.${q(name)}`));
    const target = [...names, ...Object.keys(computed)].map((n) => sql.raw(q(n)));
    await tx.execute(sql`
      insert into ${sql.raw(table)} (${sql.join(target, sql`, `)})
      select ${sql.join([...selects, ...Object.values(computed)], sql`, `)}
      from unnest(${sql.join(arrays, sql`, `)}) as v(${sql.raw(names.map(q).join(', '))})`);
  }
}

/** Two seeds of one slug at once: the second waits for the first's transaction, then finds the slug taken. */
export async function lockSlugSeed(tx: Tx, lock: number, slug: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${lock}, hashtext(${slug}))`);
}

/** The workspace at `slug`, and whether the audit log says the seed `action` made it. */
export async function findWorkspaceSeededBy(tx: Tx, slug: string, action: string): Promise<{ id: string; seeded: boolean } | undefined> {
  const { rows } = await tx.execute<{ id: string; seeded: boolean }>(sql`
    select w.id, exists (select 1 from audit_log a where a.workspace_id = w.id and a.action = ${action}) as seeded
    from workspaces w where w.slug = ${slug}`);
  return rows[0];
}

/**
 * Deletes a workspace and what it holds, children before parents: restrict foreign keys
 * (goal → person, person → unit) refuse a one-statement cascade.
 */
export async function deleteWorkspaceAndData(tx: Tx, workspaceId: string): Promise<void> {
  for (const table of ['goals', 'plans', 'appraisal_cycles', 'people', 'org_units']) {
    await tx.execute(sql`delete from ${sql.raw(table)} where workspace_id = ${workspaceId}`);
  }
  await tx.execute(sql`delete from workspaces where id = ${workspaceId}`);
}

/** Fresh tables have no statistics yet: without them the first dashboard queries plan as if the tables were empty. */
export async function analyzeSeededTables(tx: Tx): Promise<void> {
  await tx.execute(sql`analyze people, org_units, cycle_participants, cycle_term_values, manual_ratings, appraisal_cycles, plans, plan_phases, goals, goal_check_ins, goal_target_changes`);
}

export async function insertWorkspaceRow(tx: Tx, slug: string, name: string): Promise<string> {
  const [ws] = await tx.insert(workspaces).values({ slug, name, kind: 'team' }).returning({ id: workspaces.id });
  return ws.id;
}

/** A closed monthly cycle. */
export async function insertClosedCycle(
  tx: Tx,
  c: { id: string; workspaceId: string; name: string; periodLabel: string; startsOn: string; endsOn: string; openedAt: Date; closedAt: Date },
): Promise<void> {
  await tx.execute(sql`
      insert into appraisal_cycles (id, workspace_id, name, period_kind, period_label, starts_on, ends_on, state, opened_at, closed_at)
      values (${c.id}, ${c.workspaceId}, ${c.name}, 'month', ${c.periodLabel}, ${c.startsOn}, ${c.endsOn}, 'closed', ${c.openedAt}, ${c.closedAt})`);
}

/** A bulk-inserted participant's card, taken from its template in the database (over the unnested row `v`), not sent once per participant. */
export const cardOfTemplate = sql`(select t.card from scorecard_templates t where t.id = v.template_id)`;

/** The account whose email is this one, whatever its case. */
export async function findUserIdByEmailAnyCase(tx: Tx, email: string): Promise<string | undefined> {
  const [existing] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = lower(${email})`);
  return existing?.id;
}

export async function insertUserRow(tx: Tx, values: { email: string; name: string; passwordHash: string }): Promise<string> {
  const [row] = await tx.insert(users).values(values).returning({ id: users.id });
  return row.id;
}

/** Gives an account left by an earlier seed its new name and password. */
export async function updateUserRow(tx: Tx, userId: string, values: { name: string; passwordHash: string }): Promise<void> {
  await tx.update(users).set(values).where(eq(users.id, userId));
}

export async function insertMembershipRow(tx: Tx, values: typeof memberships.$inferInsert): Promise<void> {
  await tx.insert(memberships).values(values);
}
