import { CopyOutlined, DownloadOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TemplatePeriod, TemplateSummary } from '../../api.ts';
import { fontSize } from '../../theme.ts';
import { formatWeight } from './labels.ts';
import type { TemplateActions } from './use-template-actions.ts';

type Props = { templates: TemplateSummary[]; loading: boolean; canWrite: boolean; actions: TemplateActions };

/** The templates list: what each holds and who gets it, with its export / copy / archive / restore buttons. */
export default function TemplatesTable({ templates, loading, canWrite, actions: { run, confirmArchive, busy } }: Props) {
  const { t } = useTranslation();
  return (
    <Table<TemplateSummary>
      rowKey="id"
      size="middle"
      dataSource={templates}
      loading={loading}
      pagination={templates.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
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
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 1 }} style={{ margin: 0, fontSize: fontSize.caption, maxWidth: 360 }}>
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
              <Button type="link" size="small" icon={<DownloadOutlined />} loading={busy('export', r)} onClick={() => run('export', r)} data-testid="template-export">
                {t('scorecards.export')}
              </Button>
              {canWrite && (
                <>
                  <Button type="link" size="small" icon={<CopyOutlined />} loading={busy('copy', r)} onClick={() => run('copy', r)} data-testid="template-copy">
                    {t('scorecards.copy')}
                  </Button>
                  {r.status === 'active' ? (
                    <Button type="link" size="small" danger onClick={() => confirmArchive(r)} data-testid="template-archive">
                      {t('scorecards.archive')}
                    </Button>
                  ) : (
                    <Button type="link" size="small" loading={busy('restore', r)} onClick={() => run('restore', r)} data-testid="template-restore">
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
