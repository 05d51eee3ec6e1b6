import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AutoComplete, Button, Card, DatePicker, Empty, Input, Select, Skeleton, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type AuditEntry, type AuditQuery, api } from '../../api.ts';
import LoadError from '../../components/LoadError.tsx';
import { useDebounced } from '../../components/use-debounced.ts';
import zhCN from '../../i18n/zh-CN.ts';
import { tDynamic } from '../../i18n/index.ts';
import { useCan, useCurrentWorkspace } from '../auth/session.ts';
import { wsKey } from '../org/org-queries.ts';
import JsonDiff from './JsonDiff.tsx';

type Range = [Dayjs | null, Dayjs | null] | null;
const entityLabel = (type: string) => tDynamic(`audit.entity.${type}`, {}, type);
const actionLabel = (code: string) => tDynamic(`audit.actions.${code}`, {}, code);
const entityTypes = Object.keys(zhCN.audit.entity);
/** Every action code the catalogue names, e.g. "unit.move" (the filter also takes any prefix, e.g. "unit."). */
const actionCodes = Object.entries(zhCN.audit.actions).flatMap(([group, actions]) =>
  Object.keys(actions).map((a) => `${group}.${a}`),
);

/** 审计日志 (admins): who changed what and when; a row expands to before/after. */
export default function AuditPage() {
  const { t } = useTranslation();
  const { slug: ws } = useCurrentWorkspace();
  const canRead = useCan()('audit.read');
  const [entityType, setEntityType] = useState<string | undefined>();
  const [action, setAction] = useState('');
  const [actor, setActor] = useState('');
  const [range, setRange] = useState<Range>(null);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const debouncedAction = useDebounced(action.trim(), 300);
  const debouncedActor = useDebounced(actor.trim(), 300);
  const filters: AuditQuery = {
    entityType,
    action: debouncedAction || undefined,
    actor: debouncedActor || undefined,
    from: range?.[0]?.startOf('day').toISOString(),
    to: range?.[1]?.endOf('day').toISOString(),
  };
  const filterKey = JSON.stringify(filters);
  const [pagedFor, setPagedFor] = useState(filterKey);
  const page = pagedFor === filterKey ? paging.page : 1;
  const query = { ...filters, page, pageSize: paging.pageSize };
  const audit = useQuery({
    queryKey: [...wsKey(ws), 'audit', query],
    queryFn: () => api.audit.list(ws, query),
    placeholderData: keepPreviousData,
    enabled: canRead,
  });
  if (!canRead) return <LoadError error={new ApiError(403, 'forbidden', t('error.forbidden'))} />;

  const reset = () => {
    setEntityType(undefined);
    setAction('');
    setActor('');
    setRange(null);
  };

  return (
    <Card title={t('audit.title')} data-testid="audit-card">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }} data-testid="audit-filters">
        <Select
          allowClear
          value={entityType}
          onChange={setEntityType}
          placeholder={t('audit.entityType')}
          style={{ width: 150 }}
          options={entityTypes.map((e) => ({ value: e, label: entityLabel(e) }))}
          data-testid="audit-entity-type"
        />
        <AutoComplete
          allowClear
          value={action}
          onChange={(v: string | undefined) => setAction(v ?? '')}
          placeholder={t('audit.filterAction')}
          style={{ width: 220 }}
          data-testid="audit-action"
          options={actionCodes
            .filter((code) => code.startsWith(action.trim()) || actionLabel(code).includes(action.trim()))
            .map((code) => ({ value: code, label: `${actionLabel(code)} · ${code}` }))}
        />
        <Input allowClear value={actor} onChange={(e) => setActor(e.target.value)} placeholder={t('audit.filterActor')} style={{ width: 160 }} data-testid="audit-actor" />
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} aria-label={t('audit.range')} data-testid="audit-range" />
        <Button onClick={reset}>{t('audit.reset')}</Button>
      </div>
      {audit.isError ? (
        <LoadError error={audit.error} onRetry={() => audit.refetch()} />
      ) : audit.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <div data-testid="audit-table">
          <Table<AuditEntry>
            rowKey="id"
            size="middle"
            dataSource={audit.data.items}
            loading={audit.isFetching}
            scroll={{ x: 'max-content' }}
            locale={{
              emptyText: (
                <Empty description={t('audit.emptyTitle')}>
                  <Typography.Paragraph type="secondary">{t('audit.emptyHint')}</Typography.Paragraph>
                  <Button onClick={reset}>{t('audit.reset')}</Button>
                </Empty>
              ),
            }}
            expandable={{
              expandedRowRender: (e) => <JsonDiff before={e.before} after={e.after} />,
              rowExpandable: (e) => e.before != null || e.after != null,
            }}
            pagination={{
              current: audit.data.page,
              pageSize: audit.data.pageSize,
              total: audit.data.total,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
            }}
            onChange={(p) => {
              setPagedFor(filterKey);
              setPaging({ page: p.current ?? 1, pageSize: p.pageSize ?? 20 });
            }}
            columns={[
              { title: t('audit.at'), dataIndex: 'at', render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'), width: 170 },
              { title: t('audit.actor'), dataIndex: 'actorLabel' },
              {
                title: t('audit.action'),
                dataIndex: 'action',
                render: (v: string) => (
                  <span>
                    {actionLabel(v)}
                    <Tag style={{ marginInlineStart: 6, fontSize: 11 }}>{v}</Tag>
                  </span>
                ),
              },
              { title: t('audit.entityType'), dataIndex: 'entityType', render: entityLabel },
              {
                title: t('audit.entityId'),
                dataIndex: 'entityId',
                responsive: ['lg'],
                render: (v: string | null) =>
                  v ? (
                    <Typography.Text code copyable={{ text: v }} style={{ fontSize: 12 }}>
                      {v.length > 12 ? `${v.slice(0, 8)}…` : v}
                    </Typography.Text>
                  ) : (
                    '—'
                  ),
              },
              { title: t('audit.ip'), dataIndex: 'ip', responsive: ['xl'], render: (v: string | null) => v ?? '—' },
            ]}
          />
        </div>
      )}
    </Card>
  );
}
