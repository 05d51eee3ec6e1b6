import { Alert, Col, Row } from 'antd';
import LoadError from '../../components/LoadError.tsx';
import { EmptyHint, SectionSkeleton, useFormat } from './common.tsx';
import { useMyDashboard } from './dashboard-queries.ts';
import MyGoalsCard from './MyGoalsCard.tsx';
import MyScorecardCard from './MyScorecardCard.tsx';
import ScoreTrendCard from './ScoreTrendCard.tsx';
import StatusChartCard from './StatusChartCard.tsx';

/** 我的: the viewer's goals and their statuses, the latest scorecard and the totals over time. */
export default function MemberSection({ ws, canSetGoals }: { ws: string; canSetGoals: boolean }) {
  const { t } = useFormat();
  const me = useMyDashboard(ws);
  if (me.isPending) return <SectionSkeleton />;
  if (me.isError) return <LoadError error={me.error} onRetry={() => me.refetch()} />;
  const data = me.data;
  if (data.personId === null) return <Alert type="info" showIcon message={t('dashboard.me.noPerson')} data-testid="dashboard-no-person" />;
  return (
    <Row gutter={[16, 16]} data-testid="dashboard-me">
      <Col xs={24} xl={14}>
        <MyGoalsCard ws={ws} goals={data.goals} canSetGoals={canSetGoals} />
      </Col>
      <Col xs={24} xl={10}>
        <StatusChartCard
          title={t('dashboard.me.statusChart')}
          ariaLabel={t('dashboard.me.statusAria', { count: data.goals.length })}
          counts={data.statusCounts}
          kind="donut"
          fileName="my-goal-status"
          testId="my-status"
          empty={<EmptyHint text={t('chart.noData')} />}
        />
      </Col>
      <Col xs={24} lg={10}>
        <MyScorecardCard ws={ws} scorecard={data.scorecard} trend={data.trend} />
      </Col>
      <Col xs={24} lg={14}>
        <ScoreTrendCard ws={ws} trend={data.trend} />
      </Col>
    </Row>
  );
}
