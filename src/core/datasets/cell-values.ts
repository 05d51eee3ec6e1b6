/**
 * One cell of a real export (domain.md §4, docs/import-formats.md) → a typed value, for the
 * column types of a dataset. Pure: no I/O, no time zone — dates and times are read as the
 * wall-clock values the file shows. Rules and examples: docs/datasets-values.md; guessing a column's type: column-type.ts.
 *
 * Every type: surrounding spaces (and a BOM) are ignored; an Excel text guard is removed —
 * `="20220329123456789"` or a leading apostrophe `'13800138000`; empty, `-`, `--`, `—`
 * (and, except for text, `NA` / `N/A` / `不适用`) are missing (null).
 * Numbers are bounded to ±1e15; NaN and Infinity are never produced.
 */
import { isNotApplicableCell, parseCellNumber } from '../values/cells.ts';
import type { LocalizedText } from '../scoring/types.ts';
import { parseDateTime } from '../values/dates.ts';
import { parseDuration } from '../values/durations.ts';

export type ColumnType = 'text' | 'integer' | 'decimal' | 'percent' | 'datetime' | 'duration';

export const COLUMN_TYPES: readonly ColumnType[] = ['text', 'integer', 'decimal', 'percent', 'datetime', 'duration'];

export type CellProblemCode =
  | 'integer.invalid'
  | 'integer.not_whole'
  | 'decimal.invalid'
  | 'decimal.percent'
  | 'percent.invalid'
  | 'datetime.invalid'
  | 'duration.invalid'
  | 'number.out_of_range';

export type CellResult = { ok: true; value: string | number | null } | { ok: false; code: CellProblemCode; message: LocalizedText };

/** The largest magnitude of a number Kedu stores (the API bounds numbers to it). */
export const MAX_CELL_NUMBER = 1e15;

/** Longer cells are never numbers, dates or durations; they are refused before any parsing. */
export const MAX_VALUE_LENGTH = 200;

const MISSING = new Set(['', '-', '--', '—', '——', '–']);

/** Shows at most 40 characters of a cell in a message. */
function shown(raw: string): string {
  const v = raw.trim();
  return v.length > 40 ? `${v.slice(0, 40)}…` : v;
}

const messages: Record<CellProblemCode, (value: string) => LocalizedText> = {
  'integer.invalid': (v) => ({
    'zh-CN': `“${v}” 不是整数：应填写整数，例如 1234、1,234 或 1.2万。`,
    en: `"${v}" is not a whole number: expected a whole number such as 1234, 1,234 or 1.2万.`,
  }),
  'integer.not_whole': (v) => ({
    'zh-CN': `“${v}” 带有小数：此列只接受整数，例如 1234。`,
    en: `"${v}" has a fraction: this column takes whole numbers only, such as 1234.`,
  }),
  'decimal.invalid': (v) => ({
    'zh-CN': `“${v}” 不是数字：应填写数字，例如 1234.5、1,234.50、¥99.90 或 1.2万。`,
    en: `"${v}" is not a number: expected a number such as 1234.5, 1,234.50, ¥99.90 or 1.2万.`,
  }),
  'decimal.percent': (v) => ({
    'zh-CN': `“${v}” 是百分比，而此列是数字：请填写 0.2864 这样的数字，或把列类型设为百分比。`,
    en: `"${v}" is a percentage but this column holds numbers: write a number such as 0.2864, or make the column a percent column.`,
  }),
  'percent.invalid': (v) => ({
    'zh-CN': `“${v}” 不是百分比：应填写百分比或小数，例如 28.64% 或 0.2864。`,
    en: `"${v}" is not a percentage: expected a percentage or a fraction such as 28.64% or 0.2864.`,
  }),
  'datetime.invalid': (v) => ({
    'zh-CN': `“${v}” 不是日期或时间：应填写日期，例如 2026-06-25、2026/06/25、20220329、2026年06月25日，或日期时间，例如 2026-06-25 12:01:35、2026年06月25日12时01分35秒。`,
    en: `"${v}" is not a date or time: expected a date such as 2026-06-25, 2026/06/25, 20220329 or 2026年06月25日, or a date and time such as 2026-06-25 12:01:35 or 2026年06月25日12时01分35秒.`,
  }),
  'duration.invalid': (v) => ({
    'zh-CN': `“${v}” 不是时长：应填写时长，例如 10秒、1分30秒、01:02:03 或秒数 90。`,
    en: `"${v}" is not a duration: expected a duration such as 10秒, 1分30秒, 01:02:03 or a number of seconds such as 90.`,
  }),
  'number.out_of_range': (v) => ({
    'zh-CN': `“${v}” 超出范围：数字的绝对值不能超过 1,000,000,000,000,000（10¹⁵），例如 1234。`,
    en: `"${v}" is out of range: a number may not exceed 1,000,000,000,000,000 (10¹⁵) in magnitude, such as 1234.`,
  }),
};

function refuse(code: CellProblemCode, raw: string): CellResult {
  return { ok: false, code, message: messages[code](shown(raw)) };
}

/**
 * The cell without surrounding spaces and without an Excel text guard (`="…"` or a leading `'`).
 * `guarded` tells whether there was one: the exporter meant the value as text.
 */
export function unguardCell(raw: string): { text: string; guarded: boolean } {
  const v = raw.trim();
  const m = /^=\s*"([\s\S]*)"$/.exec(v);
  if (m) return { text: m[1]!.replace(/""/g, '"').trim(), guarded: true };
  if (v.startsWith("'")) return { text: v.slice(1).trim(), guarded: true };
  return { text: v, guarded: false };
}

/** A missing value: empty, `-`, `--`, `—` (full-width ones too). */
export function isMissingCell(raw: string): boolean {
  return MISSING.has(unguardCell(raw).text.normalize('NFKC').trim());
}

/**
 * One cell of an export as a value of the column type: text as it is (guard removed), numbers
 * as numbers (percent as a fraction), datetime as `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS`,
 * duration as seconds; null when missing. Never throws.
 * @example normaliseCell('28.64%', 'percent') // { ok: true, value: 0.2864 }
 * @example normaliseCell('1分30秒', 'duration') // { ok: true, value: 90 }
 * @example normaliseCell('2026年06月25日12时01分35秒', 'datetime') // { ok: true, value: '2026-06-25T12:01:35' }
 * @example normaliseCell('="20220329123456789"', 'text') // { ok: true, value: '20220329123456789' }
 */
export function normaliseCell(raw: string, type: ColumnType): CellResult {
  const fast = typeof raw === 'string' ? plainCell(raw, type) : undefined;
  if (fast !== undefined) return fast;
  const { text } = unguardCell(String(raw));
  if (type === 'text') return { ok: true, value: MISSING.has(text.normalize('NFKC')) ? null : text };
  if (text.length > MAX_VALUE_LENGTH) return refuse(`${type}.invalid`, raw);
  const v = text.normalize('NFKC').trim();
  if (MISSING.has(v) || isNotApplicableCell(v)) return { ok: true, value: null };
  switch (type) {
    case 'integer':
      return readInteger(v, raw);
    case 'decimal':
      return readDecimal(v, raw);
    case 'percent':
      return readPercent(v, raw);
    case 'datetime': {
      const value = parseDateTime(v, true);
      return value === undefined ? refuse('datetime.invalid', raw) : { ok: true, value };
    }
    case 'duration': {
      const value = parseDuration(v);
      if (value === undefined) return refuse('duration.invalid', raw);
      return bounded(value, raw);
    }
  }
}

/** A plain decimal number as machines write it: no sign but minus, no separators, no unit, at most 15 integer digits. */
const PLAIN_NUMBER = /^-?(?:0|[1-9]\d{0,14})(?:\.\d{1,17})?$/;
/** An ISO date, optionally with a time to the second, as exports and databases write them. */
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2}))?$/;
/** White space (any kind, the BOM included) at either end: the general path trims it. */
const EDGE_SPACE = /^[\s\uFEFF]|[\s\uFEFF]$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The cells that make up most of a large machine-written file — `123.45`, `2026-03-04 12:34:56`,
 * plain words — read without the general path (which normalises full-width forms, guards, 万 and
 * currency signs); undefined for anything else, which the general path then reads. Gives exactly
 * what the general path gives: it is a shortcut, not another rule.
 */
function plainCell(raw: string, type: ColumnType): CellResult | undefined {
  switch (type) {
    case 'text': {
      // long enough not to be a missing marker, no surrounding space, no Excel guard
      if (raw.length < 3 || raw[0] === '=' || raw[0] === "'" || EDGE_SPACE.test(raw)) return undefined;
      return { ok: true, value: raw };
    }
    case 'integer':
    case 'decimal':
    case 'percent': {
      if (!PLAIN_NUMBER.test(raw)) return undefined;
      const n = Number(raw);
      if (type === 'integer' && !Number.isInteger(n)) return undefined;
      return bounded(n, raw);
    }
    case 'datetime': {
      const m = ISO_DATETIME.exec(raw);
      if (!m) return undefined;
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const leap = mo === 2 && (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? 1 : 0;
      if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > DAYS_IN_MONTH[mo - 1]! + leap) return undefined;
      if (m[4] === undefined) return { ok: true, value: raw };
      if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59) return undefined;
      return { ok: true, value: raw[10] === 'T' ? raw : `${raw.slice(0, 10)}T${raw.slice(11)}` };
    }
    default:
      return undefined;
  }
}

/**
 * The cell as a field of PostgreSQL's COPY text format when it is a plain machine-written value
 * (what plainCell reads) that PostgreSQL reads as the same value: the file's own text, with no
 * value built and printed again — the common case of a million-row import. Undefined otherwise
 * (the caller then uses normaliseCell).
 * @example plainCopyText('123.40', 'decimal') // '123.40'
 * @example plainCopyText('2026-03-04 12:34:56', 'datetime') // '2026-03-04 12:34:56'
 * @example plainCopyText('1,200', 'decimal') // undefined
 */
export function plainCopyText(raw: string, type: ColumnType): string | undefined {
  const cell = plainCell(raw, type);
  if (cell === undefined || !cell.ok || cell.value === null) return undefined;
  // -0 and out-of-range numbers take the general path; text with COPY's special characters too
  if (typeof cell.value === 'number') return raw.startsWith('-0') && cell.value === 0 ? undefined : raw;
  if (type === 'text' && /[\\\t\n\r]/.test(raw)) return undefined;
  return raw;
}

/** A number within ±1e15, never -0. */
function bounded(value: number, raw: string): CellResult {
  if (!Number.isFinite(value) || Math.abs(value) > MAX_CELL_NUMBER) return refuse('number.out_of_range', raw);
  return { ok: true, value: value === 0 ? 0 : value };
}

const UNITS: Record<string, number> = { 万: 4, 亿: 8 };

/**
 * A number with an optional sign, currency (decimal only), 万/亿 suffix, thousands separators;
 * `undefined` when it is not one. The 万 shift is done on the digits, so 1.13万 is 11300 exactly.
 */
function readNumber(v: string, currency: boolean): number | undefined {
  let s = v;
  if (currency) s = s.replace(/^([+\-−]?)\s*(?:¥|RMB|CNY)\s*/i, '$1').replace(/\s*元$/, '');
  const unit = UNITS[s.slice(-1)];
  if (unit !== undefined) s = shiftDecimal(s.slice(0, -1).trimEnd(), unit) ?? '';
  if (s.endsWith('%')) return undefined;
  const n = parseCellNumber(s);
  return n === null ? undefined : n;
}

/** `1.2` shifted 4 places → `12000`; undefined when it is not a plain decimal (separators allowed). */
function shiftDecimal(s: string, places: number): string | undefined {
  const m = /^([+\-−]?)((?:\d{1,3}(?:,\d{3})+|\d+)?)(?:\.(\d*))?$/.exec(s);
  if (!m || (!m[2] && !m[3])) return undefined;
  const int = m[2]!.replace(/,/g, '');
  const frac = (m[3] ?? '').padEnd(places, '0');
  return `${m[1]}${int}${frac.slice(0, places)}.${frac.slice(places) || '0'}`;
}

function readInteger(v: string, raw: string): CellResult {
  const n = readNumber(v, false);
  if (n === undefined) return refuse('integer.invalid', raw);
  if (Math.abs(n) > MAX_CELL_NUMBER) return refuse('number.out_of_range', raw);
  if (!Number.isInteger(n)) return refuse('integer.not_whole', raw);
  return bounded(n, raw);
}

function readDecimal(v: string, raw: string): CellResult {
  const n = readNumber(v, true);
  if (n !== undefined) return bounded(n, raw);
  if (v.endsWith('%') && parseCellNumber(v) !== null) return refuse('decimal.percent', raw);
  return refuse('decimal.invalid', raw);
}

/** `28.64%` → 0.2864; a plain number is a fraction already (how XLSX stores a percent cell). */
function readPercent(v: string, raw: string): CellResult {
  const n = parseCellNumber(v.replace(/\s+%$/, '%'));
  if (n === null) return refuse('percent.invalid', raw);
  return bounded(n, raw);
}
