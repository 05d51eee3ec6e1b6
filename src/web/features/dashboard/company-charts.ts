/** ECharts options of the company view: the balanced-scorecard radar and the key indicators' trend lines. */
import type { ChartOption } from '../../components/charts/echarts-setup.ts';
import { chart, text } from '../../theme.ts';

type Format = (v: number) => string;

export type RadarRow = { perspective: string; label: string; average: number | null; withProgress: number; goalCount: number };

/** One axis per perspective, the average progress in percent (0–120: the clamp of each goal). */
export function radarOption(rows: RadarRow[], name: string, formatPercent: (fraction: number) => string): ChartOption {
  return {
    tooltip: { trigger: 'item' },
    radar: { indicator: rows.map((r) => ({ name: r.label, max: 120, min: 0 })), radius: '60%', center: ['50%', '52%'], axisName: { color: text.chartAxis } },
    series: [
      {
        type: 'radar',
        name,
        areaStyle: { opacity: 0.2 },
        label: { show: true, formatter: (p) => formatPercent(Number(p.value) / 100) },
        data: [{ name, value: rows.map((r) => Math.round((r.average ?? 0) * 1000) / 10) }],
      },
    ],
  };
}

/** A point of a trend line, one table row per goal and month. */
export type TrendPointRow = { id: string; goalId: string; goal: string; unit: string; month: string; value: number; target: number; direction: 'higher' | 'lower' };

/**
 * How far a value has come towards its target, as a fraction (1 = met): value ÷ target, or for a
 * lower-is-better goal target ÷ value — 14 % turnover against a target of 8 % is 57 %, not 175 %.
 */
export function shareOfTarget(row: Pick<TrendPointRow, 'value' | 'target' | 'direction'>): number | null {
  if (row.direction === 'lower') return row.value <= 0 ? (row.target >= 0 ? 1 : null) : row.target / row.value;
  return row.target === 0 ? null : row.value / row.target;
}

const percentOfTarget = (row: TrendPointRow): number | null => {
  const share = shareOfTarget(row);
  return share === null ? null : share * 100;
};

const PALETTE = chart.series;
type Labels = { ofTarget: string; target: string };

/**
 * A line per key goal over the months any of them has. The company's goals are in different
 * units and scales (12,000,000 元 beside 8 %), so each line is drawn as a share of its own target
 * and every target is the same dashed line at 100 %; the tooltip and the table keep the values.
 */
export function keyTrendsOption(rows: TrendPointRow[], labels: Labels, format: Format, formatPercent: (fraction: number) => string): ChartOption {
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const goals = [...new Map(rows.map((r) => [r.goalId, r])).values()];
  return {
    grid: { left: 8, right: 56, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, type: 'scroll' },
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params];
        const lines = list.flatMap((p) => {
          const row = rows.find((r) => r.goalId === goals[p.seriesIndex ?? -1]?.goalId && r.month === p.name);
          return row ? [`${p.marker ?? ''}${row.goal}: ${format(row.value)} / ${format(row.target)} ${row.unit} (${formatPercent(shareOfTarget(row) ?? 0)})`] : [];
        });
        return [list[0]?.name ?? '', ...lines].join('<br/>');
      },
    },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatPercent(v / 100) } },
    series: goals.map((g, i) => {
      const byMonth = new Map(rows.filter((r) => r.goalId === g.goalId).map((r) => [r.month, percentOfTarget(r)]));
      return {
        type: 'line',
        name: g.goal,
        color: PALETTE[i % PALETTE.length],
        connectNulls: true,
        data: months.map((m) => byMonth.get(m) ?? null),
        // one dashed target line serves every goal: drawn once, with the first series
        markLine: i === 0 ? { symbol: 'none', silent: true, label: { formatter: labels.target, position: 'end' }, lineStyle: { type: 'dashed', color: chart.reference }, data: [{ yAxis: 100 }] } : undefined,
      };
    }),
  };
}
