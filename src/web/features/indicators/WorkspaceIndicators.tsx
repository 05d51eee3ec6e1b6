import { App, Button, Empty, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator, IndicatorsQuery } from '../../api.ts';
import { confirmOkProps } from '../../components/confirm-props.ts';
import { errorMessage } from '../../components/form-utils.ts';
import LoadError from '../../components/LoadError.tsx';
import { MONO } from '../../components/mono.ts';
import { fontSize } from '../../theme.ts';
import IndicatorRowActions from './IndicatorRowActions.tsx';
import { type IndicatorAction, useIndicatorAction, useIndicators } from './indicators-queries.ts';
import { PERSPECTIVE_COLORS } from './labels.ts';

type Props = {
  ws: string;
  /** May curate the library (`indicators.write`): edit, copy, archive. */
  canWrite: boolean;
  query: Pick<IndicatorsQuery, 'q' | 'perspective' | 'status'>;
  /** Whether a search or filter is on (the empty state then says "no match"). */
  filtered: boolean;
  onEdit: (indicator: Indicator) => void;
  onOpenBuiltin: () => void;
};

/** The workspace's indicators: a paged table; admins edit, copy, archive and restore. */
export default function WorkspaceIndicators({ ws, canWrite, query, filtered, onEdit, onOpenBuiltin }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const filterKey = JSON.stringify(query);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20, filterKey });
  // a new search or filter starts again on page 1
  const page = paging.filterKey === filterKey ? paging.page : 1;
  const list = useIndicators(ws, { ...query, page, pageSize: paging.pageSize });
  const act = useIndicatorAction(ws);
  const run = (action: IndicatorAction, indicator: Indicator) =>
    act.mutateAsync(
      { action, indicator },
      {
        onSuccess: (result) => {
          if (action === 'copy') message.success(t('indicators.copiedAs', { name: result.name }));
          else message.success(t(action === 'archive' ? 'indicators.archived' : 'indicators.restored', { name: result.name }));
        },
        onError: (e) => void message.error(errorMessage(e), 6),
      },
    );
  const onAction = (action: IndicatorAction, indicator: Indicator) => {
    if (action !== 'archive') return void run(action, indicator).catch(() => undefined);
    modal.confirm({
      title: t('indicators.archiveConfirm', { name: indicator.name }),
      content: t('indicators.archiveHint'),
      okText: t('indicators.archive'),
      okButtonProps: confirmOkProps,
      onOk: () => run('archive', indicator).catch(() => undefined),
    });
  };

  if (list.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => list.refetch()} />;
  const { items, total } = list.data;

  if (total === 0 && !filtered) {
    return (
      <Empty description={t('indicators.emptyTitle')} data-testid="indicators-empty">
        <Typography.Paragraph type="secondary">{t('indicators.emptyHint')}</Typography.Paragraph>
        <Button type="primary" onClick={onOpenBuiltin} data-testid="indicators-copy-from-builtin">
          {t('indicators.copyFromBuiltin')}
        </Button>
      </Empty>
    );
  }

  return (
    <div data-testid="indicators-table">
      <Table<Indicator>
        rowKey="id"
        dataSource={items}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('indicators.noMatch')} /> }}
        pagination={{
          current: page,
          pageSize: paging.pageSize,
          total,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { total: n }),
          onChange: (p, size) => setPaging({ page: size === paging.pageSize ? p : 1, pageSize: size, filterKey }),
        }}
        onRow={(i) => ({ 'data-testid': 'indicator-row', 'data-indicator-name': i.name }) as object}
        columns={[
          {
            title: t('indicators.name'),
            dataIndex: 'name',
            render: (_: unknown, i: Indicator) => (
              <div style={{ minWidth: 140 }}>
                <div>{i.name}</div>
                {i.nameEn && (
                  <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }}>
                    {i.nameEn}
                  </Typography.Text>
                )}
              </div>
            ),
          },
          {
            title: t('indicators.perspective'),
            dataIndex: 'perspective',
            render: (p: Indicator['perspective']) => <Tag color={PERSPECTIVE_COLORS[p]}>{t(`indicators.perspectives.${p}`)}</Tag>,
          },
          { title: t('indicators.kind'), dataIndex: 'kind', responsive: ['lg'], render: (k: Indicator['kind']) => t(`indicators.kinds.${k}`) },
          { title: t('indicators.unit'), dataIndex: 'unit', render: (u: string) => u || '—' },
          {
            title: t('indicators.direction'),
            dataIndex: 'direction',
            render: (d: Indicator['direction']) => <span data-testid="indicator-direction">{t(`indicators.directions.${d}`)}</span>,
          },
          {
            title: t('indicators.formula'),
            dataIndex: 'formula',
            render: (f: string | null) =>
              f ? (
                <Typography.Text style={{ fontFamily: MONO, fontSize: fontSize.small }} data-testid="indicator-formula">
                  {f}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">{t('indicators.noFormula')}</Typography.Text>
              ),
          },
          {
            title: t('indicators.status'),
            dataIndex: 'status',
            render: (s: Indicator['status']) => <Tag color={s === 'active' ? 'green' : 'default'}>{t(`indicators.statuses.${s}`)}</Tag>,
          },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, i: Indicator) => <IndicatorRowActions indicator={i} onEdit={onEdit} onAction={onAction} />,
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
