/** Dates as people type them into spreadsheets, normalised to ISO dates. Pure. */

/**
 * A date as YYYY-MM-DD, from 2026-06-25, 2026/6/25, 2026.6.25, 2026年6月25日 or an
 * Excel serial number (46198); null for an empty cell, undefined when it is not a date.
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
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
