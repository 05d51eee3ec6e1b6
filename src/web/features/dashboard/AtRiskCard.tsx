import { Card, Space, Table, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import { OwnerLabel, StatusTag } from '../goals/labels.tsx';
import { RecurrenceTag, recurrenceOf } from '../goals/recurrence-labels.tsx';
import { EmptyHint, TitleWithHint, useFormat } from './common.tsx';
import type { TeamDashboard } from './dashboard-api.ts';
import { links } from './links.ts';
import { space } from '../../theme.ts';

type Row = TeamDashboard['atRisk'][number];

/** The goals at risk or off track, furthest behind first, each leading to its goal page. */
export default function AtRiskCard({ ws, goals }: { ws: string; goals: Row[] }) {
  const { pct, t, lang } = useFormat();
  const columns: TableColumnsType<Row> = [
    {
      key: 'statement',
      title: t('dashboard.team.goal'),
      render: (_, g) => (
        <Space size={space.sm}>
          <Link to={links.goal(ws, g.id)}>{g.statement}</Link>
          <RecurrenceTag recurrence={recurrenceOf(g)} />
        </Space>
      ),
    },
    { key: 'owner', title: t('dashboard.team.owner'), render: (_, g) => <OwnerLabel owner={g.owner} /> },
    { key: 'status', title: t('dashboard.status'), render: (_, g) => <StatusTag status={g.status} /> },
    { key: 'progress', title: t('dashboard.team.progress'), align: 'right', render: (_, g) => pct(g.progress) },
    { key: 'elapsed', title: t('dashboard.team.elapsed'), align: 'right', render: (_, g) => pct(g.elapsed) },
    { key: 'gap', title: t('dashboard.team.gap'), align: 'right', render: (_, g) => <Typography.Text type="danger">{pct(g.gap)}</Typography.Text> },
    { key: 'deadline', title: t('dashboard.team.deadline'), render: (_, g) => new Date(`${g.deadline}T00:00:00`).toLocaleDateString(lang) },
  ];
  return (
    <Card size="small" title={<TitleWithHint title={t('dashboard.team.atRisk')} hint={t('dashboard.team.atRiskHint')} />} data-testid="team-at-risk">
      {goals.length === 0 ? (
        <EmptyHint text={t('dashboard.team.atRiskNone')} />
      ) : (
        <Table<Row> size="small" rowKey="id" dataSource={goals} columns={columns} pagination={goals.length > 8 ? { pageSize: 8, size: 'small', showSizeChanger: false } : false} scroll={{ x: 'max-content' }} />
      )}
    </Card>
  );
}
