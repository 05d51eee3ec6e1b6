/**
 * Writes the large demo's plans, phases, goals, check-ins and a few target changes inside the
 * seeding transaction. The goals' status columns are the product's own (`statusColumns` for
 * today), so the first dashboard read finds them current and recomputes nothing.
 */
import type { Tx } from '../../db/client.ts';
import { bulkInsert } from './large-demo.queries.ts';
import { type CheckInDraft, checkInsFor, type GoalColumns } from './large-demo.check-ins.ts';
import { type GoalDraft, generatePlanGoals, statementOf } from './large-demo.goals.ts';
import type { Org } from './large-demo.org.ts';
import { generatePlans, monthBefore, monthEnd } from './large-demo.plans.ts';
import { type Random, roundNice } from './large-demo.random.ts';

type Ctx = { tx: Tx; random: Random; workspaceId: string; org: Org; indicatorIds: ReadonlyMap<string, string>; newId: () => string };
type Sizes = { months: number; goals: number };
type TargetChange = { goal: GoalDraft; from: number; at: Date };

const CHANGE_REASON = '年中复盘：市场需求低于年初预期，经经营分析会评审后调整目标。';

export async function insertGoals(ctx: Ctx, today: string, sizes: Sizes, progress: (step: 'goals' | 'check-ins', count: number) => void): Promise<{ plans: number; goals: number; checkIns: number }> {
  const { tx, workspaceId, org } = ctx;
  const plans = generatePlans(today, sizes.months, sizes.goals, ctx.newId);
  await bulkInsert(
    tx,
    'plans',
    {
      id: { type: 'uuid', value: (p) => p.id },
      workspace_id: { type: 'uuid', value: () => workspaceId },
      name: { type: 'text', value: (p) => p.name },
      description: { type: 'text', value: (p) => p.description },
      starts_on: { type: 'date', value: (p) => p.startsOn },
      ends_on: { type: 'date', value: (p) => p.endsOn },
      review_cadence: { type: 'text', value: () => 'monthly' },
    },
    plans,
  );
  const phases = plans.flatMap((p) => p.phases.map((phase) => ({ ...phase, planId: p.id })));
  await bulkInsert(tx, 'plan_phases', { id: { type: 'uuid', value: (p) => p.id }, plan_id: { type: 'uuid', value: (p) => p.planId }, name: { type: 'text', value: (p) => p.name }, starts_on: { type: 'date', value: (p) => p.startsOn }, ends_on: { type: 'date', value: (p) => p.endsOn }, sort_order: { type: 'int', value: (p) => p.sortOrder } }, phases);

  const last = monthBefore(today, 1);
  const lastClosedDay = monthEnd(last.year, last.month);
  const goals = plans.flatMap((plan) => generatePlanGoals(ctx.random, org, plan, ctx.newId));
  const ownerName = (g: GoalDraft) => (g.ownerPerson !== null ? org.people[g.ownerPerson].name : g.ownerUnit !== null ? org.people[org.units[g.ownerUnit].lead].name : org.people[0].name);
  const columns = new Map<GoalDraft, GoalColumns>();
  const checkIns: CheckInDraft[] = [];
  const changes: TargetChange[] = [];
  for (const goal of goals) {
    const made = checkInsFor(ctx.random, goal, { lastClosedDay, today, ownerName: ownerName(goal) });
    columns.set(goal, made.columns);
    checkIns.push(...made.checkIns);
    // now and then a target was lowered half-way, with the reason on record (动态调整)
    if (made.checkIns.length >= 4 && ctx.random.chance(0.03)) changes.push({ goal, from: raisedTarget(ctx.random, goal), at: made.checkIns[Math.floor(made.checkIns.length / 2)].createdAt });
  }
  await insertGoalRows(ctx, goals, columns);
  progress('goals', goals.length);
  await bulkInsert(
    tx,
    'goal_check_ins',
    {
      goal_id: { type: 'uuid', value: (c) => c.goalId },
      value: { type: 'float8', value: (c) => c.value },
      comment: { type: 'text', value: (c) => c.comment },
      on: { type: 'date', value: (c) => c.on },
      created_by_name: { type: 'text', value: (c) => c.createdByName },
      created_at: { type: 'timestamptz', value: (c) => c.createdAt },
    },
    checkIns,
  );
  progress('check-ins', checkIns.length);
  await bulkInsert(
    tx,
    'goal_target_changes',
    {
      goal_id: { type: 'uuid', value: (c) => c.goal.id },
      from_target: { type: 'float8', value: (c) => c.from },
      to_target: { type: 'float8', value: (c) => c.goal.target },
      from_deadline: { type: 'date', value: (c) => c.goal.deadline },
      to_deadline: { type: 'date', value: (c) => c.goal.deadline },
      reason: { type: 'text', value: () => CHANGE_REASON },
      changed_by_name: { type: 'text', value: () => org.people[0].name },
      created_at: { type: 'timestamptz', value: (c) => c.at },
    },
    changes,
  );
  return { plans: plans.length, goals: goals.length, checkIns: checkIns.length };
}

/** What the target was before it was lowered (for a lower-is-better goal: what it was before it was loosened). */
function raisedTarget(random: Random, goal: GoalDraft): number {
  const factor = random.between(1.1, 1.3);
  if (goal.indicatorKey === 'staff_turnover_rate') return Math.round((goal.target / factor) * 1000) / 1000;
  return Number.isInteger(goal.target) && goal.target > 1 ? roundNice(goal.target * factor) : Math.round(goal.target * factor * 1000) / 1000;
}

async function insertGoalRows(ctx: Ctx, goals: readonly GoalDraft[], columns: ReadonlyMap<GoalDraft, GoalColumns>): Promise<void> {
  const { org } = ctx;
  const col = (g: GoalDraft) => columns.get(g)!;
  // written before the plan's year began, updated with the latest check-in
  const createdAt = (g: GoalDraft) => new Date(`${Number(g.startsOn.slice(0, 4)) - 1}-12-20T02:00:00Z`);
  await bulkInsert(
    ctx.tx,
    'goals',
    {
      id: { type: 'uuid', value: (g) => g.id },
      workspace_id: { type: 'uuid', value: () => ctx.workspaceId },
      plan_id: { type: 'uuid', value: (g) => g.planId },
      phase_id: { type: 'uuid', value: (g) => g.phaseId },
      parent_id: { type: 'uuid', value: (g) => g.parent?.id ?? null },
      owner_kind: { type: 'text', value: (g) => g.ownerKind },
      owner_unit_id: { type: 'uuid', value: (g) => (g.ownerUnit === null ? null : org.units[g.ownerUnit].id) },
      owner_person_id: { type: 'uuid', value: (g) => (g.ownerPerson === null ? null : org.people[g.ownerPerson].id) },
      statement: { type: 'text', value: (g) => statementOf(g) },
      indicator_id: { type: 'uuid', value: (g) => ctx.indicatorIds.get(g.indicatorKey) },
      baseline: { type: 'float8', value: (g) => g.baseline },
      target: { type: 'float8', value: (g) => g.target },
      starts_on: { type: 'date', value: (g) => g.startsOn },
      deadline: { type: 'date', value: (g) => g.deadline },
      source: { type: 'text', value: (g) => g.source },
      current: { type: 'float8', value: (g) => col(g).current },
      last_check_in_at: { type: 'timestamptz', value: (g) => col(g).lastCheckInAt },
      status: { type: 'text', value: (g) => col(g).status },
      progress: { type: 'float8', value: (g) => col(g).progress },
      status_on: { type: 'date', value: (g) => col(g).statusOn },
      created_at: { type: 'timestamptz', value: createdAt },
      updated_at: { type: 'timestamptz', value: (g) => col(g).lastCheckInAt ?? createdAt(g) },
    },
    goals,
  );
}
