import { currentPeriodTarget } from '../../../core/goals/recurring-status.ts';
import type { RollUp } from '../../../core/indicators/types.ts';
import { today } from '../goals/index.ts';
import type { Recurrence } from '../../../core/goals/recurrence.ts';
import { sql } from 'drizzle-orm';
import type { MyDashboard } from '../../../contracts/dashboard.ts';
import type { GoalStatus } from '../../../core/goals/types.ts';
import type { Db } from '../../db/client.ts';
import { countsOf } from './dashboard-scope.ts';
import { readPersonScores } from './scores.queries.ts';

type GoalRow = {
  id: string;
  plan_id: string;
  plan_name: string;
  statement: string;
  indicator_name: string;
  indicator_name_en: string | null;
  unit: string;
  status: GoalStatus;
  progress: number | null;
  target: number;
  current: number | null;
  deadline: string;
  recurrence: Recurrence | null;
  starts_on: string;
  roll_up: RollUp;
  period_targets: Record<string, number>;
};

/** A person's goals in active plans, the nearest deadline first (goals_ws_person_idx). */
export async function readPersonGoals(db: Db, workspaceId: string, personId: string): Promise<MyDashboard['goals']> {
  const { rows } = await db.execute<GoalRow>(sql`
    select g.id, g.plan_id, pl.name as plan_name, g.statement, i.name as indicator_name, i.name_en as indicator_name_en, i.unit,
      g.status, g.progress, g.target, g.current, g.deadline::text as deadline, g.recurrence, g.starts_on::text as starts_on, i.roll_up,
      (select coalesce(jsonb_object_agg(t.period, t.target), '{}'::jsonb) from goal_period_targets t where t.goal_id = g.id and g.recurrence is not null) as period_targets
    from goals g join plans pl on pl.id = g.plan_id join indicators i on i.id = g.indicator_id
    where g.workspace_id = ${workspaceId} and g.owner_person_id = ${personId} and pl.status = 'active'
    order by g.deadline, g.created_at`);
  return rows.map((r) => ({
    id: r.id,
    planId: r.plan_id,
    planName: r.plan_name,
    statement: r.statement,
    indicator: { name: r.indicator_name, nameEn: r.indicator_name_en, unit: r.unit },
    status: r.status,
    progress: r.progress,
    target: r.target,
    current: r.current,
    deadline: r.deadline,
    recurrence: r.recurrence,
    periodTarget: r.recurrence
      ? currentPeriodTarget({ recurrence: r.recurrence, startsOn: r.starts_on, deadline: r.deadline, target: r.target, periodTargets: r.period_targets, additive: r.roll_up === 'sum' }, today())
      : null,
  }));
}

/** The member view: own goals with their status counts, the latest scorecard and the trend of totals. */
export async function readMyDashboard(db: Db, workspaceId: string, personId: string | null, asOf: string): Promise<MyDashboard> {
  // a user without a person record (an admin who only administers) has nothing of their own yet
  if (personId === null) return { asOf, personId, goals: [], statusCounts: countsOf([]), scorecard: null, trend: [] };
  const [goals, scores] = await Promise.all([readPersonGoals(db, workspaceId, personId), readPersonScores(db, workspaceId, personId)]);
  const statusCounts = countsOf(goals.map((g) => ({ status: g.status, n: 1 })));
  return { asOf, personId, goals, statusCounts, scorecard: scores[0] ?? null, trend: [...scores].reverse() };
}
