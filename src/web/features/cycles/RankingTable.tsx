import { WarningOutlined } from '@ant-design/icons';
import { Badge, Empty, Space, Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RankingItem } from '../../api.ts';
import { feedback, space, tabularNums } from '../../theme.ts';
import { fmtTotal, GradeTag, StatusTag } from './labels.tsx';

type Props = { ws: string; cycleId: string; items: RankingItem[]; violators: Set<string>; loading: boolean };

/** The participants ranked by the total that counts; those in a grade over its limit are marked. */
export default function RankingTable({ ws, cycleId, items, violators, loading }: Props) {
  const { t } = useTranslation();
  return (
    <Table<RankingItem>
      rowKey="participantId"
      size="small"
      loading={loading}
      dataSource={items}
      pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cycles.noParticipants')} /> }}
      onRow={(r) =>
        ({
          'data-testid': 'ranking-row',
          'data-person-name': r.personName,
          'data-violation': violators.has(r.participantId) ? 'true' : 'false',
          style: violators.has(r.participantId) ? { background: feedback.errorBg } : undefined,
        }) as object
      }
      columns={[
        { title: t('cycles.ranking.rank'), dataIndex: 'rank', width: 64, align: 'center', render: (r: number | null) => (r === null ? '—' : <Typography.Text strong>{r}</Typography.Text>) },
        {
          title: t('cycles.person'),
          dataIndex: 'personName',
          render: (name: string, r) => (
            <Space size={space.xs}>
              <Link to={`/w/${ws}/cycles/${cycleId}/people/${r.participantId}`}>{name}</Link>
              {violators.has(r.participantId) && (
                <Tooltip title={t('cycles.ranking.violatorHint')}>
                  <WarningOutlined style={{ color: feedback.error }} aria-label={t('cycles.ranking.violatorHint')} />
                </Tooltip>
              )}
            </Space>
          ),
        },
        { title: t('people.unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
        { title: t('cycles.status'), dataIndex: 'status', render: (s: RankingItem['status']) => <StatusTag status={s} /> },
        { title: t('score.total'), dataIndex: 'total', align: 'right', render: (v: number | null) => fmtTotal(v) },
        {
          title: t('cycles.adjustedTotal'),
          dataIndex: 'adjustedTotal',
          align: 'right',
          render: (v: number | null, r) =>
            v === null ? (
              '—'
            ) : (
              <Tooltip title={r.adjustmentReason}>
                <Typography.Text strong>{fmtTotal(v)}</Typography.Text>
              </Tooltip>
            ),
        },
        {
          title: t('cycles.ranking.counted'),
          dataIndex: 'countedTotal',
          align: 'right',
          render: (v: number | null) => (
            <Typography.Text strong data-testid="ranking-total" style={tabularNums}>
              {fmtTotal(v)}
            </Typography.Text>
          ),
        },
        { title: t('cycles.finalGrade'), dataIndex: 'finalGrade', render: (g: string | null) => <GradeTag grade={g} /> },
        {
          title: t('cycles.openAppeals'),
          dataIndex: 'openAppeals',
          align: 'center',
          render: (n: number) => (n > 0 ? <Badge count={n} color="orange" /> : <Typography.Text type="secondary">0</Typography.Text>),
        },
      ]}
    />
  );
}
