import { sql } from 'drizzle-orm';
import type { CompanyDashboard } from '../../../contracts/dashboard.ts';
import { GOAL_OWNER_KINDS } from '../../../core/goals/types.ts';
import { PERSPECTIVES, type Perspective } from '../../../core/indicators/types.ts';
import type { Db } from '../../db/client.ts';
import { countsOf } from './dashboard-scope.ts';
import { activePlanGoals } from './scope.queries.ts';

type Cell = { key: string; status: string; n: number };

/** Groups (key, status, n) cells into one status record per key. */
function byKey(cells: Cell[]): Map<string, Cell[]> {
  const map = new Map<string, Cell[]>();
  for (const c of cells) map.set(c.key, [...(map.get(c.key) ?? []), c]);
  return map;
}
const withTotal = (cells: Cell[]) => {
  const statusCounts = countsOf(cells);
  return { total: Object.values(statusCounts).reduce((a, b) => a + b, 0), statusCounts };
};

/** Status counts per level of the cascade (company / unit / person): one GROUP BY. */
export async function countStatusesPerLevel(db: Db, workspaceId: string): Promise<CompanyDashboard['levels']> {
  const { rows } = await db.execute<Cell>(sql`
    select g.owner_kind as key, g.status, count(*)::int as n from goals g
    where g.workspace_id = ${workspaceId} and ${activePlanGoals(workspaceId)} group by 1, 2`);
  const cells = byKey(rows);
  return GOAL_OWNER_KINDS.map((level) => ({ level, ...withTotal(cells.get(level) ?? []) }));
}

/**
 * Status counts per top-level unit over its whole subtree: the unit goals of every unit below
 * it and the goals of the people placed there. The units (≈50) are mapped to their top unit by
 * a recursive CTE and the goals joined to that map once — no per-unit query.
 */
export async function countStatusesPerTopUnit(db: Db, workspaceId: string): Promise<CompanyDashboard['units']> {
  const [cells, tops] = await Promise.all([
    db.execute<Cell>(sql`
      with recursive tree(id, top_id) as (
        select id, id from org_units where workspace_id = ${workspaceId} and parent_id is null
        union all select u.id, t.top_id from org_units u join tree t on u.parent_id = t.id)
      select t.top_id as key, g.status, count(*)::int as n
      from goals g left join people p on p.id = g.owner_person_id
        join tree t on t.id = (case when g.owner_kind = 'unit' then g.owner_unit_id else p.unit_id end)
      where g.workspace_id = ${workspaceId} and g.owner_kind <> 'company' and ${activePlanGoals(workspaceId)}
      group by 1, 2`),
    db.execute<{ id: string; name: string; status: string }>(sql`
      select id, name, status from org_units where workspace_id = ${workspaceId} and parent_id is null order by sort_order, name`),
  ]);
  const byUnit = byKey(cells.rows);
  return tops.rows
    .filter((u) => u.status === 'active' || byUnit.has(u.id))
    .map((u) => ({ unitId: u.id, name: u.name, ...withTotal(byUnit.get(u.id) ?? []) }));
}

type RadarRow = { perspective: Perspective; goal_count: number; with_progress: number; average: number | null };

/**
 * The balanced scorecard: per perspective of the goals' indicators, the average progress of the
 * goals that have one, each clamped to [0, 1.2] so one goal far over (or under) its target does
 * not carry a whole perspective. (The FILTER matters: GREATEST skips nulls, so a goal without
 * progress would otherwise count as 0.)
 */
export async function readBalancedScorecard(db: Db, workspaceId: string): Promise<CompanyDashboard['radar']> {
  const { rows } = await db.execute<RadarRow>(sql`
    select i.perspective, count(*)::int as goal_count, count(g.progress)::int as with_progress,
      avg(least(greatest(g.progress, 0), 1.2)) filter (where g.progress is not null) as average
    from goals g join indicators i on i.id = g.indicator_id
    where g.workspace_id = ${workspaceId} and ${activePlanGoals(workspaceId)} group by 1`);
  return PERSPECTIVES.map((perspective) => {
    const r = rows.find((x) => x.perspective === perspective);
    return { perspective, average: r?.average ?? null, withProgress: r?.with_progress ?? 0, goalCount: r?.goal_count ?? 0 };
  });
}
