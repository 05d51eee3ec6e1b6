import { useCallback, useMemo } from 'react';
import { Link } from 'react-router';
import ChartCard, { type ChartColumn } from '../../components/charts/ChartCard.tsx';
import { keyTrendsOption, type TrendPointRow } from './company-charts.ts';
import { EmptyHint, TitleWithHint, useFormat } from './common.tsx';
import type { CompanyDashboard } from './dashboard-api.ts';
import { links } from './links.ts';

/** The key indicators: a line per company goal by month against its target; the table links each goal. */
export default function KeyTrendsCard({ ws, trends }: { ws: string; trends: CompanyDashboard['trends'] }) {
  const { num, pct, t } = useFormat();
  const rows = useMemo<TrendPointRow[]>(
    () => trends.flatMap((g) => g.points.map((p) => ({ id: `${g.goalId}:${p.month}`, goalId: g.goalId, goal: g.statement, unit: g.indicator.unit, month: p.month, value: p.value, target: g.target, direction: g.direction }))),
    [trends],
  );
  const labels = useMemo(() => ({ ofTarget: t('dashboard.company.ofTarget'), target: t('dashboard.company.target') }), [t]);
  const buildOption = useCallback((r: TrendPointRow[]) => keyTrendsOption(r, labels, num, (f) => pct(f)), [labels, num, pct]);
  const columns: ChartColumn<TrendPointRow>[] = [
    { key: 'goal', title: t('dashboard.team.goal'), format: (v, row) => <Link to={links.goal(ws, row.goalId)}>{String(v)}</Link> },
    { key: 'month', title: t('dashboard.company.month') },
    { key: 'value', title: t('dashboard.company.value'), align: 'right', format: (v, row) => `${num(Number(v))} ${row.unit}` },
    { key: 'target', title: t('dashboard.company.target'), align: 'right', format: (v, row) => `${num(Number(v))} ${row.unit}` },
  ];
  return (
    <ChartCard<TrendPointRow>
      title={<TitleWithHint title={t('dashboard.company.trends')} hint={t('dashboard.company.trendsHint')} />}
      rows={rows}
      rowKey="id"
      columns={columns}
      buildOption={buildOption}
      ariaLabel={t('dashboard.company.trendsAria', { count: trends.length })}
      fileName="key-indicators"
      height={300}
      testId="company-trends"
      empty={<EmptyHint text={t('dashboard.company.trendsEmpty')} />}
    />
  );
}
