/**
 * The pure part of editing a grid of numbers (the targets grid, the actuals grid): cells named
 * by row and column, what a typed text means, which drafts differ from what is saved, where the
 * server's refusal points, and which cell an arrow key goes to.
 */
import type { ErrorDetail } from '../../api.ts';
import { parseNumber } from '../../features/scorecards/paste.ts';
import { groupDigits } from '../number-input.ts';

/** A cell by its row's and column's keys (an indicator and a period; a participant and a term). */
export type Cell = { row: string; col: string };
/** Parsed values by row, then column; null clears a value. */
export type CellValues = Record<string, Record<string, number | null>>;

const SEP = '\u0000';
export const cellId = ({ row, col }: Cell) => `${row}${SEP}${col}`;
export const cellOf = (id: string): Cell => {
  const at = id.indexOf(SEP);
  return { row: id.slice(0, at), col: id.slice(at + 1) };
};

/** A saved value as it is edited: grouped digits, exact (120000 → 120,000; 0.12345 stays), empty for none. */
export const showNumber = (v: number | null | undefined) => (v === null || v === undefined ? '' : groupDigits(String(v)));

/** What a typed text is: a number, nothing (empty clears the cell), or not a number. */
export type Reading = { ok: true; value: number | null } | { ok: false };
export const readText = (text: string): Reading => parseNumber(text);

/** Whether a draft differs from the saved value (a text that is not a number always does). */
export function isChange(text: string, stored: number | null): boolean {
  const r = readText(text);
  return !r.ok || r.value !== stored;
}

/** The values of the drafts that are changes and numbers, by row and column (one row's only when `row` is given). */
export function changedValues(drafts: Record<string, string>, stored: (cell: Cell) => number | null, row?: string): CellValues {
  const values: CellValues = {};
  for (const [id, text] of Object.entries(drafts)) {
    const cell = cellOf(id);
    if (row !== undefined && cell.row !== row) continue;
    const r = readText(text);
    if (r.ok && r.value !== stored(cell)) (values[cell.row] ??= {})[cell.col] = r.value;
  }
  return values;
}

/** A path without its leading parts (`['body', 'values', 'sales']` after 'body' → `['values', 'sales']`). */
export function pathAfter(path: readonly (string | number)[] | undefined, ...prefix: string[]): (string | number)[] {
  let p = [...(path ?? [])];
  for (const part of prefix) if (p[0] === part) p = p.slice(1);
  return p;
}

/** Splits the details of a refusal into messages on cells and the rest. */
export function locateDetails(details: readonly ErrorDetail[], locate: (detail: ErrorDetail) => Cell | null) {
  const cells: Record<string, string> = {};
  const rest: ErrorDetail[] = [];
  for (const d of details) {
    const cell = locate(d);
    if (cell) cells[cellId(cell)] = cells[cellId(cell)] ? `${cells[cellId(cell)]}; ${d.message}` : d.message;
    else rest.push(d);
  }
  return { cells, rest };
}

export type Direction = 'up' | 'down' | 'left' | 'right';
export type Position = { row: number; col: number };

/** The nearest cell from `at` in a direction among the cells there are (a grid may have gaps), or null at the edge. */
export function neighbour(cells: readonly Position[], at: Position, dir: Direction): Position | null {
  const vertical = dir === 'up' || dir === 'down';
  const sign = dir === 'down' || dir === 'right' ? 1 : -1;
  let best: Position | null = null;
  for (const c of cells) {
    const along = vertical ? c.row - at.row : c.col - at.col;
    const across = vertical ? c.col - at.col : c.row - at.row;
    if (across !== 0 || along * sign <= 0) continue;
    if (!best || Math.abs(along) < Math.abs(vertical ? best.row - at.row : best.col - at.col)) best = c;
  }
  return best;
}

/**
 * Groups the digits of a number being typed, keeping the caret after the same digit
 * (`1200|` → `1,200|`). Text that is not plain digits (13万, 85%, 9e15, abc) is left as typed.
 */
export function regroup(text: string, caret: number): { text: string; caret: number } {
  const plain = text.replace(/,/g, '');
  if (!/^[+-]?\d*(\.\d*)?$/.test(plain)) return { text, caret };
  const grouped = groupDigits(plain);
  const kept = text.slice(0, caret).replace(/,/g, '').length;
  let seen = 0;
  let at = 0;
  while (at < grouped.length && seen < kept) {
    if (grouped[at] !== ',') seen++;
    at++;
  }
  return { text: grouped, caret: at };
}
