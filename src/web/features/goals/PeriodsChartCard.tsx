import { theme } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import ChartCard, { type ChartColumn } from '../../components/charts/ChartCard.tsx';
import { periodsOption } from './goal-charts.ts';
import type { GoalDetail, GoalPeriodRow } from './goals-api.ts';
import { fmtAxis, fmtValue } from './labels.tsx';
import { periodColors, periodStateText } from './recurrence-labels.tsx';

/**
 * The progress chart of a recurring goal: each period's actual against its own target (a one-off
 * goal's single pace line would mean nothing here), with the same periods as a table.
 */
export default function PeriodsChartCard({ goal }: { goal: GoalDetail & { recurrence: NonNullable<GoalDetail['recurrence']> } }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const lang = i18n.language;
  const unit = goal.indicator.unit;
  const rows = goal.periods ?? [];
  const soFar = t(`goals.periods.soFar.${goal.recurrence}`);
  const format = useCallback((v: number) => fmtAxis(v, unit, lang), [unit, lang]);
  const buildOption = useCallback(
    (r: GoalPeriodRow[]) =>
      periodsOption(r, { actual: t('goals.chart.actual'), target: t('goals.chart.target'), soFar, state: (p) => periodStateText(t, p) }, { of: (p) => periodColors(p, token).accent, target: token.colorWarning, legend: token.colorTextTertiary }, format),
    [t, soFar, token, format],
  );
  const columns: ChartColumn<GoalPeriodRow>[] = [
    { key: 'label', title: t('goals.actuals.period') },
    { key: 'target', title: t('goals.chart.target'), align: 'right', format: (v) => fmtValue(Number(v), unit, lang) },
    { key: 'actual', title: t('goals.chart.actual'), align: 'right', format: (v, p) => (v === null ? '—' : `${fmtValue(Number(v), unit, lang)}${p.state === 'in_progress' ? ` (${soFar})` : ''}`) },
    { key: 'state', title: t('goals.periods.stateTitle'), format: (_, p) => <span style={{ color: periodColors(p, token).text }}>{periodStateText(t, p)}</span> },
  ];
  const met = goal.record?.met ?? 0;
  return (
    <ChartCard<GoalPeriodRow>
      title={t('goals.chart.periodsTitle')}
      rows={rows}
      rowKey="label"
      columns={columns}
      buildOption={buildOption}
      ariaLabel={t('goals.chart.periodsAria', { count: rows.length, met, finished: goal.record?.finished ?? 0 })}
      fileName={`${goal.statement.slice(0, 40)}-periods`}
      height={260}
      testId="goal-chart"
    />
  );
}
