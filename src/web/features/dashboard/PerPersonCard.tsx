import { useCallback, useMemo } from 'react';
import ChartCard, { type ChartColumn } from '../../components/charts/ChartCard.tsx';
import type { ChartOption } from '../../components/charts/echarts-setup.ts';
import { STATUS_HEX } from '../goals/labels.tsx';
import { EmptyHint, TitleWithHint, useFormat } from './common.tsx';
import type { TeamDashboard } from './dashboard-api.ts';
import { chart } from '../../theme.ts';

type Row = TeamDashboard['people'][number];

/** Goals per person, split into on track (or achieved) and the rest, least on track first. */
export default function PerPersonCard({ people, total }: { people: Row[]; total: number }) {
  const { num, pct, t } = useFormat();
  const buildOption = useCallback(
    (rows: Row[]): ChartOption => ({
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0, left: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => num(v) } },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name), axisLabel: { width: 100, overflow: 'truncate' } },
      series: [
        { type: 'bar', stack: 'goals', name: t('dashboard.team.onTrack'), itemStyle: { color: STATUS_HEX.on_track }, barMaxWidth: 18, data: rows.map((r) => r.onTrack) },
        { type: 'bar', stack: 'goals', name: t('dashboard.team.others'), itemStyle: { color: chart.remainder }, barMaxWidth: 18, data: rows.map((r) => r.goalCount - r.onTrack) },
      ],
    }),
    [num, t],
  );
  const columns: ChartColumn<Row>[] = [
    { key: 'name', title: t('dashboard.team.person') },
    { key: 'unitName', title: t('dashboard.team.unit'), format: (v) => String(v ?? '—') },
    { key: 'goalCount', title: t('dashboard.team.goals'), align: 'right', format: (v) => num(Number(v)) },
    { key: 'onTrack', title: t('dashboard.team.onTrack'), align: 'right', format: (v) => num(Number(v)) },
    { key: 'onTrackShare', title: t('dashboard.team.share'), align: 'right', format: (v) => pct(Number(v)) },
  ];
  const height = useMemo(() => Math.max(160, 48 + people.length * 26), [people.length]);
  return (
    <ChartCard<Row>
      title={<TitleWithHint title={t('dashboard.team.perPerson')} hint={t('dashboard.team.perPersonHint', { shown: num(people.length), total: num(total) })} />}
      rows={people}
      rowKey="personId"
      columns={columns}
      buildOption={buildOption}
      ariaLabel={t('dashboard.team.perPersonAria', { count: people.length })}
      fileName="goals-per-person"
      height={height}
      testId="team-people"
      empty={<EmptyHint text={t('chart.noData')} />}
    />
  );
}
