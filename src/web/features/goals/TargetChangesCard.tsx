import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GoalDetail, TargetChange } from './goals-api.ts';
import { fmtValue } from './labels.tsx';

/** The history of target and deadline changes (dynamic adjustment), each with its reason. */
export default function TargetChangesCard({ goal }: { goal: GoalDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const unit = goal.indicator.unit;
  const changed = (from: string, to: string) => (from === to ? <Typography.Text type="secondary">{to}</Typography.Text> : `${from} → ${to}`);
  return (
    <Card size="small" title={t('goals.changes.title')} data-testid="target-changes">
      {goal.targetChanges.length === 0 ? (
        <Typography.Text type="secondary">{t('goals.changes.empty')}</Typography.Text>
      ) : (
        <Table<TargetChange>
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={[...goal.targetChanges].sort((a, b) => b.at.localeCompare(a.at))}
          columns={[
            { title: t('goals.changes.target'), key: 'target', render: (_, c) => changed(fmtValue(c.fromTarget, unit, lang), fmtValue(c.toTarget, unit, lang)) },
            { title: t('goals.changes.deadline'), key: 'deadline', render: (_, c) => changed(c.fromDeadline, c.toDeadline) },
            { title: t('goals.changes.reason'), dataIndex: 'reason', render: (r: string) => <span style={{ display: 'inline-block', minWidth: 160, whiteSpace: 'normal' }}>{r}</span> },
            { title: t('goals.changes.by'), dataIndex: 'by' },
            { title: t('goals.changes.at'), dataIndex: 'at', render: (at: string) => at.slice(0, 16).replace('T', ' ') },
          ]}
        />
      )}
    </Card>
  );
}
