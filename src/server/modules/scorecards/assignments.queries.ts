import { and, eq, ne } from 'drizzle-orm';
import type { PeriodKind } from '../../../core/values/periods.ts';
import type { Tx } from '../../db/client.ts';
import { scorecardTemplates, templateAssignments } from '../../db/schema/index.ts';

export type NewAssignmentRow = typeof templateAssignments.$inferInsert;

/** The positions and people holding another template (named) of the same period kind: one template per holder and kind. */
export async function assignmentsOfOtherTemplates(tx: Tx, workspaceId: string, period: PeriodKind, templateId: string): Promise<{ positionId: string | null; personId: string | null; template: string }[]> {
  return tx
    .select({ positionId: templateAssignments.positionId, personId: templateAssignments.personId, template: scorecardTemplates.name })
    .from(templateAssignments)
    .innerJoin(scorecardTemplates, eq(scorecardTemplates.id, templateAssignments.templateId))
    .where(and(eq(templateAssignments.workspaceId, workspaceId), eq(templateAssignments.period, period), ne(templateAssignments.templateId, templateId)));
}

/** Removes every assignment of a template; the positions and people it was assigned to. */
export async function deleteAssignmentsOf(tx: Tx, templateId: string): Promise<{ positionId: string | null; personId: string | null }[]> {
  return tx
    .delete(templateAssignments)
    .where(eq(templateAssignments.templateId, templateId))
    .returning({ positionId: templateAssignments.positionId, personId: templateAssignments.personId });
}

export async function insertAssignments(tx: Tx, rows: NewAssignmentRow[]): Promise<void> {
  await tx.insert(templateAssignments).values(rows);
}
