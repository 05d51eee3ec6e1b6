import { type KeyboardEvent, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ErrorDetail, isApiError } from '../../api.ts';
import { type Cell, type CellValues, cellId, cellOf, changedValues, type Direction, isChange, locateDetails, neighbour, readText, showNumber } from './grid-cells.ts';
import { useCellsSave } from './grid-save-queries.ts';

export type GridEditingOptions<R> = {
  /** The saved value of a cell. */
  stored: (cell: Cell) => number | null;
  /** A further rule on a number typed (a target is above 0): its message, or null. */
  check?: (value: number, cell: Cell) => string | null;
  /** Sends the changed cells' values in one request: all of them, or one row's when saving a row. */
  submit: (values: CellValues, row: string | undefined) => Promise<R>;
  /** The cell a detail of the server's refusal is about (null: about no cell); `row` is the row being saved. */
  locate: (detail: ErrorDetail, row: string | undefined) => Cell | null;
  onSaved?: (result: R, row: string | undefined) => void;
  onFailed?: (error: unknown, row: string | undefined) => void;
  /** Enter in a cell: moves down unless given (the actuals grid saves the row). */
  onEnter?: (cell: Cell) => void;
};

export type GridEditing = ReturnType<typeof useGridEditing>;

/**
 * The editing of a grid of numbers: the text typed per cell (kept until saved or discarded), which
 * cells are changed, what a text means (1,234 · 85% · 13万; empty clears; anything else is "not a
 * number" on the cell), the server's refusal shown on the cells it names, saving the changed cells
 * in one request (all, or a row's), and the keyboard (arrows and Enter move, Esc undoes the cell).
 * The grid's inputs carry `data-row` / `data-col` (their indexes) inside the element of `gridRef`.
 */
export function useGridEditing<R>(options: GridEditingOptions<R>) {
  const { t } = useTranslation();
  const { stored, check } = options;
  const container = useRef<HTMLElement | null>(null);
  /** A ref for the element holding the grid's inputs. */
  const gridRef = useCallback((el: HTMLElement | null) => {
    container.current = el;
  }, []);
  /** The text of the cells edited since the grid was loaded or saved, by cellId. */
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  /** The server's messages on cells, by cellId, until the cell is edited. */
  const [refusals, setRefusals] = useState<Record<string, string>>({});
  /** The server's details about no cell. */
  const [unlocated, setUnlocated] = useState<ErrorDetail[]>([]);

  const inScope = (id: string, row?: string) => row === undefined || cellOf(id).row === row;
  const without = <V>(all: Record<string, V>, drop: (id: string) => boolean) => Object.fromEntries(Object.entries(all).filter(([id]) => !drop(id)));

  const draftOf = (cell: Cell): string | undefined => drafts[cellId(cell)];
  const text = (cell: Cell) => draftOf(cell) ?? showNumber(stored(cell));
  const isDirty = (cell: Cell) => {
    const d = draftOf(cell);
    return d !== undefined && isChange(d, stored(cell));
  };
  /** What is wrong with what was typed in a cell, or null. */
  const typedError = (cell: Cell): string | null => {
    const d = draftOf(cell);
    if (d === undefined) return null;
    const r = readText(d);
    if (!r.ok) return t('common.notANumber', { text: d.trim() });
    return r.value !== null && check ? check(r.value, cell) : null;
  };
  const error = (cell: Cell) => refusals[cellId(cell)] ?? typedError(cell);
  const dirty = Object.keys(drafts)
    .map(cellOf)
    .filter((c) => isDirty(c));
  const hasErrors = (row?: string) => dirty.some((c) => (row === undefined || c.row === row) && typedError(c) !== null);

  const edit = (cell: Cell, value: string) => {
    const id = cellId(cell);
    setDrafts((all) => ({ ...all, [id]: value }));
    setRefusals((all) => without(all, (x) => x === id));
  };
  /** Sets several cells at once (a pasted block). */
  const fill = (cells: { cell: Cell; value: number | null }[]) => {
    const next = Object.fromEntries(cells.map(({ cell, value }) => [cellId(cell), showNumber(value)]));
    setDrafts((all) => ({ ...all, ...next }));
    setRefusals((all) => without(all, (x) => x in next));
  };
  const undo = (cell: Cell) => {
    const id = cellId(cell);
    setDrafts((all) => without(all, (x) => x === id));
  };
  /** Drops the drafts and the server's messages, all or one row's. */
  const discard = (row?: string) => {
    setDrafts((all) => without(all, (id) => inScope(id, row)));
    setRefusals((all) => without(all, (id) => inScope(id, row)));
    setUnlocated([]);
  };

  const mutation = useCellsSave<R>({
    send: (row) => options.submit(changedValues(drafts, stored, row), row),
    onStart: (row) => {
      setRefusals((all) => without(all, (id) => inScope(id, row)));
      setUnlocated([]);
    },
    onSaved: (result, row) => {
      setDrafts((all) => without(all, (id) => inScope(id, row)));
      options.onSaved?.(result, row);
    },
    onFailed: (e, row) => {
      if (isApiError(e)) {
        const { cells, rest } = locateDetails(e.details, (d) => options.locate(d, row));
        setRefusals((all) => ({ ...all, ...cells }));
        setUnlocated(rest);
      }
      options.onFailed?.(e, row);
    },
  });
  /** Saves the changed cells (one row's when given) unless one is not a number or a save is under way. */
  const save = (row?: string) => {
    if (mutation.isPending || hasErrors(row)) return;
    mutation.mutate({ row });
  };

  const focus = (at: { row: number; col: number }, dir: Direction) => {
    const inputs = [...(container.current?.querySelectorAll<HTMLInputElement>('input[data-row][data-col]') ?? [])].filter((i) => !i.disabled);
    const cells = inputs.map((i) => ({ row: Number(i.dataset.row), col: Number(i.dataset.col), input: i }));
    const to = neighbour(cells, at, dir);
    const input = to && cells.find((c) => c.row === to.row && c.col === to.col)?.input;
    input?.focus();
    input?.select();
  };
  const keyDown = (e: KeyboardEvent<HTMLInputElement>, cell: Cell) => {
    if (e.nativeEvent.isComposing) return; // Enter picks a word of the input method
    const input = e.currentTarget;
    const at = { row: Number(input.dataset.row), col: Number(input.dataset.col) };
    const whole = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    const atStart = (input.selectionStart === 0 && input.selectionEnd === 0) || whole;
    const atEnd = input.selectionStart === input.value.length || whole;
    let dir: Direction | null = null;
    if (e.key === 'Escape') return undo(cell);
    if (e.key === 'Enter' && options.onEnter) {
      e.preventDefault();
      return options.onEnter(cell);
    }
    if (e.key === 'ArrowUp') dir = 'up';
    else if (e.key === 'ArrowDown' || e.key === 'Enter') dir = 'down';
    else if (e.key === 'ArrowLeft' && atStart) dir = 'left';
    else if (e.key === 'ArrowRight' && atEnd) dir = 'right';
    if (!dir) return;
    e.preventDefault();
    focus(at, dir);
  };

  return {
    gridRef,
    text,
    edit,
    fill,
    undo,
    discard,
    error,
    isDirty,
    /** The changed cells. */
    dirty,
    /** Whether any cell has a draft (even one back to its saved value). */
    hasDrafts: Object.keys(drafts).length > 0,
    hasErrors,
    isRowDirty: (row: string) => dirty.some((c) => c.row === row),
    keyDown,
    save,
    saving: mutation.isPending,
    /** The row being saved, when saving a row. */
    savingRow: mutation.isPending ? mutation.variables?.row : undefined,
    saveError: mutation.error,
    /** The server's messages on cells. */
    refused: Object.entries(refusals).map(([id, message]) => ({ cell: cellOf(id), message })),
    unlocated,
  };
}
