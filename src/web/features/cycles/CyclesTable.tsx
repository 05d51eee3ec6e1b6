import { Progress, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Cycle } from '../../api.ts';
import { fontSize, space, tabularNums } from '../../theme.ts';
import { CycleStateTag, GradeTag, TrialTag } from './labels.tsx';

/** The cycles as a table; a row opens its cycle. A `member` sees their own result where others see the progress. */
export default function CyclesTable({ ws, cycles, member }: { ws: string; cycles: Cycle[]; member: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Table<Cycle>
      rowKey="id"
      dataSource={cycles}
      pagination={cycles.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      data-testid="cycles-table"
      onRow={(c) =>
        ({
          'data-testid': 'cycle-row',
          'data-cycle-label': c.periodLabel,
          'data-cycle-state': c.state,
          style: { cursor: 'pointer' },
          onClick: (e: React.MouseEvent) => {
            if ((e.target as HTMLElement).closest('a,button')) return;
            void navigate(`/w/${ws}/cycles/${c.id}`);
          },
        }) as object
      }
      columns={[
        {
          title: t('cycles.period'),
          dataIndex: 'periodLabel',
          render: (label: string, c) => (
            <Space direction="vertical" size={0}>
              <Typography.Text strong style={tabularNums}>
                {label}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }}>
                {t(`cycles.periodKinds.${c.periodKind}`)} · {c.startsOn} ~ {c.endsOn}
              </Typography.Text>
            </Space>
          ),
        },
        {
          title: t('cycles.name'),
          dataIndex: 'name',
          render: (name: string, c) => (
            <Space size={space.sm} wrap>
              <Link to={`/w/${ws}/cycles/${c.id}`} data-testid="cycle-link">
                {name}
              </Link>
              {c.trial && <TrialTag />}
            </Space>
          ),
        },
        { title: t('cycles.state'), dataIndex: 'state', render: (s: Cycle['state']) => <CycleStateTag state={s} /> },
        {
          title: member ? t('cycles.myResult') : t('cycles.progress'),
          key: 'progress',
          render: (_, c) =>
            member ? (
              !c.mine ? (
                <Typography.Text type="secondary">{t('cycles.notParticipating')}</Typography.Text>
              ) : c.mine.status === 'complete' ? (
                <Space size={space.sm} data-testid="my-result">
                  <Typography.Text strong>{(c.mine.adjustedTotal ?? c.mine.total ?? 0).toFixed(2)}</Typography.Text>
                  {c.mine.finalGrade ? <GradeTag grade={c.mine.finalGrade} /> : null}
                </Space>
              ) : (
                <Tag color="warning" data-testid="my-result">
                  {t(`score.status.${c.mine.status}`)}
                </Tag>
              )
            ) : (
              <div style={{ minWidth: 180 }} data-testid="cycle-progress">
                <Progress
                  percent={c.counts.participants === 0 ? 0 : Math.round((c.counts.complete / c.counts.participants) * 100)}
                  size="small"
                  format={() => t('cycles.progressText', { complete: c.counts.complete, total: c.counts.participants })}
                  status={c.state === 'closed' ? 'success' : 'normal'}
                />
              </div>
            ),
        },
        {
          title: t('cycles.dates'),
          key: 'dates',
          responsive: ['lg'],
          render: (_, c) => (
            <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }}>
              {c.closedAt
                ? t('cycles.closedOn', { date: c.closedAt.slice(0, 10) })
                : c.openedAt
                  ? t('cycles.openedOn', { date: c.openedAt.slice(0, 10) })
                  : t('cycles.createdOn', { date: c.createdAt.slice(0, 10) })}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}
