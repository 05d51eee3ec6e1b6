import { Button, Empty, Segmented, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Appeal, Cycle } from '../../api.ts';
import LoadError from '../../components/LoadError.tsx';
import { fontSize, space } from '../../theme.ts';
import AppealResolveModal from './AppealResolveModal.tsx';
import { useAppeals } from './cycles-queries.ts';

const STATUS_COLORS: Record<Appeal['status'], string> = { open: 'orange', accepted: 'green', rejected: 'default' };

export function AppealStatusTag({ status }: { status: Appeal['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="appeal-status" data-status={status}>
      {t(`cycles.appeals.statuses.${status}`)}
    </Tag>
  );
}

/** The appeals as a table; with `personLinks` each names its participant (the cycle's tab), else it is one person's history. */
export function AppealsTable({ ws, cycleId, appeals, personLinks }: { ws: string; cycleId: string; appeals: Appeal[]; personLinks: boolean }) {
  const { t } = useTranslation();
  const [resolving, setResolving] = useState<{ appeal: Appeal; mode: 'accept' | 'reject' } | null>(null);
  return (
    <>
      <Table<Appeal>
        rowKey="id"
        size="small"
        dataSource={appeals}
        pagination={appeals.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        onRow={(a) => ({ 'data-testid': 'appeal-row', 'data-person-name': a.personName, 'data-status': a.status }) as object}
        columns={[
          ...(personLinks
            ? [{ title: t('cycles.person'), key: 'person', render: (_: unknown, a: Appeal) => <Link to={`/w/${ws}/cycles/${cycleId}/people/${a.participantId}`}>{a.personName}</Link> }]
            : []),
          { title: t('cycles.appeals.about'), key: 'about', render: (_, a) => a.indicatorName ?? <Typography.Text type="secondary">{t('cycles.appeals.wholeResult')}</Typography.Text> },
          { title: t('cycles.appeals.reason'), dataIndex: 'reason', render: (r: string) => <div style={{ maxWidth: 320, whiteSpace: 'pre-wrap' }}>{r}</div> },
          { title: t('cycles.appeals.filedAt'), dataIndex: 'createdAt', render: (d: string) => d.slice(0, 16).replace('T', ' ') },
          { title: t('cycles.status'), dataIndex: 'status', render: (s: Appeal['status']) => <AppealStatusTag status={s} /> },
          {
            title: t('cycles.appeals.resolution'),
            key: 'resolution',
            render: (_, a) =>
              a.status === 'open' ? (
                '—'
              ) : (
                <Space direction="vertical" size={0} style={{ maxWidth: 320 }}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{a.resolution}</span>
                  {a.corrections && Object.keys(a.corrections).length > 0 && (
                    <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }}>
                      {t('cycles.appeals.corrected', {
                        values: Object.entries(a.corrections)
                          .map(([k, v]) => `${k} = ${v}`)
                          .join(t('common.clauseSeparator')),
                      })}
                    </Typography.Text>
                  )}
                  {a.resolvedAt && (
                    <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }}>
                      {a.resolvedAt.slice(0, 16).replace('T', ' ')}
                    </Typography.Text>
                  )}
                </Space>
              ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, a) =>
              a.canResolve ? (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setResolving({ appeal: a, mode: 'accept' })} data-testid="appeal-accept">
                    {t('cycles.appeals.accept')}
                  </Button>
                  <Button type="link" size="small" danger onClick={() => setResolving({ appeal: a, mode: 'reject' })} data-testid="appeal-reject">
                    {t('cycles.appeals.reject')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      {resolving && <AppealResolveModal ws={ws} cycleId={cycleId} appeal={resolving.appeal} mode={resolving.mode} onClose={() => setResolving(null)} />}
    </>
  );
}

/** 异议: the cycle's appeals the viewer may see, open ones first; managers accept or reject them. */
export default function AppealsTab({ ws, cycle }: { ws: string; cycle: Cycle }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<'open' | 'all'>('open');
  const appeals = useAppeals(ws, cycle.id);
  if (appeals.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (appeals.isError) return <LoadError error={appeals.error} onRetry={() => appeals.refetch()} />;
  const open = appeals.data.filter((a) => a.status === 'open');
  const shown = filter === 'open' ? open : [...open, ...appeals.data.filter((a) => a.status !== 'open')];
  return (
    <div data-testid="appeals-tab">
      <Space style={{ marginBottom: space.md }} wrap>
        <Segmented<'open' | 'all'>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'open', label: t('cycles.appeals.filterOpen', { count: open.length }) },
            { value: 'all', label: t('cycles.appeals.filterAll', { count: appeals.data.length }) },
          ]}
          data-testid="appeals-filter"
        />
        <Typography.Text type="secondary">{cycle.state === 'calibrating' ? t('cycles.appeals.hintCalibrating') : t('cycles.appeals.hintClosed')}</Typography.Text>
      </Space>
      {shown.length === 0 ? (
        <Empty description={filter === 'open' ? t('cycles.appeals.noneOpen') : t('cycles.appeals.none')} data-testid="appeals-empty" />
      ) : (
        <AppealsTable ws={ws} cycleId={cycle.id} appeals={shown} personLinks />
      )}
    </div>
  );
}
