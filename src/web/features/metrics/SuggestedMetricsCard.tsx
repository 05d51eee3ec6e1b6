import { BulbOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import FormAlert from '../../components/FormAlert.tsx';
import LoadError from '../../components/LoadError.tsx';
import { useCan } from '../auth/session.ts';
import { type Aggregation, metricsApi, type SuggestedMetric, useRefreshMetrics, useSuggestedMetrics } from './metrics-api.ts';

type Status = 'available' | 'exists' | 'unusable';
const statusOf = (s: SuggestedMetric): Status => (s.exists ? 'exists' : !s.usable ? 'unusable' : 'available');

/**
 * 推荐度量: for a dataset made from a built-in import template, the metrics the indicator library
 * suggests (with their 口径 and the indicators they feed); admins create the chosen ones, each
 * bound to its term. Nothing is shown for a dataset whose template suggests none.
 */
export default function SuggestedMetricsCard({ ws, datasetId, templateKey }: { ws: string; datasetId: string; templateKey: string | null }) {
  const { t } = useTranslation();
  const canWrite = useCan()('metrics.write');
  const { message } = App.useApp();
  const refresh = useRefreshMetrics(ws);
  const list = useSuggestedMetrics(ws, datasetId, templateKey !== null);
  const [chosen, setChosen] = useState<string[]>([]);

  // every suggestion that can still be created is chosen until the admin says otherwise
  const available = (list.data ?? []).filter((s) => statusOf(s) === 'available').map((s) => s.name);
  const availableKey = available.join('\u001f');
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by the names (availableKey), not by the array, which is new at every render
  useEffect(() => setChosen(available), [availableKey]);

  const create = useMutation({
    mutationFn: (names: string[]) => metricsApi.applySuggestions(ws, datasetId, names),
    onSuccess: (created) => {
      message.success(t('metrics.suggested.created', { count: created.length }));
      void refresh();
    },
  });

  if (templateKey === null) return null;
  if (list.isSuccess && list.data.length === 0) return null;

  const title = (
    <Space>
      <BulbOutlined />
      {t('metrics.suggested.title')}
    </Space>
  );
  if (list.isPending) {
    return (
      <Card title={title} data-testid="suggested-metrics" data-state="loading">
        <Skeleton active paragraph={{ rows: 3 }} />
      </Card>
    );
  }
  if (list.isError) {
    return (
      <Card title={title} data-testid="suggested-metrics" data-state="error">
        <LoadError error={list.error} onRetry={() => list.refetch()} />
      </Card>
    );
  }

  const allDone = available.length === 0;
  const toggle = (name: string, on: boolean) => setChosen((c) => (on ? [...c, name] : c.filter((x) => x !== name)));
  const statusTag = (s: SuggestedMetric) => {
    const status = statusOf(s);
    if (status === 'exists') return <Tag color="success">{t('metrics.suggested.exists')}</Tag>;
    if (status === 'unusable')
      return (
        <Tooltip title={t('metrics.suggested.unusableHint')}>
          <Tag color="warning">{t('metrics.suggested.unusable')}</Tag>
        </Tooltip>
      );
    if (s.bound)
      return (
        <Tooltip title={t('metrics.suggested.boundHint', { term: s.name })}>
          <Tag>{t('metrics.suggested.bound')}</Tag>
        </Tooltip>
      );
    return null;
  };

  return (
    <Card
      title={title}
      data-testid="suggested-metrics"
      data-state={allDone ? 'done' : 'ready'}
      extra={
        canWrite &&
        !allDone && (
          <Button type="primary" disabled={chosen.length === 0} loading={create.isPending} onClick={() => create.mutate(chosen)} data-testid="suggested-metrics-create">
            {t('metrics.suggested.create', { count: chosen.length })}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" data-testid={allDone ? 'suggested-metrics-done' : undefined}>
        {allDone ? (
          <>
            {t('metrics.suggested.allDone')} <Link to={`/w/${ws}/metrics`}>{t('metrics.suggested.toMetrics')}</Link>
          </>
        ) : (
          t(canWrite ? 'metrics.suggested.intro' : 'metrics.suggested.introReader')
        )}
      </Typography.Paragraph>
      {create.isError && <FormAlert error={create.error} />}
      <Table<SuggestedMetric>
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={list.data}
        scroll={{ x: 'max-content' }}
        onRow={(s) => ({ 'data-testid': 'suggested-metric', 'data-name': s.name, 'data-status': statusOf(s) }) as object}
        columns={[
          ...(canWrite
            ? [
                {
                  key: 'pick',
                  width: 40,
                  render: (_: unknown, s: SuggestedMetric) => (
                    <Checkbox
                      checked={statusOf(s) === 'exists' || chosen.includes(s.name)}
                      disabled={statusOf(s) !== 'available' || create.isPending}
                      onChange={(e) => toggle(s.name, e.target.checked)}
                      aria-label={s.name}
                      data-testid="suggested-metric-check"
                    />
                  ),
                },
              ]
            : []),
          {
            title: t('metrics.name'),
            dataIndex: 'name',
            width: 150,
            render: (name: string, s) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{name}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`metrics.aggregations.${s.spec.aggregation as Aggregation}`)}
                  {s.spec.unit ? ` · ${s.spec.unit}` : ''}
                </Typography.Text>
                {statusTag(s)}
              </Space>
            ),
          },
          {
            title: t('metrics.definition'),
            key: 'definition',
            render: (_, s) => <Typography.Paragraph style={{ margin: 0, minWidth: 240, maxWidth: 560, whiteSpace: 'normal' }}>{s.spec.definition}</Typography.Paragraph>,
          },
          {
            title: t('metrics.suggested.indicators'),
            key: 'indicators',
            width: 180,
            render: (_, s) =>
              s.indicators.length === 0 ? (
                <Typography.Text type="secondary">{t('metrics.bindings.notUsed')}</Typography.Text>
              ) : (
                <Space size={[0, 4]} wrap>
                  {s.indicators.map((i) => (
                    <Tag key={i.id}>{i.name}</Tag>
                  ))}
                </Space>
              ),
          },
        ]}
      />
    </Card>
  );
}
