import { Tag } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import ChartCard, { type ChartColumn } from '../../components/charts/ChartCard.tsx';
import { actualsOption } from './goal-charts.ts';
import type { GoalActual, GoalDetail } from './goals-api.ts';
import { fmtAxis, fmtValue, indicatorName } from './labels.tsx';

/** The indicator's actuals for the owner, per period, from closed appraisal cycles or from metrics over datasets. */
export default function ActualsCard({ goal }: { goal: GoalDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const unit = goal.indicator.unit;
  const format = useCallback((v: number) => fmtAxis(v, unit, lang), [unit, lang]);
  const name = indicatorName(goal.indicator, lang);
  const buildOption = useCallback((rows: GoalActual[]) => actualsOption(rows, name, goal.target, t('goals.chart.target'), format), [name, goal.target, t, format]);
  const columns: ChartColumn<GoalActual>[] = [
    { key: 'period', title: t('goals.actuals.period') },
    { key: 'value', title: t('goals.actuals.value'), align: 'right', format: (v) => fmtValue(Number(v), unit, lang) },
    {
      key: 'source',
      title: t('goals.actuals.source'),
      format: (v, row) => (
        <span>
          <Tag color={v === 'metric' ? 'geekblue' : 'purple'}>{t(`goals.actuals.sources.${row.source}`)}</Tag>
          {row.label}
        </span>
      ),
    },
  ];
  return (
    <ChartCard<GoalActual>
      title={t('goals.actuals.title', { indicator: name })}
      rows={goal.actuals}
      rowKey={(r) => `${r.source}-${r.period}-${r.label}`}
      columns={columns}
      buildOption={buildOption}
      ariaLabel={t('goals.actuals.aria', { indicator: name, count: goal.actuals.length })}
      fileName={`${name}-actuals`}
      height={200}
      testId="goal-actuals"
      empty={<div style={{ padding: 16, color: '#8c8c8c' }}>{t('goals.actuals.empty')}</div>}
    />
  );
}
