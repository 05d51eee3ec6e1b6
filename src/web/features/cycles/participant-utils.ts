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

/** InputNumber formatting with thousands separators in the integer part only (531000 → 531,000; 0.12345 stays). */
export const thousands = (value: number | string | undefined): string => {
  if (value === undefined || value === '') return '';
  const [int, frac] = String(value).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
};
export const unthousands = (text: string | undefined): string => (text ?? '').replace(/,/g, '');
