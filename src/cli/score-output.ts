/**
 * The output of `kedu score`: each person's result as plain data (the JSON of the issue), then
 * printed as JSON, an aligned table in the user's language, or CSV. Pure functions.
 */
import type { PersonActuals } from '../core/scoring/actuals-table.ts';
import type { LocalizedText, ScoreResult } from '../core/scoring/types.ts';
import { displayWidth } from './formula.command.ts';

export type Lang = 'zh-CN' | 'en';

export type IndicatorOutput = {
  key: string;
  actual: number | null;
  target: number | null;
  achievement: number | null;
  multiplier: number | null;
  points: number | null;
  notApplicable: boolean;
  vetoTriggered: boolean;
  /** Why the indicator has no points (a missing value, a division by zero…); null when scored or not applicable. */
  error: { code: string; message: string } | null;
};

export type PersonOutput = {
  person: string;
  /** The engine's `invalid` is reported as `incomplete`, with the error on the indicators. */
  status: 'complete' | 'incomplete';
  subtotal: number | null;
  total: number | null;
  grade: string | null;
  /** Keys of the indicators whose veto triggered, in scorecard order. */
  vetoes: string[];
  indicators: IndicatorOutput[];
};

/** A design warning of the scorecard or a note on the actuals file. */
export type OutputWarning = { source: 'scorecard' | 'actuals'; code: string; message: string; indicator?: string; column?: string };

/** One person's result as printed. */
export function personOutput(person: PersonActuals, result: ScoreResult, lang: Lang): PersonOutput {
  // a scorecard-level issue (not tied to an indicator) still needs to be said somewhere
  const loose = result.status === 'invalid' ? result.issues.find((issue) => !result.indicators.some((i) => i.reason === issue)) : undefined;
  let looseShown = false;
  const indicators = result.indicators.map((i): IndicatorOutput => {
    let error = i.reason && (i.status === 'incomplete' || i.status === 'error') ? { code: i.reason.code, message: i.reason.message[lang] } : null;
    if (!error && loose && !looseShown && !i.notApplicable) {
      error = { code: loose.code, message: loose.message[lang] };
      looseShown = true;
    }
    return {
      key: i.key,
      actual: i.actual,
      target: i.target,
      achievement: i.achievement,
      multiplier: i.multiplier,
      points: i.points,
      notApplicable: i.notApplicable,
      vetoTriggered: i.vetoTriggered,
      error,
    };
  });
  return {
    person: person.person,
    status: result.status === 'complete' ? 'complete' : 'incomplete',
    subtotal: result.subtotal,
    total: result.total,
    grade: result.grade,
    vetoes: result.indicators.filter((i) => i.vetoTriggered).map((i) => i.key),
    indicators,
  };
}

/**
 * `{ "results": [...], "warnings": [...] }`, one person a line: readable, and a tenth the size
 * of indented JSON for 10,000 people.
 */
export function formatJson(results: readonly PersonOutput[], warnings: readonly OutputWarning[]): string {
  return `{ "results": ${jsonList(results)},\n"warnings": ${jsonList(warnings)} }\n`;
}

function jsonList(items: readonly unknown[]): string {
  return items.length === 0 ? '[]' : `[\n${items.map((i) => `  ${JSON.stringify(i)}`).join(',\n')}\n]`;
}

/**
 * `formatJson` handed out piece by piece while the results are made (`result(i)` for i from
 * 0 to count − 1): the same text, in many small pieces for `write` to gather, with no
 * result or large text held on to.
 */
export function writeJson(write: (text: string) => void, count: number, result: (i: number) => PersonOutput, warnings: readonly OutputWarning[]): void {
  if (count === 0) {
    write(formatJson([], warnings));
    return;
  }
  write('{ "results": [\n  ');
  for (let i = 0; i < count; i++) {
    if (i > 0) write(',\n  ');
    write(JSON.stringify(result(i)));
  }
  write(`\n],\n"warnings": ${jsonList(warnings)} }\n`);
}

const tableHeads: Record<Lang, string[]> = {
  'zh-CN': ['人员', '状态', '总分', '等级', '否决'],
  en: ['Person', 'Status', 'Total', 'Grade', 'Vetoes'],
};
const statusText: Record<PersonOutput['status'], LocalizedText> = {
  complete: { 'zh-CN': '已完成', en: 'complete' },
  incomplete: { 'zh-CN': '数据不全', en: 'incomplete' },
};

/** The total as shown: 2 decimals, rounded half away from zero on the decimal value. */
export function showTotal(total: number): string {
  const sign = total < 0 ? '-' : '';
  const cents = Math.round(Number(`${Math.abs(total)}e2`));
  const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
  return text === '0.00' ? text : sign + text;
}

/**
 * An aligned table: person, status, total (2 decimals, right-aligned), grade, vetoes; wide
 * characters count as two columns.
 */
export function formatTable(results: readonly PersonOutput[], lang: Lang): string {
  const rows = [
    tableHeads[lang],
    ...results.map((r) => [r.person, statusText[r.status][lang], r.total === null ? '—' : showTotal(r.total), r.grade ?? '—', r.vetoes.join(', ')]),
  ];
  const widths = tableHeads[lang].map((_, c) => Math.max(...rows.map((row) => displayWidth(row[c]))));
  const line = (row: string[]) =>
    row
      .map((cell, c) => {
        const pad = ' '.repeat(widths[c] - displayWidth(cell));
        return c === 2 ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return `${rows.map(line).join('\n')}\n`;
}

/** A CSV field: quoted when needed; a text starting like a spreadsheet formula gets a leading '. */
function csvField(value: string, text: boolean): string {
  const safe = text && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * One row per person: person, status, total, grade, vetoes (`;`-separated), then `points:<key>`
 * per indicator. Numbers at full precision (the file is data; a spreadsheet shows 2 decimals).
 */
export function formatCsv(results: readonly PersonOutput[], indicatorKeys: readonly string[]): string {
  const num = (n: number | null) => (n === null ? '' : String(n));
  const head = ['person', 'status', 'total', 'grade', 'vetoes', ...indicatorKeys.map((k) => `points:${k}`)].map((h) => csvField(h, true));
  const lines = [head.join(',')];
  for (const r of results) {
    lines.push(
      [
        csvField(r.person, true),
        r.status,
        num(r.total),
        csvField(r.grade ?? '', true),
        csvField(r.vetoes.join(';'), true),
        ...r.indicators.map((i) => num(i.points)),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
