import { formatNumber, formatPercent } from '../../core/scoring/arith.ts';

/** A number with `decimals` decimals, or a dash when there is none. */
export const num = (x: number | null | undefined, decimals = 2) => (x === null || x === undefined ? '—' : formatNumber(x, decimals));
/** A ratio as a percentage, or a dash when there is none. */
export const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : formatPercent(x));
/** Digits grouped as people read amounts (350,000), at most 4 decimals. */
export const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
/** A value in its unit; a `%` indicator's values are ratios (0.8525), shown as 85.25%. */
export const withUnit = (x: number | null, unit: string) => (x === null ? '—' : unit === '%' ? pct(x) : `${grouped.format(x)}${unit ? ` ${unit}` : ''}`);

/** Grade colours from best to worst; unknown grades are neutral. */
export function gradeColor(grade: string | null): string | undefined {
  return ({ S: 'magenta', A: 'green', B: 'blue', C: 'orange', D: 'red' } as Record<string, string>)[grade ?? ''];
}
