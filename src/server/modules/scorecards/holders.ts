import type { PeriodKind } from '../../../core/values/periods.ts';

/** One row of template_assignments: a position or a person. */
export type AssignmentRow = { templateId: string; period: PeriodKind; positionId: string | null; personId: string | null };
export type HolderPerson = { id: string; positionId: string | null };

/**
 * Who gets which template (pure): for every person and period kind, their direct assignment,
 * else their position's — the same rule as resolveScorecardsForPeriod. Returns the people of
 * each template.
 * @example
 * holdersByTemplate([{ templateId: 't', period: 'month', positionId: 'p', personId: null }], [{ id: 'a', positionId: 'p' }])
 * // Map { 't' => Set { 'a' } }
 */
export function holdersByTemplate(assignments: readonly AssignmentRow[], people: readonly HolderPerson[]): Map<string, Set<string>> {
  const direct = new Map<string, string>();
  const byPosition = new Map<string, string>();
  const kinds = new Set<PeriodKind>();
  for (const a of assignments) {
    kinds.add(a.period);
    if (a.personId) direct.set(`${a.personId}:${a.period}`, a.templateId);
    else if (a.positionId) byPosition.set(`${a.positionId}:${a.period}`, a.templateId);
  }
  const result = new Map<string, Set<string>>();
  for (const person of people) {
    for (const kind of kinds) {
      const templateId = direct.get(`${person.id}:${kind}`) ?? (person.positionId ? byPosition.get(`${person.positionId}:${kind}`) : undefined);
      if (!templateId) continue;
      const set = result.get(templateId) ?? new Set<string>();
      set.add(person.id);
      result.set(templateId, set);
    }
  }
  return result;
}
