import type { z } from 'zod';
import type { previewQuery, scorecardPreview, TemplateCard } from '../../../contracts/scorecards.ts';
import { parsePeriod } from '../../../core/values/periods.ts';
import { canSeePerson } from '../../access.ts';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import type { Viewer } from '../../http/request-context.ts';
import { findPerson } from './owners.queries.ts';
import { resolveScorecardsForPeriod } from './resolve.ts';

type Preview = z.infer<typeof scorecardPreview>;

/**
 * GET /scorecard-preview — the scorecard a person gets for a period (their template with the
 * period's targets) and where each target comes from. A person the viewer may not see is
 * "not found"; a person without a template of the period's kind has a null scorecard.
 */
export async function previewScorecard(db: Db, viewer: Viewer, query: z.output<typeof previewQuery>): Promise<Preview> {
  const person = await findPerson(db, viewer.workspaceId, query.personId);
  if (!person || !canSeePerson(viewer, person)) throw notFound('person');
  const period = parsePeriod(query.period)!;
  const [resolved] = await resolveScorecardsForPeriod(db, viewer.workspaceId, period, [person.id]);
  return {
    person: { id: person.id, name: person.name },
    period: { kind: period.kind, label: period.label, startsOn: period.startsOn, endsOn: period.endsOn },
    scorecard: resolved
      ? {
          templateId: resolved.templateId,
          templateName: resolved.templateName,
          assignedVia: resolved.assignedVia,
          card: resolved.card as TemplateCard,
          targets: resolved.card.indicators.map((i) => {
            const manual = i.rule?.type === 'manual';
            const target = manual ? null : (i.target ?? null);
            return { key: i.key, name: i.name || i.key, target, source: target === null ? null : (resolved.targetSources[i.key] ?? 'template') };
          }),
        }
      : null,
  };
}
