import { ArrowLeftOutlined, DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Skeleton, Space, Tabs, Typography } from 'antd';
import { type ComponentType, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api.ts';
import { confirmOkProps } from '../../components/confirm-props.ts';
import LoadError from '../../components/LoadError.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { space } from '../../theme.ts';
import { useCan, useCurrentWorkspace } from '../auth/session.ts';
import BatchesTab from './BatchesTab.tsx';
import ColumnsTab from './ColumnsTab.tsx';
import type { Dataset } from './datasets-api.ts';
import { useDataset, useDeleteDataset } from './datasets-queries.ts';
import ImportWizard from './ImportWizard.tsx';
import { dateRange, detailedMessage } from './labels.ts';
import RowsTab from './RowsTab.tsx';

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
  const [params, setParams] = useSearchParams();
  const [importing, setImporting] = useState(false);
  const asked = params.get('tab') as TabKey | null;
  const tab: TabKey = asked === 'rows' || asked === 'columns' ? asked : 'batches';
  const lang = currentLanguage();
  const remove = useDeleteDataset(ws, dataset.id, () => {
    message.success(t('datasets.deleted'));
    void navigate(`/w/${ws}/datasets`);
  });
  const confirmDelete = () =>
    modal.confirm({
      title: t('datasets.deleteTitle', { name: dataset.name }),
      content: t('datasets.deleteBody'),
      okText: t('common.delete'),
      okButtonProps: { ...confirmOkProps, danger: true },
      onOk: () => remove.mutateAsync().catch((e: unknown) => void modal.error({ title: t('error.title'), content: detailedMessage(e) })),
    });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="dataset-page">
      <Card>
        <Space direction="vertical" size="small" style={{ width: '100%' }}>
          <Link to={`/w/${ws}/datasets`} data-testid="back-to-datasets">
            <ArrowLeftOutlined /> {t('datasets.backToList')}
          </Link>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: space.lg, justifyContent: 'space-between', alignItems: 'flex-start' }}>
            <Space direction="vertical" size={space.xs}>
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
      <Card styles={{ body: { paddingTop: space.sm } }}>
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
