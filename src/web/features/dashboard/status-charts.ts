/** ECharts options of goal statuses (donut, bars, stacked bars), built from the rows their tables show. */
import type { ChartOption } from '../../components/charts/echarts-setup.ts';
import type { GoalStatus } from '../goals/goals-api.ts';
import { STATUS_HEX } from '../goals/labels.tsx';
import { fontSize } from '../../theme.ts';

export const STATUS_ORDER: readonly GoalStatus[] = ['on_track', 'achieved', 'at_risk', 'off_track', 'missed', 'not_started'];

export type StatusRow = { status: GoalStatus; label: string; count: number };
type Format = (v: number) => string;
const formatter = (format: Format) => (v: unknown) => (typeof v === 'number' ? format(v) : String(v ?? ''));

/** One row per status, in the order people read them (good news first), zeros left out. */
export function statusRows(counts: Record<GoalStatus, number>, label: (s: GoalStatus) => string): StatusRow[] {
  return STATUS_ORDER.filter((s) => counts[s] > 0).map((status) => ({ status, label: label(status), count: counts[status] }));
}

export function statusDonutOption(rows: StatusRow[], format: Format): ChartOption {
  const total = rows.reduce((a, r) => a + r.count, 0);
  return {
    tooltip: { trigger: 'item', valueFormatter: formatter(format) },
    legend: { bottom: 0, left: 'center', type: 'scroll' },
    title: { text: format(total), left: 'center', top: '36%', textStyle: { fontSize: fontSize.figure, fontWeight: 600 } },
    series: [
      {
        type: 'pie',
        radius: ['48%', '70%'],
        center: ['50%', '42%'],
        label: { formatter: (p) => format(Number(p.value)) },
        data: rows.map((r) => ({ name: r.label, value: r.count, itemStyle: { color: STATUS_HEX[r.status] } })),
      },
    ],
  };
}

export function statusBarOption(rows: StatusRow[], format: Format): ChartOption {
  return {
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: formatter(format) },
    xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => format(v) } },
    series: [{ type: 'bar', barMaxWidth: 40, label: { show: true, position: 'top', formatter: (p) => format(Number(p.value)) }, data: rows.map((r) => ({ value: r.count, itemStyle: { color: STATUS_HEX[r.status] } })) }],
  };
}

/** A row of a stacked status chart: a category (a level, a unit) and its count per status. */
export type StackRow = { key: string; label: string; total: number; counts: Record<GoalStatus, number> };

/** Horizontal bars, one per category, stacked by status: the health of each part of the goal tree. */
export function stackedStatusOption<R extends StackRow>(rows: R[], label: (s: GoalStatus) => string, format: Format): ChartOption {
  const used = STATUS_ORDER.filter((s) => rows.some((r) => r.counts[s] > 0));
  return {
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: formatter(format) },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => format(v) } },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label), axisLabel: { width: 120, overflow: 'truncate' } },
    series: used.map((s) => ({ type: 'bar', stack: 'status', name: label(s), barMaxWidth: 28, itemStyle: { color: STATUS_HEX[s] }, data: rows.map((r) => r.counts[s]) })),
  };
}
