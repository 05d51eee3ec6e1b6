import { withTargets } from '../../../core/scoring/targets.ts';
import type { Scorecard } from '../../../core/scoring/types.ts';
import type { Period } from '../../../core/values/periods.ts';
import type { Db, Tx } from '../../db/client.ts';
import { selectPeriodTargetsOfTemplates, selectTemplateCards, selectTemplateHolders } from './resolve.queries.ts';

/** The scorecard a person gets for a period: their template with the period's targets in place. */
export type PersonScorecard = {
  personId: string;
  personName: string;
  unitId: string | null;
  positionId: string | null;
  templateId: string;
  templateName: string;
  /** A direct assignment to the person, or the template of their position. */
  assignedVia: 'person' | 'position';
  /** Where each target came from, by indicator key (targets absent here are the template's defaults). */
  targetSources: Record<string, 'person' | 'position'>;
  card: Scorecard;
};

/**
 * Every active person who has a template for the period's kind (directly, or through their
 * position — a direct assignment wins), with that period's targets applied: a person's own
 * target wins over their position's, which wins over the template's default. Archived
 * templates are skipped. `personIds` narrows it to some people.
 */
export async function resolveScorecardsForPeriod(db: Db | Tx, workspaceId: string, period: Period, personIds?: readonly string[]): Promise<PersonScorecard[]> {
  if (personIds && personIds.length === 0) return [];
  const rows = await selectTemplateHolders(db, workspaceId, period.kind, personIds);
  if (rows.length === 0) return [];

  const templateIds = [...new Set(rows.map((r) => r.templateId))];
  const templates = await selectTemplateCards(db, workspaceId, templateIds);
  const templateById = new Map(templates.filter((t) => t.status === 'active').map((t) => [t.id, t]));

  const targets = await selectPeriodTargetsOfTemplates(db, workspaceId, period.label, templateIds);
  const targetsOf = new Map<string, Record<string, number>>();
  for (const t of targets) {
    const id = `${t.templateId}:${t.ownerKind}:${t.ownerId}`;
    const bucket = targetsOf.get(id) ?? {};
    bucket[t.key] = t.value;
    targetsOf.set(id, bucket);
  }

  const result: PersonScorecard[] = [];
  for (const row of rows) {
    const template = templateById.get(row.templateId);
    if (!template) continue;
    const fromPosition = row.positionId ? (targetsOf.get(`${template.id}:position:${row.positionId}`) ?? {}) : {};
    const fromPerson = targetsOf.get(`${template.id}:person:${row.personId}`) ?? {};
    const targetSources: Record<string, 'person' | 'position'> = {};
    for (const key of Object.keys(fromPosition)) targetSources[key] = 'position';
    for (const key of Object.keys(fromPerson)) targetSources[key] = 'person';
    const card = withTargets(template.card, { ...fromPosition, ...fromPerson });
    const { directTemplateId, ...person } = row;
    result.push({ ...person, templateId: template.id, templateName: template.name, assignedVia: directTemplateId ? 'person' : 'position', targetSources, card });
  }
  return result;
}
