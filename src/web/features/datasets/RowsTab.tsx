import { Empty, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import LoadError from '../../components/LoadError.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { tabularNums } from '../../theme.ts';
import { formatCell, isNumericType } from './cells.ts';
import type { Dataset, DatasetColumn, DatasetRows } from './datasets-api.ts';
import { useBatches, useDatasetRows } from './datasets-queries.ts';
import { shortTime } from './labels.ts';

type RowItem = DatasetRows['rows'][number];

/** The dataset's rows, a page at a time, of all its active batches or of one. */
export default function RowsTab({ ws, dataset }: { ws: string; dataset: Dataset }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [batch, setBatch] = useState<string | undefined>(undefined);
  const batches = useBatches(ws, dataset.id);
  const rows = useDatasetRows(ws, dataset.id, { page, pageSize, batch });
  const lang = currentLanguage();
  if (rows.isError) return <LoadError error={rows.error} onRetry={() => rows.refetch()} />;
  const columns: DatasetColumn[] = rows.data?.columns ?? dataset.columns;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select
        allowClear
        placeholder={t('datasets.data.allBatches')}
        value={batch}
        onChange={(v: string | undefined) => (setBatch(v), setPage(1))}
        options={(batches.data ?? []).filter((b) => b.status === 'active').map((b) => ({ value: b.id, label: `${b.fileName} · ${shortTime(b.createdAt)}` }))}
        style={{ minWidth: 320 }}
        aria-label={t('datasets.data.batchFilter')}
        data-testid="rows-batch-filter"
      />
      <Table<RowItem>
        size="small"
        rowKey={(r) => `${r.batchId}:${r.row}`}
        loading={rows.isFetching}
        dataSource={rows.data?.rows ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('datasets.data.empty')} /> }}
        pagination={{ current: page, pageSize, total: rows.data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200], showTotal: (total) => t('common.total', { total }), onChange: (p, s) => (setPage(s === pageSize ? p : 1), setPageSize(s)) }}
        data-testid="rows-table"
        columns={[
          { title: t('datasets.data.row'), dataIndex: 'row', width: 64, fixed: 'left' },
          ...columns.map((c, i) => ({
            title: c.name,
            key: c.field,
            align: isNumericType(c.type) ? ('right' as const) : undefined,
            render: (_: unknown, r: RowItem) => <span style={{ whiteSpace: 'nowrap', ...tabularNums }}>{formatCell(r.values[i] ?? null, c.type, lang)}</span>,
          })),
        ]}
      />
    </Space>
  );
}
