import { Table, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/index.ts';
import { feedback, space } from '../../theme.ts';
import { formatCell, isNumericType } from './cells.ts';
import { type ColumnDraft, problemOf } from './column-drafts.ts';
import type { DatasetPreview } from './datasets-api.ts';

type PreviewRow = DatasetPreview['rows'][number];

const PROBLEM_STYLE = { background: feedback.errorBg, boxShadow: `inset 0 0 0 1px ${feedback.errorBorder}`, padding: `0 ${space.xs}px`, borderRadius: 2, display: 'inline-block', minWidth: 24 };

/** The first rows as they will be stored; a cell with a problem is highlighted, the problem in its tooltip. */
export default function PreviewRowsTable({ preview, drafts }: { preview: DatasetPreview; drafts: ColumnDraft[] }) {
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
