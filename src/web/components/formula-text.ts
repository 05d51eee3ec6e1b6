/** A range of the formula to underline (a diagnostic, or a problem the server reported on save). */
export type FormulaRange = { start: number; end: number; severity: 'error' | 'warning'; message?: string };

// a letter (Chinese included), digit or underscore: the characters of a plain name
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const PLAIN_NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/** The word ending at the caret: [start, caret). */
export function wordAt(text: string, caret: number): { start: number; word: string } {
  let start = caret;
  while (start > 0 && WORD_CHAR.test(text[start - 1])) start--;
  return { start, word: text.slice(start, caret) };
}

/** A term name as the formula writes it: plain, or in brackets when it has other characters. */
export const nameToken = (name: string) => (PLAIN_NAME.test(name) ? name : `[${name.replaceAll(']', ']]')}]`);
