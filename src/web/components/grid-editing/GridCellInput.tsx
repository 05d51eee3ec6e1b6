import { Input, type InputProps, type InputRef, Tooltip } from 'antd';
import { useLayoutEffect, useRef, useState } from 'react';
import type { Cell } from './grid-cells.ts';
import { regroup } from './grid-cells.ts';
import type { GridEditing } from './use-grid-editing.ts';
import { surface } from '../../theme.ts';

type Props = Omit<InputProps, 'value' | 'onChange' | 'onKeyDown' | 'status'> & {
  editing: GridEditing;
  cell: Cell;
  /** The cell's place for the keyboard: row and column indexes. */
  at: { row: number; col: number };
  /** Groups the digits while typing (1200 → 1,200). */
  groupWhileTyping?: boolean;
};

/**
 * One cell of an editable grid: the text typed (changed cells tinted), what is wrong with it
 * (not a number, or refused by the server) in red with the message in a tooltip on the cell.
 */
export default function GridCellInput({ editing, cell, at, groupWhileTyping, style, ...rest }: Props) {
  const ref = useRef<InputRef>(null);
  const caret = useRef<number | null>(null);
  const error = editing.error(cell);
  /** Pointed at or focused: the message shows then (opened here, so it follows the text as it is typed). */
  const [hot, setHot] = useState({ hover: false, focus: false });
  useLayoutEffect(() => {
    if (caret.current === null) return;
    ref.current?.input?.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  });
  return (
    // not antd's shared (unique) popup: it keeps the first message while the text changes under it
    <Tooltip title={error} open={!!error && (hot.hover || hot.focus)} unique={false}>
      <Input
        ref={ref}
        size="small"
        value={editing.text(cell)}
        status={error ? 'error' : undefined}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          if (!groupWhileTyping) return editing.edit(cell, e.target.value);
          const next = regroup(e.target.value, e.target.selectionStart ?? e.target.value.length);
          if (next.text !== e.target.value) caret.current = next.caret;
          editing.edit(cell, next.text);
        }}
        onKeyDown={(e) => editing.keyDown(e, cell)}
        onFocus={(e) => {
          e.target.select();
          setHot((h) => ({ ...h, focus: true }));
        }}
        onBlur={() => setHot((h) => ({ ...h, focus: false }))}
        onMouseEnter={() => setHot((h) => ({ ...h, hover: true }))}
        onMouseLeave={() => setHot((h) => ({ ...h, hover: false }))}
        inputMode="decimal"
        autoComplete="off"
        data-row={at.row}
        data-col={at.col}
        style={{ textAlign: 'end', ...style, ...(editing.isDirty(cell) ? { background: surface.dirty } : {}) }}
        {...rest}
      />
    </Tooltip>
  );
}
