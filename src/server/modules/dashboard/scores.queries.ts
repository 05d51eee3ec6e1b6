import { type SQL, sql } from 'drizzle-orm';
import type { ScoreRef } from '../../../contracts/dashboard.ts';
import type { Db } from '../../db/client.ts';

/** The total that counts (a manager's adjustment wins) and its grade, as SQL over `cp`. */
export const countedTotal = sql`coalesce(cp.adjusted_total, cp.total)`;
export const countedGrade = sql`coalesce(cp.final_grade, cp.grade)`;

type ScoreRow = { participant_id: string; cycle_id: string; cycle_name: string; period_label: string; cycle_state: ScoreRef['cycleState']; total: number | null; adjusted: boolean; grade: string | null; status: ScoreRef['status'] };

/**
 * A person's results in the newest `limit` cycles that count (trial cycles compute but count
 * for nothing, domain.md §3), newest first; one index range on (workspace_id, person_id).
 */
export async function readPersonScores(db: Db, workspaceId: string, personId: string, limit = 12): Promise<ScoreRef[]> {
  const { rows } = await db.execute<ScoreRow>(sql`
    select cp.id as participant_id, c.id as cycle_id, c.name as cycle_name, c.period_label, c.state as cycle_state,
      ${countedTotal} as total, cp.adjusted_total is not null as adjusted, ${countedGrade} as grade, cp.status
    from cycle_participants cp join appraisal_cycles c on c.id = cp.cycle_id
    where cp.workspace_id = ${workspaceId} and cp.person_id = ${personId} and not c.trial
    order by c.starts_on desc, c.created_at desc limit ${limit}`);
  return rows.map((r) => ({
    cycle: { id: r.cycle_id, name: r.cycle_name, periodLabel: r.period_label },
    participantId: r.participant_id,
    total: r.total,
    adjusted: r.adjusted,
    grade: r.grade,
    status: r.status,
    cycleState: r.cycle_state,
  }));
}

export type CycleRef = { id: string; name: string; periodLabel: string };

/**
 * "The latest results" of the team and company views: the newest counting cycle in which someone
 * the viewer may see (`scope`, over `cp`) has a total — a calibrating or closed one first, since
 * an open cycle's first few entries would rank two people out of fifty; an open one only when
 * no cycle has got that far. Walks the cycles in that order and stops at the first with a result
 * (cycle_participants_cycle_unit_idx answers each probe).
 */
export async function latestCycleWithResults(db: Db, workspaceId: string, scope: SQL): Promise<CycleRef | null> {
  const { rows } = await db.execute<{ id: string; name: string; period_label: string }>(sql`
    select c.id, c.name, c.period_label from appraisal_cycles c
    where c.workspace_id = ${workspaceId} and not c.trial
      and exists (select 1 from cycle_participants cp where cp.cycle_id = c.id and ${countedTotal} is not null and ${scope})
    order by c.state in ('calibrating', 'closed') desc, c.starts_on desc, c.created_at desc limit 1`);
  const row = rows[0];
  return row ? { id: row.id, name: row.name, periodLabel: row.period_label } : null;
}
