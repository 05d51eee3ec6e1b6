import type { z } from 'zod';
import type { setAssignmentsInput, Template } from '../../../contracts/scorecards.ts';
import type { Db, Tx } from '../../db/client.ts';
import { AppError, type ErrorDetail } from '../../errors.ts';
import { bumpVersion, checkVersion } from '../../http/versions.ts';
import { recordAudit } from '../audit/index.ts';
import type { WorkspaceActor } from '../org/index.ts';
import { assignmentsOfOtherTemplates, deleteAssignmentsOf, insertAssignments } from './assignments.queries.ts';
import { peopleNamed, positionsNamed } from './owners.queries.ts';
import { ENTITY, findTemplate } from './scorecards.queries.ts';
import { getTemplate } from './scorecards.service.ts';

const unique = (ids: readonly string[]) => [...new Set(ids)];

/** 400 for ids that are not positions / people of the workspace, located at body.positionIds[i] / body.personIds[i]. */
async function assertKnown(tx: Tx, workspaceId: string, positionIds: readonly string[], personIds: readonly string[]): Promise<{ positionNames: Map<string, string>; personNames: Map<string, string> }> {
  const [positionRows, personRows] = await Promise.all([
    positionIds.length > 0 ? positionsNamed(tx, workspaceId, positionIds) : [],
    personIds.length > 0 ? peopleNamed(tx, workspaceId, personIds) : [],
  ]);
  const positionNames = new Map(positionRows.map((r) => [r.id, r.name]));
  const personNames = new Map(personRows.map((r) => [r.id, r.name]));
  const details: ErrorDetail[] = [];
  positionIds.forEach((id, i) => {
    if (!positionNames.has(id)) details.push({ path: ['body', 'positionIds', i], code: 'scorecard.unknown_position', params: { id } });
  });
  personIds.forEach((id, i) => {
    if (!personNames.has(id)) details.push({ path: ['body', 'personIds', i], code: 'scorecard.unknown_person', params: { id } });
  });
  if (details.length > 0) throw new AppError('validation_failed', { count: details.length }, details);
  return { positionNames, personNames };
}

/**
 * PUT /scorecard-templates/:id/assignments — replaces who gets the template. A position or
 * person holding another template of the same period kind is a conflict (409, one detail per
 * conflict naming the other template): one template per position or person and period kind.
 */
export async function setAssignments(db: Db, actor: WorkspaceActor, id: string, input: Omit<z.output<typeof setAssignmentsInput>, 'version'>, expected?: number): Promise<Template> {
  await db.transaction(async (tx) => {
    const template = await findTemplate(tx, actor.workspaceId, id);
    await checkVersion(tx, 'scorecard_template', id, expected);
    const { positionNames, personNames } = await assertKnown(tx, actor.workspaceId, input.positionIds, input.personIds);
    const positionIds = unique(input.positionIds);
    const personIds = unique(input.personIds);
    if (template.status === 'archived' && positionIds.length + personIds.length > 0) {
      throw new AppError('conflict', { reason: 'scorecard.template_archived', name: template.name });
    }

    const others = await assignmentsOfOtherTemplates(tx, actor.workspaceId, template.period, id);
    const takenPosition = new Map(others.flatMap((o) => (o.positionId ? [[o.positionId, o.template] as const] : [])));
    const takenPerson = new Map(others.flatMap((o) => (o.personId ? [[o.personId, o.template] as const] : [])));
    const details: ErrorDetail[] = [];
    input.positionIds.forEach((pid, i) => {
      const other = takenPosition.get(pid);
      if (other !== undefined && input.positionIds.indexOf(pid) === i) {
        details.push({ path: ['body', 'positionIds', i], code: 'scorecard.position_taken', params: { name: positionNames.get(pid) ?? pid, template: other } });
      }
    });
    input.personIds.forEach((pid, i) => {
      const other = takenPerson.get(pid);
      if (other !== undefined && input.personIds.indexOf(pid) === i) {
        details.push({ path: ['body', 'personIds', i], code: 'scorecard.person_taken', params: { name: personNames.get(pid) ?? pid, template: other } });
      }
    });
    if (details.length > 0) throw new AppError('conflict', { reason: 'scorecard.assignment_taken', count: details.length }, details);

    const before = await deleteAssignmentsOf(tx, id);
    const rows = [
      ...positionIds.map((positionId) => ({ workspaceId: actor.workspaceId, templateId: id, period: template.period, positionId, personId: null })),
      ...personIds.map((personId) => ({ workspaceId: actor.workspaceId, templateId: id, period: template.period, positionId: null, personId })),
    ];
    if (rows.length > 0) await insertAssignments(tx, rows);
    await bumpVersion(tx, ENTITY, id);
    const sorted = (ids: (string | null)[]) => ids.filter((x): x is string => x !== null).sort();
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'scorecard_template.assign',
      entityType: ENTITY,
      entityId: id,
      before: { positionIds: sorted(before.map((b) => b.positionId)), personIds: sorted(before.map((b) => b.personId)) },
      after: { positionIds: [...positionIds].sort(), personIds: [...personIds].sort() },
    });
  });
  return getTemplate(db, actor.workspaceId, id);
}
