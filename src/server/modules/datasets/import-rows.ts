import { normaliseCell, plainCopyText } from '../../../core/datasets/cell-values.ts';
import { copyField, type DatasetColumn, MAX_TEXT_LENGTH } from '../../../core/datasets/dataset-columns.ts';
import { findHeaderRow, mapHeaders } from '../../../core/datasets/templates.ts';
import { ProblemList } from '../../../core/files/problem-list.ts';
import type { StreamedRecord } from '../../../core/files/records.ts';
import { datasetTemplate } from './dataset-preview.ts';
import type { ErrorDetail } from '../../errors.ts';

/** Records looked at for the header (banner rows above it are skipped). */
const HEADER_SEARCH = 10;

export type RowsOutcome = {
  rows: number;
  headerRow: number;
  ignoredHeaders: string[];
  firstDate: string | null;
  lastDate: string | null;
  /** The first problems (in file order), listed in the answer. */
  problems: ErrorDetail[];
  problemCount: number;
  /** import_failed's params: the count, and how many are listed and how many more there are. */
  problemSummary: { count: number; listed?: number; more?: number };
  /** Two rows may share a key (their keys' hashes met): the database checks it exactly. */
  mayRepeatKeys: boolean;
};

/**
 * Reads the records of a file into a dataset's columns (domain.md §4): finds the header (a
 * banner row above it is skipped), maps headers to columns by name or alias, normalises every
 * cell to its column's type and writes each good row — until the first problem, after which
 * it only goes on checking, so that the user gets every problem of the file at once.
 * Problems are located by the spreadsheet's row number and the file's header.
 */
export async function readRowsInto(
  records: AsyncIterable<StreamedRecord>,
  columns: readonly DatasetColumn[],
  required: { date: string; keys: readonly string[] },
  batchId: string,
  write: (fields: string[]) => Promise<void> | void,
  onRow?: (rows: number) => void,
): Promise<RowsOutcome> {
  const iterator = records[Symbol.asyncIterator]();
  try {
    return await readInto(iterator, columns, required, batchId, write, onRow);
  } finally {
    // the reader's file is closed whether every record was read or not (an early return, a throw)
    await iterator.return?.();
  }
}

async function readInto(
  iterator: AsyncIterator<StreamedRecord>,
  columns: readonly DatasetColumn[],
  required: { date: string; keys: readonly string[] },
  batchId: string,
  write: (fields: string[]) => Promise<void> | void,
  onRow?: (rows: number) => void,
): Promise<RowsOutcome> {
  // the first problems and the count of all: a file of a million bad cells keeps a hundred
  const list = new ProblemList<ErrorDetail>();
  const fail = (detail: ErrorDetail) => list.add(detail);
  const outcome = (o: Omit<RowsOutcome, 'problems' | 'problemCount' | 'problemSummary'>): RowsOutcome => ({ ...o, problems: list.listed(), problemCount: list.count, problemSummary: list.summary() });
  const head: StreamedRecord[] = [];
  while (head.length < HEADER_SEARCH) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
  }
  const empty = { rows: 0, headerRow: 1, ignoredHeaders: [], firstDate: null, lastDate: null, mayRepeatKeys: false };
  if (head.length === 0) {
    fail({ row: 1, code: 'dataset.file_empty' });
    return outcome(empty);
  }
  const asTemplate = datasetTemplate({ columns: [...columns], keyColumns: [...required.keys], dateColumn: required.date });
  const headerIndex = findHeaderRow(head.map((r) => r.values), [asTemplate]);
  const header = head[headerIndex]!;
  const headers = header.values.map((h) => h.trim());
  const mapping = mapHeaders(headers, asTemplate.columns);
  if (mapping.missing.length) {
    for (const name of mapping.missing) fail({ row: header.row, column: name, code: 'dataset.column_missing', params: { column: name, headers: headers.filter(Boolean).slice(0, 30).join('、') } });
    return outcome({ ...empty, headerRow: header.row });
  }
  const indexes = mapping.indexes as number[];
  const dateAt = columns.findIndex((c) => c.name === required.date);
  const keyAt = required.keys.map((k) => columns.findIndex((c) => c.name === k));

  let rows = 0;
  let firstDate: string | null = null;
  let lastDate: string | null = null;
  const fields: string[] = new Array(columns.length + 2);
  fields[0] = batchId;

  const columnHeaders = columns.map((c, i) => headers[indexes[i]!] ?? c.name);
  // a file that repeats a key contradicts itself; 52-bit hashes of the keys find candidates
  // without keeping a million key strings in memory, and the database confirms them
  const seenKeys = keyAt.length ? new Set<number>() : null;
  let mayRepeatKeys = false;
  const isKey = columns.map((_, i) => keyAt.includes(i));

  /** One record: its fields when every cell is good, null after recording its problems. */
  const readRecord = (record: StreamedRecord): string[] | null => {
    let ok = true;
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i]!;
      const raw = record.values[indexes[i]!] ?? '';
      const plain = plainCopyText(raw, column.type);
      if (plain !== undefined && plain.length <= MAX_TEXT_LENGTH) {
        if (i === dateAt) {
          const day = plain.slice(0, 10);
          if (firstDate === null || day < firstDate) firstDate = day;
          if (lastDate === null || day > lastDate) lastDate = day;
        }
        fields[i + 2] = plain;
        continue;
      }
      const cell = normaliseCell(raw, column.type);
      if (!cell.ok) {
        ok = false;
        fail({ row: record.row, column: columnHeaders[i], value: shown(raw), code: 'dataset.cell', params: { zh: cell.message['zh-CN'], en: cell.message.en } });
        continue;
      }
      const value = cell.value;
      if (typeof value === 'string' && value.length > MAX_TEXT_LENGTH) {
        ok = false;
        fail({ row: record.row, column: columnHeaders[i], value: shown(raw), code: 'dataset.text_too_long', params: { max: MAX_TEXT_LENGTH, length: value.length } });
        continue;
      }
      if (value === null && (i === dateAt || isKey[i])) {
        ok = false;
        fail({ row: record.row, column: columnHeaders[i], value: shown(raw), code: i === dateAt ? 'dataset.date_missing' : 'dataset.key_missing', params: { column: column.name } });
        continue;
      }
      if (i === dateAt && typeof value === 'string') {
        const day = value.length === 10 ? value : value.slice(0, 10);
        if (firstDate === null || day < firstDate) firstDate = day;
        if (lastDate === null || day > lastDate) lastDate = day;
      }
      fields[i + 2] = copyField(value);
    }
    if (!ok || list.count > 0) return null;
    if (seenKeys) {
      const hash = keyHash(keyAt.length === 1 ? fields[keyAt[0]! + 2]! : keyAt.map((k) => fields[k + 2]!).join('\u001f'));
      if (seenKeys.has(hash)) mayRepeatKeys = true;
      else seenKeys.add(hash);
    }
    fields[1] = String(record.row);
    return fields;
  };
  const take = async (record: StreamedRecord) => {
    const good = readRecord(record);
    if (!good) return;
    rows += 1;
    // the sink takes most rows synchronously: await only when it asks to wait (back-pressure)
    const waiting = write(good);
    if (waiting) await waiting;
    if (onRow && rows % 10_000 === 0) onRow(rows);
  };

  for (const record of head.slice(headerIndex + 1)) await take(record);
  for await (const record of { [Symbol.asyncIterator]: () => iterator }) await take(record);
  if (rows === 0 && list.count === 0) fail({ row: header.row + 1, code: 'dataset.no_rows' });
  return outcome({ rows, headerRow: header.row, ignoredHeaders: mapping.unused, firstDate, lastDate, mayRepeatKeys });
}

/** At most 60 characters of a cell in an answer: a huge cell is named, not echoed. */
function shown(raw: string): string {
  return raw.length > 60 ? `${raw.slice(0, 60)}…` : raw;
}

/** Two 32-bit FNV-1a hashes of a key, as one 52-bit number (exact in a double). */
export function keyHash(key: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0) * 0x100000 + ((b >>> 0) >>> 12);
}
