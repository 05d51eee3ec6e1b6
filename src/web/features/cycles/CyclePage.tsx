import { ArrowLeftOutlined, LockOutlined, SyncOutlined } from '@ant-design/icons';
import { Alert, Card, Empty, Progress, Skeleton, Space, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import type { Cycle } from '../../api.ts';
import LoadError from '../../components/LoadError.tsx';
import { useCan, useCurrentWorkspace } from '../auth/session.ts';
import { space } from '../../theme.ts';
import CycleActions from './CycleActions.tsx';
import CycleDataPanel from './CycleDataPanel.tsx';
import CycleTabs from './CycleTabs.tsx';
import { useCycle, useParticipants, useRefreshAfterDataChange } from './cycles-queries.ts';
import { CYCLE_STATES, CycleStateTag, TrialTag } from './labels.tsx';

/** One appraisal cycle: its state and next step, and the participants, actuals, ranking and appeals tabs. */
export default function CyclePage() {
  const { id = '' } = useParams();
  const { slug: ws } = useCurrentWorkspace();
  // who does not see the participants (`metrics.diff`: admins and managers) sees only their own result
  const seesParticipants = useCan()('metrics.diff');
  const cycle = useCycle(ws, id);
  if (!seesParticipants) return <MemberRedirect ws={ws} id={id} />;
  if (cycle.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (cycle.isError) return <LoadError error={cycle.error} onRetry={() => cycle.refetch()} />;
  return <CycleView ws={ws} cycle={cycle.data} />;
}

/** Members see only their own result: straight to it. */
function MemberRedirect({ ws, id }: { ws: string; id: string }) {
  const { t } = useTranslation();
  const mine = useParticipants(ws, id, { pageSize: 1 });
  if (mine.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (mine.isError) return <LoadError error={mine.error} onRetry={() => mine.refetch()} />;
  const own = mine.data.items[0];
  if (own) return <Navigate to={`/w/${ws}/cycles/${id}/people/${own.id}`} replace />;
  return (
    <Card>
      <Empty description={t('cycles.notParticipating')} data-testid="not-participating">
        <Link to={`/w/${ws}/cycles`}>{t('cycles.backToList')}</Link>
      </Empty>
    </Card>
  );
}

function CycleView({ ws, cycle }: { ws: string; cycle: Cycle }) {
  const { t } = useTranslation();
  const can = useCan();
  // what new data would change: `metrics.diff`, for those who see the participants
  const manages = can('metrics.diff');
  const managesCycle = can('cycles.manage');
  useRefreshAfterDataChange(ws, cycle);
  const current = CYCLE_STATES.indexOf(cycle.state);
  const unfinished = cycle.counts.incomplete + cycle.counts.invalid;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="cycle-page" data-cycle-state={cycle.state}>
      <Card>
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Link to={`/w/${ws}/cycles`} data-testid="back-to-cycles">
            <ArrowLeftOutlined /> {t('cycles.backToList')}
          </Link>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: space.lg, justifyContent: 'space-between', alignItems: 'flex-start' }}>
            <Space direction="vertical" size={space.xs}>
              <Space size={space.sm} wrap align="center">
                <Typography.Title level={3} style={{ margin: 0 }} data-testid="cycle-title">
                  {cycle.name}
                </Typography.Title>
                <CycleStateTag state={cycle.state} />
                {cycle.trial && <TrialTag />}
              </Space>
              <Typography.Text type="secondary">
                {cycle.periodLabel} · {t(`cycles.periodKinds.${cycle.periodKind}`)} · {cycle.startsOn} ~ {cycle.endsOn}
                {cycle.forcedDistribution.length > 0 &&
                  ` · ${t('cycles.forcedDistribution')} ${cycle.forcedDistribution
                    .map((l) => `${l.grade}${l.maxShare !== undefined ? ` ≤ ${Math.round(l.maxShare * 100)}%` : ''}${l.minShare !== undefined ? ` ≥ ${Math.round(l.minShare * 100)}%` : ''}`)
                    .join(t('common.listSeparator'))}`}
              </Typography.Text>
            </Space>
            {managesCycle && <CycleActions ws={ws} cycle={cycle} />}
          </div>
          <Steps
            size="small"
            current={current}
            status={cycle.state === 'closed' ? 'finish' : 'process'}
            items={CYCLE_STATES.map((s) => ({ title: t(`cycles.states.${s}`), description: t(`cycles.stateHints.${s}`) }))}
            data-testid="cycle-steps"
          />
          {cycle.state !== 'draft' && (
            <div style={{ maxWidth: 520 }} data-testid="cycle-counts">
              <Typography.Text type="secondary">
                {t('cycles.countsLine', { complete: cycle.counts.complete, total: cycle.counts.participants, unfinished })}
              </Typography.Text>
              <Progress
                percent={cycle.counts.participants === 0 ? 0 : Math.round((cycle.counts.complete / cycle.counts.participants) * 100)}
                status={cycle.state === 'closed' ? 'success' : 'active'}
                size="small"
              />
            </div>
          )}
          {cycle.state === 'closed' && (
            <Alert
              type="info"
              showIcon
              icon={<LockOutlined />}
              data-testid="cycle-locked"
              title={t('cycles.lockedTitle', { date: cycle.closedAt?.slice(0, 10) ?? '' })}
              description={managesCycle ? t('cycles.lockedHintAdmin') : t('cycles.lockedHint')}
            />
          )}
          {cycle.state === 'draft' && <Alert type="info" showIcon title={managesCycle ? t('cycles.draftHintAdmin') : t('cycles.draftHint')} data-testid="cycle-draft-hint" />}
          {cycle.trial && <Alert type="warning" showIcon title={t('cycles.trialBanner')} />}
          {cycle.actualsRefreshing && <Alert type="info" showIcon icon={<SyncOutlined spin />} title={t('cycles.actualsRefreshing')} data-testid="cycle-actuals-refreshing" />}
          {manages && <CycleDataPanel ws={ws} cycle={cycle} />}
        </Space>
      </Card>
      <CycleTabs ws={ws} cycle={cycle} />
    </Space>
  );
}
