import { App, Button, Empty, Popconfirm, Skeleton, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { confirmOkProps } from '../../components/confirm-props.ts';
import { errorMessage } from '../../components/form-utils.ts';
import LoadError from '../../components/LoadError.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useCan } from '../auth/session.ts';
import type { Batch, Dataset } from './datasets-api.ts';
import { useBatches, useRollbackBatch } from './datasets-queries.ts';
import { dateRange, shortTime } from './labels.ts';

/** The dataset's import batches; admins roll an active one back (its rows leave the dataset). */
export default function BatchesTab({ ws, dataset }: { ws: string; dataset: Dataset }) {
  const { t } = useTranslation();
  const canWrite = useCan()('datasets.write');
  const { message } = App.useApp();
  const batches = useBatches(ws, dataset.id);
  const lang = currentLanguage();
  const rollback = useRollbackBatch(ws, dataset.id);
  // on the promise, not mutate's callbacks: the job can take a while, and its outcome is told even after a switch to another tab
  const rollBack = (batchId: string) =>
    rollback.mutateAsync(batchId).then(
      (r) => void message.success(t('datasets.batch.rolledBackDone', { cycles: r.refreshedCycles })),
      (e: unknown) => void message.error(errorMessage(e), 6),
    );
  if (batches.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (batches.isError) return <LoadError error={batches.error} onRetry={() => batches.refetch()} />;
  return (
    <Table<Batch>
      rowKey="id"
      size="middle"
      dataSource={batches.data}
      pagination={batches.data.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('datasets.batch.empty')} /> }}
      data-testid="batches-table"
      onRow={(b) => ({ 'data-testid': 'batch-row', 'data-status': b.status, style: b.status === 'rolled_back' ? { opacity: 0.5 } : undefined }) as object}
      columns={[
        { title: t('datasets.batch.file'), dataIndex: 'fileName', render: (f: string, b) => (b.status === 'rolled_back' ? <Typography.Text delete>{f}</Typography.Text> : f) },
        { title: t('datasets.batch.rows'), dataIndex: 'rowCount', align: 'right', render: (n: number) => n.toLocaleString(lang) },
        { title: t('datasets.batch.replaced'), dataIndex: 'replacedCount', align: 'right' },
        { title: t('datasets.batch.dates'), key: 'dates', render: (_, b) => dateRange(b.firstDate, b.lastDate) },
        { title: t('datasets.batch.by'), dataIndex: 'createdBy' },
        { title: t('datasets.batch.at'), dataIndex: 'createdAt', render: (at: string) => shortTime(at) },
        {
          title: t('datasets.batch.status'),
          dataIndex: 'status',
          render: (s: Batch['status'], b) =>
            s === 'active' ? (
              <Tag color="success">{t('datasets.batch.active')}</Tag>
            ) : (
              <Tooltip title={b.rolledBackAt ? t('datasets.batch.rolledBackAt', { at: shortTime(b.rolledBackAt) }) : undefined}>
                <Tag>{t('datasets.batch.rolledBack')}</Tag>
              </Tooltip>
            ),
        },
        ...(canWrite
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, b: Batch) =>
                  b.status === 'active' && (
                    <Popconfirm
                      title={t('datasets.batch.rollbackTitle')}
                      description={<div style={{ maxWidth: 320 }}>{t('datasets.batch.rollbackBody', { rows: b.rowCount })}</div>}
                      okText={t('datasets.batch.rollback')}
                      okButtonProps={{ danger: true, ...confirmOkProps }}
                      onConfirm={() => rollBack(b.id)}
                    >
                      <Button size="small" danger loading={rollback.isPending && rollback.variables === b.id} data-testid="batch-rollback">
                        {t('datasets.batch.rollback')}
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}
