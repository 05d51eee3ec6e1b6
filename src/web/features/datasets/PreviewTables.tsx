import { Checkbox, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/index.ts';
import { asColumnType, COLUMN_TYPE_LIST, type ColumnType, type DatasetPreview, formatCell, isNumericType, type PreviewColumn } from './datasets-api.ts';
import { feedback } from '../../theme.ts';

/** A column of the previewed file as the admin maps it: kept or ignored, renamed, retyped. */
export type ColumnDraft = { index: number; header: string; name: string; type: ColumnType; snapshot: boolean; ignored: boolean; original: PreviewColumn };

export const draftsOf = (p: DatasetPreview): ColumnDraft[] =>
  p.columns.map((c) => ({ index: c.index, header: c.header, name: c.name, type: asColumnType(c.type), snapshot: c.snapshot, ignored: false, original: c }));

const PROBLEM_STYLE = { background: feedback.errorBg, boxShadow: `inset 0 0 0 1px ${feedback.errorBorder}`, padding: '0 4px', borderRadius: 2, display: 'inline-block', minWidth: 24 };

/** The columns of the file: header → name, type, snapshot, ignore. Read-only when importing into an existing dataset. */
export function PreviewColumnsTable({ drafts, onChange, editable }: { drafts: ColumnDraft[]; onChange: (d: ColumnDraft[]) => void; editable: boolean }) {
  const { t } = useTranslation();
  const set = (index: number, change: Partial<ColumnDraft>) => onChange(drafts.map((d) => (d.index === index ? { ...d, ...change } : d)));
  return (
    <Table<ColumnDraft>
      size="small"
      rowKey="index"
      dataSource={drafts}
      pagination={false}
      scroll={{ y: 280 }}
      data-testid="preview-columns"
      onRow={(d) => ({ 'data-testid': 'preview-column', style: d.ignored ? { opacity: 0.45 } : undefined }) as object}
      columns={[
        {
          title: t('importWizard.header'),
          dataIndex: 'header',
          width: 200,
          render: (h: string, d) => (
            <span>
              <Typography.Text code>{h}</Typography.Text> <Tag bordered={false}>{t(`importWizard.origin_${d.original.origin}`)}</Tag>
            </span>
          ),
        },
        {
          title: t('importWizard.columnName'),
          dataIndex: 'name',
          render: (name: string, d) =>
            editable ? (
              <Input
                size="small"
                value={name}
                maxLength={100}
                disabled={d.ignored}
                status={!d.ignored && name.trim() === '' ? 'error' : undefined}
                onChange={(e) => set(d.index, { name: e.target.value })}
                aria-label={t('importWizard.columnName')}
                data-testid="column-name"
              />
            ) : (
              name
            ),
        },
        {
          title: t('importWizard.type'),
          dataIndex: 'type',
          width: 150,
          render: (type: ColumnType, d) =>
            editable ? (
              <Select<ColumnType>
                size="small"
                value={type}
                disabled={d.ignored}
                onChange={(v) => set(d.index, { type: v })}
                options={COLUMN_TYPE_LIST.map((x) => ({ value: x, label: t(`datasets.types.${x}`) }))}
                style={{ width: '100%' }}
                aria-label={t('importWizard.type')}
                data-testid="column-type"
              />
            ) : (
              t(`datasets.types.${type}`)
            ),
        },
        {
          title: (
            <Tooltip title={t('datasets.column.snapshotHint')}>
              <span>{t('importWizard.snapshot')}</span>
            </Tooltip>
          ),
          dataIndex: 'snapshot',
          width: 96,
          align: 'center',
          render: (on: boolean, d) => (
            <Checkbox checked={on} disabled={!editable || d.ignored} onChange={(e) => set(d.index, { snapshot: e.target.checked })} aria-label={`${d.header} ${t('importWizard.snapshot')}`} />
          ),
        },
        ...(editable
          ? [
              {
                title: t('importWizard.ignore'),
                dataIndex: 'ignored',
                width: 70,
                align: 'center' as const,
                render: (on: boolean, d: ColumnDraft) => (
                  <Checkbox checked={on} onChange={(e) => set(d.index, { ignored: e.target.checked })} aria-label={`${d.header} ${t('importWizard.ignore')}`} data-testid="column-ignore" />
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

type PreviewRow = DatasetPreview['rows'][number];

/** The first rows as they will be stored; a cell with a problem is highlighted, the problem in its tooltip. */
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

export function PreviewRowsTable({ preview, drafts }: { preview: DatasetPreview; drafts: ColumnDraft[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const shown = preview.columns.map((c, i) => ({ c, i, draft: drafts[i] })).filter((x) => !x.draft?.ignored);
  return (
    <Table<PreviewRow>
      size="small"
      rowKey="row"
      dataSource={preview.rows}
      pagination={false}
      scroll={{ x: 'max-content', y: 300 }}
      data-testid="preview-rows"
      columns={[
        { title: t('datasets.data.row'), dataIndex: 'row', width: 64, fixed: 'left' },
        ...shown.map(({ c, i, draft }) => ({
          title: draft?.name || c.name,
          key: String(c.index),
          align: isNumericType(c.type) ? ('right' as const) : undefined,
          render: (_: unknown, r: PreviewRow) => {
            const cell = r.cells[i];
            if (!cell) return null;
            const text = formatCell(cell.value, c.type, lang);
            const problem = problemOf(cell, c.type, draft, t);
            return problem ? (
              <Tooltip title={problem}>
                {/* biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so that the problem's tooltip opens from the keyboard */}
                <span style={PROBLEM_STYLE} tabIndex={0} data-testid="preview-problem-cell">
                  {text || '∅'}
                </span>
              </Tooltip>
            ) : (
              <span style={{ whiteSpace: 'nowrap' }}>{text}</span>
            );
          },
        })),
      ]}
    />
  );
}
