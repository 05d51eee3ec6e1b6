/**
 * Decomposition of the large demo's targets (domain.md §1): the children of an additive goal
 * are scaled so that their targets add up to the parent's fully, almost, far too little or to
 * more — and a rate's children aim at about the parent's rate. Pure; works in place.
 */
import { GOAL_SPECS } from './large-demo.goal-specs.ts';
import type { GoalDraft } from './large-demo.goals.ts';
import { type Random, roundNice } from './large-demo.random.ts';

/** How far a parent's children cover it, drawn per parent: most full, some with gaps, a few promising more. */
const COVERAGE = { full: 0.45, partial: 0.25, low: 0.18, over: 0.12 };

function coverageFactor(random: Random): { factor: number; exact: boolean } {
  const level = random.weighted(COVERAGE);
  if (level === 'full') return { factor: 1, exact: true };
  if (level === 'partial') return { factor: random.between(0.9, 0.99), exact: false };
  if (level === 'low') return { factor: random.between(0.5, 0.88), exact: false };
  return { factor: random.between(1.12, 1.3), exact: false };
}

/** `goals` must list parents before children (as generatePlanGoals makes them). */
export function scaleChildren(random: Random, goals: readonly GoalDraft[]): void {
  const children = new Map<GoalDraft, GoalDraft[]>();
  for (const goal of goals) {
    if (goal.parent && goal.parent.indicatorKey === goal.indicatorKey) children.set(goal.parent, [...(children.get(goal.parent) ?? []), goal]);
  }
  for (const parent of goals) {
    const kids = children.get(parent);
    if (!kids) continue;
    const spec = GOAL_SPECS[parent.indicatorKey];
    if (spec.shape === 'rate') {
      // a team aims at about its department's rate, a little above or below
      const decimals = 1000;
      for (const kid of kids) kid.target = Math.round(parent.target * random.between(0.97, 1.04) * decimals) / decimals;
      continue;
    }
    if (spec.shape !== 'sum') continue;
    const { factor, exact } = coverageFactor(random);
    const natural = kids.reduce((s, k) => s + k.target, 0);
    const scale = (parent.target * factor) / natural;
    for (const kid of kids) kid.target = Math.max(1, roundNice(kid.target * scale));
    if (!exact) continue;
    // full coverage exactly: the last child takes what the rounding left over, if that is still a sensible target
    const others = kids.slice(0, -1).reduce((s, k) => s + k.target, 0);
    const last = parent.target - others;
    if (last >= 1) kids[kids.length - 1].target = last;
  }
}
