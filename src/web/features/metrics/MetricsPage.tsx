import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmOkProps } from '../../components/confirm-props.ts';
import LoadError from '../../components/LoadError.tsx';
import { space } from '../../theme.ts';
import { useCan, useCurrentWorkspace } from '../auth/session.ts';
import { detailedMessage } from '../datasets/labels.ts';
import BindingsModal from './BindingsModal.tsx';
import MetricBuilder from './MetricBuilder.tsx';
import MetricsTable from './MetricsTable.tsx';
import type { Metric } from './metrics-api.ts';
import { useDeleteMetric, useMetrics } from './metrics-queries.ts';

/** 度量: the data dictionary (everyone reads it); admins define, edit, bind and delete metrics. */
export default function MetricsPage() {
  const { t } = useTranslation();
  const { slug: ws } = useCurrentWorkspace();
  const can = useCan();
  const canWrite = can('metrics.write');
  const { message, modal } = App.useApp();
  const list = useMetrics(ws);
  const remove = useDeleteMetric(ws);
  const [editing, setEditing] = useState<Metric | null | 'new'>(null);
  const [binding, setBinding] = useState<Metric | null>(null);

  const confirmDelete = (m: Metric) =>
    modal.confirm({
      title: t('metrics.deleteTitle', { name: m.name }),
      content: t('metrics.deleteBody'),
      okText: t('common.delete'),
      okButtonProps: { ...confirmOkProps, danger: true },
      onOk: () =>
        remove.mutateAsync(m).then(
          () => void message.success(t('metrics.deleted')),
          (e: unknown) => void modal.error({ title: t('error.title'), content: detailedMessage(e) }),
        ),
    });

  const body = () => {
    if (list.isPending) return <Skeleton active paragraph={{ rows: 5 }} />;
    if (list.isError) return <LoadError error={list.error} onRetry={() => list.refetch()} />;
    if (list.data.length === 0) {
      return (
        <Empty description={t('metrics.emptyTitle')} data-testid="metrics-empty">
          <Typography.Paragraph type="secondary" style={{ maxWidth: 560, margin: `0 auto ${space.lg}px` }}>
            {canWrite ? t('metrics.emptyHintAdmin') : t('metrics.emptyHint')}
          </Typography.Paragraph>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="metrics-empty-create">
              {t('metrics.create')}
            </Button>
          )}
        </Empty>
      );
    }
    return <MetricsTable ws={ws} metrics={list.data} seesDatasets={can('datasets.read')} canWrite={canWrite} onEdit={setEditing} onBind={setBinding} onDelete={confirmDelete} />;
  };

  return (
    <Card
      title={t('metrics.title')}
      data-testid="metrics-card"
      extra={
        canWrite &&
        !!list.data?.length && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="metric-create">
            {t('metrics.create')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('metrics.intro')}</Typography.Paragraph>
      {body()}
      {editing !== null && <MetricBuilder ws={ws} metric={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {binding && <BindingsModal ws={ws} metric={binding} onClose={() => setBinding(null)} />}
    </Card>
  );
}
