import { Alert, Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TARGET_CHURN_FROM } from '../../../core/goals/smart.ts';
import type { GoalDetail, TargetChange } from './goals-api.ts';
import { fmtValue } from './labels.tsx';
import { space } from '../../theme.ts';

/** One edit's rows share a moment: its when, who and why are shown once, across its rows. */
function editSpans(changes: TargetChange[]): number[] {
  return changes.map((c, i) => {
    if (i > 0 && changes[i - 1].at === c.at) return 0;
    let n = 1;
    while (i + n < changes.length && changes[i + n].at === c.at) n++;
    return n;
  });
}

/**
 * The history of target and deadline changes (dynamic adjustment) side by side: when, who, what
 * (the goal's target or one period's), from → to and why. A target changed again and again is
 * the pitfall 朝令夕改: the card says so.
 */
export default function TargetChangesCard({ goal }: { goal: GoalDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const unit = goal.indicator.unit;
  // newest edit first; within an edit the goal's own target, then its periods in order
  const changes = [...goal.targetChanges].sort((a, b) => b.at.localeCompare(a.at) || (a.period ?? '').localeCompare(b.period ?? ''));
  const spans = editSpans(changes);
  const span = (_: TargetChange, i?: number) => ({ rowSpan: spans[i ?? 0] });
  const recurs = (r: TargetChange['toRecurrence']) => t(`goals.recurrence.${r ?? 'none'}`);
  // a column for the recurrence only when an edit changed it
  const recurrenceChanged = changes.some((c) => c.fromRecurrence !== c.toRecurrence);
  const fromTo = (from: string, to: string) => (from === to ? <Typography.Text type="secondary">{to}</Typography.Text> : <span style={{ whiteSpace: 'nowrap' }}>{from} → <Typography.Text strong>{to}</Typography.Text></span>);
  return (
    <Card size="small" title={goal.targetChangeCount > 0 ? t('goals.changes.titleCount', { count: goal.targetChangeCount }) : t('goals.changes.title')} data-testid="target-changes" data-count={goal.targetChangeCount}>
      {goal.targetChangeCount >= TARGET_CHURN_FROM && <Alert type="warning" showIcon style={{ marginBottom: space.md }} message={t('goals.changes.churn', { count: goal.targetChangeCount })} data-testid="target-churn" />}
      {changes.length === 0 ? (
        <Typography.Text type="secondary">{t('goals.changes.empty')}</Typography.Text>
      ) : (
        <Table<TargetChange>
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={changes}
          onRow={(c) => ({ 'data-testid': 'target-change', 'data-period': c.period ?? '' }) as object}
          columns={[
            { title: t('goals.changes.at'), key: 'at', onCell: span, render: (_, c) => <span style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{c.at.slice(0, 16).replace('T', ' ')}</span> },
            { title: t('goals.changes.by'), dataIndex: 'by', onCell: span },
            { title: t('goals.changes.what'), key: 'what', render: (_, c) => (c.period ? t('goals.changes.periodTarget', { period: c.period }) : t('goals.changes.goalTarget')) },
            { title: t('goals.changes.fromTo'), key: 'target', render: (_, c) => fromTo(fmtValue(c.fromTarget, unit, lang), fmtValue(c.toTarget, unit, lang)) },
            { title: t('goals.changes.deadline'), key: 'deadline', render: (_, c) => (c.period ? <Typography.Text type="secondary">—</Typography.Text> : fromTo(c.fromDeadline, c.toDeadline)) },
            ...(recurrenceChanged ? [{ title: t('goals.changes.recurrence'), key: 'recurrence', render: (_: unknown, c: TargetChange) => (c.period ? <Typography.Text type="secondary">—</Typography.Text> : fromTo(recurs(c.fromRecurrence), recurs(c.toRecurrence))) }] : []),
            { title: t('goals.changes.reason'), dataIndex: 'reason', onCell: span, render: (r: string) => <span style={{ display: 'inline-block', minWidth: 160, whiteSpace: 'normal' }}>{r}</span> },
          ]}
        />
      )}
    </Card>
  );
}
