import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { appraisalCycles, datasets, metricBindings, metrics, people, positions, scorecardTemplates, templateAssignments, workspaces } from '../../db/schema/index.ts';

/** The SQL of the marketing demo's seed: its claim in the audit log, and what it finds in the demo workspace before adding to it. */

export type CycleRow = typeof appraisalCycles.$inferSelect;

/** The demo workspace at `slug`, if there is one (a real workspace of that address is not). */
export async function findDemoWorkspaceId(db: Db, slug: string): Promise<string | undefined> {
  const [ws] = await db.select({ id: workspaces.id }).from(workspaces).where(and(eq(workspaces.slug, slug), eq(workspaces.isDemo, true)));
  return ws?.id;
}

/** Whether the workspace's audit log says the seed `action` is done, and whether one started less than `leaseMinutes` ago. */
export async function readSeedClaims(q: Db | Tx, workspaceId: string, action: string, leaseMinutes: number): Promise<{ done: boolean; running: boolean }> {
  // by the entity index: a busy demo's audit log is long, the workspace's own entries are few
  const mine = sql`workspace_id = ${workspaceId} and entity_type = 'workspace' and entity_id = ${workspaceId} and action = ${action}`;
  const { rows } = await q.execute<{ done: boolean; running: boolean }>(sql`
    select exists (select 1 from audit_log where ${mine} and after->>'stage' = 'done') as done,
           exists (select 1 from audit_log where ${mine} and after->>'stage' = 'started' and at > now() - make_interval(mins => ${leaseMinutes})) as running`);
  return rows[0];
}

/** The workspace's datasets of these names, with the template each was made from. */
export async function selectDatasetsNamed(db: Db, workspaceId: string, names: string[]) {
  return db.select({ id: datasets.id, name: datasets.name, templateKey: datasets.templateKey }).from(datasets).where(and(eq(datasets.workspaceId, workspaceId), inArray(datasets.name, names)));
}

/** The names of the workspace's metrics. */
export async function selectMetricNames(db: Db, workspaceId: string): Promise<string[]> {
  return (await db.select({ name: metrics.name }).from(metrics).where(eq(metrics.workspaceId, workspaceId))).map((m) => m.name);
}

/** Is the term bound to a metric in the workspace? */
export async function isTermBound(db: Db, workspaceId: string, term: string): Promise<boolean> {
  const [bound] = await db.select({ term: metricBindings.term }).from(metricBindings).where(and(eq(metricBindings.workspaceId, workspaceId), eq(metricBindings.term, term)));
  return bound !== undefined;
}

/** The workspace's positions of these names. */
export async function selectPositionsNamed(tx: Tx, workspaceId: string, names: string[]): Promise<{ id: string; name: string }[]> {
  return tx.select({ id: positions.id, name: positions.name }).from(positions).where(and(eq(positions.workspaceId, workspaceId), inArray(positions.name, names)));
}

/** The positions that hold a monthly template (null for a template assigned to a person). */
export async function selectMonthlyAssignedPositionIds(tx: Tx, workspaceId: string): Promise<(string | null)[]> {
  return (await tx.select({ positionId: templateAssignments.positionId }).from(templateAssignments).where(and(eq(templateAssignments.workspaceId, workspaceId), eq(templateAssignments.period, 'month')))).map((a) => a.positionId);
}

/** The id of the workspace's template with this name, if any. */
export async function findTemplateIdByName(tx: Tx, workspaceId: string, name: string): Promise<string | undefined> {
  const [have] = await tx.select({ id: scorecardTemplates.id }).from(scorecardTemplates).where(and(eq(scorecardTemplates.workspaceId, workspaceId), eq(scorecardTemplates.name, name)));
  return have?.id;
}

/** The workspace's monthly cycles of these periods. */
export async function selectMonthlyCycles(tx: Tx, workspaceId: string, periodLabels: string[]): Promise<CycleRow[]> {
  return tx.select().from(appraisalCycles).where(and(eq(appraisalCycles.workspaceId, workspaceId), eq(appraisalCycles.periodKind, 'month'), inArray(appraisalCycles.periodLabel, periodLabels)));
}

/** The workspace's people with these emails. */
export async function selectPeopleByEmails(tx: Tx, workspaceId: string, emails: string[]): Promise<{ id: string; email: string | null }[]> {
  return tx.select({ id: people.id, email: people.email }).from(people).where(and(eq(people.workspaceId, workspaceId), inArray(people.email, emails)));
}
