import type { TermLineage } from '../../../core/datasets/lineage.ts';
import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { listParticipantsQuery, ParticipantDetail, ParticipantSummary } from '../../../contracts/cycles.ts';
import { scorecardTerms } from '../../../core/scoring/actuals-table.ts';
import type { Scorecard } from '../../../core/scoring/types.ts';
import { canManageParticipant, isParticipant, peopleScope } from '../../access.ts';
import type { Db, Tx } from '../../db/client.ts';
import { escapeLike } from '../../db/like.ts';
import type { Viewer } from '../../http/request-context.ts';
import { type CycleRow, loadCycle, loadVisibleParticipant, type ParticipantRow } from './cycle-access.ts';
import { cycleAllows } from './cycle-guard.ts';
import { participantScopeFilter } from './cycles.queries.ts';
import { resultOf } from './recompute.ts';

const summarySelect = sql`
  select cp.id, cp.person_id as "personId", p.name as "personName", cp.unit_id as "unitId", u.name as "unitName",
         cp.template_name as "templateName", cp.status, cp.total, cp.grade, cp.adjusted_total as "adjustedTotal",
         cp.final_grade as "finalGrade",
         (select count(*)::int from appeals a where a.participant_id = cp.id and a.status = 'open') as "openAppeals"
  from cycle_participants cp
  join people p on p.id = cp.person_id
  left join org_units u on u.id = cp.unit_id`;

/** The participants of a cycle the viewer may see (admins all, managers their units and themselves, members themselves), filtered and paged in SQL. */
export async function listParticipants(db: Db, viewer: Viewer, cycleId: string, q: z.output<typeof listParticipantsQuery>) {
  await loadCycle(db, viewer.workspaceId, cycleId);
  const where: SQL[] = [sql`cp.workspace_id = ${viewer.workspaceId}`, sql`cp.cycle_id = ${cycleId}`, participantScopeFilter(peopleScope(viewer))];
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
  return { items: items.rows, total: total.rows[0]?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** The terms each indicator reads, for the entry form; a formula that does not compile reads nothing (the result says why). */
export function termsNeeded(card: Scorecard): ParticipantDetail['termsNeeded'] {
  const all = scorecardTerms(card);
  return card.indicators.map((indicator) => {
    let terms: string[] = [];
    if (all.ok) terms = all.terms.get(indicator.key) ?? [];
    else {
      const one = scorecardTerms({ indicators: [indicator] });
      if (one.ok) terms = one.terms.get(indicator.key) ?? [];
    }
    const manual = indicator.rule?.type === 'manual';
    return { key: indicator.key, name: indicator.name || indicator.key, manual, terms: manual ? [] : terms };
  });
}

/** The term names a participant's values may use: what the card's indicators read (a `manual` indicator's rating is not one). */
export function enterableTerms(card: Scorecard): Set<string> {
  return new Set(termsNeeded(card).flatMap((t) => t.terms));
}

const iso = (d: Date | string | null) => (d === null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString());

/** What the viewer may do to a participant now: their standing and the cycle's state. */
export function permissionsOf(viewer: Viewer, cycle: CycleRow, participant: ParticipantRow): ParticipantDetail['canEdit'] {
  const manages = canManageParticipant(viewer, participant);
  const self = isParticipant(viewer, participant);
  const hasManual = participant.card.indicators.some((i) => i.rule?.type === 'manual');
  return {
    enterActuals: manages && cycleAllows(cycle.state, 'enter_actuals'),
    setNotApplicable: manages && cycleAllows(cycle.state, 'set_not_applicable'),
    rate: manages && hasManual && cycleAllows(cycle.state, 'rate'),
    selfRate: self && hasManual && cycleAllows(cycle.state, 'self_rate'),
    adjust: manages && cycleAllows(cycle.state, 'adjust'),
    appeal: self && cycleAllows(cycle.state, 'appeal'),
  };
}

/** Everything the participant's page shows; 404 when the viewer may not see them. */
export async function getParticipantDetail(db: Db | Tx, viewer: Viewer, cycleId: string, participantId: string): Promise<ParticipantDetail> {
  const cycle = await loadCycle(db, viewer.workspaceId, cycleId);
  const participant = await loadVisibleParticipant(db, viewer, cycleId, participantId);
  const [{ rows: summary }, { rows: values }, { rows: ratings }, { result }] = await Promise.all([
    db.execute<ParticipantSummary & { adjustedByName: string | null }>(
      sql`select s.*, (select name from users where id = ${participant.adjustedBy}) as "adjustedByName" from (${summarySelect} where cp.id = ${participantId}) s`,
    ),
    db.execute<{ term: string; value: number; source: 'entry' | 'upload' | 'appeal' | 'metric'; lineage: TermLineage | null; updated_by: string | null; by_name: string | null; updated_at: Date }>(sql`
      select v.term, v.value, v.source, v.lineage, v.updated_by, us.name as by_name, v.updated_at
      from cycle_term_values v left join users us on us.id = v.updated_by
      where v.participant_id = ${participantId} order by v.term`),
    db.execute<{
      indicator_key: string;
      self_rating: number | null;
      self_comment: string | null;
      self_at: Date | null;
      manager_rating: number | null;
      manager_comment: string | null;
      manager_by: string | null;
      by_name: string | null;
      manager_at: Date | null;
    }>(sql`
      select r.*, us.name as by_name from manual_ratings r left join users us on us.id = r.manager_by
      where r.participant_id = ${participantId} order by r.indicator_key`),
    resultOf(db, participant),
  ]);
  const { adjustedByName, ...row } = summary[0];
  return {
    ...row,
    cycleId,
    cycle: { id: cycle.id, name: cycle.name, state: cycle.state, periodLabel: cycle.periodLabel, trial: cycle.trial },
    templateId: participant.templateId,
    subtotal: participant.subtotal,
    adjustmentReason: participant.adjustmentReason,
    adjustedBy: participant.adjustedBy ? { id: participant.adjustedBy, name: adjustedByName ?? '' } : null,
    adjustedAt: iso(participant.adjustedAt),
    computedAt: iso(participant.computedAt)!,
    card: participant.card,
    notApplicable: participant.notApplicable,
    termsNeeded: termsNeeded(participant.card),
    values: values.map((v) => ({
      term: v.term,
      value: v.value,
      source: v.source,
      lineage: v.lineage,
      updatedBy: v.updated_by ? { id: v.updated_by, name: v.by_name ?? '' } : null,
      updatedAt: iso(v.updated_at)!,
    })),
    ratings: ratings.map((r) => ({
      indicatorKey: r.indicator_key,
      selfRating: r.self_rating,
      selfComment: r.self_comment,
      selfAt: iso(r.self_at),
      managerRating: r.manager_rating,
      managerComment: r.manager_comment,
      managerBy: r.manager_by ? { id: r.manager_by, name: r.by_name ?? '' } : null,
      managerAt: iso(r.manager_at),
    })),
    result,
    frozen: participant.frozenResult !== null,
    canEdit: permissionsOf(viewer, cycle, participant),
  };
}
