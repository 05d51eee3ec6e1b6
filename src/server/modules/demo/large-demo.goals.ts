/**
 * The large demo's goals for one plan, cascading company → units (down the unit tree) →
 * people, each with its source (出处): `parent` with the parent goal when there is one on the
 * same indicator higher up, otherwise the strategy, the annual plan or the job duties. Targets
 * are sized by the people in the owner's part of the organisation, then the children of every
 * additive goal are scaled so their sum covers the parent fully, partly, far too little or
 * more than fully — so decomposition coverage varies as it does in a real company. Pure.
 */
import type { GoalOwnerKind, GoalSource } from '../../../core/goals/types.ts';
import { COMPANY_GOALS, formatTarget, GOAL_SPECS, personGoals, UNIT_GOALS } from './large-demo.goal-specs.ts';
import type { Org } from './large-demo.org.ts';
import type { PlanDraft } from './large-demo.plans.ts';
import { type Random, roundNice } from './large-demo.random.ts';
import { scaleChildren } from './large-demo.targets.ts';

export type GoalDraft = {
  id: string;
  planId: string;
  phaseId: string | null;
  parent: GoalDraft | null;
  ownerKind: GoalOwnerKind;
  ownerUnit: number | null;
  ownerPerson: number | null;
  indicatorKey: string;
  baseline: number | null;
  target: number;
  startsOn: string;
  deadline: string;
  source: GoalSource;
  /** The owner as a statement names it: 公司, a unit's name, or nothing for a person's own goal. */
  scope: string;
  /** The plan's year or the phase, as the statement names it. */
  period: string;
};

const ROOT_SOURCE: Record<string, GoalSource> = { sales_amount: 'budget', staff_turnover_rate: 'strategy', customer_satisfaction: 'strategy' };

export function generatePlanGoals(random: Random, org: Org, plan: PlanDraft, newId: () => string): GoalDraft[] {
  const goals: GoalDraft[] = [];
  const byOwner = new Map<string, GoalDraft>(); // `company:key`, `unit:3:key`
  const add = (draft: Omit<GoalDraft, 'id' | 'planId' | 'target' | 'baseline'>, size: number) => {
    const spec = GOAL_SPECS[draft.indicatorKey];
    const target = spec.shape === 'rate' ? Math.round(spec.perPerson * random.between(0.95, 1.05) * 1000) / 1000 : roundNice(spec.perPerson * (size > 0 ? size : 1));
    const goal: GoalDraft = { ...draft, id: newId(), planId: plan.id, target, baseline: null };
    goals.push(goal);
    return goal;
  };
  // who a goal on an indicator speaks for: the people in that part of the organisation whose own goals use it
  const concerned = (key: string, units: Set<number> | null) => org.people.filter((p) => (units === null || units.has(p.unit)) && personGoals(p.position).includes(key)).length;
  const subtree = (u: number): Set<number> => new Set([u, ...org.units[u].children.flatMap((c) => [...subtree(c)])]);
  const year = `${plan.year}年`;
  const annual = { phaseId: null, startsOn: plan.startsOn, deadline: plan.endsOn, period: year };

  const companyCount = Math.min(COMPANY_GOALS.length, plan.goalBudget);
  for (const key of COMPANY_GOALS.slice(0, companyCount)) {
    const goal = add({ ...annual, parent: null, ownerKind: 'company', ownerUnit: null, ownerPerson: null, indicatorKey: key, source: ROOT_SOURCE[key] ?? 'annual_plan', scope: '公司' }, concerned(key, null));
    byOwner.set(`company:${key}`, goal);
  }
  const perUnit = Math.min(8, Math.floor(((plan.goalBudget - companyCount) * 0.5) / org.units.length));
  // the goal a unit's or person's goal on `key` comes from: the nearest unit up the tree with one, else the company's
  const parentFor = (unit: number | null, key: string): GoalDraft | null => {
    for (let u = unit; u !== null; u = org.units[u].parent) {
      const goal = byOwner.get(`unit:${u}:${key}`);
      if (goal) return goal;
    }
    return byOwner.get(`company:${key}`) ?? null;
  };
  const unitsByLevel = org.units.map((u, i) => ({ u, i })).sort((a, b) => a.u.level - b.u.level);
  for (const { u, i } of unitsByLevel) {
    for (const key of UNIT_GOALS[u.kind].slice(0, perUnit)) {
      const parent = parentFor(u.parent, key);
      const goal = add({ ...annual, parent, ownerKind: 'unit', ownerUnit: i, ownerPerson: null, indicatorKey: key, source: parent ? 'parent' : 'annual_plan', scope: u.name }, concerned(key, subtree(i)));
      byOwner.set(`unit:${i}:${key}`, goal);
    }
  }

  const remaining = Math.max(0, plan.goalBudget - goals.length);
  const base = Math.floor(remaining / org.people.length);
  const extra = remaining - base * org.people.length;
  // which people get one goal more: spread over the organisation, not the first in the list
  const stride = Math.max(1, Math.floor(org.people.length / Math.max(1, extra)));
  for (const [p, person] of org.people.entries()) {
    const count = base + (p % stride === 0 && p / stride < extra ? 1 : 0);
    const keys = personGoals(person.position);
    for (let j = 0; j < count; j++) {
      const key = keys[j % keys.length];
      // a second goal on the same indicator is a phase's; some first ones are too
      const phase = j >= keys.length ? plan.phases[(Math.floor(j / keys.length) - 1) % 3] : random.chance(0.15) ? random.pick(plan.phases) : null;
      const parent = parentFor(person.unit, key);
      const dates = phase ? { phaseId: phase.id, startsOn: phase.startsOn, deadline: phase.endsOn, period: `${year}${phase.name}` } : annual;
      add({ ...dates, parent, ownerKind: 'person', ownerUnit: null, ownerPerson: p, indicatorKey: key, source: parent ? 'parent' : 'job_duties', scope: '' }, phase ? 1 / 3 : 1);
    }
  }
  scaleChildren(random, goals);
  for (const goal of goals) goal.baseline = baselineFor(random, goal);
  return goals;
}

/** Additive goals count from zero over their period (no baseline); levels and ratios start from where they stand. */
function baselineFor(random: Random, goal: GoalDraft): number | null {
  const spec = GOAL_SPECS[goal.indicatorKey];
  if (spec.shape === 'sum') return null;
  if (spec.shape === 'stock') return roundNice(goal.target * random.between(0.55, 0.85));
  const factor = spec.direction === 'lower' ? random.between(1.15, 1.6) : random.between(0.82, 0.96);
  return Math.round(goal.target * factor * 10_000) / 10_000;
}

/** The statement of a goal, from its owner, period and (final) target. */
export function statementOf(goal: GoalDraft): string {
  return GOAL_SPECS[goal.indicatorKey].say(goal.scope, goal.period, formatTarget(goal.indicatorKey, goal.target));
}
