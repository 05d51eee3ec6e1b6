import { SyncOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Cycle } from '../../api.ts';
import { errorMessage } from '../../components/form-utils.ts';
import { useCan } from '../auth/session.ts';
import { space } from '../../theme.ts';
import type { DiffRow } from './cycles-api.ts';
import { useMetricDiff, useRefreshFromData } from './cycles-queries.ts';

const fmt = (v: number | null) => (v === null ? '—' : v.toLocaleString(undefined, { maximumFractionDigits: 4 }));

/**
 * The cycle's actuals taken from data: admins take them again in an open cycle; for any cycle,
 * the values the data would now give differently (a closed cycle keeps its own: shown, not applied).
 */
export default function CycleDataPanel({ ws, cycle }: { ws: string; cycle: Cycle }) {
  const { t } = useTranslation();
  const canRefresh = useCan()('cycles.manage');
  const { message } = App.useApp();
  const diff = useMetricDiff(ws, cycle.id, cycle.state !== 'draft');
  const refresh = useRefreshFromData(ws, cycle.id);
  const refreshNow = () =>
    refresh.mutate(undefined, {
      onSuccess: (r) => void message.success(r.refreshed ? t('cycleData.refreshed') : t('cycleData.unchanged')),
      onError: (e) => void message.error(errorMessage(e), 6),
    });
  const rows = diff.data?.rows ?? [];
  const open = cycle.state === 'open';
  if (!(canRefresh && open) && rows.length === 0) return null;

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="cycle-data">
      {canRefresh && open && (
        <Button icon={<SyncOutlined />} loading={refresh.isPending} onClick={refreshNow} data-testid="cycle-metric-refresh">
          {t('cycleData.refresh')}
        </Button>
      )}
      {rows.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="cycle-metric-diff"
          title={open ? t('cycleData.changedOpen', { count: rows.length }) : t('cycleData.changedClosed', { count: rows.length })}
          description={
            <>
              <Typography.Paragraph style={{ marginBottom: space.sm }}>{open ? t('cycleData.changedOpenHint') : canRefresh ? t('cycleData.changedClosedHint') : t('cycleData.changedClosedHintReader')}</Typography.Paragraph>
              <Table<DiffRow>
                size="small"
                rowKey={(r) => `${r.participantId}:${r.term}`}
                dataSource={rows}
                pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false, size: 'small' } : false}
                scroll={{ x: 'max-content' }}
                columns={[
                  { title: t('cycleData.person'), dataIndex: 'personName', render: (name: string, r) => <Link to={`/w/${ws}/cycles/${cycle.id}/people/${r.participantId}`}>{name}</Link> },
                  { title: t('cycleData.term'), dataIndex: 'term' },
                  { title: t('cycleData.stored'), dataIndex: 'stored', align: 'right', render: fmt },
                  { title: t('cycleData.now'), dataIndex: 'current', align: 'right', render: (v: number | null) => <Typography.Text strong>{fmt(v)}</Typography.Text> },
                  { title: t('cycleData.metric'), key: 'metric', render: (_, r) => `${r.metric} · ${r.dataset}` },
                ]}
              />
            </>
          }
        />
      )}
    </Space>
  );
}
