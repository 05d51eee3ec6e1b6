import { eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { listParticipantsQuery, ParticipantSummary } from '../../../../contracts/cycles.ts';
import type { TermLineage } from '../../../../core/datasets/lineage.ts';
import type { PeopleScope } from '../../../access.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { escapeLike } from '../../../db/like.ts';
import { cycleParticipants } from '../../../db/schema/index.ts';
import type { ParticipantRow } from '../lifecycle/cycle-access.ts';
import { participantScopeFilter } from '../lifecycle/cycles.queries.ts';

/** The SQL of the participants' list and of one participant's page. */

const summarySelect = sql`
  select cp.id, cp.person_id as "personId", p.name as "personName", cp.unit_id as "unitId", u.name as "unitName",
         cp.template_name as "templateName", cp.status, cp.total, cp.grade, cp.adjusted_total as "adjustedTotal",
         cp.final_grade as "finalGrade",
         (select count(*)::int from appeals a where a.participant_id = cp.id and a.status = 'open') as "openAppeals"
  from cycle_participants cp
  join people p on p.id = cp.person_id
  left join org_units u on u.id = cp.unit_id`;

/** One page of the participants of a cycle in `scope`, filtered as asked, and how many there are in all. */
export async function pageParticipantSummaries(
  db: Db,
  workspaceId: string,
  scope: PeopleScope,
  cycleId: string,
  q: z.output<typeof listParticipantsQuery>,
): Promise<{ items: ParticipantSummary[]; total: number }> {
  const where: SQL[] = [sql`cp.workspace_id = ${workspaceId}`, sql`cp.cycle_id = ${cycleId}`, participantScopeFilter(scope)];
  if (q.status) where.push(sql`cp.status = ${q.status}`);
  if (q.unitId) {
    where.push(sql`cp.unit_id in (with recursive sub(id) as (select ${q.unitId}::uuid union select c.id from org_units c join sub on c.parent_id = sub.id) select id from sub)`);
  }
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    where.push(sql`(p.name ilike ${like} or cp.template_name ilike ${like})`);
  }
  const condition = sql.join(where, sql` and `);
  const [items, total] = await Promise.all([
    db.execute<ParticipantSummary>(sql`${summarySelect} where ${condition} order by p.name, cp.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
    db.execute<{ n: number }>(sql`select count(*)::int as n from cycle_participants cp join people p on p.id = cp.person_id where ${condition}`),
  ]);
  return { items: items.rows, total: total.rows[0]?.n ?? 0 };
}

/** A participant's summary (as the list shows it) with the name of who adjusted their total. */
export async function participantSummary(db: Db | Tx, participantId: string, adjustedBy: string | null): Promise<(ParticipantSummary & { adjustedByName: string | null })[]> {
  const { rows } = await db.execute<ParticipantSummary & { adjustedByName: string | null }>(
    sql`select s.*, (select name from users where id = ${adjustedBy}) as "adjustedByName" from (${summarySelect} where cp.id = ${participantId}) s`,
  );
  return rows;
}

export type TermValueRow = { term: string; value: number; source: 'entry' | 'upload' | 'appeal' | 'metric'; lineage: TermLineage | null; updated_by: string | null; by_name: string | null; updated_at: Date };

/** A participant's term values with who entered them, by term. */
export async function participantValueRows(db: Db | Tx, participantId: string): Promise<TermValueRow[]> {
  const { rows } = await db.execute<TermValueRow>(sql`
      select v.term, v.value, v.source, v.lineage, v.updated_by, us.name as by_name, v.updated_at
      from cycle_term_values v left join users us on us.id = v.updated_by
      where v.participant_id = ${participantId} order by v.term`);
  return rows;
}

export type RatingDetailRow = {
  indicator_key: string;
  self_rating: number | null;
  self_comment: string | null;
  self_at: Date | null;
  manager_rating: number | null;
  manager_comment: string | null;
  manager_by: string | null;
  by_name: string | null;
  manager_at: Date | null;
};

/** A participant's manual ratings with the name of the manager who rated, by indicator key. */
export async function participantRatingRows(db: Db | Tx, participantId: string): Promise<RatingDetailRow[]> {
  const { rows } = await db.execute<RatingDetailRow>(sql`
      select r.*, us.name as by_name from manual_ratings r left join users us on us.id = r.manager_by
      where r.participant_id = ${participantId} order by r.indicator_key`);
  return rows;
}

/** A participant row as stored now (after a recompute, say). */
export async function findParticipantById(db: Db | Tx, participantId: string): Promise<ParticipantRow> {
  const [row] = await db.select().from(cycleParticipants).where(eq(cycleParticipants.id, participantId));
  return row;
}
