import type { z } from 'zod';
import type { listParticipantsQuery, ParticipantDetail } from '../../../../contracts/cycles.ts';
import { scorecardTerms } from '../../../../core/scoring/actuals-table.ts';
import type { Scorecard } from '../../../../core/scoring/types.ts';
import { canManageParticipant, isParticipant, peopleScope } from '../../../access.ts';
import type { Db, Tx } from '../../../db/client.ts';
import type { Viewer } from '../../../http/request-context.ts';
import { type CycleRow, loadCycle, loadVisibleParticipant, type ParticipantRow } from '../lifecycle/cycle-access.ts';
import { cycleAllows } from '../lifecycle/cycle-guard.ts';
import { resultOf } from '../lifecycle/recompute.ts';
import { pageParticipantSummaries, participantRatingRows, participantSummary, participantValueRows } from './participants.queries.ts';

/** The participants of a cycle the viewer may see (admins all, managers their units and themselves, members themselves), filtered and paged in SQL. */
export async function listParticipants(db: Db, viewer: Viewer, cycleId: string, q: z.output<typeof listParticipantsQuery>) {
  await loadCycle(db, viewer.workspaceId, cycleId);
  const { items, total } = await pageParticipantSummaries(db, viewer.workspaceId, peopleScope(viewer), cycleId, q);
  return { items, total, page: q.page, pageSize: q.pageSize };
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
  const [summary, values, ratings, { result }] = await Promise.all([
    participantSummary(db, participantId, participant.adjustedBy),
    participantValueRows(db, participantId),
    participantRatingRows(db, participantId),
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
