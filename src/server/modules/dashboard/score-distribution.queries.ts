import { type SQL, sql } from 'drizzle-orm';
import { SCORE_BUCKETS, type ScoreDistribution } from '../../../contracts/dashboard.ts';
import type { Db } from '../../db/client.ts';
import { countedGrade, countedTotal, latestCycleWithResults } from './scores.queries.ts';

type Cell = { grade: string | null; bucket: number; n: number; top: number };

/**
 * The score distribution of the latest cycle with results for the people in `scope` (over
 * `cp`): counts per final grade and per band of 10 points of the total that counts, in one
 * GROUP BY (grade × band: at most a few dozen rows whatever the head count).
 */
export async function readScoreDistribution(db: Db, workspaceId: string, scope: SQL): Promise<ScoreDistribution> {
  const cycle = await latestCycleWithResults(db, workspaceId, scope);
  const buckets = SCORE_BUCKETS.map((bucket) => ({ bucket, count: 0 }));
  if (!cycle) return { cycle: null, participants: 0, grades: [], buckets };
  const { rows } = await db.execute<Cell>(sql`
    select grade, case when t < 60 then 0 when t < 70 then 1 when t < 80 then 2 when t < 90 then 3 when t < 100 then 4 else 5 end as bucket,
      count(*)::int as n, max(t) as top
    from (select ${countedGrade} as grade, ${countedTotal} as t from cycle_participants cp where cp.cycle_id = ${cycle.id} and ${scope}) x
    where t is not null group by 1, 2`);
  const grades = new Map<string, { count: number; top: number }>();
  for (const r of rows) {
    buckets[r.bucket].count += r.n;
    if (r.grade === null) continue;
    const g = grades.get(r.grade) ?? { count: 0, top: -Infinity };
    grades.set(r.grade, { count: g.count + r.n, top: Math.max(g.top, r.top) });
  }
  // grades are names (S, A, 优秀…): their order is that of the totals they stand for, best first
  const ordered = [...grades].sort((a, b) => b[1].top - a[1].top).map(([grade, g]) => ({ grade, count: g.count }));
  return { cycle, participants: rows.reduce((a, r) => a + r.n, 0), grades: ordered, buckets };
}
