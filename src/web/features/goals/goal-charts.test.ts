import { describe, expect, it } from 'vitest';
import { actualsOption, periodsOption } from './goal-charts.ts';
import type { GoalActual, GoalPeriodRow } from './goals-api.ts';

type Series = { name?: string; type?: string; data: unknown[] };
const seriesOf = (option: { series?: unknown }) => option.series as Series[];
const format = (v: number) => String(v);

describe('the goal page charts', () => {
  it('draws the month in progress apart from the complete months, never as one more month', () => {
    const rows: GoalActual[] = [
      { period: '2027-01', value: 36_000, source: 'metric', label: '店铺销售额', partial: false },
      { period: '2027-02', value: 37_000, source: 'metric', label: '店铺销售额', partial: false },
      { period: '2027-03', value: 8_000, source: 'metric', label: '店铺销售额', partial: true },
    ];
    const [complete, partial] = seriesOf(actualsOption(rows, '销售额', 40_000, { target: '目标值', partial: '进行中（截至今天，不计入历史）' }, format));
    expect(complete.data).toEqual([36_000, 37_000, null]);
    expect(partial).toMatchObject({ name: '进行中（截至今天，不计入历史）', data: [null, null, 8_000] });
    // without a period in progress there is no second series (and no legend for it)
    const whole = actualsOption(rows.slice(0, 2), '销售额', 40_000, { target: '目标值', partial: 'x' }, format);
    expect(seriesOf(whole)).toHaveLength(1);
    expect(whole.legend).toBeUndefined();
  });

  it('shows a recurring goal’s periods against each one’s own target, the one in progress pale and dashed', () => {
    const period = (label: string, target: number, actual: number | null, state: GoalPeriodRow['state']): GoalPeriodRow => ({ label, startsOn: `${label}-01`, endsOn: `${label}-28`, target, actual, state, pace: state === 'in_progress' ? 'on_track' : null, progress: null, elapsed: 0 });
    const rows = [period('2027-01', 3, 3, 'met'), period('2027-02', 3, 1, 'missed'), period('2027-03', 4, 1, 'in_progress'), period('2027-04', 3, null, 'upcoming')];
    const colors: Record<string, string> = { met: 'green', missed: 'red', in_progress: 'blue', upcoming: 'grey' };
    const [actual, target] = seriesOf(periodsOption(rows, { actual: '实际值', target: '目标值', soFar: '本月至今', state: (p) => p.state }, { of: (p) => colors[p.state], target: 'orange', legend: 'grey' }, format));
    expect(target.data).toEqual([3, 3, 4, 3]);
    expect(actual.data).toEqual([
      { value: 3, itemStyle: { color: 'green' } },
      { value: 1, itemStyle: { color: 'red' } },
      { value: 1, itemStyle: { color: 'blue', opacity: 0.45, borderColor: 'blue', borderWidth: 1.5, borderType: 'dashed' } },
      null,
    ]);
  });
});
