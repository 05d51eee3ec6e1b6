/**
 * Calendar arithmetic on `YYYY-MM-DD` days and `YYYY-MM` months, in UTC so that a day is
 * always 86 400 000 ms: the time zone of the server never moves a deadline.
 */

import { parsePeriod } from '../values/periods.ts';

const DAY_MS = 86_400_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/**
 * Days since 1970-01-01 of a `YYYY-MM-DD` day, or null when the text is not a real day
 * (`2027-02-30` is refused rather than rolled over into March).
 *
 * @example
 * dayNumber('1970-01-02'); // → 1
 * dayNumber('2027-02-30'); // → null
 */
export function dayNumber(day: string): number | null {
  const m = DAY.exec(day);
  if (!m) return null;
  const [year, month, date] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, date);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== date) return null;
  return ms / DAY_MS;
}

/**
 * Months since year 0 of a `YYYY-MM` period or of the month of a `YYYY-MM-DD` day, or null.
 * Differences of two of them count calendar months: `2026-12` → `2027-03-31` is 3.
 *
 * @example
 * monthNumber('2027-03-31')! - monthNumber('2026-12')!; // → 3
 */
export function monthNumber(periodOrDay: string): number | null {
  const month = MONTH.exec(periodOrDay);
  if (month) {
    const m = Number(month[2]);
    return m >= 1 && m <= 12 ? Number(month[1]) * 12 + (m - 1) : null;
  }
  if (dayNumber(periodOrDay) === null) return null;
  return Number(periodOrDay.slice(0, 4)) * 12 + (Number(periodOrDay.slice(5, 7)) - 1);
}

/**
 * Whether a period (`2026-11`, `2026-Q4`, `2026`, or an ISO week `2026-W49`) is over on a day:
 * its last day is before that day. A period still in progress holds a value so far, not a
 * period's value: it is no history yet (a month 7 days in is not a month).
 *
 * @example
 * isPeriodOver('2026-11', '2026-12-01'); // → true
 * isPeriodOver('2026-12', '2026-12-31'); // → false (the last day is still going)
 */
export function isPeriodOver(label: string, asOf: string): boolean {
  const end = periodEnd(label);
  return end !== null && end < asOf;
}

function periodEnd(label: string): string | null {
  const week = /^(\d{4})-W(\d{2})$/.exec(label);
  if (week) {
    // ISO week 1 holds 4 January; its Monday is 4 January moved back to Monday
    const jan4 = Date.UTC(Number(week[1]), 0, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
    return new Date(monday + ((Number(week[2]) - 1) * 7 + 6) * DAY_MS).toISOString().slice(0, 10);
  }
  const parsed = parsePeriod(label);
  return parsed ? parsed.endsOn : null;
}
