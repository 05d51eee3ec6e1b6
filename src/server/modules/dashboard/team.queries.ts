import { type SQL, sql } from 'drizzle-orm';
import type { Recurrence } from '../../../core/goals/recurrence.ts';
import type { TeamDashboard } from '../../../contracts/dashboard.ts';
import type { GoalStatus } from '../../../core/goals/types.ts';
import type { Db } from '../../db/client.ts';
import { countsOf, type TeamScope } from './dashboard-scope.ts';
import { activePlanGoals, goalsInScope } from './scope.queries.ts';

/** The goals of active plans in scope, `g` with its owner person `p` — the FROM of every team query. */
const scopedGoals = (workspaceId: string, scope: TeamScope) => sql`
  from goals g left join people p on p.id = g.owner_person_id
  where g.workspace_id = ${workspaceId} and ${activePlanGoals(workspaceId)} and ${goalsInScope(scope)}`;

/** How many goals stand in each status (one GROUP BY over the stored status column). */
export async function countTeamStatuses(db: Db, workspaceId: string, scope: TeamScope): Promise<{ goalCount: number; statusCounts: Record<GoalStatus, number> }> {
  const { rows } = await db.execute<{ status: string; n: number }>(sql`select g.status, count(*)::int as n ${scopedGoals(workspaceId, scope)} group by g.status`);
  const statusCounts = countsOf(rows);
  return { goalCount: Object.values(statusCounts).reduce((a, b) => a + b, 0), statusCounts };
}

type AtRiskRow = { id: string; statement: string; owner_kind: 'company' | 'unit' | 'person'; owner_id: string | null; owner_name: string | null; status: GoalStatus; progress: number | null; elapsed: number; gap: number; deadline: string; recurrence: Recurrence | null };

/**
 * The goals at risk or off track, furthest behind first: the gap is the status rule's own
 * (elapsed − max(progress, 0), core/goals/status.ts), elapsed computed in SQL for `asOf`.
 */
export async function listAtRiskGoals(db: Db, workspaceId: string, scope: TeamScope, asOf: string, limit = 20): Promise<TeamDashboard['atRisk']> {
  // a recurring goal's progress is its period's in progress (core/goals/recurring-status.ts): its time is that period's
  const day = sql`${asOf}::date`;
  const periodStart = sql`greatest(g.starts_on, date_trunc(g.recurrence, ${day})::date)`;
  const periodLength = sql`case g.recurrence when 'week' then interval '7 days' when 'month' then interval '1 month' else interval '3 months' end`;
  const periodEnd = sql`least(g.deadline, (date_trunc(g.recurrence, ${day}) + ${periodLength} - interval '1 day')::date)`;
  const fraction = (from: SQL, to: SQL) => sql`case when ${to} <= ${from} then (case when ${day} >= ${to} then 1 else 0 end) else least(1, greatest(0, (${day} - ${from})::float8 / (${to} - ${from}))) end`;
  const elapsed = sql`case when g.recurrence is null then ${fraction(sql`g.starts_on`, sql`g.deadline`)} else ${fraction(periodStart, periodEnd)} end`;
  const { rows } = await db.execute<AtRiskRow>(sql`
    select g.id, g.statement, g.owner_kind, coalesce(g.owner_person_id, g.owner_unit_id) as owner_id,
      coalesce(p.name, (select name from org_units where id = g.owner_unit_id)) as owner_name,
      g.status, g.progress, g.deadline::text as deadline, g.recurrence, ${elapsed} as elapsed, ${elapsed} - greatest(coalesce(g.progress, 0), 0) as gap
    ${scopedGoals(workspaceId, scope)} and g.status in ('at_risk', 'off_track')
    order by gap desc, g.deadline, g.id limit ${limit}`);
  return rows.map((r) => ({
    id: r.id,
    statement: r.statement,
    owner: { kind: r.owner_kind, id: r.owner_id, name: r.owner_name ?? '' },
    status: r.status,
    progress: r.progress,
    elapsed: r.elapsed,
    gap: r.gap,
    deadline: r.deadline,
    recurrence: r.recurrence,
  }));
}

type PersonRow = { person_id: string; name: string; unit_name: string | null; goal_count: number; on_track: number; people: number };

/**
 * Goals per person with the share on track (on track or achieved), least on track first, so
 * the people who need a conversation lead the chart; `peopleWithGoals` counts them all.
 */
export async function listGoalsPerPerson(db: Db, workspaceId: string, scope: TeamScope, limit = 30): Promise<Pick<TeamDashboard, 'people' | 'peopleWithGoals'>> {
  const onTrack = sql`(count(*) filter (where g.status in ('on_track', 'achieved')))::int`;
  const { rows } = await db.execute<PersonRow>(sql`
    select top.*, (select name from org_units where id = top.unit_id) as unit_name from (
      select p.id as person_id, p.name, p.unit_id, count(*)::int as goal_count, ${onTrack} as on_track, (count(*) over ())::int as people
      ${scopedGoals(workspaceId, scope)} and g.owner_kind = 'person'
      group by p.id, p.name, p.unit_id
      order by ${onTrack}::float8 / count(*), count(*) desc, p.name, p.id
      limit ${limit}) top
    order by top.on_track::float8 / top.goal_count, top.goal_count desc, top.name, top.person_id`);
  return {
    people: rows.map((r) => ({ personId: r.person_id, name: r.name, unitName: r.unit_name, goalCount: r.goal_count, onTrack: r.on_track, onTrackShare: r.on_track / r.goal_count })),
    peopleWithGoals: rows[0]?.people ?? 0,
  };
}
