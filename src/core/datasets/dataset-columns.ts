/**
 * The columns of a dataset and how their values are stored (docs/datasets.md). Pure.
 * A dataset column has the name users know (the export's header, e.g. 累积关注人数) and a
 * field name in the database (`c1`, `c2`, …) so that no header ever reaches SQL text.
 */
import type { ColumnType } from './cell-values.ts';

export type DatasetColumn = {
  /** The database column: `c1`, `c2`, … in order. */
  field: string;
  /** The header name, unique in the dataset. */
  name: string;
  nameEn?: string;
  type: ColumnType;
  /** A point-in-time value (累积关注人数): a period's value is the last one, never a sum. */
  snapshot: boolean;
  /** Other headers a file may use for this column. */
  aliases: string[];
};

/** Numeric columns can be added, compared and aggregated; text only counted, compared and grouped. */
export const isNumericType = (type: ColumnType): boolean => type !== 'text' && type !== 'datetime';

/**
 * Assigns field names in order.
 * @example withFields([{ name: '日期', type: 'datetime', snapshot: false, aliases: [] }])[0].field // 'c1'
 */
export function withFields(columns: readonly Omit<DatasetColumn, 'field'>[]): DatasetColumn[] {
  return columns.map((c, i) => ({ ...c, field: `c${i + 1}` }));
}

/**
 * A normalised value as a field of PostgreSQL's COPY text format: `\N` for null, and the
 * backslash, tab, newline and carriage return escaped (they would end the field or row).
 * @example copyField('a\tb') // 'a\\tb'
 * @example copyField(null) // '\\N'
 */
export function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]) : value;
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Longest text stored in a cell: longer cells are refused, located, rather than filling the database. */
export const MAX_TEXT_LENGTH = 10_000;
