import { useCallback, useMemo } from 'react';
import { Link } from 'react-router';
import ChartCard, { type ChartColumn } from '../../components/charts/ChartCard.tsx';
import { EmptyHint, useFormat } from './common.tsx';
import type { MyDashboard } from './dashboard-api.ts';
import { links } from './links.ts';
import { scoreTrendOption, type TrendRow } from './score-charts.ts';

/** The viewer's totals cycle after cycle; in the table each total links to its explanation. */
export default function ScoreTrendCard({ ws, trend }: { ws: string; trend: MyDashboard['trend'] }) {
  const { num, t } = useFormat();
  const rows = useMemo<TrendRow[]>(
    () => trend.map((s) => ({ participantId: s.participantId, cycleId: s.cycle.id, cycle: s.cycle.name, periodLabel: s.cycle.periodLabel, total: s.total, grade: s.grade })),
    [trend],
  );
  const buildOption = useCallback((r: TrendRow[]) => scoreTrendOption(r, t('dashboard.me.total'), num), [t, num]);
  const columns: ChartColumn<TrendRow>[] = [
    { key: 'cycle', title: t('dashboard.me.cycle') },
    { key: 'periodLabel', title: t('dashboard.me.period') },
    { key: 'total', title: t('dashboard.me.total'), align: 'right', format: (v, row) => <Link to={links.result(ws, row.cycleId, row.participantId)}>{num(v as number | null)}</Link> },
    { key: 'grade', title: t('dashboard.me.grade'), format: (v) => String(v ?? '—') },
  ];
  return (
    <ChartCard<TrendRow>
      title={t('dashboard.me.trend')}
      rows={rows}
      rowKey="participantId"
      columns={columns}
      buildOption={buildOption}
      ariaLabel={t('dashboard.me.trendAria', { count: rows.length })}
      fileName="my-score-trend"
      height={240}
      testId="my-trend"
      empty={<EmptyHint text={t('dashboard.me.trendEmpty')} />}
    />
  );
}
