import type { ParticipantDetail } from '../../api.ts';

/** The manager's rating of a manual indicator (the one that counts), or null. */
export const managerRatingOf = (d: ParticipantDetail, key: string): number | null =>
  d.ratings.find((r) => r.indicatorKey === key)?.managerRating ?? null;

/** The rating scale of a manual indicator; default 1–5 (domain.md §3). */
export function ratingScale(d: ParticipantDetail, key: string): [number, number] {
  const rule = d.card.indicators.find((i) => i.key === key)?.rule as { type: string; scale?: [number, number] } | undefined;
  return rule?.scale ?? [1, 5];
}

export const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

