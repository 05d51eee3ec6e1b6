import { Checkbox, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { COLUMN_TYPE_LIST } from './cells.ts';
import type { ColumnDraft } from './column-drafts.ts';
import type { ColumnType } from './datasets-api.ts';

type Props = { drafts: ColumnDraft[]; onChange: (d: ColumnDraft[]) => void; editable: boolean };

/** The columns of the file: header → name, type, snapshot, ignore. Read-only when importing into an existing dataset. */
export default function PreviewColumnsTable({ drafts, onChange, editable }: Props) {
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
