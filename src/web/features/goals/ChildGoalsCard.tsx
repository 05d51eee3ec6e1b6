import { Card, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Goal, GoalDetail } from './goals-api.ts';
import { CoverageTag, fmtPair, indicatorName, OwnerLabel, StatusTag } from './labels.tsx';
import { fontSize } from '../../theme.ts';

/** The goals this one is decomposed into, with the decomposition coverage of their targets. */
export default function ChildGoalsCard({ ws, goal }: { ws: string; goal: GoalDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Card size="small" title={t('goals.children.title', { count: goal.children.length })} extra={goal.coverage && goal.children.length > 0 && <CoverageTag coverage={goal.coverage} unit={goal.indicator.unit} />} data-testid="child-goals">
      {goal.children.length === 0 ? (
        <Typography.Text type="secondary">{t('goals.children.empty')}</Typography.Text>
      ) : (
        <Table<Goal>
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={goal.children}
          columns={[
            { title: t('goals.form.owner'), key: 'owner', render: (_, g) => <OwnerLabel owner={g.owner} /> },
            { title: t('goals.form.statement'), key: 'statement', render: (_, g) => <Link to={`/w/${ws}/goals/${g.id}`} style={{ display: 'inline-block', minWidth: 180, whiteSpace: 'normal' }}>{g.statement}</Link> },
            {
              title: t('goals.form.target'),
              key: 'target',
              align: 'right',
              render: (_, g) => (
                <Space direction="vertical" size={0} style={{ alignItems: 'flex-end' }}>
                  <span style={{ fontVariantNumeric: 'tabular-nums' }}>{fmtPair(g.current, g.target, g.indicator.unit, lang)}</span>
                  {g.indicator.id !== goal.indicator.id && <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }}>{indicatorName(g.indicator, lang)}</Typography.Text>}
                </Space>
              ),
            },
            { title: t('goals.tree.status'), key: 'status', render: (_, g) => <StatusTag status={g.status} /> },
          ]}
        />
      )}
    </Card>
  );
}
