/** Dates as people type them into spreadsheets, normalised to ISO dates. Pure. */

/**
 * A date as YYYY-MM-DD, from 2026-06-25, 2026/6/25, 2026.6.25, 2026年6月25日 or an
 * Excel serial number (46198); null for an empty cell, undefined when it is not a date.
 * @example parseDate('2026年6月25日') // '2026-06-25'
 * @example parseDate('46198') // '2026-06-25'
 * @example parseDate('2026-02-30') // undefined
 */
export function parseDate(raw: string): string | null | undefined {
  const v = raw.trim();
  if (!v) return null;
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(v) ?? /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/.exec(v);
  if (m) return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,7})(?:\.\d+)?$/.exec(v);
  if (m) {
    const serial = Number(m[1]);
    // Excel counts 1900-02-29 (serial 60), a day that never was
    if (serial < 1 || serial === 60) return undefined;
    const d = new Date(Date.UTC(1899, 11, serial > 60 ? 30 : 31) + serial * 86_400_000);
    return calendarDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return undefined;
}

function calendarDate(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2100 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date `YYYY-MM-DD`, or a date and time `YYYY-MM-DDTHH:MM:SS` (wall-clock, no time zone), from
 * trimmed text; undefined when it is neither. Excel serials (46198, 46198.5) are read only with
 * `serials` (they are numbers too). The date itself is checked by `parseDate`.
 * @example parseDateTime('2026年06月25日12时01分35秒', false) // '2026-06-25T12:01:35'
 * @example parseDateTime('20220329', false) // '2022-03-29'
 * @example parseDateTime('46198.5', true) // '2026-06-25T12:00:00'
 */
export function parseDateTime(v: string, serials: boolean): string | undefined {
  // 2026年06月25日12时01分35秒, 2026年6月25日 12:01
  let m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?\s*(?:(\d{1,2})\s*[时點点:]\s*(\d{1,2})\s*(?:分\s*(?:(\d{1,2})(?:\.\d+)?\s*秒?)?|:\s*(\d{1,2})(?:\.\d+)?)?)?$/.exec(v);
  if (m) return withTime(`${m[1]}-${m[2]}-${m[3]}`, m[4], m[5], m[6] ?? m[7]);
  // 2026-06-25, 2026/06/25 12:01:35, 2026-06-25T12:01:35.123
  m = /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})(?:(?:[ T]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/.exec(v);
  if (m) return withTime(m[1]!, m[2], m[3], m[4]);
  // 20220329
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (m) return withTime(`${m[1]}-${m[2]}-${m[3]}`, undefined, undefined, undefined);
  if (!serials) return undefined;
  m = /^(\d{1,7})(\.\d+)?$/.exec(v);
  if (!m) return undefined;
  const date = parseDate(m[1]!);
  if (!date) return undefined;
  const seconds = m[2] ? Math.round(Number(`0${m[2]}`) * 86_400) : 0;
  if (!m[2]) return date;
  if (seconds >= 86_400) {
    const next = parseDate(String(Number(m[1]) + 1));
    return next ? `${next}T00:00:00` : undefined;
  }
  return `${date}T${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

function withTime(datePart: string, h: string | undefined, mi: string | undefined, s: string | undefined): string | undefined {
  const date = parseDate(datePart);
  if (!date) return undefined;
  if (h === undefined) return date;
  const [hh, mm, ss] = [Number(h), Number(mi ?? 0), Number(s ?? 0)];
  if (hh > 23 || mm > 59 || ss > 59) return undefined;
  return `${date}T${pad(hh)}:${pad(mm)}:${pad(ss)}`;
}
