import type { z } from 'zod';
import type { ParticipantDetail, putActualsInput, whatIfInput } from '../../../../contracts/cycles.ts';
import { closestName } from '../../../../core/formula/index.ts';
import { type WhatIfChange, whatIf } from '../../../../core/scoring/what-if.ts';
import { authorize } from '../../../access.ts';
import type { Db } from '../../../db/client.ts';
import { AppError, type ErrorDetail } from '../../../errors.ts';
import type { RequestContext, Viewer } from '../../../http/request-context.ts';
import { recordAudit } from '../../audit/index.ts';
import { loadCycle, loadForWrite, loadVisibleParticipant } from '../lifecycle/cycle-access.ts';
import { deleteTermValues, participantTermValues, setNotApplicable, upsertTermValues } from './actuals.queries.ts';
import { assertCycleAllows } from '../lifecycle/cycle-guard.ts';
import { scoreInputsOf } from '../results/participant-score.ts';
import { enterableTerms, getParticipantDetail } from '../results/participants.service.ts';
import { loadInputs, recomputeParticipants } from '../lifecycle/recompute.ts';

/** An unknown name, located, with the closest known one suggested when there is one. */
function unknownName(path: (string | number)[], name: string, known: Iterable<string>, codes: { suggest: string; list: string }): ErrorDetail {
  const names = [...known];
  const suggestion = closestName(name, names);
  if (suggestion) return { path, code: codes.suggest, params: { name, suggestion } };
  return { path, code: codes.list, params: { name, names: names.join(', ') || '—' } };
}

/**
 * Enters (or deletes, with null) term values of a participant and optionally replaces the
 * not-applicable indicators; the participant is scored again. Manager or admin, open cycle only.
 */
export async function putActuals(db: Db, ctx: RequestContext, cycleId: string, participantId: string, input: z.output<typeof putActualsInput>): Promise<ParticipantDetail> {
  const { viewer, actor } = ctx;
  await db.transaction(async (tx) => {
    const { cycle, participant } = await loadForWrite(tx, viewer, cycleId, participantId, 'enter_actuals', 'manager');
    if (input.notApplicable !== undefined) assertCycleAllows(cycle, 'set_not_applicable');

    const card = participant.card;
    const known = enterableTerms(card);
    const manualKeys = new Set(card.indicators.filter((i) => i.rule?.type === 'manual').map((i) => i.key));
    const details: ErrorDetail[] = [];
    for (const term of Object.keys(input.values)) {
      if (known.has(term)) continue;
      if (manualKeys.has(term)) details.push({ path: ['body', 'values', term], code: 'cycle.term_is_rating', params: { name: term } });
      else details.push(unknownName(['body', 'values', term], term, known, { suggest: 'cycle.unknown_term_suggest', list: 'cycle.unknown_term' }));
    }
    const keys = card.indicators.map((i) => i.key);
    const notApplicable = input.notApplicable === undefined ? undefined : [...new Set(input.notApplicable)];
    input.notApplicable?.forEach((key, i) => {
      if (!keys.includes(key)) details.push(unknownName(['body', 'notApplicable', i], key, keys, { suggest: 'cycle.unknown_indicator_suggest', list: 'cycle.unknown_indicator' }));
    });
    if (notApplicable && details.length === 0) {
      const weighted = card.indicators.filter((i) => i.weight > 0);
      if (weighted.length > 0 && weighted.every((i) => notApplicable.includes(i.key))) details.push({ path: ['body', 'notApplicable'], code: 'cycle.nothing_applicable' });
    }
    if (details.length > 0) throw new AppError('validation_failed', { count: details.length }, details);

    const terms = Object.keys(input.values);
    const beforeRows = terms.length === 0 ? [] : await participantTermValues(tx, participantId, terms);
    const beforeValues: Record<string, number | null> = Object.fromEntries(terms.map((t) => [t, null]));
    for (const r of beforeRows) beforeValues[r.term] = r.value;

    const set = Object.entries(input.values).filter((e): e is [string, number] => e[1] !== null);
    const removed = Object.entries(input.values).filter(([, v]) => v === null).map(([t]) => t);
    if (set.length > 0) {
      const now = new Date();
      await upsertTermValues(tx, set.map(([term, value]) => ({ participantId, term, value, source: 'entry' as const, updatedBy: viewer.userId, updatedAt: now })));
    }
    if (removed.length > 0) await deleteTermValues(tx, participantId, removed);
    if (notApplicable) await setNotApplicable(tx, participantId, notApplicable);
    await recomputeParticipants(tx, cycleId, [participantId]);
    await recordAudit(tx, actor, {
      workspaceId: actor.workspaceId,
      action: 'participant.actuals',
      entityType: 'cycle_participant',
      entityId: participantId,
      before: { values: beforeValues, ...(notApplicable ? { notApplicable: participant.notApplicable } : {}) },
      after: { values: input.values, ...(notApplicable ? { notApplicable } : {}) },
    });
  });
  return getParticipantDetail(db, viewer, cycleId, participantId);
}

/** Scores the participant again with one actual or target changed, and explains the difference. Writes nothing. */
export async function whatIfFor(db: Db, viewer: Viewer, cycleId: string, participantId: string, input: z.output<typeof whatIfInput>) {
  authorize(viewer, 'cycles.read');
  await loadCycle(db, viewer.workspaceId, cycleId);
  const participant = await loadVisibleParticipant(db, viewer, cycleId, participantId);
  const inputs = (await loadInputs(db, [participant])).get(participant.id)!;
  const { key } = input.change;
  const change: WhatIfChange = input.change.target !== undefined ? { key, target: input.change.target } : { key, actual: input.change.actual ?? null };
  const keys = participant.card.indicators.map((i) => i.key);
  if (!keys.includes(key)) {
    const detail = unknownName(['body', 'change', 'key'], key, keys, { suggest: 'cycle.unknown_indicator_suggest', list: 'cycle.unknown_indicator' });
    throw new AppError('validation_failed', { count: 1 }, [detail]);
  }
  const r = whatIf(participant.card, scoreInputsOf(inputs), change);
  if (!r.ok) throw new AppError('validation_failed', { count: 1 }, [{ path: ['body', 'change', 'key'], code: 'cycle.unknown_indicator', params: { name: key, names: keys.join(', ') } }]);
  const summary = (s: typeof r.before) => ({ status: s.status, subtotal: s.subtotal, total: s.total, grade: s.grade });
  return {
    change: r.change,
    before: summary(r.before),
    after: summary(r.after),
    totalDelta: r.totalDelta,
    indicators: r.indicators.map((d) => ({ key: d.key, name: d.name, pointsDelta: d.pointsDelta, before: d.before, after: d.after })),
    causes: r.causes,
  };
}
