/** ECharts options of the goal page, built from the same rows its tables show. */
import dayjs from 'dayjs';
import type { ChartOption } from '../../components/charts/echarts-setup.ts';
import type { GoalActual, GoalDetail, GoalPeriodRow } from './goals-api.ts';
import { chart } from '../../theme.ts';

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
  const lines = [{ name: labels.target, yAxis: goal.target, lineStyle: { color: chart.target, type: 'solid' as const } }];
  if (goal.baseline !== null) lines.push({ name: labels.baseline, yAxis: goal.baseline, lineStyle: { color: chart.reference, type: 'solid' as const } });
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
        lineStyle: { width: 3, color: chart.actual },
        itemStyle: { color: chart.actual },
        // labels inside the grid, above their line: outside they are cut off by long numbers
        markLine: { symbol: 'none', label: { formatter: (p) => `${p.name} ${format(Number(p.value))}`, position: 'insideEndTop' }, data: lines },
      },
      { name: labels.ideal, type: 'line', data: ideal, symbol: 'none', lineStyle: { type: 'dashed', color: chart.ideal }, itemStyle: { color: chart.ideal } },
    ],
  };
}

/** Text for the tooltips' HTML (a metric's name is the user's own words). */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

type ActualsLabels = { target: string; partial: string };

/**
 * Past actuals of the indicator for the owner, per period, as bars. A period still in progress
 * (`partial`) holds a value so far, not a period's: it is drawn apart, as a hollow dashed bar of its
 * own series, never as one more full period.
 */
export function actualsOption(rows: GoalActual[], name: string, target: number, labels: ActualsLabels, format: (v: number) => string): ChartOption {
  const hasPartial = rows.some((r) => r.partial);
  return {
    grid: { left: 8, right: 16, top: hasPartial ? 36 : 24, bottom: 8, containLabel: true },
    legend: hasPartial ? { top: 0, left: 0 } : undefined,
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params];
        const row = rows[list[0]?.dataIndex ?? -1];
        if (!row) return '';
        return `${escapeHtml(row.period)}<br/>${list[0]?.marker ?? ''}${escapeHtml(row.label)}: ${format(row.value)}${row.partial ? `<br/>${escapeHtml(labels.partial)}` : ''}`;
      },
    },
    xAxis: { type: 'category', data: rows.map((r) => r.period) },
    // bars start at zero: a bar cut off at the lowest value misleads
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => format(v) } },
    series: [
      {
        name,
        type: 'bar',
        stack: 'actual',
        data: rows.map((r) => (r.partial ? null : r.value)),
        itemStyle: { color: chart.forecast },
        barMaxWidth: 32,
        markLine: { symbol: 'none', label: { formatter: () => labels.target, position: 'insideEndTop' }, data: [{ yAxis: target, lineStyle: { color: chart.target } }] },
      },
      ...(hasPartial
        ? [
            {
              name: labels.partial,
              type: 'bar' as const,
              stack: 'actual',
              data: rows.map((r) => (r.partial ? r.value : null)),
              itemStyle: { color: chart.forecastArea, borderColor: chart.forecastBorder, borderWidth: 1.5, borderType: 'dashed' as const },
              barMaxWidth: 32,
            },
          ]
        : []),
    ],
  };
}

type PeriodLabels = { actual: string; target: string; soFar: string; state: (p: GoalPeriodRow) => string };

/**
 * A recurring goal's periods: each period's actual as a bar in its state's colour against the
 * period's own target (a step line: a period set apart shows its own). The period in progress is
 * pale and dashed — a value so far — and upcoming periods show only their target.
 */
/** The colours: each period's bar (by its state), the target line, and the actual's legend mark (neutral: the bars have several colours). */
type PeriodChartColors = { of: (p: GoalPeriodRow) => string; target: string; legend: string };

export function periodsOption(rows: GoalPeriodRow[], labels: PeriodLabels, colors: PeriodChartColors, format: (v: number) => string): ChartOption {
  const { of: colorOf, target: targetColor } = colors;
  return {
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, data: [labels.actual, labels.target] },
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params];
        const p = rows[list[0]?.dataIndex ?? -1];
        if (!p) return '';
        const actual = p.actual === null ? '—' : `${format(p.actual)}${p.state === 'in_progress' ? ` (${labels.soFar})` : ''}`;
        return [p.label, `${labels.actual}: ${actual}`, `${labels.target}: ${format(p.target)}`, labels.state(p)].map(escapeHtml).join('<br/>');
      },
    },
    xAxis: { type: 'category', data: rows.map((p) => p.label) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => format(v) } },
    series: [
      {
        name: labels.actual,
        type: 'bar',
        barMaxWidth: 36,
        itemStyle: { color: colors.legend },
        data: rows.map((p) =>
          p.actual === null
            ? null
            : p.state === 'in_progress'
              ? { value: p.actual, itemStyle: { color: colorOf(p), opacity: 0.45, borderColor: colorOf(p), borderWidth: 1.5, borderType: 'dashed' as const } }
              : { value: p.actual, itemStyle: { color: colorOf(p) } },
        ),
      },
      { name: labels.target, type: 'line', step: 'middle', symbol: 'none', data: rows.map((p) => p.target), lineStyle: { type: 'dashed', width: 2, color: targetColor }, itemStyle: { color: targetColor } },
    ],
  };
}
