import { DatabaseOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api.ts';
import LoadError from '../../components/LoadError.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useCan, useCurrentWorkspace } from '../auth/session.ts';
import type { Dataset } from './datasets-api.ts';
import { useDatasets, useImportTemplates } from './datasets-queries.ts';
import ImportWizard from './ImportWizard.tsx';
import { dateRange, shortTime } from './labels.ts';
import { fontSize, space, text } from '../../theme.ts';

/** 数据集: the workspace's imported data (admins and managers); admins import files. */
export default function DatasetsPage() {
  const { t } = useTranslation();
  const { slug: ws } = useCurrentWorkspace();
  const can = useCan();
  const canRead = can('datasets.read');
  const canImport = can('datasets.write');
  const navigate = useNavigate();
  const list = useDatasets(ws, canRead);
  const [importing, setImporting] = useState(false);
  const lang = currentLanguage();
  const templates = useImportTemplates(ws, canRead);
  const templateName = (key: string) => templates.data?.find((x) => x.key === key)?.name[lang] || key;

  const importButton = (testId: string) =>
    canImport && (
      <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid={testId}>
        {t('datasets.importFile')}
      </Button>
    );

  const body = () => {
    if (!canRead) return <LoadError error={new ApiError(403, 'forbidden', t('error.forbidden'))} />;
    if (list.isPending) return <Skeleton active paragraph={{ rows: 5 }} />;
    if (list.isError) return <LoadError error={list.error} onRetry={() => list.refetch()} />;
    if (list.data.length === 0) {
      return (
        <Empty image={<DatabaseOutlined style={{ fontSize: fontSize.icon, color: text.icon }} />} description={t('datasets.emptyTitle')} data-testid="datasets-empty">
          <Typography.Paragraph type="secondary" style={{ maxWidth: 560, margin: `0 auto ${space.lg}px` }}>
            {canImport ? t('datasets.emptyHint') : t('datasets.emptyHintReader')}
          </Typography.Paragraph>
          {importButton('datasets-empty-import')}
        </Empty>
      );
    }
    return (
      <Table<Dataset>
        rowKey="id"
        dataSource={list.data}
        pagination={list.data.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        data-testid="datasets-table"
        onRow={(d) =>
          ({
            'data-testid': 'dataset-row',
            style: { cursor: 'pointer' },
            onClick: (e: React.MouseEvent) => {
              if ((e.target as HTMLElement).closest('a,button')) return;
              void navigate(`/w/${ws}/datasets/${d.id}`);
            },
          }) as object
        }
        columns={[
          {
            title: t('datasets.name'),
            dataIndex: 'name',
            render: (name: string, d) => (
              <div>
                <Link to={`/w/${ws}/datasets/${d.id}`} data-testid="dataset-link">
                  {name}
                </Link>
                {d.description && (
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 1 }} style={{ margin: 0, fontSize: fontSize.caption, maxWidth: 320 }}>
                    {d.description}
                  </Typography.Paragraph>
                )}
              </div>
            ),
          },
          { title: t('datasets.template'), dataIndex: 'templateKey', render: (k: string | null) => (k ? templateName(k) : <Typography.Text type="secondary">{t('datasets.noTemplate')}</Typography.Text>) },
          { title: t('datasets.rows'), dataIndex: 'rowCount', align: 'right', render: (n: number) => n.toLocaleString(lang) },
          { title: t('datasets.batches'), dataIndex: 'batchCount', align: 'right' },
          { title: t('datasets.dateRange'), key: 'dates', render: (_, d) => dateRange(d.firstDate, d.lastDate) },
          {
            title: t('datasets.lastImport'),
            dataIndex: 'lastImportAt',
            render: (at: string | null) => (at ? shortTime(at) : <Typography.Text type="secondary">{t('datasets.never')}</Typography.Text>),
          },
          { title: t('datasets.metrics'), dataIndex: 'metricCount', align: 'right' },
        ]}
      />
    );
  };

  return (
    <Card title={t('datasets.title')} data-testid="datasets-card" extra={list.data?.length ? importButton('datasets-import') : null}>
      <Typography.Paragraph type="secondary">{t('datasets.intro')}</Typography.Paragraph>
      {body()}
      {importing && (
        <ImportWizard
          ws={ws}
          target={null}
          onClose={(datasetId) => {
            setImporting(false);
            if (datasetId) void navigate(`/w/${ws}/datasets/${datasetId}`);
          }}
        />
      )}
    </Card>
  );
}
