/** ECharts options of the goal page, built from the same rows its tables show. */
import dayjs from 'dayjs';
import type { ChartOption } from '../../components/charts/echarts-setup.ts';
import type { GoalActual, GoalDetail } from './goals-api.ts';

export type ProgressRow = { id: string; on: string; value: number; ideal: number; comment: string; by: string; source: 'manual' | 'data' };

/** Where the way starts: the baseline, or 0 without one (as the server's status rule counts it). */
const startOf = (goal: Pick<GoalDetail, 'baseline'>) => goal.baseline ?? 0;

/** Where the ideal pace stands on a day: a straight line from the start value on the first day to the target on the deadline. */
export function idealAt(goal: Pick<GoalDetail, 'baseline' | 'target' | 'startsOn' | 'deadline'>, day: string): number {
  const total = dayjs(goal.deadline).diff(goal.startsOn, 'day');
  if (total <= 0) return goal.target;
  const f = Math.min(1, Math.max(0, dayjs(day).diff(goal.startsOn, 'day') / total));
  return startOf(goal) + (goal.target - startOf(goal)) * f;
}

export function progressRows(goal: GoalDetail): ProgressRow[] {
  return [...goal.checkIns]
    .sort((a, b) => a.on.localeCompare(b.on) || a.createdAt.localeCompare(b.createdAt))
    .map((c) => ({ id: c.id, on: c.on, value: c.value, ideal: idealAt(goal, c.on), comment: c.comment, by: c.by, source: c.source }));
}

type Labels = { actual: string; target: string; baseline: string; ideal: string };

/** Check-ins over time against the target line, the baseline and the ideal pace. */
export function progressOption(rows: ProgressRow[], goal: GoalDetail, labels: Labels, format: (v: number) => string): ChartOption {
  // the ideal line's two ends also keep the target and the start inside the value axis
  const ideal = [[goal.startsOn, startOf(goal)], [goal.deadline, goal.target]];
  const lines = [{ name: labels.target, yAxis: goal.target, lineStyle: { color: '#fa8c16', type: 'solid' as const } }];
  if (goal.baseline !== null) lines.push({ name: labels.baseline, yAxis: goal.baseline, lineStyle: { color: '#8c8c8c', type: 'solid' as const } });
  return {
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? format(v) : String(v ?? '')) },
    xAxis: { type: 'time', min: goal.startsOn, max: goal.deadline },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => format(v) } },
    series: [
      {
        name: labels.actual,
        type: 'line',
        data: rows.map((r) => [r.on, r.value]),
        symbolSize: 8,
        lineStyle: { width: 3, color: '#1d5fd1' },
        itemStyle: { color: '#1d5fd1' },
        // labels inside the grid, above their line: outside they are cut off by long numbers
        markLine: { symbol: 'none', label: { formatter: (p) => `${p.name} ${format(Number(p.value))}`, position: 'insideEndTop' }, data: lines },
      },
      { name: labels.ideal, type: 'line', data: ideal, symbol: 'none', lineStyle: { type: 'dashed', color: '#52c41a' }, itemStyle: { color: '#52c41a' } },
    ],
  };
}

/** Past actuals of the indicator for the owner, per period, as bars. */
export function actualsOption(rows: GoalActual[], name: string, target: number, targetLabel: string, format: (v: number) => string): ChartOption {
  return {
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? format(v) : String(v ?? '')) },
    xAxis: { type: 'category', data: rows.map((r) => r.period) },
    // bars start at zero: a bar cut off at the lowest value misleads
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => format(v) } },
    series: [
      {
        name,
        type: 'bar',
        data: rows.map((r) => r.value),
        itemStyle: { color: '#69b1ff' },
        barMaxWidth: 32,
        markLine: { symbol: 'none', label: { formatter: () => targetLabel, position: 'insideEndTop' }, data: [{ yAxis: target, lineStyle: { color: '#fa8c16' } }] },
      },
    ],
  };
}
