import { BulbOutlined } from '@ant-design/icons';
import { App, Button, Card, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import FormAlert from '../../components/FormAlert.tsx';
import LoadError from '../../components/LoadError.tsx';
import { useCan } from '../auth/session.ts';
import { useApplySuggestedMetrics, useSuggestedMetrics } from './metrics-queries.ts';
import SuggestedMetricsTable from './SuggestedMetricsTable.tsx';
import { statusOf } from './suggested-status.ts';

/**
 * 推荐度量: for a dataset made from a built-in import template, the metrics the indicator library
 * suggests (with their 口径 and the indicators they feed); admins create the chosen ones, each
 * bound to its term. Nothing is shown for a dataset whose template suggests none.
 */
export default function SuggestedMetricsCard({ ws, datasetId, templateKey }: { ws: string; datasetId: string; templateKey: string | null }) {
  const { t } = useTranslation();
  const canWrite = useCan()('metrics.write');
  const { message } = App.useApp();
  const list = useSuggestedMetrics(ws, datasetId, templateKey !== null);
  const create = useApplySuggestedMetrics(ws, datasetId);
  const [chosen, setChosen] = useState<string[]>([]);

  // every suggestion that can still be created is chosen until the admin says otherwise
  const available = (list.data ?? []).filter((s) => statusOf(s) === 'available').map((s) => s.name);
  const availableKey = available.join('\u001f');
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by the names (availableKey), not by the array, which is new at every render
  useEffect(() => setChosen(available), [availableKey]);

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
  // a refusal is shown by the alert below (create.error)
  const createChosen = () => void create.mutateAsync(chosen).then((created) => void message.success(t('metrics.suggested.created', { count: created.length })), () => undefined);

  return (
    <Card
      title={title}
      data-testid="suggested-metrics"
      data-state={allDone ? 'done' : 'ready'}
      extra={
        canWrite &&
        !allDone && (
          <Button type="primary" disabled={chosen.length === 0} loading={create.isPending} onClick={createChosen} data-testid="suggested-metrics-create">
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
      <SuggestedMetricsTable suggestions={list.data} canWrite={canWrite} chosen={chosen} onToggle={toggle} creating={create.isPending} />
    </Card>
  );
}
