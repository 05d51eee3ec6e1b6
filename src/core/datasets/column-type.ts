/**
 * Guessing the type of a dataset column from samples of its cells (docs/datasets-values.md);
 * a guessed type always accepts the samples through `normaliseCell`. Pure.
 */
import { isNotApplicableCell } from '../values/cells.ts';
import { parseDateTime } from '../values/dates.ts';
import { parseDuration } from '../values/durations.ts';
import { type ColumnType, isMissingCell, MAX_VALUE_LENGTH, normaliseCell, unguardCell } from './cell-values.ts';

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
      return parseDateTime(v, false) !== undefined;
    case 'duration':
      return /\D$/.test(v.replace(/\s+/g, '')) || v.includes(':') ? parseDuration(v) !== undefined : false;
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
