import { useCallback, useMemo } from 'react';
import ChartCard, { type ChartColumn } from '../../components/charts/ChartCard.tsx';
import { type RadarRow, radarOption } from './company-charts.ts';
import { EmptyHint, TitleWithHint, useFormat } from './common.tsx';
import type { CompanyDashboard } from './dashboard-api.ts';

/** The balanced scorecard: the average progress of the goals of each perspective. */
export default function RadarCard({ radar }: { radar: CompanyDashboard['radar'] }) {
  const { num, pct, t } = useFormat();
  const rows = useMemo<RadarRow[]>(() => (radar.every((r) => r.goalCount === 0) ? [] : radar.map((r) => ({ ...r, label: t(`indicators.perspectives.${r.perspective}`) }))), [radar, t]);
  const name = t('dashboard.company.average');
  const buildOption = useCallback((r: RadarRow[]) => radarOption(r, name, pct), [name, pct]);
  const columns: ChartColumn<RadarRow>[] = [
    { key: 'label', title: t('dashboard.company.perspective') },
    { key: 'average', title: name, align: 'right', format: (v) => pct(v as number | null) },
    { key: 'withProgress', title: t('dashboard.company.withProgress'), align: 'right', format: (v) => num(Number(v)) },
    { key: 'goalCount', title: t('dashboard.company.goalCount'), align: 'right', format: (v) => num(Number(v)) },
  ];
  return (
    <ChartCard<RadarRow>
      title={<TitleWithHint title={t('dashboard.company.radar')} hint={t('dashboard.company.radarHint')} />}
      rows={rows}
      rowKey="perspective"
      columns={columns}
      buildOption={buildOption}
      ariaLabel={t('dashboard.company.radarAria')}
      fileName="balanced-scorecard"
      height={300}
      testId="company-radar"
      empty={<EmptyHint text={t('chart.noData')} />}
    />
  );
}
