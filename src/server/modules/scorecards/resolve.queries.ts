import { and, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { PeriodKind } from '../../../core/values/periods.ts';
import type { Db, Tx } from '../../db/client.ts';
import { people, periodTargets, scorecardTemplates, templateAssignments } from '../../db/schema/index.ts';

/** The SQL of resolving people's scorecards for a period: who holds which template, the templates, the period's targets. */

export type TemplateHolderRow = { personId: string; personName: string; unitId: string | null; positionId: string | null; templateId: string; directTemplateId: string | null };

/**
 * The active people (or only `personIds`) who hold a template of the period kind, by name: the
 * template assigned to them directly, else their position's (`directTemplateId` tells which).
 */
export async function selectTemplateHolders(db: Db | Tx, workspaceId: string, periodKind: PeriodKind, personIds?: readonly string[]): Promise<TemplateHolderRow[]> {
  const direct = db
    .select({ personId: templateAssignments.personId, templateId: templateAssignments.templateId })
    .from(templateAssignments)
    .where(and(eq(templateAssignments.workspaceId, workspaceId), eq(templateAssignments.period, periodKind), isNotNull(templateAssignments.personId)))
    .as('direct');
  const byPosition = db
    .select({ positionId: templateAssignments.positionId, templateId: templateAssignments.templateId })
    .from(templateAssignments)
    .where(and(eq(templateAssignments.workspaceId, workspaceId), eq(templateAssignments.period, periodKind), isNotNull(templateAssignments.positionId)))
    .as('by_position');
  const where = [eq(people.workspaceId, workspaceId), eq(people.status, 'active'), or(isNotNull(direct.templateId), isNotNull(byPosition.templateId))];
  if (personIds) where.push(inArray(people.id, [...personIds]));
  return db
    .select({
      personId: people.id,
      personName: people.name,
      unitId: people.unitId,
      positionId: people.positionId,
      templateId: sql<string>`coalesce(${direct.templateId}, ${byPosition.templateId})`,
      directTemplateId: direct.templateId,
    })
    .from(people)
    .leftJoin(direct, eq(direct.personId, people.id))
    .leftJoin(byPosition, eq(byPosition.positionId, people.positionId))
    .where(and(...where))
    .orderBy(people.name, people.id);
}

/** Some templates of the workspace with their card and status. */
export async function selectTemplateCards(db: Db | Tx, workspaceId: string, templateIds: string[]) {
  return db
    .select({ id: scorecardTemplates.id, name: scorecardTemplates.name, card: scorecardTemplates.card, status: scorecardTemplates.status })
    .from(scorecardTemplates)
    .where(and(eq(scorecardTemplates.workspaceId, workspaceId), inArray(scorecardTemplates.id, templateIds)));
}

/** The targets of a period set on some templates, for every owner (position or person). */
export async function selectPeriodTargetsOfTemplates(db: Db | Tx, workspaceId: string, periodLabel: string, templateIds: string[]) {
  return db
    .select({ templateId: periodTargets.templateId, ownerKind: periodTargets.ownerKind, ownerId: periodTargets.ownerId, key: periodTargets.indicatorKey, value: periodTargets.value })
    .from(periodTargets)
    .where(and(eq(periodTargets.workspaceId, workspaceId), eq(periodTargets.periodLabel, periodLabel), inArray(periodTargets.templateId, templateIds)));
}
