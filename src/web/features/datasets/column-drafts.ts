/** The columns of a previewed file as the admin maps them in the import wizard, and the problems of their cells. */
import type { TFunction } from 'i18next';
import { asColumnType, isNumericType } from './cells.ts';
import type { ColumnType, DatasetPreview, PreviewColumn } from './datasets-api.ts';

/** A column of the previewed file as the admin maps it: kept or ignored, renamed, retyped. */
export type ColumnDraft = { index: number; header: string; name: string; type: ColumnType; snapshot: boolean; ignored: boolean; original: PreviewColumn };

export const draftsOf = (p: DatasetPreview): ColumnDraft[] =>
  p.columns.map((c) => ({ index: c.index, header: c.header, name: c.name, type: asColumnType(c.type), snapshot: c.snapshot, ignored: false, original: c }));

/** A rough check of a cell against a type chosen in the wizard (the import checks it exactly). */
function retypedProblem(value: string | number | null, type: ColumnType, t: TFunction): string | undefined {
  if (value === null || value === '' || typeof value === 'number') return undefined;
  if (isNumericType(type) && type !== 'duration' && !Number.isFinite(Number(value.replace(/[,，¥￥%\s]/g, '')))) return t('importWizard.notNumber', { type: t(`datasets.types.${type}`) });
  if (type === 'datetime' && Number.isNaN(Date.parse(value.replace(/\//g, '-').replace(' ', 'T')))) return t('importWizard.notDate');
  return undefined;
}

type PreviewCell = DatasetPreview['rows'][number]['cells'][number];

/** A cell's problem: the server's, or — when the column's type was changed here — the rough check's; none for an ignored column. */
export function problemOf(cell: PreviewCell, serverType: string, draft: ColumnDraft | undefined, t: TFunction): string | undefined {
  if (draft?.ignored) return undefined;
  return draft && draft.type !== serverType ? retypedProblem(cell.value, draft.type, t) : cell.problem;
}

/** How many cells of the previewed rows have a problem, as the columns are mapped now. */
export const problemCount = (p: DatasetPreview, drafts: ColumnDraft[], t: TFunction): number =>
  p.rows.reduce((n, r) => n + r.cells.filter((c, i) => problemOf(c, p.columns[i]?.type ?? 'text', drafts[i], t)).length, 0);
