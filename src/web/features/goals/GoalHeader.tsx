import { Descriptions, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GoalDetail } from './goals-api.ts';
import { fmtPair, fmtPercent, fmtValue, indicatorName, OwnerLabel, STATUS_HEX } from './labels.tsx';
import { SmartHints } from './SmartHints.tsx';
import { fontSize, space } from '../../theme.ts';

/** What the goal is: owner, indicator, numbers and progress, time, source and where it sits in its plan. */
export default function GoalHeader({ ws, goal }: { ws: string; goal: GoalDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  // a recurring goal is judged period by period: its numbers are the current period's, its time the period's
  const now = goal.periods?.find((p) => p.state === 'in_progress') ?? null;
  const shown = now ? { current: now.actual, target: now.target, progress: now.progress, elapsed: now.elapsed } : { current: goal.current, target: goal.target, progress: goal.progress, elapsed: goal.elapsed };
  const percent = shown.progress === null ? 0 : Math.round(Math.max(0, Math.min(1, shown.progress)) * 100);
  const soFar = goal.recurrence ? t(`goals.periods.soFar.${goal.recurrence}`) : '';
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
            label: now ? t('goals.goal.periodCurrentTarget') : t('goals.goal.currentTarget'),
            children: (
              <span style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="goal-numbers">
                {now && `${now.label}${t('common.colon')}`}
                {fmtPair(shown.current, shown.target, goal.indicator.unit, lang)}
                {now && <Typography.Text type="secondary">{t('goals.goal.soFarNote', { soFar })}</Typography.Text>}
                {goal.baseline !== null && <Typography.Text type="secondary"> · {t('goals.goal.baselineIs', { value: fmtValue(goal.baseline, goal.indicator.unit, lang) })}</Typography.Text>}
              </span>
            ),
          },
          {
            key: 'progress',
            label: now ? t('goals.goal.periodProgress') : t('goals.goal.progress'),
            children: (
              <div style={{ width: 260, maxWidth: '100%' }} data-testid="goal-progress">
                <Progress percent={percent} strokeColor={STATUS_HEX[now?.pace ?? goal.status]} format={() => (shown.progress === null ? '—' : fmtPercent(shown.progress, lang))} />
                <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }}>
                  {t(now ? 'goals.goal.periodElapsed' : 'goals.goal.elapsed', { pct: fmtPercent(shown.elapsed, lang) })}
                </Typography.Text>
              </div>
            ),
          },
          {
            key: 'time',
            label: t('goals.goal.time'),
            children: (
              <Space size={space.sm} wrap>
                <span style={{ fontVariantNumeric: 'tabular-nums' }}>{goal.startsOn} ~ {goal.deadline}</span>
                {goal.recurrence && <Typography.Text type="secondary">{t('goals.goal.recursEvery', { recurrence: t(`goals.periods.every.${goal.recurrence}`), count: goal.periods?.length ?? 0 })}</Typography.Text>}
              </Space>
            ),
          },
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
                {goal.sourceNote && <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }}>{goal.sourceNote}</Typography.Text>}
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
        <div style={{ marginTop: space.sm }} data-testid="goal-smart">
          <Typography.Text strong>{t('goals.smart.title')}</Typography.Text>
          <SmartHints messages={goal.smart} />
        </div>
      )}
    </>
  );
}
