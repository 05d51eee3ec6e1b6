import { Button, Empty, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, AuditPage } from '../../api.ts';
import { fontSize, space } from '../../theme.ts';
import { actionLabel, entityLabel } from './audit-labels.ts';
import JsonDiff from './JsonDiff.tsx';

type Props = {
  page: AuditPage;
  fetching: boolean;
  onReset: () => void;
  onPage: (page: number, pageSize: number) => void;
};

/** One page of audit entries; a row expands to the before/after of its change. */
export default function AuditTable({ page, fetching, onReset, onPage }: Props) {
  const { t } = useTranslation();
  return (
    <div data-testid="audit-table">
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        dataSource={page.items}
        loading={fetching}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: (
            <Empty description={t('audit.emptyTitle')}>
              <Typography.Paragraph type="secondary">{t('audit.emptyHint')}</Typography.Paragraph>
              <Button onClick={onReset}>{t('audit.reset')}</Button>
            </Empty>
          ),
        }}
        expandable={{
          expandedRowRender: (e) => <JsonDiff before={e.before} after={e.after} />,
          rowExpandable: (e) => e.before != null || e.after != null,
        }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: page.total,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
        }}
        onChange={(p) => onPage(p.current ?? 1, p.pageSize ?? 20)}
        columns={[
          { title: t('audit.at'), dataIndex: 'at', render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'), width: 170 },
          { title: t('audit.actor'), dataIndex: 'actorLabel' },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            render: (v: string) => (
              <span>
                {actionLabel(v)}
                <Tag style={{ marginInlineStart: space.xs, fontSize: fontSize.tiny }}>{v}</Tag>
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
                <Typography.Text code copyable={{ text: v }} style={{ fontSize: fontSize.caption }}>
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
  );
}
