import { and, asc, count, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { listTemplatesQuery, Template } from '../../../contracts/scorecards.ts';
import { canSeePerson } from '../../access.ts';
import type { Db, Tx } from '../../db/client.ts';
import { escapeLike } from '../../db/like.ts';
import { people, periodTargets, positions, scorecardTemplates, templateAssignments } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Viewer } from '../../http/request-context.ts';
import { nextVersion } from '../../http/versions.ts';
import { holdersByTemplate } from './holders.ts';

export type TemplateRow = typeof scorecardTemplates.$inferSelect;
export type NewTemplateRow = typeof scorecardTemplates.$inferInsert;

export const ENTITY = 'scorecard_template';

export async function findTemplate(db: Db | Tx, workspaceId: string, id: string): Promise<TemplateRow> {
  const [row] = await db.select().from(scorecardTemplates).where(and(eq(scorecardTemplates.workspaceId, workspaceId), eq(scorecardTemplates.id, id)));
  if (!row) throw notFound(ENTITY);
  return row;
}

/** Every active person's template per period kind, for the holder counts (two queries, whatever the number of templates). */
export async function holdersInWorkspace(db: Db | Tx, workspaceId: string): Promise<Map<string, Set<string>>> {
  const [assignments, active] = await Promise.all([
    db
      .select({ templateId: templateAssignments.templateId, period: templateAssignments.period, positionId: templateAssignments.positionId, personId: templateAssignments.personId })
      .from(templateAssignments)
      .innerJoin(scorecardTemplates, eq(scorecardTemplates.id, templateAssignments.templateId))
      .where(and(eq(templateAssignments.workspaceId, workspaceId), eq(scorecardTemplates.status, 'active'))),
    db.select({ id: people.id, positionId: people.positionId }).from(people).where(and(eq(people.workspaceId, workspaceId), eq(people.status, 'active'))),
  ]);
  return holdersByTemplate(assignments, active);
}

/** Per template of `templateIds`: how many positions and how many people it is assigned to. */
export async function assignmentCounts(db: Db, workspaceId: string, templateIds: string[]): Promise<Map<string, { positions: number; people: number }>> {
  const rows = await db
    .select({ templateId: templateAssignments.templateId, positionId: templateAssignments.positionId })
    .from(templateAssignments)
    .where(and(eq(templateAssignments.workspaceId, workspaceId), inArray(templateAssignments.templateId, templateIds)));
  const counts = new Map<string, { positions: number; people: number }>();
  for (const row of rows) {
    const entry = counts.get(row.templateId) ?? { positions: 0, people: 0 };
    if (row.positionId !== null) entry.positions++;
    else entry.people++;
    counts.set(row.templateId, entry);
  }
  return counts;
}

/**
 * The positions and people a template is assigned to, by name. With a `viewer`, only the
 * people they may see (a manager does not learn who outside their units holds the template).
 */
export async function assignmentsOf(db: Db | Tx, workspaceId: string, templateId: string, viewer?: Viewer): Promise<Template['assignments']> {
  const [positionRows, personRows, holderRows] = await Promise.all([
    db
      .select({ id: positions.id, name: positions.name })
      .from(templateAssignments)
      .innerJoin(positions, eq(positions.id, templateAssignments.positionId))
      .where(and(eq(templateAssignments.workspaceId, workspaceId), eq(templateAssignments.templateId, templateId)))
      .orderBy(asc(positions.name), asc(positions.id)),
    db
      .select({ id: people.id, name: people.name, unitId: people.unitId })
      .from(templateAssignments)
      .innerJoin(people, eq(people.id, templateAssignments.personId))
      .where(and(eq(templateAssignments.workspaceId, workspaceId), eq(templateAssignments.templateId, templateId)))
      .orderBy(asc(people.name), asc(people.id)),
    db
      .select({ positionId: people.positionId, n: count() })
      .from(people)
      .innerJoin(templateAssignments, and(eq(templateAssignments.positionId, people.positionId), eq(templateAssignments.templateId, templateId)))
      .where(and(eq(people.workspaceId, workspaceId), eq(people.status, 'active')))
      .groupBy(people.positionId),
  ]);
  const holdersOf = new Map(holderRows.map((r) => [r.positionId, Number(r.n)]));
  const visible = viewer ? personRows.filter((p) => canSeePerson(viewer, p)) : personRows;
  return { positions: positionRows.map((p) => ({ ...p, holders: holdersOf.get(p.id) ?? 0 })), people: visible.map((p) => ({ id: p.id, name: p.name })) };
}

/** 409 name_taken located at `path` (archived templates keep their names). */
export async function assertNameFree(tx: Tx, workspaceId: string, name: string, selfId: string | null, path: (string | number)[] = ['body', 'name']): Promise<void> {
  const [row] = await tx.select({ id: scorecardTemplates.id }).from(scorecardTemplates).where(and(eq(scorecardTemplates.workspaceId, workspaceId), eq(scorecardTemplates.name, name)));
  if (row && row.id !== selfId) throw new AppError('name_taken', { name }, [{ path, code: 'field.name_taken', params: { name } }]);
}

/** A template's period kind is fixed while it is assigned or has period targets (their labels are of that kind). */
export async function assertPeriodFree(tx: Tx, template: TemplateRow): Promise<void> {
  const [{ n: assigned }] = await tx.select({ n: count() }).from(templateAssignments).where(eq(templateAssignments.templateId, template.id));
  if (assigned > 0) {
    throw new AppError('conflict', { reason: 'scorecard.period_in_use', count: assigned }, [{ path: ['body', 'period'], code: 'scorecard.period_in_use', params: { count: assigned } }]);
  }
  const [{ n: targets }] = await tx.select({ n: count() }).from(periodTargets).where(eq(periodTargets.templateId, template.id));
  if (targets > 0) {
    throw new AppError('conflict', { reason: 'scorecard.period_has_targets', count: targets }, [{ path: ['body', 'period'], code: 'scorecard.period_has_targets', params: { count: targets } }]);
  }
}

/** The workspace's templates matching the list filters (status, period kind, a text in the name or description), by name. */
export async function listTemplateRows(db: Db, workspaceId: string, query: z.output<typeof listTemplatesQuery>): Promise<TemplateRow[]> {
  const where: SQL[] = [eq(scorecardTemplates.workspaceId, workspaceId)];
  if (query.status !== 'all') where.push(eq(scorecardTemplates.status, query.status));
  if (query.period) where.push(eq(scorecardTemplates.period, query.period));
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    where.push(or(ilike(scorecardTemplates.name, like), ilike(scorecardTemplates.description, like))!);
  }
  return db.select().from(scorecardTemplates).where(and(...where)).orderBy(asc(scorecardTemplates.name), asc(scorecardTemplates.id));
}

/** The names of every template of the workspace, archived ones included (a copy's name must be free of them all). */
export async function templateNames(tx: Tx, workspaceId: string): Promise<string[]> {
  const rows = await tx.select({ name: scorecardTemplates.name }).from(scorecardTemplates).where(eq(scorecardTemplates.workspaceId, workspaceId));
  return rows.map((r) => r.name);
}

export async function insertTemplateRow(tx: Tx, values: NewTemplateRow): Promise<TemplateRow> {
  const [row] = await tx.insert(scorecardTemplates).values(values).returning();
  return row;
}

/** Sets the changed fields and updatedAt, and raises the version; the row after. */
export async function updateTemplateRow(tx: Tx, id: string, changes: Partial<NewTemplateRow>): Promise<TemplateRow> {
  const [row] = await tx.update(scorecardTemplates).set({ ...changes, version: nextVersion('scorecard_template'), updatedAt: new Date() }).where(eq(scorecardTemplates.id, id)).returning();
  return row;
}
