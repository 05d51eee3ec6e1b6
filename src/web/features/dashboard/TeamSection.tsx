import { Card, Col, Row, Statistic, Typography } from 'antd';
import LoadError from '../../components/LoadError.tsx';
import AtRiskCard from './AtRiskCard.tsx';
import { EmptyHint, SectionSkeleton, useFormat } from './common.tsx';
import { useTeamDashboard } from './dashboard-queries.ts';
import { links } from './links.ts';
import DistributionCards from './DistributionCards.tsx';
import PerPersonCard from './PerPersonCard.tsx';
import StatusChartCard from './StatusChartCard.tsx';
import { feedback, fontSize } from '../../theme.ts';

/** 我的团队: the team's goals by status, those at risk, goals per person and the latest score distribution. */
export default function TeamSection({ ws }: { ws: string }) {
  const { num, pct, t } = useFormat();
  const team = useTeamDashboard(ws);
  if (team.isPending) return <SectionSkeleton cards={6} />;
  if (team.isError) return <LoadError error={team.error} onRetry={() => team.refetch()} />;
  const d = team.data;
  const c = d.statusCounts;
  const onTrack = d.goalCount === 0 ? null : (c.on_track + c.achieved) / d.goalCount;
  const tiles = [
    { key: 'goals', title: t('dashboard.team.goalCount'), value: num(d.goalCount) },
    { key: 'risk', title: t('dashboard.team.atRiskCount'), value: num(c.at_risk + c.off_track), color: c.at_risk + c.off_track > 0 ? feedback.attention : undefined },
    { key: 'onTrack', title: t('dashboard.team.onTrackShare'), value: pct(onTrack) },
    { key: 'people', title: t('dashboard.team.peopleWithGoals'), value: num(d.peopleWithGoals) },
  ];
  return (
    <Row gutter={[16, 16]} data-testid="dashboard-team">
      <Col span={24}>
        <Card size="small">
          <Row gutter={[16, 8]}>
            {tiles.map((tile) => (
              <Col key={tile.key} xs={12} md={6}>
                <Statistic title={tile.title} value={tile.value} valueStyle={{ color: tile.color }} data-testid={`team-tile-${tile.key}`} />
              </Col>
            ))}
          </Row>
          <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }}>
            {d.scope === 'all' ? t('dashboard.team.scopeAll') : t('dashboard.team.scopeUnits')}
          </Typography.Text>
        </Card>
      </Col>
      <Col span={24}>
        <AtRiskCard ws={ws} goals={d.atRisk} />
      </Col>
      <Col xs={24} lg={10}>
        <StatusChartCard
          title={t('dashboard.team.statusChart')}
          ariaLabel={t('dashboard.team.statusAria', { count: d.goalCount })}
          counts={d.statusCounts}
          kind="bar"
          fileName="team-goal-status"
          testId="team-status"
          empty={<EmptyHint text={t('dashboard.team.noGoals')} link={t('dashboard.team.noGoalsLink')} to={links.plans(ws)} />}
        />
      </Col>
      <Col xs={24} lg={14}>
        <PerPersonCard people={d.people} total={d.peopleWithGoals} />
      </Col>
      <DistributionCards ws={ws} distribution={d.distribution} />
    </Row>
  );
}
