import { Card, List, Progress, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { STATUS_HEX, StatusTag } from '../goals/labels.tsx';
import { RecurrenceTag, recurrenceOf } from '../goals/recurrence-labels.tsx';
import { EmptyHint, useFormat } from './common.tsx';
import type { MyDashboard } from './dashboard-api.ts';
import { links } from './links.ts';
import { fontSize, space } from '../../theme.ts';

type Props = { ws: string; goals: MyDashboard['goals']; canSetGoals: boolean };

/** The viewer's goals: status, progress and current / target, each linking to its goal page. */
export default function MyGoalsCard({ ws, goals, canSetGoals }: Props) {
  const { num, pct, t, lang } = useFormat();
  const empty = canSetGoals ? (
    <EmptyHint text={t('dashboard.me.noGoals')} link={t('dashboard.me.noGoalsLink')} to={links.plans(ws)} testId="my-goals-empty" />
  ) : (
    <EmptyHint text={t('dashboard.me.noGoalsMember')} link={t('dashboard.me.noGoalsMemberLink')} to={links.plans(ws)} testId="my-goals-empty" />
  );
  return (
    <Card size="small" title={t('dashboard.me.goals')} extra={goals.length > 0 && <Typography.Text type="secondary">{t('dashboard.me.goalsCount', { count: goals.length })}</Typography.Text>} data-testid="my-goals">
      {goals.length === 0 ? (
        empty
      ) : (
        <List
          size="small"
          dataSource={goals}
          pagination={goals.length > 6 ? { pageSize: 6, size: 'small' } : false}
          renderItem={(g) => (
            <List.Item key={g.id} data-testid="my-goal">
              <div style={{ width: '100%', minWidth: 0 }}>
                <Space size={space.sm} style={{ width: '100%', justifyContent: 'space-between' }} wrap>
                  <Link to={links.goal(ws, g.id)} style={{ fontWeight: 500 }}>
                    {g.statement}
                  </Link>
                  <Space size={space.sm}>
                    <RecurrenceTag recurrence={recurrenceOf(g)} />
                    <StatusTag status={g.status} />
                  </Space>
                </Space>
                <Space size={space.md} wrap style={{ width: '100%' }}>
                  <Progress
                    percent={g.progress === null ? 0 : Math.max(0, Math.min(100, g.progress * 100))}
                    size={{ width: 140, height: 6 }}
                    strokeColor={STATUS_HEX[g.status]}
                    format={() => pct(g.progress)}
                    style={{ margin: 0, width: 190 }}
                  />
                  <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }}>
                    {g.periodTarget !== null && `${t('goals.goal.thisPeriod')} `}
                    {t('dashboard.me.currentOfTarget', { current: num(g.current), target: num(g.periodTarget ?? g.target), unit: g.indicator.unit })}
                    {' · '}
                    {t('dashboard.me.deadline', { date: new Date(`${g.deadline}T00:00:00`).toLocaleDateString(lang) })}
                  </Typography.Text>
                </Space>
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
