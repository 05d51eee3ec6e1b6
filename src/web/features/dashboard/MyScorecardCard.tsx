import { Card, Space, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { EmptyHint, useFormat } from './common.tsx';
import type { MyDashboard } from './dashboard-api.ts';
import { links } from './links.ts';
import { border, brand, fontSize, space } from '../../theme.ts';

type Score = NonNullable<MyDashboard['scorecard']>;
type Props = { ws: string; scorecard: MyDashboard['scorecard']; trend: MyDashboard['trend'] };

/**
 * The viewer's newest scorecard: the total and grade, both leading to how they were scored. While
 * the newest cycle has no total yet, the last total there is is shown under it, so the card
 * still says where the person stands.
 */
export default function MyScorecardCard({ ws, scorecard, trend }: Props) {
  const { t } = useFormat();
  if (!scorecard) {
    return (
      <Card size="small" title={t('dashboard.me.scorecard')} data-testid="my-scorecard">
        <EmptyHint text={t('dashboard.me.noScorecard')} link={t('dashboard.me.noScorecardLink')} to={links.cycles(ws)} />
      </Card>
    );
  }
  const previous = scorecard.total === null ? [...trend].reverse().find((s) => s.total !== null && s.participantId !== scorecard.participantId) : undefined;
  return (
    <Card size="small" title={t('dashboard.me.scorecard')} data-testid="my-scorecard">
      <ScoreBlock ws={ws} score={scorecard} testId="my" />
      {previous && (
        <div style={{ marginTop: space.lg, paddingTop: space.md, borderTop: `1px solid ${border.divider}` }}>
          <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }}>
            {t('dashboard.me.previous')}
          </Typography.Text>
          <ScoreBlock ws={ws} score={previous} testId="my-previous" />
        </div>
      )}
    </Card>
  );
}

function ScoreBlock({ ws, score, testId }: { ws: string; score: Score; testId: string }) {
  const { num, t } = useFormat();
  const explain = links.result(ws, score.cycle.id, score.participantId);
  return (
    <div>
      <Space size={space.xs} wrap style={{ marginBottom: space.sm }}>
        <Link to={links.cycle(ws, score.cycle.id)}>{score.cycle.name}</Link>
        <Tag>{t(`dashboard.me.cycleState.${score.cycleState}`)}</Tag>
        <Tag color={score.status === 'complete' ? 'green' : 'orange'}>{t(`dashboard.me.scorecardStatus.${score.status}`)}</Tag>
        {score.adjusted && <Tag color="purple">{t('dashboard.me.adjusted')}</Tag>}
      </Space>
      <Space size={space.xxl} wrap align="end">
        <Link to={explain} data-testid={`${testId}-total`} aria-label={`${t('dashboard.me.total')} ${num(score.total)} — ${t('dashboard.me.explain')}`}>
          <Statistic title={t('dashboard.me.total')} value={num(score.total)} valueStyle={{ color: brand.primary }} />
        </Link>
        <Link to={explain} data-testid={`${testId}-grade`}>
          <Statistic title={t('dashboard.me.grade')} value={score.grade ?? '—'} valueStyle={{ color: brand.primary }} />
        </Link>
        <Link to={explain}>{score.total === null ? t('dashboard.me.notScoredYet') : t('dashboard.me.explain')}</Link>
      </Space>
    </div>
  );
}
