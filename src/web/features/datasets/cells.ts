/** Column types and stored cells as the data pages show them. */
import type { CellValue, ColumnType } from './datasets-api.ts';

/** The six column types, in the order the type select offers them. */
export const COLUMN_TYPE_LIST: ColumnType[] = ['text', 'integer', 'decimal', 'percent', 'datetime', 'duration'];

/** A column type of the API (typed as string by the contract) as one of the six. */
export const asColumnType = (type: string): ColumnType => (COLUMN_TYPE_LIST as string[]).includes(type) ? (type as ColumnType) : 'text';

/** A stored cell as text: percent as a percentage, durations as h:mm:ss, numbers grouped. */
export function formatCell(value: CellValue, columnType: string, locale: string): string {
  const type = asColumnType(columnType);
  if (value === null || value === '') return '';
  if (typeof value === 'string') return type === 'datetime' ? value.replace('T', ' ') : value;
  if (type === 'percent') return `${(value * 100).toLocaleString(locale, { maximumFractionDigits: 2 })}%`;
  if (type === 'duration') {
    const s = Math.round(value);
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const sec = s % 60;
    return `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
  }
  return value.toLocaleString(locale, { maximumFractionDigits: 6 });
}

export const isNumericType = (type: string) => type === 'integer' || type === 'decimal' || type === 'percent' || type === 'duration';
