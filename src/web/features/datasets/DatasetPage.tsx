import { ArrowLeftOutlined, CalendarOutlined, DeleteOutlined, KeyOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Empty, Popconfirm, Select, Skeleton, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { type ComponentType, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api.ts';
import { confirmOkProps } from '../../components/confirm-props.ts';
import { errorMessage } from '../../components/form-utils.ts';
import LoadError from '../../components/LoadError.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useCan, useCurrentWorkspace } from '../auth/session.ts';
import { type Batch, type Dataset, type DatasetColumn, type DatasetRows, datasetsApi, formatCell, isNumericType, asColumnType, useBatches, useDataset, useDatasetRows, useRefreshData } from './datasets-api.ts';
import ImportWizard from './ImportWizard.tsx';
import { waitForJob } from '../jobs/jobs-api.ts';
import { dateRange, detailedMessage, shortTime } from './labels.ts';

type TabKey = 'batches' | 'rows' | 'columns';

/** What another feature shows of a dataset on its page (the metrics feature: the metrics the library suggests). */
export type DatasetExtra = ComponentType<{ ws: string; datasetId: string; templateKey: string | null }>;

/**
 * One dataset: its counts, import batches (with rollback), rows and columns — and `extra`, a
 * part of a feature built on datasets, given by the router (datasets import no such feature).
 */
export default function DatasetPage({ extra }: { extra?: DatasetExtra }) {
  const { id = '' } = useParams();
  const { slug: ws } = useCurrentWorkspace();
  const canRead = useCan()('datasets.read');
  const { t } = useTranslation();
  const dataset = useDataset(ws, id);
  if (!canRead) return <LoadError error={new ApiError(403, 'forbidden', t('error.forbidden'))} />;
  if (dataset.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (dataset.isError) return <LoadError error={dataset.error} onRetry={() => dataset.refetch()} />;
  return <DatasetView ws={ws} dataset={dataset.data} extra={extra} />;
}

function DatasetView({ ws, dataset, extra: Extra }: { ws: string; dataset: Dataset; extra?: DatasetExtra }) {
  const { t } = useTranslation();
  const canWrite = useCan()('datasets.write');
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const refresh = useRefreshData(ws);
  const [params, setParams] = useSearchParams();
  const [importing, setImporting] = useState(false);
  const asked = params.get('tab') as TabKey | null;
  const tab: TabKey = asked === 'rows' || asked === 'columns' ? asked : 'batches';
  const lang = currentLanguage();

  const remove = useMutation({
    mutationFn: () => datasetsApi.remove(ws, dataset.id),
    onSuccess: () => {
      message.success(t('datasets.deleted'));
      void navigate(`/w/${ws}/datasets`);
      // once this page has gone: refreshing first would ask for the deleted dataset again
      setTimeout(() => void refresh(), 0);
    },
    onError: (e) => modal.error({ title: t('error.title'), content: detailedMessage(e) }),
  });
  const confirmDelete = () =>
    modal.confirm({
      title: t('datasets.deleteTitle', { name: dataset.name }),
      content: t('datasets.deleteBody'),
      okText: t('common.delete'),
      okButtonProps: { ...confirmOkProps, danger: true },
      onOk: () => remove.mutateAsync().catch(() => undefined),
    });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="dataset-page">
      <Card>
        <Space direction="vertical" size="small" style={{ width: '100%' }}>
          <Link to={`/w/${ws}/datasets`} data-testid="back-to-datasets">
            <ArrowLeftOutlined /> {t('datasets.backToList')}
          </Link>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, justifyContent: 'space-between', alignItems: 'flex-start' }}>
            <Space direction="vertical" size={4}>
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="dataset-title">
                {dataset.name}
              </Typography.Title>
              <Typography.Text type="secondary" data-testid="dataset-counts">
                {t('datasets.counts', { rows: dataset.rowCount.toLocaleString(lang), batches: dataset.batchCount, metrics: dataset.metricCount })}
                {' · '}
                {dateRange(dataset.firstDate, dataset.lastDate)}
              </Typography.Text>
              {dataset.description && <Typography.Paragraph style={{ margin: 0 }}>{dataset.description}</Typography.Paragraph>}
            </Space>
            {canWrite && (
              <Space wrap>
                <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="dataset-import">
                  {t('datasets.importFile')}
                </Button>
                <Button danger icon={<DeleteOutlined />} loading={remove.isPending} onClick={confirmDelete} data-testid="dataset-delete">
                  {t('datasets.delete')}
                </Button>
              </Space>
            )}
          </div>
        </Space>
      </Card>
      {Extra && <Extra ws={ws} datasetId={dataset.id} templateKey={dataset.templateKey} />}
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams(k === 'batches' ? {} : { tab: k }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'batches', label: <span data-testid="dataset-tab-batches">{t('datasets.tabs.batches')}</span>, children: <BatchesTab ws={ws} dataset={dataset} /> },
            { key: 'rows', label: <span data-testid="dataset-tab-rows">{t('datasets.tabs.rows')}</span>, children: <RowsTab ws={ws} dataset={dataset} /> },
            { key: 'columns', label: <span data-testid="dataset-tab-columns">{t('datasets.tabs.columns')}</span>, children: <ColumnsTab dataset={dataset} /> },
          ]}
        />
      </Card>
      {importing && <ImportWizard ws={ws} target={dataset} onClose={() => setImporting(false)} />}
    </Space>
  );
}

function BatchesTab({ ws, dataset }: { ws: string; dataset: Dataset }) {
  const { t } = useTranslation();
  const canWrite = useCan()('datasets.write');
  const { message } = App.useApp();
  const refresh = useRefreshData(ws);
  const batches = useBatches(ws, dataset.id);
  const lang = currentLanguage();
  const rollback = useMutation({
    // the rollback, then the job in which open cycles take their actuals from what is left
    mutationFn: async (batchId: string) => waitForJob<{ refreshedCycles: number }>(ws, (await datasetsApi.rollback(ws, dataset.id, batchId)).actualsJob),
    onSuccess: (r) => {
      message.success(t('datasets.batch.rolledBackDone', { cycles: r.refreshedCycles }));
      void refresh();
    },
    onError: (e) => void message.error(errorMessage(e), 6),
  });
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
                      onConfirm={() => rollback.mutateAsync(b.id).catch(() => undefined)}
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

type RowItem = DatasetRows['rows'][number];

function RowsTab({ ws, dataset }: { ws: string; dataset: Dataset }) {
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
            render: (_: unknown, r: RowItem) => <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{formatCell(r.values[i] ?? null, c.type, lang)}</span>,
          })),
        ]}
      />
    </Space>
  );
}

function ColumnsTab({ dataset }: { dataset: Dataset }) {
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
            <Space size={4} wrap>
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
