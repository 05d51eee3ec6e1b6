/** The plan form's values, their conversion to the API's planInput, and the even split into the seed's three phases. */
import dayjs, { type Dayjs } from 'dayjs';
import { DEFAULT_PHASES } from '../../../core/goals/types.ts';
import type { Plan, PlanBody } from './goals-api.ts';

export type Cadence = NonNullable<Plan['reviewCadence']>;
export type PhaseValues = { id?: string; name?: string; range?: [Dayjs, Dayjs] | null };
export type PlanValues = {
  name: string;
  description?: string;
  range?: [Dayjs, Dayjs] | null;
  reviewCadence?: Cadence | null;
  phases?: PhaseValues[];
};

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

export function planValuesOf(plan: Plan | null): PlanValues {
  if (!plan) return { name: '', description: '', range: null, reviewCadence: 'monthly', phases: [] };
  return {
    name: plan.name,
    description: plan.description,
    range: [dayjs(plan.startsOn), dayjs(plan.endsOn)],
    reviewCadence: plan.reviewCadence,
    phases: plan.phases.map((p) => ({ id: p.id, name: p.name, range: [dayjs(p.startsOn), dayjs(p.endsOn)] })),
  };
}

/** The body to send; dates the form lacks are sent empty so the server's located error lands on the field. */
export function planBodyOf(v: PlanValues): PlanBody {
  return {
    name: v.name ?? '',
    description: v.description ?? '',
    startsOn: v.range ? day(v.range[0]) : '',
    endsOn: v.range ? day(v.range[1]) : '',
    reviewCadence: v.reviewCadence ?? null,
    phases: (v.phases ?? []).map((p) => ({
      ...(p.id ? { id: p.id } : {}),
      name: p.name ?? '',
      startsOn: p.range ? day(p.range[0]) : '',
      endsOn: p.range ? day(p.range[1]) : '',
    })),
  };
}

/**
 * 启动期 / 成长期 / 成熟期 splitting the plan's days in three as evenly as whole days allow
 * (the later phases get the extra day). Names in the UI's language.
 * @example threePhases(dayjs('2027-01-01'), dayjs('2027-12-31'), 'zh-CN')[1].range // 2027-05-02 … 2027-08-31
 */
export function threePhases(start: Dayjs, end: Dayjs, lang: string): PhaseValues[] {
  const days = end.diff(start, 'day') + 1;
  return DEFAULT_PHASES.map((p, i) => {
    const from = start.add(Math.floor((i * days) / 3), 'day');
    const to = start.add(Math.floor(((i + 1) * days) / 3) - 1, 'day');
    return { name: lang === 'en' ? p.nameEn : p.name, range: [from, to] };
  });
}
