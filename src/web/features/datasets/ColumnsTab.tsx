import { CalendarOutlined, KeyOutlined } from '@ant-design/icons';
import { Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { space } from '../../theme.ts';
import { asColumnType } from './cells.ts';
import type { Dataset, DatasetColumn } from './datasets-api.ts';

/** The dataset's columns: name (with the key and date columns marked), type, snapshot and the aliases that find them in a file. */
export default function ColumnsTab({ dataset }: { dataset: Dataset }) {
  const { t } = useTranslation();
  return (
    <Table<DatasetColumn>
      size="small"
      rowKey="field"
      dataSource={dataset.columns}
      pagination={false}
      data-testid="columns-table"
      columns={[
        {
          title: t('datasets.column.name'),
          dataIndex: 'name',
          render: (name: string, c) => (
            <Space size={space.xs} wrap>
              <Typography.Text strong>{name}</Typography.Text>
              {c.nameEn && <Typography.Text type="secondary">{c.nameEn}</Typography.Text>}
              {dataset.keyColumns.includes(name) && (
                <Tooltip title={t('datasets.column.keyHint')}>
                  <Tag icon={<KeyOutlined />} color="gold">
                    {t('datasets.column.key')}
                  </Tag>
                </Tooltip>
              )}
              {dataset.dateColumn === name && (
                <Tooltip title={t('datasets.column.dateHint')}>
                  <Tag icon={<CalendarOutlined />} color="blue">
                    {t('datasets.column.date')}
                  </Tag>
                </Tooltip>
              )}
            </Space>
          ),
        },
        { title: t('datasets.column.type'), dataIndex: 'type', render: (type: string) => t(`datasets.types.${asColumnType(type)}`) },
        {
          title: (
            <Tooltip title={t('datasets.column.snapshotHint')}>
              <span>{t('datasets.column.snapshot')}</span>
            </Tooltip>
          ),
          dataIndex: 'snapshot',
          render: (on: boolean) => (on ? '✓' : ''),
        },
        { title: t('datasets.column.aliases'), dataIndex: 'aliases', render: (a: string[]) => a.map((x) => <Tag key={x}>{x}</Tag>) },
      ]}
    />
  );
}
