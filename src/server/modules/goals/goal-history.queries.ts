import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { indicators, orgUnits, people } from '../../db/schema/index.ts';

/** The SQL of goals' history: the indicator, the unit tree and the people a value is summed over, and the closed cycles' actuals. */

export type IndicatorRow = typeof indicators.$inferSelect;
export type CycleActualRow = { period: string; cycle: string; personId: string; actual: number };

export async function findIndicatorById(db: Db | Tx, id: string): Promise<IndicatorRow | undefined> {
  const [row] = await db.select().from(indicators).where(eq(indicators.id, id));
  return row;
}

/** The workspace's units with their parent: the tree a unit's subtree is read from. */
export async function selectUnitParents(db: Db | Tx, workspaceId: string): Promise<{ id: string; parentId: string | null }[]> {
  return db.select({ id: orgUnits.id, parentId: orgUnits.parentId }).from(orgUnits).where(eq(orgUnits.workspaceId, workspaceId));
}

/** Everyone in the workspace with their unit. */
export async function selectPeopleUnits(db: Db | Tx, workspaceId: string): Promise<{ id: string; unitId: string | null }[]> {
  return db.select({ id: people.id, unitId: people.unitId }).from(people).where(eq(people.workspaceId, workspaceId));
}

/** Each person's actual of one indicator per period, from the closed cycles' frozen results (one cycle per period). */
export async function selectClosedCycleActuals(db: Db | Tx, workspaceId: string, indicatorKey: string): Promise<CycleActualRow[]> {
  const { rows } = await db.execute<{ period: string; cycle: string; person_id: string; actual: number }>(sql`
    select distinct on (p.person_id, c.period_label) c.period_label as period, c.name as cycle, p.person_id, (i.value->>'actual')::float8 as actual
    from cycle_participants p
    join appraisal_cycles c on c.id = p.cycle_id
    cross join lateral jsonb_array_elements(p.frozen_result->'indicators') i
    where c.workspace_id = ${workspaceId} and c.state = 'closed' and p.frozen_result is not null
      and i.value->>'key' = ${indicatorKey} and jsonb_typeof(i.value->'actual') = 'number'
    -- one value per person and period: a trial run and the real cycle of a month are one month, the real one wins
    order by p.person_id, c.period_label, c.trial, c.closed_at desc nulls last`);
  return rows.map((r) => ({ period: r.period, cycle: r.cycle, personId: r.person_id, actual: Number(r.actual) }));
}
