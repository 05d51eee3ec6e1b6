/**
 * One cell of a real export (domain.md §4, docs/import-formats.md) → a typed value, for the
 * column types of a dataset. Pure: no I/O, no time zone — dates and times are read as the
 * wall-clock values the file shows. Rules and examples: docs/datasets-values.md.
 *
 * Every type: surrounding spaces (and a BOM) are ignored; an Excel text guard is removed —
 * `="20220329123456789"` or a leading apostrophe `'13800138000`; empty, `-`, `--`, `—`
 * (and, except for text, `NA` / `N/A` / `不适用`) are missing (null).
 * Numbers are bounded to ±1e15; NaN and Infinity are never produced.
 */
import { isNotApplicableCell, parseCellNumber } from '../scoring/actuals-table.ts';
import type { LocalizedText } from '../scoring/types.ts';
import { parseDate } from '../values/dates.ts';

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
const MAX_VALUE_LENGTH = 200;

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
      const value = readDateTime(v, true);
      return value === undefined ? refuse('datetime.invalid', raw) : { ok: true, value };
    }
    case 'duration': {
      const value = readDuration(v);
      if (value === undefined) return refuse('duration.invalid', raw);
      return bounded(value, raw);
    }
  }
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

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date `YYYY-MM-DD`, or a date and time `YYYY-MM-DDTHH:MM:SS`; undefined when it is neither.
 * Excel serials (46198, 46198.5) are read only with `serials`.
 */
function readDateTime(v: string, serials: boolean): string | undefined {
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

const DURATION_UNITS: [RegExp, number][] = [
  [/^(?:天|日|d)/i, 86_400],
  [/^(?:小时|小時|时|時|hours?|hrs|hr|h)/i, 3600],
  [/^(?:分钟|分鐘|分|minutes?|mins|min|m)/i, 60],
  [/^(?:秒钟|秒鐘|秒|seconds?|secs|sec|s)/i, 1],
];

/** Seconds of `10秒`, `1分30秒`, `1小时2分`, `01:02:03`, `02:03` (minutes:seconds), `90`; rounded to milliseconds. */
function readDuration(v: string): number | undefined {
  if (/\d\s+\d/.test(v)) return undefined;
  const s = v.replace(/\s+/g, '');
  let m = /^(\d+):([0-5]?\d)(?::([0-5]?\d(?:\.\d+)?))?$/.exec(s);
  if (m) {
    const seconds = m[3] === undefined ? Number(m[1]) * 60 + Number(m[2]) : Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
    return roundMs(seconds);
  }
  if (/^\d+(?:\.\d+)?$/.test(s)) return roundMs(Number(s));
  // units in decreasing order, each at most once
  let rest = s;
  let total = 0;
  let last = Infinity;
  let parts = 0;
  while (rest) {
    m = /^(\d+(?:\.\d+)?)/.exec(rest);
    if (!m) return undefined;
    rest = rest.slice(m[1]!.length);
    const unit = DURATION_UNITS.find(([re]) => re.test(rest));
    if (!unit) return undefined;
    const [re, size] = unit;
    if (size >= last) return undefined;
    last = size;
    rest = rest.replace(re, '');
    total += Number(m[1]) * size;
    parts++;
  }
  return parts > 0 ? roundMs(total) : undefined;
}

function roundMs(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

/** A number that is really an id: 16 or more digits, or a leading zero (`0123`, not `0` or `0.5`). */
function looksLikeId(v: string): boolean {
  const digits = v.replace(/,/g, '');
  return /^\d+$/.test(digits) && (digits.length >= 16 || digits.startsWith('0') && digits.length > 1);
}

/** Whether a (non-missing) sample fits a type when guessing: stricter than normaliseCell. */
function fits(sample: string, type: ColumnType): boolean {
  const { text, guarded } = unguardCell(sample);
  const v = text.normalize('NFKC').trim();
  if (type === 'text') return true;
  if (guarded || v.length > MAX_VALUE_LENGTH) return false;
  switch (type) {
    case 'datetime':
      return readDateTime(v, false) !== undefined;
    case 'duration':
      return /\D$/.test(v.replace(/\s+/g, '')) || v.includes(':') ? readDuration(v) !== undefined : false;
    case 'integer':
      return !looksLikeId(v) && normaliseCell(v, 'integer').ok;
    case 'percent':
      return !looksLikeId(v) && normaliseCell(v, 'percent').ok;
    case 'decimal':
      return !looksLikeId(v) && normaliseCell(v, 'decimal').ok;
  }
}

/** Types from the most specific to the least, as guessColumnType tries them. */
const GUESS_ORDER: readonly ColumnType[] = ['datetime', 'duration', 'integer', 'percent', 'decimal'];

/**
 * The most specific type that accepts at least 95 % of the non-missing samples; text when
 * there are none. Excel serials are not guessed as dates (they are numbers too); a column in
 * which any value is an id — guarded by `="…"` or `'`, 16 or more digits, or a leading zero — is text.
 * @example guessColumnType(['28.64%', '3.5%', '-']) // 'percent'
 * @example guessColumnType(['="20220329123456789"']) // 'text'
 */
export function guessColumnType(samples: readonly string[]): ColumnType {
  const present = samples.filter((s) => !isMissingCell(String(s)) && !isNotApplicableCell(unguardCell(String(s)).text));
  if (present.length === 0) return 'text';
  if (present.some((s) => {
    const { text, guarded } = unguardCell(String(s));
    return guarded || looksLikeId(text.normalize('NFKC').trim());
  })) return 'text';
  const percentSigns = present.filter((s) => unguardCell(String(s)).text.normalize('NFKC').endsWith('%')).length;
  for (const type of GUESS_ORDER) {
    // plain numbers are fractions in a percent column, but a column is percent only when most cells say so
    if (type === 'percent' && percentSigns < present.length / 2) continue;
    const accepted = present.filter((s) => fits(String(s), type)).length;
    if (accepted >= 0.95 * present.length) return type;
  }
  return 'text';
}
