/** ECharts options of scores: a person's totals over time, bands and grades of a cycle, the ranking. */
import type { ChartOption } from '../../components/charts/echarts-setup.ts';
import { chart } from '../../theme.ts';

type Format = (v: number) => string;
const formatter = (format: Format) => (v: unknown) => (typeof v === 'number' ? format(v) : String(v ?? ''));

export type TrendRow = { participantId: string; cycleId: string; cycle: string; periodLabel: string; total: number | null; grade: string | null };

/** The totals cycle after cycle; a cycle without a total leaves a gap rather than a fake zero. */
export function scoreTrendOption(rows: TrendRow[], totalLabel: string, format: Format): ChartOption {
  return {
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: formatter(format) },
    xAxis: { type: 'category', data: rows.map((r) => r.periodLabel) },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => format(v) } },
    series: [{ type: 'line', name: totalLabel, connectNulls: false, symbolSize: 8, label: { show: rows.length <= 6, position: 'top', formatter: (p) => format(Number(p.value)) }, data: rows.map((r) => r.total) }],
  };
}

export type CountRow = { key: string; label: string; count: number };

/** Vertical bars of counts (people per band of totals, per grade). */
export function countBarOption(rows: CountRow[], name: string, color: string, format: Format): ChartOption {
  return {
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: formatter(format) },
    xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => format(v) } },
    series: [{ type: 'bar', name, barMaxWidth: 40, itemStyle: { color }, label: { show: true, position: 'top', formatter: (p) => format(Number(p.value)) }, data: rows.map((r) => r.count) }],
  };
}

export type RankRow = { participantId: string; personId: string; rank: number; name: string; unitName: string | null; total: number; grade: string | null };

/** The ranking as horizontal bars, the first on top. */
export function rankingOption(rows: RankRow[], totalLabel: string, format: Format): ChartOption {
  return {
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: formatter(format) },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => format(v) } },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => `${r.rank}. ${r.name}`), axisLabel: { width: 110, overflow: 'truncate' } },
    series: [{ type: 'bar', name: totalLabel, barMaxWidth: 20, itemStyle: { color: chart.actual }, label: { show: true, position: 'right', formatter: (p) => format(Number(p.value)) }, data: rows.map((r) => r.total) }],
  };
}
