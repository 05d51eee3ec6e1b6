/**
 * The large demo's plans: one per calendar year that the check-in months touch, each with the
 * seed's three phases, and how many of the goals each plan gets (by its months in the window,
 * so a year seen for one month gets a small plan). Pure.
 */
import { DEFAULT_PHASES } from '../../../core/goals/types.ts';

export type PlanDraft = { id: string; year: number; name: string; description: string; startsOn: string; endsOn: string; goalBudget: number; phases: PhaseDraft[] };
export type PhaseDraft = { id: string; name: string; startsOn: string; endsOn: string; sortOrder: number };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A month as `{ year, month }` counted back from `today`'s month: 1 is the month before. */
export function monthBefore(today: string, back: number): { year: number; month: number } {
  const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - back;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The last day of a month, `YYYY-MM-DD`. */
export const monthEnd = (year: number, month: number) => `${year}-${pad(month)}-${pad(lastDay(year, month))}`;

// 启动期 four months, 成长期 four, 成熟期 four: the seed's phases over a calendar year
const PHASE_MONTHS: readonly [number, number][] = [
  [1, 4],
  [5, 8],
  [9, 12],
];

/**
 * The plans for the `months` closed months before `today` and the current month, with the
 * goals split between them by months in that window (every plan gets at least its company
 * goals and a few unit goals).
 */
export function generatePlans(today: string, months: number, goals: number, newId: () => string): PlanDraft[] {
  const first = monthBefore(today, months);
  const current = monthBefore(today, 0);
  const years: { year: number; weight: number }[] = [];
  for (let year = first.year; year <= current.year; year++) {
    const from = year === first.year ? first.month : 1;
    const to = year === current.year ? current.month : 12;
    years.push({ year, weight: to - from + 1 });
  }
  const total = years.reduce((s, y) => s + y.weight, 0);
  let given = 0;
  return years.map(({ year, weight }, i) => {
    const goalBudget = i === years.length - 1 ? goals - given : Math.round((goals * weight) / total);
    given += goalBudget;
    return {
      id: newId(),
      year,
      name: `${year} 年度经营计划`,
      description: `${year} 年的销售、市场、客户与组织目标：公司目标分解到部门、区域、小组和个人，每月复盘。`,
      startsOn: `${year}-01-01`,
      endsOn: `${year}-12-31`,
      goalBudget,
      phases: DEFAULT_PHASES.map((p, k) => ({ id: newId(), name: p.name, startsOn: `${year}-${pad(PHASE_MONTHS[k][0])}-01`, endsOn: monthEnd(year, PHASE_MONTHS[k][1]), sortOrder: k })),
    };
  });
}
