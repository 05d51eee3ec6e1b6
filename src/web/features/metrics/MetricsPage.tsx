import { DeleteOutlined, EditOutlined, LinkOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Empty, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { confirmOkProps } from '../../components/confirm-props.ts';
import LoadError from '../../components/LoadError.tsx';
import { useCan, useCurrentWorkspace } from '../auth/session.ts';
import { detailedMessage } from '../datasets/labels.ts';
import BindingsModal from './BindingsModal.tsx';
import MetricBuilder from './MetricBuilder.tsx';
import { type Aggregation, type FilterOp, type Metric, metricsApi, useMetrics, useRefreshMetrics } from './metrics-api.ts';

/** 度量: the data dictionary (everyone reads it); admins define, edit, bind and delete metrics. */
export default function MetricsPage() {
  const { t } = useTranslation();
  const { slug: ws } = useCurrentWorkspace();
  const can = useCan();
  const canWrite = can('metrics.write');
  const { message, modal } = App.useApp();
  const list = useMetrics(ws);
  const refresh = useRefreshMetrics(ws);
  const [editing, setEditing] = useState<Metric | null | 'new'>(null);
  const [binding, setBinding] = useState<Metric | null>(null);
  const seesDatasets = can('datasets.read');

  const remove = useMutation({
    mutationFn: (m: Metric) => metricsApi.remove(ws, m.id),
    onSuccess: () => {
      message.success(t('metrics.deleted'));
      void refresh();
    },
    onError: (e) => modal.error({ title: t('error.title'), content: detailedMessage(e) }),
  });
  const confirmDelete = (m: Metric) =>
    modal.confirm({
      title: t('metrics.deleteTitle', { name: m.name }),
      content: t('metrics.deleteBody'),
      okText: t('common.delete'),
      okButtonProps: { ...confirmOkProps, danger: true },
      onOk: () => remove.mutateAsync(m).catch(() => undefined),
    });

  const calculation = (m: Metric) => {
    const agg = t(`metrics.aggregations.${m.spec.aggregation as Aggregation}`);
    const filters = m.spec.filters.map((f) => `${f.column} ${t(`metrics.ops.${f.op as FilterOp}`)} ${f.values.join(t('common.enumSeparator'))}`.trim());
    return (
      <Space direction="vertical" size={0}>
        <span>
          <Tag color="blue" bordered={false}>
            {agg}
          </Tag>
          <Typography.Text code style={{ whiteSpace: 'normal' }}>{m.spec.expression ?? t('metrics.countRows')}</Typography.Text>
        </span>
        {filters.length > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {filters.join(t('common.clauseSeparator'))}
          </Typography.Text>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('metrics.builder.dateColumn')}
          {t('common.colon')}
          {m.spec.dateColumn}
        </Typography.Text>
      </Space>
    );
  };
  const owner = (m: Metric) => {
    const o = m.spec.owner;
    const kind = t(`metrics.ownerKinds.${o.kind}`);
    if (o.kind === 'workspace') return kind;
    return (
      <span>
        {kind}
        {t('common.colon')}
        {o.column}
        {o.kind === 'person' && <Typography.Text type="secondary"> ({t(`metrics.match.${o.match}`)})</Typography.Text>}
      </span>
    );
  };

  const body = () => {
    if (list.isPending) return <Skeleton active paragraph={{ rows: 5 }} />;
    if (list.isError) return <LoadError error={list.error} onRetry={() => list.refetch()} />;
    if (list.data.length === 0) {
      return (
        <Empty description={t('metrics.emptyTitle')} data-testid="metrics-empty">
          <Typography.Paragraph type="secondary" style={{ maxWidth: 560, margin: '0 auto 16px' }}>
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
    return (
      <Table<Metric>
        rowKey="id"
        dataSource={list.data}
        pagination={list.data.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 1000 }}
        data-testid="metrics-table"
        onRow={(m) => ({ 'data-testid': 'metric-row', 'data-metric-name': m.name }) as object}
        columns={[
          {
            title: t('metrics.name'),
            dataIndex: 'name',
            width: 130,
            render: (name: string, m) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{name}</Typography.Text>
                {m.spec.unit && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('metrics.unit')}
                    {t('common.colon')}
                    {m.spec.unit}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('metrics.definition'),
            key: 'definition',
            render: (_, m) => (
              <Typography.Paragraph style={{ margin: 0, minWidth: 160 }} ellipsis={{ rows: 4, expandable: 'collapsible' }}>
                {m.spec.definition}
              </Typography.Paragraph>
            ),
          },
          {
            title: t('metrics.dataset'),
            dataIndex: 'datasetName',
            width: 110,
            render: (name: string, m) => (seesDatasets ? <Link to={`/w/${ws}/datasets/${m.datasetId}`}>{name}</Link> : name),
          },
          { title: t('metrics.calculation'), key: 'calc', width: 220, render: (_, m) => calculation(m) },
          { title: t('metrics.owner'), key: 'owner', width: 140, render: (_, m) => owner(m) },
          {
            title: t('metrics.feeds'),
            key: 'feeds',
            width: 130,
            render: (_, m) =>
              m.bindings.length === 0 ? (
                <Typography.Text type="secondary">{t('metrics.noBindings')}</Typography.Text>
              ) : (
                <Space size={[0, 4]} wrap style={{ maxWidth: 240 }}>
                  {m.bindings.map((b) => (
                    <Tooltip key={b.term} title={b.indicators.length ? b.indicators.map((i) => i.name).join(t('common.enumSeparator')) : t('metrics.bindings.notUsed')}>
                      <Tag color="green">{b.term}</Tag>
                    </Tooltip>
                  ))}
                </Space>
              ),
          },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 120,
                  render: (_: unknown, m: Metric) => (
                    <Space size={0}>
                      <Tooltip title={t('metrics.edit')}>
                        <Button type="text" icon={<EditOutlined />} onClick={() => setEditing(m)} aria-label={t('metrics.edit')} data-testid="metric-edit" />
                      </Tooltip>
                      <Tooltip title={t('metrics.bind')}>
                        <Button type="text" icon={<LinkOutlined />} onClick={() => setBinding(m)} aria-label={t('metrics.bind')} data-testid="metric-bind" />
                      </Tooltip>
                      <Tooltip title={t('common.delete')}>
                        <Button type="text" danger icon={<DeleteOutlined />} onClick={() => confirmDelete(m)} aria-label={t('common.delete')} data-testid="metric-delete" />
                      </Tooltip>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    );
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
