import { sql } from 'drizzle-orm';
import type { CompanyDashboard } from '../../../contracts/dashboard.ts';
import type { Db } from '../../db/client.ts';
import { activePlanGoals } from './scope.queries.ts';
import { countedGrade, countedTotal, latestCycleWithResults } from './scores.queries.ts';

type KeyGoalRow = { id: string; statement: string; name: string; name_en: string | null; unit: string; direction: 'higher' | 'lower'; target: number; deadline: string; recurrence: string | null };
type PointRow = { goal_id: string; month: string; value: number };

/**
 * The key indicators' trend lines: up to `limit` company-owned goals (those with check-ins
 * first, then the nearest deadline), each with its last check-in of every month of the last two
 * years — DISTINCT ON over goal_check_ins_goal_on_idx, one query for all the goals. A recurring
 * goal's month in progress holds the month so far, not a month: its line ends at the last
 * complete month (docs/goals.md §6).
 */
export async function readKeyIndicatorTrends(db: Db, workspaceId: string, asOf: string, limit = 6): Promise<CompanyDashboard['trends']> {
  const { rows: keyGoals } = await db.execute<KeyGoalRow>(sql`
    select g.id, g.statement, i.name, i.name_en, i.unit, i.direction, g.target, g.deadline::text as deadline, g.recurrence
    from goals g join indicators i on i.id = g.indicator_id
    where g.workspace_id = ${workspaceId} and g.owner_kind = 'company' and ${activePlanGoals(workspaceId)}
    order by g.last_check_in_at is null, g.deadline, g.created_at, g.id limit ${limit}`);
  if (keyGoals.length === 0) return [];
  const { rows: points } = await db.execute<PointRow>(sql`
    select distinct on (ci.goal_id, date_trunc('month', ci.on)) ci.goal_id, to_char(ci.on, 'YYYY-MM') as month, ci.value
    from goal_check_ins ci
    where ci.goal_id = any(${sql.param(keyGoals.map((g) => g.id))}::uuid[])
      and ci.on >= (date_trunc('month', ${asOf}::date) - interval '23 months')::date
    order by ci.goal_id, date_trunc('month', ci.on), ci.on desc, ci.created_at desc`);
  return keyGoals.map((g) => ({
    goalId: g.id,
    statement: g.statement,
    indicator: { name: g.name, nameEn: g.name_en, unit: g.unit },
    direction: g.direction,
    target: g.target,
    deadline: g.deadline,
    points: points.filter((p) => p.goal_id === g.id && !(g.recurrence && p.month === asOf.slice(0, 7))).map((p) => ({ month: p.month, value: p.value })),
  }));
}

type RankRow = { rank: number; participant_id: string; person_id: string; name: string; unit_name: string | null; total: number; grade: string | null };

/**
 * The top of the latest cycle with results, by the total that counts; equal totals (to 1e-6,
 * as floating sums of the same points may differ in the last bits) share a rank: 1, 1, 3.
 */
export async function readTopRanking(db: Db, workspaceId: string, limit = 10): Promise<CompanyDashboard['ranking']> {
  const cycle = await latestCycleWithResults(db, workspaceId, sql`true`);
  if (!cycle) return { cycle: null, items: [] };
  // the unit's name is looked up for the ten rows kept, not for every participant ranked
  const { rows } = await db.execute<RankRow>(sql`
    select top.*, (select name from org_units where id = top.unit_id) as unit_name from (
      select (rank() over (order by round(${countedTotal}::numeric, 6) desc))::int as rank, cp.id as participant_id, cp.person_id,
        p.name, cp.unit_id, ${countedTotal} as total, ${countedGrade} as grade
      from cycle_participants cp join people p on p.id = cp.person_id
      where cp.cycle_id = ${cycle.id} and ${countedTotal} is not null
      order by 1, p.name, cp.id limit ${limit}) top
    order by top.rank, top.name, top.participant_id`);
  return {
    cycle,
    items: rows.map((r) => ({ rank: r.rank, participantId: r.participant_id, personId: r.person_id, name: r.name, unitName: r.unit_name, total: r.total, grade: r.grade })),
  };
}
