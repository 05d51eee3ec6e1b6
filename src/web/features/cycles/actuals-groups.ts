import type { ParticipantDetail } from '../../api.ts';

/** The edits of one row not saved yet: only what differs from the participant's saved detail. */
export type Draft = { values: Record<string, number | null>; na?: string[]; ratings: Record<string, number> };
export const EMPTY: Draft = { values: {}, ratings: {} };

/** A column group: an indicator with the terms it is the first to read (a term shared by two indicators is entered once). */
export type Group = { key: string; name: string; manual: boolean; terms: string[]; unit?: string };

export function groupsOf(details: ParticipantDetail[]): Group[] {
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  const seenTerms = new Set<string>();
  for (const d of details) {
    for (const need of d.termsNeeded) {
      let g = byKey.get(need.key);
      if (!g) {
        const card = d.card.indicators.find((i) => i.key === need.key);
        g = { key: need.key, name: need.name, manual: need.manual, terms: [], unit: need.terms.length === 1 && need.terms[0] === need.key ? card?.unit : undefined };
        byKey.set(need.key, g);
        groups.push(g);
      }
      for (const term of need.terms) {
        if (seenTerms.has(term)) continue;
        seenTerms.add(term);
        g.terms.push(term);
      }
    }
  }
  return groups;
}

export const savedValue = (d: ParticipantDetail, term: string) => d.values.find((v) => v.term === term)?.value ?? null;
