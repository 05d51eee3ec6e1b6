import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import ChartCard, { type ChartColumn } from '../../components/charts/ChartCard.tsx';
import { type ProgressRow, progressOption, progressRows } from './goal-charts.ts';
import type { GoalDetail } from './goals-api.ts';
import { fmtAxis, fmtValue } from './labels.tsx';
import { space, text } from '../../theme.ts';

/** The goal's check-ins over time against its target, baseline and ideal pace. */
export default function ProgressChartCard({ goal }: { goal: GoalDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const rows = useMemo(() => progressRows(goal), [goal]);
  const unit = goal.indicator.unit;
  const format = useCallback((v: number) => fmtAxis(v, unit, lang), [unit, lang]);
  const buildOption = useCallback(
    (r: ProgressRow[]) =>
      progressOption(r, goal, { actual: t('goals.chart.actual'), target: t('goals.chart.target'), baseline: t('goals.chart.baseline'), ideal: t('goals.chart.ideal') }, format),
    [goal, t, format],
  );
  const columns: ChartColumn<ProgressRow>[] = [
    { key: 'on', title: t('goals.checkIn.on') },
    { key: 'value', title: t('goals.chart.actual'), align: 'right', format: (v) => format(Number(v)) },
    { key: 'ideal', title: t('goals.chart.ideal'), align: 'right', format: (v) => format(Number(v)) },
    { key: 'by', title: t('goals.checkIn.by') },
  ];
  return (
    <ChartCard<ProgressRow>
      title={t('goals.chart.title')}
      rows={rows}
      rowKey="id"
      columns={columns}
      buildOption={buildOption}
      ariaLabel={t('goals.chart.aria', { count: rows.length, target: fmtValue(goal.target, unit, lang), current: fmtValue(goal.current, unit, lang) })}
      fileName={`${goal.statement.slice(0, 40)}-progress`}
      height={300}
      testId="goal-chart"
      empty={<div style={{ padding: space.xl, textAlign: 'center', color: text.secondary }}>{t('goals.chart.empty')}</div>}
    />
  );
}
