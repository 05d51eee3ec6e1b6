import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Progress, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Cycle } from '../../api.ts';
import LoadError from '../../components/LoadError.tsx';
import { useCan, useCurrentWorkspace } from '../auth/session.ts';
import CycleFormModal from './CycleFormModal.tsx';
import { useCycles } from './cycle-queries.ts';
import { CycleStateTag, GradeTag, TrialTag } from './labels.tsx';

/** 考核: the workspace's appraisal cycles, newest period first; admins create new ones. */
export default function CyclesPage() {
  const { t } = useTranslation();
  const { slug: ws } = useCurrentWorkspace();
  const can = useCan();
  const canManage = can('cycles.manage');
  const navigate = useNavigate();
  const list = useCycles(ws);
  const [creating, setCreating] = useState(false);
  // who does not see the participants (`metrics.diff`) follows their own result
  const member = !can('metrics.diff');

  const body = () => {
    if (list.isPending) return <Skeleton active paragraph={{ rows: 5 }} />;
    if (list.isError) return <LoadError error={list.error} onRetry={() => list.refetch()} />;
    if (list.data.length === 0) {
      return (
        <Empty description={t('cycles.emptyTitle')} data-testid="cycles-empty">
          <Typography.Paragraph type="secondary">{canManage ? t('cycles.emptyHintAdmin') : t('cycles.emptyHint')}</Typography.Paragraph>
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="cycles-empty-create">
              {t('cycles.create')}
            </Button>
          )}
        </Empty>
      );
    }
    return (
      <Table<Cycle>
        rowKey="id"
        dataSource={list.data}
        pagination={list.data.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
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
                <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {label}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`cycles.periodKinds.${c.periodKind}`)} · {c.startsOn} ~ {c.endsOn}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('cycles.name'),
            dataIndex: 'name',
            render: (name: string, c) => (
              <Space size={6} wrap>
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
                  <Space size={6} data-testid="my-result">
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
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
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
  };

  return (
    <Card
      title={t('cycles.title')}
      data-testid="cycles-card"
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="cycle-create">
            {t('cycles.create')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{member ? t('cycles.introMember') : t('cycles.intro')}</Typography.Paragraph>
      {body()}
      {creating && (
        <CycleFormModal
          ws={ws}
          cycle={null}
          onClose={(created) => {
            setCreating(false);
            if (created) void navigate(`/w/${ws}/cycles/${created.id}`);
          }}
        />
      )}
    </Card>
  );
}
