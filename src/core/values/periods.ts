/**
 * Appraisal periods (考核周期): a month `2026-10`, a quarter `2026-Q4` or a year `2026`, with
 * the dates they cover and the months of a year (the target grid). Pure.
 */
export type PeriodKind = 'month' | 'quarter' | 'year';
export type Period = { kind: PeriodKind; label: string; year: number; startsOn: string; endsOn: string };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const inRange = (year: number) => year >= 1900 && year <= 2100;

/**
 * Reads a period label; null when it is not one.
 * @example parsePeriod('2026-Q4') // { kind: 'quarter', label: '2026-Q4', year: 2026, startsOn: '2026-10-01', endsOn: '2026-12-31' }
 */
export function parsePeriod(label: string): Period | null {
  let m = /^(\d{4})-(\d{2})$/.exec(label);
  if (m) {
    const [year, month] = [Number(m[1]), Number(m[2])];
    if (!inRange(year) || month < 1 || month > 12) return null;
    return { kind: 'month', label, year, startsOn: `${year}-${pad(month)}-01`, endsOn: `${year}-${pad(month)}-${pad(lastDay(year, month))}` };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(label);
  if (m) {
    const [year, q] = [Number(m[1]), Number(m[2])];
    if (!inRange(year)) return null;
    const [first, last] = [(q - 1) * 3 + 1, q * 3];
    return { kind: 'quarter', label, year, startsOn: `${year}-${pad(first)}-01`, endsOn: `${year}-${pad(last)}-${pad(lastDay(year, last))}` };
  }
  m = /^(\d{4})$/.exec(label);
  if (m) {
    const year = Number(m[1]);
    if (!inRange(year)) return null;
    return { kind: 'year', label, year, startsOn: `${year}-01-01`, endsOn: `${year}-12-31` };
  }
  return null;
}

/**
 * The labels of every period of a kind in a year, in order (the columns of the target grid).
 * @example periodsOfYear(2026, 'quarter') // ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']
 */
export function periodsOfYear(year: number, kind: PeriodKind): string[] {
  if (kind === 'year') return [String(year)];
  if (kind === 'quarter') return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
  return Array.from({ length: 12 }, (_, i) => `${year}-${pad(i + 1)}`);
}

/** A pattern any period label matches (for request validation). */
export const PERIOD_LABEL_PATTERN = /^\d{4}(?:-(?:0[1-9]|1[0-2]|Q[1-4]))?$/;

/**
 * The day after a `YYYY-MM-DD` date: the exclusive end of a period that ends on `date`.
 * @example dayAfter('2026-12-31') // '2027-01-01'
 */
export function dayAfter(date: string): string {
  return addDays(date, 1);
}

/**
 * A `YYYY-MM-DD` date moved by `days` (negative: back), on the calendar (UTC: no time zone moves it).
 * @example addDays('2027-03-01', -1) // '2027-02-28'
 */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The first day of the month `offset` months away from the month of `date`.
 * @example monthStart('2026-12-04', 2) // '2027-02-01'
 */
export function monthStart(date: string, offset = 0): string {
  const d = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1 + offset, 1));
  return d.toISOString().slice(0, 10);
}
