import { normaliseCell, type ColumnType } from '../../../core/datasets/cell-values.ts';
import { guessColumnType } from '../../../core/datasets/column-type.ts';
import type { DatasetColumn } from '../../../core/datasets/dataset-columns.ts';
import { findHeaderRow, type ImportTemplate, mapHeaders, matchTemplate } from '../../../core/datasets/templates.ts';
import { SpreadsheetError } from '../../files/spreadsheet.ts';
import { openTableStream, type StreamedRecord } from '../../files/table-stream.ts';
import type { DatasetPreview } from '../../../contracts/datasets.ts';
import { type Locale, translate } from '../../i18n/messages.ts';
import { spreadsheetProblem } from './spreadsheet-problems.ts';

/** Records read for a preview: enough to find the header and guess each column's type. */
const PREVIEW_RECORDS = 200;
/** Rows shown as they will be stored. */
const SHOWN_ROWS = 10;

/**
 * What importing a file would do, before anything is written: the header row (a banner above
 * it skipped), the template that recognises it — or, for an existing dataset, how its columns
 * map — each column's type (from the template, or guessed from the first rows), and the first
 * rows as they will be stored, with any cell that would be refused marked.
 */
export async function previewFile(file: { path: string; fileName: string; sheet?: string }, templates: readonly ImportTemplate[], locale: Locale, dataset?: { columns: DatasetColumn[]; keyColumns: string[]; dateColumn: string }): Promise<DatasetPreview> {
  let records: StreamedRecord[] = [];
  let meta: { format: 'csv' | 'xlsx'; encoding: string | null; sheets: string[]; sheet: string | null };
  try {
    const stream = await openTableStream(file.path, { sheet: file.sheet, filename: file.fileName });
    meta = { format: stream.format, encoding: stream.encoding, sheets: stream.sheets, sheet: stream.sheet };
    for await (const record of stream.records) {
      records.push(record);
      if (records.length >= PREVIEW_RECORDS) break;
    }
  } catch (err) {
    throw spreadsheetProblem(err, file.fileName);
  }
  if (records.length === 0) throw spreadsheetProblem(new SpreadsheetError('file_empty', 1), file.fileName);
  const asTemplate = dataset ? [datasetTemplate(dataset)] : templates;
  const headerIndex = findHeaderRow(records.map((r) => r.values), asTemplate);
  const headers = records[headerIndex]!.values.map((h) => h.trim());
  const headerRow = records[headerIndex]!.row;
  const data = records.slice(headerIndex + 1);
  records = [];
  const samples = (index: number) => data.map((r) => r.values[index] ?? '');

  let template: ImportTemplate | null = null;
  let columns: DatasetPreview['columns'] = [];
  let ignored: string[] = [];
  if (dataset) {
    const mapping = mapHeaders(headers, datasetTemplate(dataset).columns);
    columns = dataset.columns.flatMap((c, i) => {
      const index = mapping.indexes[i];
      return index === null || index === undefined ? [] : [{ header: headers[index]!, index, name: c.name, nameEn: c.nameEn, type: c.type, snapshot: c.snapshot, aliases: c.aliases, origin: 'template' as const }];
    });
    ignored = mapping.unused;
  } else {
    const match = matchTemplate(headers, templates);
    if (match) {
      template = match.template;
      columns = match.template.columns.flatMap((c, i) => {
        const index = match.indexes[i];
        return index === null || index === undefined ? [] : [{ header: headers[index]!, index, name: c.name, nameEn: c.nameEn, type: c.type, snapshot: c.snapshot ?? false, aliases: [...(c.aliases ?? [])], origin: 'template' as const }];
      });
      ignored = match.unused;
    } else {
      const seen = new Set<string>();
      columns = headers.flatMap((header, index) => {
        if (header === '' || seen.has(header)) return [];
        seen.add(header);
        return [{ header, index, name: header, type: guessColumnType(samples(index)) as ColumnType, snapshot: false, aliases: [], origin: 'guessed' as const }];
      });
    }
  }
  const dateColumn = dataset?.dateColumn ?? (template ? template.dateColumn : (columns.find((c) => c.type === 'datetime')?.name ?? null));
  const keyColumns = dataset?.keyColumns ?? (template ? [...template.keyColumns].filter((k) => columns.some((c) => c.name === k)) : []);
  // the cells an import would refuse: unreadable ones, and empty dates or keys
  const required = new Set([dateColumn, ...keyColumns]);
  const rows = data.slice(0, SHOWN_ROWS).map((r) => ({
    row: r.row,
    cells: columns.map((c) => {
      const cell = normaliseCell(r.values[c.index] ?? '', c.type as ColumnType);
      if (!cell.ok) return { value: r.values[c.index] ?? '', problem: cell.message[locale] };
      if (cell.value === null && required.has(c.name)) return { value: null, problem: translate(locale, c.name === dateColumn ? 'dataset.date_missing' : 'dataset.key_missing', { column: c.name }) };
      return { value: cell.value };
    }),
  }));
  return {
    ...meta,
    headerRow,
    headers,
    template: template ? { key: template.key, name: template.name } : null,
    columns,
    keyColumns,
    dateColumn,
    ignoredHeaders: ignored,
    rows,
    rowsRead: data.length,
  };
}

/** A dataset's columns as a template, so that the same header matching serves both. */
export function datasetTemplate(dataset: { columns: DatasetColumn[]; keyColumns: string[]; dateColumn: string }): ImportTemplate {
  return {
    key: 'dataset',
    name: { 'zh-CN': '', en: '' },
    description: { 'zh-CN': '', en: '' },
    keyColumns: dataset.keyColumns,
    dateColumn: dataset.dateColumn,
    columns: dataset.columns.map((c) => ({ name: c.name, nameEn: c.nameEn ?? c.name, aliases: c.aliases, type: c.type, snapshot: c.snapshot, required: true })),
  };
}
