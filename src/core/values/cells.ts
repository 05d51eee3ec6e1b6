/**
 * What a spreadsheet cell holds, read the same way everywhere (the actuals of a scorecard, the
 * values of a dataset): numbers as people type them, not-applicable markers, column letters. Pure.
 */

const NA_CELLS = new Set(['NA', 'N/A', '不适用']);
const minusSigns = /[\u2212\u2012\u2013\uFE63]/g;
const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?%?$/;
/** A plain ASCII number (most cells): read as it is, with no normalising; never an NA cell. */
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A cell as a number: thousands separators (`1,234.5`), percentages (`12%` → 0.12) and
 * full-width characters (`１２３`) allowed; null when it is not a number. A cell that is a
 * number is never a not-applicable cell.
 * @example parseCellNumber('1,234.5') // 1234.5
 * @example parseCellNumber('１２％') // 0.12
 * @example parseCellNumber('1,5') // null (a decimal comma is ambiguous)
 */
export function parseCellNumber(text: string): number | null {
  if (PLAIN_NUMBER.test(text)) return finiteOrNull(Number(text));
  const s = text.normalize('NFKC').trim().replace(minusSigns, '-');
  if (!NUMBER.test(s)) return null;
  const value = finiteOrNull(Number(s.replace(/[,%]/g, '')));
  return value !== null && s.endsWith('%') ? value / 100 : value;
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/**
 * A cell marking not applicable: `NA`, `N/A` or `不适用` (any case, any width).
 * @example isNotApplicableCell(' n/a ') // true
 * @example isNotApplicableCell('0') // false
 */
export function isNotApplicableCell(text: string): boolean {
  return NA_CELLS.has(text.normalize('NFKC').trim().toUpperCase());
}

/**
 * Column letters as a spreadsheet shows them.
 * @example columnLetter(0) // 'A'
 * @example columnLetter(26) // 'AA'
 */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
