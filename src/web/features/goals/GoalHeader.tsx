import { Descriptions, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GoalDetail } from './goals-api.ts';
import { fmtPair, fmtPercent, fmtValue, indicatorName, OwnerLabel, STATUS_HEX } from './labels.tsx';
import { SmartHints } from './SmartHints.tsx';

/** What the goal is: owner, indicator, numbers and progress, time, source and where it sits in its plan. */
export default function GoalHeader({ ws, goal }: { ws: string; goal: GoalDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const percent = goal.progress === null ? 0 : Math.round(Math.max(0, Math.min(1, goal.progress)) * 100);
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: 'owner', label: t('goals.form.owner'), children: <OwnerLabel owner={goal.owner} /> },
          {
            key: 'indicator',
            label: t('goals.form.indicator'),
            children: (
              <span data-testid="goal-indicator-name">
                {goal.indicator.unit ? t('common.withNote', { text: indicatorName(goal.indicator, lang), note: goal.indicator.unit }) : indicatorName(goal.indicator, lang)}
              </span>
            ),
          },
          {
            key: 'numbers',
            label: t('goals.goal.currentTarget'),
            children: (
              <span style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="goal-numbers">
                {fmtPair(goal.current, goal.target, goal.indicator.unit, lang)}
                {goal.baseline !== null && <Typography.Text type="secondary"> · {t('goals.goal.baselineIs', { value: fmtValue(goal.baseline, goal.indicator.unit, lang) })}</Typography.Text>}
              </span>
            ),
          },
          {
            key: 'progress',
            label: t('goals.goal.progress'),
            children: (
              <div style={{ width: 260 }} data-testid="goal-progress">
                <Progress percent={percent} strokeColor={STATUS_HEX[goal.status]} format={() => (goal.progress === null ? '—' : fmtPercent(goal.progress, lang))} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('goals.goal.elapsed', { pct: fmtPercent(goal.elapsed, lang) })}
                </Typography.Text>
              </div>
            ),
          },
          { key: 'time', label: t('goals.goal.time'), children: <span style={{ fontVariantNumeric: 'tabular-nums' }}>{goal.startsOn} ~ {goal.deadline}</span> },
          {
            key: 'source',
            label: t('goals.form.source'),
            children: (
              <Space direction="vertical" size={0} data-testid="goal-source">
                <span>
                  {t(`goals.source.${goal.source}`)}
                  {goal.parent && (
                    <>
                      {t('common.colon')}
                      <Link to={`/w/${ws}/goals/${goal.parent.id}`} data-testid="goal-parent-link">{goal.parent.statement}</Link>
                    </>
                  )}
                </span>
                {goal.sourceNote && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{goal.sourceNote}</Typography.Text>}
              </Space>
            ),
          },
          {
            key: 'plan',
            label: t('goals.goal.plan'),
            children: (
              <span>
                <Link to={`/w/${ws}/plans/${goal.plan.id}`} data-testid="goal-plan-link">{goal.plan.name}</Link>
                {goal.phase && <Typography.Text type="secondary"> · {goal.phase.name}</Typography.Text>}
              </span>
            ),
          },
        ]}
      />
      {goal.smart.length > 0 && (
        <div style={{ marginTop: 8 }} data-testid="goal-smart">
          <Typography.Text strong>{t('goals.smart.title')}</Typography.Text>
          <SmartHints messages={goal.smart} />
        </div>
      )}
    </>
  );
}
