import { CopyOutlined, DownloadOutlined, PlusOutlined, UploadOutlined, WarningOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Empty, Input, Select, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { TemplatePeriod, TemplateSummary } from '../../api.ts';
import { confirmOkProps } from '../../components/confirm-props.ts';
import { errorMessage } from '../../components/form-utils.ts';
import LoadError from '../../components/LoadError.tsx';
import { useDebounced } from '../../components/use-debounced.ts';
import { useCan, useCurrentWorkspace } from '../auth/session.ts';
import ImportTemplateModal from './ImportTemplateModal.tsx';
import { scorecardApi, type TemplatesQuery } from './scorecard-api.ts';
import { useRefreshTemplates, useTemplates } from './scorecard-queries.ts';
import { formatWeight, PERIODS } from './labels.ts';

type StatusFilter = NonNullable<TemplatesQuery['status']>;
type Action = 'copy' | 'archive' | 'restore' | 'export';

/** 考核表模板: the workspace's templates; admins create, copy, archive, import and export. */
export default function ScorecardsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const { slug: ws } = useCurrentWorkspace();
  const canWrite = useCan()('scorecards.write');
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const [status, setStatus] = useState<StatusFilter>('active');
  const [period, setPeriod] = useState<TemplatePeriod | undefined>(undefined);
  const [importing, setImporting] = useState(false);
  const list = useTemplates(ws, { q: q || undefined, status, period });
  const refresh = useRefreshTemplates(ws);
  const filtered = q !== '' || status !== 'active' || period !== undefined;

  const act = useMutation({
    mutationFn: async ({ action, template }: { action: Action; template: TemplateSummary }) => {
      if (action === 'export') return scorecardApi.exportFile(ws, template.id, template.name).then(() => null);
      if (action === 'copy') return scorecardApi.copy(ws, template.id);
      return action === 'archive' ? scorecardApi.archive(ws, template.id) : scorecardApi.restore(ws, template.id);
    },
    onSuccess: (result, { action }) => {
      if (!result) return;
      if (action === 'copy') message.success(t('scorecards.copiedAs', { name: result.name }));
      else message.success(t(action === 'archive' ? 'scorecards.archived' : 'scorecards.restored', { name: result.name }));
    },
    onError: (e) => void message.error(errorMessage(e), 6),
    onSettled: (_r, _e, { action }) => {
      if (action !== 'export') void refresh();
    },
  });

  const confirmArchive = (template: TemplateSummary) =>
    modal.confirm({
      title: t('scorecards.archiveConfirm', { name: template.name }),
      content: t('scorecards.archiveHint', { count: template.assignedPositions + template.assignedPeople }),
      okText: t('scorecards.archive'),
      okButtonProps: { ...confirmOkProps, danger: true },
      onOk: () => act.mutateAsync({ action: 'archive', template }).catch(() => undefined),
    });

  const busy = (action: Action, template: TemplateSummary) => act.isPending && act.variables?.action === action && act.variables.template.id === template.id;

  let body;
  if (list.isPending) body = <Skeleton active paragraph={{ rows: 6 }} data-testid="templates-loading" />;
  else if (list.isError) body = <LoadError error={list.error} onRetry={() => list.refetch()} />;
  else if (list.data.length === 0 && !filtered) {
    body = (
      <Empty description={t('scorecards.emptyTitle')} data-testid="templates-empty">
        <Typography.Paragraph type="secondary">{t('scorecards.emptyHint')}</Typography.Paragraph>
        {canWrite && (
          <Space>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('new')} data-testid="templates-empty-add">
              {t('scorecards.add')}
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {t('scorecards.import')}
            </Button>
          </Space>
        )}
      </Empty>
    );
  } else {
    body = (
      <Table<TemplateSummary>
        rowKey="id"
        size="middle"
        dataSource={list.data}
        loading={list.isFetching && !list.isPending}
        pagination={list.data.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('scorecards.noMatch')} /> }}
        scroll={{ x: 980 }}
        onRow={(r) => ({ 'data-testid': 'template-row', 'data-template-name': r.name }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('scorecards.columns.name'),
            dataIndex: 'name',
            render: (name: string, r) => (
              <div>
                <Link to={r.id} data-testid="template-open">
                  {name}
                </Link>
                {r.description && (
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 1 }} style={{ margin: 0, fontSize: 12, maxWidth: 360 }}>
                    {r.description}
                  </Typography.Paragraph>
                )}
              </div>
            ),
          },
          { title: t('scorecards.columns.period'), dataIndex: 'period', width: 90, render: (p: TemplatePeriod) => t(`scorecards.periods.${p}`) },
          { title: t('scorecards.columns.indicators'), dataIndex: 'indicatorCount', width: 90, align: 'right' },
          {
            title: t('scorecards.columns.weightSum'),
            dataIndex: 'weightSum',
            width: 120,
            align: 'right',
            render: (sum: number) =>
              Math.abs(sum - 100) > 1e-9 ? (
                <Tooltip title={t('scorecards.weightNot100Hint')}>
                  <Tag color="warning" icon={<WarningOutlined />} data-testid="template-weight-warning" style={{ marginInlineEnd: 0 }}>
                    {formatWeight(sum)} {t('scorecards.weightNot100')}
                  </Tag>
                </Tooltip>
              ) : (
                <span data-testid="template-weight">{formatWeight(sum)}</span>
              ),
          },
          { title: t('scorecards.columns.positions'), dataIndex: 'assignedPositions', width: 90, align: 'right', render: (n: number) => <span data-testid="template-positions">{n}</span> },
          { title: t('scorecards.columns.people'), dataIndex: 'assignedPeople', width: 90, align: 'right' },
          { title: t('scorecards.columns.holders'), dataIndex: 'holderCount', width: 90, align: 'right', render: (n: number) => <span data-testid="template-holders">{n}</span> },
          {
            title: t('scorecards.columns.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: TemplateSummary['status']) => <Tag color={s === 'active' ? 'green' : 'default'}>{t(`scorecards.statuses.${s}`)}</Tag>,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: canWrite ? 300 : 130,
            fixed: 'right',
            render: (_: unknown, r) => (
              <Space size={0} wrap>
                <Button type="link" size="small" icon={<DownloadOutlined />} loading={busy('export', r)} onClick={() => act.mutate({ action: 'export', template: r })} data-testid="template-export">
                  {t('scorecards.export')}
                </Button>
                {canWrite && (
                  <>
                    <Button type="link" size="small" icon={<CopyOutlined />} loading={busy('copy', r)} onClick={() => act.mutate({ action: 'copy', template: r })} data-testid="template-copy">
                      {t('scorecards.copy')}
                    </Button>
                    {r.status === 'active' ? (
                      <Button type="link" size="small" danger onClick={() => confirmArchive(r)} data-testid="template-archive">
                        {t('scorecards.archive')}
                      </Button>
                    ) : (
                      <Button type="link" size="small" loading={busy('restore', r)} onClick={() => act.mutate({ action: 'restore', template: r })} data-testid="template-restore">
                        {t('scorecards.restore')}
                      </Button>
                    )}
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
    );
  }

  return (
    <Card
      title={t('scorecards.title')}
      extra={
        canWrite && (
          <Space wrap>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="template-import">
              {t('scorecards.import')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('new')} data-testid="template-add">
              {t('scorecards.add')}
            </Button>
          </Space>
        )
      }
      data-testid="templates-card"
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {t('scorecards.intro')}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t('scorecards.searchPlaceholder')}
          style={{ width: 260 }}
          aria-label={t('common.search')}
          data-testid="template-search"
        />
        <Select<TemplatePeriod>
          allowClear
          value={period}
          onChange={setPeriod}
          placeholder={t('scorecards.allPeriods')}
          options={PERIODS.map((p) => ({ value: p, label: t(`scorecards.periods.${p}`) }))}
          style={{ width: 130 }}
          aria-label={t('scorecards.columns.period')}
          data-testid="template-period-filter"
        />
        <Select<StatusFilter>
          value={status}
          onChange={setStatus}
          options={(['active', 'archived', 'all'] as const).map((s) => ({ value: s, label: t(`scorecards.statusFilter.${s}`) }))}
          style={{ width: 120 }}
          aria-label={t('scorecards.columns.status')}
          data-testid="template-status-filter"
        />
      </Space>
      {body}
      {importing && (
        <ImportTemplateModal
          ws={ws}
          onClose={() => setImporting(false)}
          onImported={(template) => {
            setImporting(false);
            void refresh();
            navigate(template.id);
          }}
        />
      )}
    </Card>
  );
}
