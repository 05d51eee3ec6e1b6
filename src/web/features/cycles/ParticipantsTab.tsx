import { Badge, Empty, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Cycle, ParticipantSummary } from '../../api.ts';
import LoadError from '../../components/LoadError.tsx';
import UnitTreeSelect from '../../components/UnitTreeSelect.tsx';
import { useDebounced } from '../../components/use-debounced.ts';
import { useUnits } from '../org/org-queries.ts';
import type { ParticipantsQuery } from './cycles-api.ts';
import { useParticipants } from './cycles-queries.ts';
import { fmtTotal, GradeTag, StatusTag } from './labels.tsx';
import { space, tabularNums } from '../../theme.ts';

type Status = NonNullable<ParticipantsQuery['status']>;

/** The participants the viewer may see: search, unit and status filters, paged; a row opens the person's result. */
export default function ParticipantsTab({ ws, cycle }: { ws: string; cycle: Cycle }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const units = useUnits(ws);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | undefined>(undefined);
  const filterKey = JSON.stringify([q, unitId, status]);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20, filterKey });
  const page = paging.filterKey === filterKey ? paging.page : 1;
  const list = useParticipants(ws, cycle.id, { q: q || undefined, unitId: unitId ?? undefined, status, page, pageSize: paging.pageSize });
  const to = (p: ParticipantSummary) => `/w/${ws}/cycles/${cycle.id}/people/${p.id}`;

  if (cycle.state === 'draft') {
    return <Empty description={t('cycles.noParticipantsDraft')} data-testid="participants-draft" />;
  }
  return (
    <div data-testid="participants-tab">
      <Space wrap style={{ marginBottom: space.lg }}>
        <Input.Search
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t('cycles.searchPlaceholder')}
          style={{ width: 240 }}
          data-testid="participant-search"
          aria-label={t('cycles.searchPlaceholder')}
        />
        <div style={{ width: 220 }}>
          <UnitTreeSelect units={units.data ?? []} value={unitId} onChange={setUnitId} placeholder={t('cycles.allUnits')} testId="participant-unit-filter" />
        </div>
        <Select<Status>
          allowClear
          value={status}
          onChange={setStatus}
          placeholder={t('cycles.allStatuses')}
          options={(['complete', 'incomplete', 'invalid'] as const).map((s) => ({ value: s, label: t(`score.status.${s}`) }))}
          style={{ width: 140 }}
          data-testid="participant-status-filter"
        />
      </Space>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Table<ParticipantSummary>
          rowKey="id"
          loading={list.isPending || list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={q || unitId || status ? t('cycles.noMatch') : t('cycles.noParticipants')} /> }}
          pagination={{
            current: page,
            pageSize: paging.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            hideOnSinglePage: true,
            showTotal: (n) => t('common.total', { total: n }),
            onChange: (p, size) => setPaging({ page: size === paging.pageSize ? p : 1, pageSize: size, filterKey }),
          }}
          onRow={(p) =>
            ({
              'data-testid': 'participant-row',
              'data-person-name': p.personName,
              'data-status': p.status,
              style: { cursor: 'pointer' },
              onClick: (e: React.MouseEvent) => {
                if ((e.target as HTMLElement).closest('a,button')) return;
                void navigate(to(p));
              },
            }) as object
          }
          columns={[
            {
              title: t('cycles.person'),
              dataIndex: 'personName',
              render: (name: string, p) => (
                <Link to={to(p)} data-testid="participant-link">
                  {name}
                </Link>
              ),
            },
            { title: t('people.unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
            { title: t('cycles.template'), dataIndex: 'templateName', responsive: ['lg'] },
            { title: t('cycles.status'), dataIndex: 'status', render: (s: ParticipantSummary['status']) => <StatusTag status={s} /> },
            {
              title: t('score.total'),
              dataIndex: 'total',
              align: 'right',
              render: (v: number | null) => <span data-testid="participant-total" style={tabularNums}>{fmtTotal(v)}</span>,
            },
            { title: t('score.grade'), dataIndex: 'grade', render: (g: string | null) => <GradeTag grade={g} /> },
            {
              title: t('cycles.adjustedTotal'),
              dataIndex: 'adjustedTotal',
              align: 'right',
              render: (v: number | null, p) =>
                v === null ? (
                  <Typography.Text type="secondary">—</Typography.Text>
                ) : (
                  <Space size={space.xs}>
                    <Typography.Text strong data-testid="participant-adjusted">{fmtTotal(v)}</Typography.Text>
                    <GradeTag grade={p.finalGrade} />
                  </Space>
                ),
            },
            {
              title: t('cycles.openAppeals'),
              dataIndex: 'openAppeals',
              align: 'center',
              render: (n: number) => (n > 0 ? <Badge count={n} color="orange" data-testid="participant-appeals" /> : <Typography.Text type="secondary">0</Typography.Text>),
            },
          ]}
        />
      )}
    </div>
  );
}
