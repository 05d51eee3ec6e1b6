import type { z } from 'zod';
import type { acceptAppealInput, Appeal, appealResult, createAppealInput, rejectAppealInput } from '../../../../contracts/cycle-results.ts';
import { canManageParticipant, peopleScope, reach, requireAccess } from '../../../access.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { AppError, type ErrorDetail, notFound } from '../../../errors.ts';
import type { RequestContext, Viewer } from '../../../http/request-context.ts';
import { recordAudit } from '../../audit/index.ts';
import { type CycleRow, loadCycle, loadForWrite } from '../lifecycle/cycle-access.ts';
import { cycleAllows } from '../lifecycle/cycle-guard.ts';
import {
  type AppealRow,
  type CycleState,
  findAppealInCycle,
  findManagerRatings,
  findOpenAppeal,
  findTermValues,
  insertAppeal,
  listAppealRows,
  loadAppealRow,
  participantAppealRows,
  type ParticipantRef,
  participantRef,
  resolveAppealRow,
  upsertManagerRatings,
} from './appeals.queries.ts';
// an accepted appeal writes term values as an entry does: one statement for both
import { upsertTermValues } from '../actuals/actuals.queries.ts';
import { checkRating } from './ratings.service.ts';
import { actorOf, enteredTerms, indicatorLabel, isRatedIndicator, iso, located, rescore } from './results-common.ts';

export type CreateAppealInput = z.output<typeof createAppealInput>;
export type AcceptAppealInput = z.output<typeof acceptAppealInput>;
export type RejectAppealInput = z.output<typeof rejectAppealInput>;
export type AppealResult = z.infer<typeof appealResult>;

/**
 * An appeal (异议) against one's own result during calibration: about one indicator, or the
 * result as a whole (no indicatorKey). One open appeal per indicator (and one about the whole
 * result) at a time.
 */
export async function createAppeal(db: Db, ctx: RequestContext, cycleId: string, participantId: string, input: CreateAppealInput): Promise<AppealResult> {
  const { viewer } = ctx;
  const { ip } = ctx.actor;
  return db.transaction(async (tx) => {
    // locks the cycle: two appeals of the same person cannot both pass the "one open" check
    const { cycle, participant } = await loadForWrite(tx, viewer, cycleId, participantId, 'appeal', 'self');
    const key = input.indicatorKey ?? null;
    if (key !== null && !participant.card.indicators.some((i) => i.key === key)) {
      throw located(['body', 'indicatorKey'], 'appeal.unknown_indicator', { key, keys: participant.card.indicators.map((i) => i.key).join(', ') }, key);
    }
    const open = await findOpenAppeal(tx, participant.id, key);
    if (open) throw new AppError('conflict', { reason: key === null ? 'appeal.already_open_whole' : 'appeal.already_open', key: key ?? '' });
    const row = await insertAppeal(tx, { workspaceId: viewer.workspaceId, participantId: participant.id, indicatorKey: key, reason: input.reason, createdBy: viewer.userId });
    await recordAudit(tx, actorOf(viewer, ip), { workspaceId: viewer.workspaceId, action: 'appeal.create', entityType: 'appeal', entityId: row.id, after: { cycleId, ...row } });
    const result = await rescore(tx, cycleId, participant.id);
    return { appeal: toAppeal(row, await participantRef(tx, participant.id), viewer, cycle.state), result };
  });
}

/**
 * Accepts an appeal with corrected values: each correction names a term the participant's card
 * reads (written with source 'appeal') or a manual indicator's key (the manager's rating) — for
 * an appeal about one indicator, only what that indicator reads (400 at body.corrections.<name>
 * otherwise). The result is recomputed. Only the participant's manager or an admin (never for
 * themselves), in calibration.
 */
export async function acceptAppeal(db: Db, ctx: RequestContext, cycleId: string, appealId: string, input: AcceptAppealInput): Promise<AppealResult> {
  const { viewer } = ctx;
  const { ip } = ctx.actor;
  return db.transaction(async (tx) => {
    const { appeal: before, participant, cycle } = await loadAppealForResolve(tx, viewer, cycleId, appealId);
    const entries = Object.entries(input.corrections);
    if (entries.length === 0) throw located(['body', 'corrections'], 'appeal.no_corrections');
    const terms = enteredTerms(participant.card);
    const rated = new Map(participant.card.indicators.filter(isRatedIndicator).map((i) => [i.key, i]));
    // an appeal about one indicator corrects what that indicator reads (its terms, or its rating), nothing else
    const about = before.indicatorKey === null ? undefined : participant.card.indicators.find((i) => i.key === before.indicatorKey);
    const allowed = about ? correctableOf(about, terms) : null;
    const problems: ErrorDetail[] = [];
    for (const [name, value] of entries) {
      const path = ['body', 'corrections', name];
      const indicator = rated.get(name);
      if (allowed && !allowed.has(name) && (indicator || terms.has(name))) {
        problems.push({ path, code: 'appeal.term_not_of_indicator', params: { term: name, indicator: indicatorLabel(about!), terms: [...allowed].join(', ') || '—' }, value: name });
      } else if (indicator) {
        try {
          checkRating(indicator, value, path);
        } catch (err) {
          problems.push(...(err as AppError).details);
        }
      } else if (!terms.has(name)) {
        problems.push({ path, code: 'appeal.unknown_term', params: { term: name, terms: [...terms.keys(), ...rated.keys()].join(', ') || '—' }, value: name });
      } else if (!Number.isFinite(value)) {
        problems.push({ path, code: 'field.invalid', value });
      }
    }
    if (problems.length > 0) throw new AppError('validation_failed', { count: problems.length }, problems);

    const now = new Date();
    const previous = await writeCorrections(tx, { viewer, participantId: participant.id, resolution: input.resolution, now }, entries, rated);
    const after = await resolveAppealRow(tx, before.id, { status: 'accepted', corrections: input.corrections, resolution: input.resolution, resolvedBy: viewer.userId, resolvedAt: now });
    await recordAudit(tx, actorOf(viewer, ip), {
      workspaceId: viewer.workspaceId,
      action: 'appeal.accept',
      entityType: 'appeal',
      entityId: before.id,
      before: { cycleId, ...before, values: previous },
      after: { cycleId, ...after, values: input.corrections },
    });
    return { appeal: toAppeal(after, participant, viewer, cycle.state), result: await rescore(tx, cycleId, participant.id) };
  });
}

/**
 * Writes an accepted appeal's corrections — manager ratings of manual indicators, term values
 * (source 'appeal') otherwise — in one read and one upsert of each kind; the values they replace.
 */
async function writeCorrections(
  tx: Tx,
  { viewer, participantId, resolution, now }: { viewer: Viewer; participantId: string; resolution: string; now: Date },
  entries: [string, number][],
  rated: ReadonlyMap<string, unknown>,
): Promise<Record<string, number | null>> {
  const ratings = entries.filter(([name]) => rated.has(name));
  const terms = entries.filter(([name]) => !rated.has(name));
  const old = new Map<string, number | null>();
  if (ratings.length > 0) {
    const keys = ratings.map(([name]) => name);
    const rows = await findManagerRatings(tx, participantId, keys);
    for (const r of rows) old.set(r.indicatorKey, r.managerRating);
    await upsertManagerRatings(tx, ratings.map(([name, value]) => ({ participantId, indicatorKey: name, managerRating: value, managerComment: resolution, managerAt: now, managerBy: viewer.userId })));
  }
  if (terms.length > 0) {
    const names = terms.map(([name]) => name);
    const rows = await findTermValues(tx, participantId, names);
    for (const r of rows) old.set(r.term, r.value);
    await upsertTermValues(tx, terms.map(([name, value]) => ({ participantId, term: name, value, source: 'appeal' as const, updatedBy: viewer.userId, updatedAt: now })));
  }
  return Object.fromEntries(entries.map(([name]) => [name, old.get(name) ?? null]));
}

/** What an appeal about `indicator` may correct: the manual indicator's key (its rating), or the terms it reads. */
function correctableOf(indicator: ParticipantRef['card']['indicators'][number], terms: Map<string, ParticipantRef['card']['indicators']>): Set<string> {
  if (isRatedIndicator(indicator)) return new Set([indicator.key]);
  return new Set([...terms].filter(([, readers]) => readers.includes(indicator)).map(([term]) => term));
}

/** Rejects an appeal with a written resolution; the result stays as it is. */
export async function rejectAppeal(db: Db, ctx: RequestContext, cycleId: string, appealId: string, input: RejectAppealInput): Promise<AppealResult> {
  const { viewer } = ctx;
  const { ip } = ctx.actor;
  return db.transaction(async (tx) => {
    const { appeal: before, participant, cycle } = await loadAppealForResolve(tx, viewer, cycleId, appealId);
    const after = await resolveAppealRow(tx, before.id, { status: 'rejected', resolution: input.resolution, resolvedBy: viewer.userId, resolvedAt: new Date() });
    await recordAudit(tx, actorOf(viewer, ip), { workspaceId: viewer.workspaceId, action: 'appeal.reject', entityType: 'appeal', entityId: before.id, before: { cycleId, ...before }, after: { cycleId, ...after } });
    return { appeal: toAppeal(after, participant, viewer, cycle.state), result: await rescore(tx, cycleId, participant.id) };
  });
}

/** An appeal of the cycle the viewer may answer: 404 when out of sight, 403/409 by loadForWrite, 409 when already answered. */
async function loadAppealForResolve(tx: Tx, viewer: Viewer, cycleId: string, appealId: string): Promise<{ appeal: AppealRow; participant: ParticipantRef; cycle: CycleRow }> {
  const found = await findAppealInCycle(tx, viewer.workspaceId, cycleId, appealId);
  // the cycle first: a missing cycle is "no such cycle", not "no such appeal"
  if (!found) {
    await loadCycle(tx, viewer.workspaceId, cycleId);
    throw notFound('appeal');
  }
  requireAccess(viewer, 'participant.read', [found], () => notFound('appeal'));
  const { cycle } = await loadForWrite(tx, viewer, cycleId, found.appeal.participantId, 'resolve_appeal', 'manager');
  // read again under the cycle's lock: another manager may have answered it meanwhile
  const appeal = await loadAppealRow(tx, appealId);
  if (appeal.status === 'accepted') throw new AppError('conflict', { reason: 'appeal.already_accepted' });
  if (appeal.status === 'rejected') throw new AppError('conflict', { reason: 'appeal.already_rejected' });
  return { appeal, participant: await participantRef(tx, appeal.participantId), cycle };
}

/** `cycleState`: the state of the appeal's cycle — an appeal is answered only while the cycle allows it. */
function toAppeal(row: AppealRow, participant: ParticipantRef, viewer: Viewer | null, cycleState: CycleState): Appeal {
  const indicator = row.indicatorKey === null ? undefined : participant.card.indicators.find((i) => i.key === row.indicatorKey);
  return {
    id: row.id,
    cycleId: participant.cycleId,
    participantId: row.participantId,
    personId: participant.personId,
    personName: participant.personName,
    indicatorKey: row.indicatorKey,
    indicatorName: indicator ? indicatorLabel(indicator) : null,
    reason: row.reason,
    status: row.status,
    corrections: row.corrections ?? null,
    resolution: row.resolution,
    createdAt: row.createdAt.toISOString(),
    resolvedAt: iso(row.resolvedAt),
    canResolve: viewer !== null && row.status === 'open' && cycleAllows(cycleState, 'resolve_appeal') && canManageParticipant(viewer, participant),
  };
}

/**
 * The appeals of a cycle the viewer may see: admins all, managers those of the participants in
 * their units (and their own), members their own. Oldest first.
 */
export async function listAppeals(db: Db, viewer: Viewer, cycleId: string, status?: AppealRow['status']): Promise<Appeal[]> {
  await loadCycle(db, viewer.workspaceId, cycleId);
  const rows = await listAppealRows(db, viewer.workspaceId, cycleId, peopleScope(viewer), status);
  return reach(viewer, 'participant.read', rows).map((r) => toAppeal(r.appeal, r, viewer, r.cycleState));
}

/**
 * The appeals of one participant, oldest first, to show with the result (participant detail).
 * `viewer`, when given, fills `canResolve`; the caller has already checked the participant is visible.
 */
export async function appealsOf(db: Db | Tx, participantId: string, viewer: Viewer | null = null): Promise<Appeal[]> {
  const rows = await participantAppealRows(db, participantId);
  return rows.map((r) => toAppeal(r.appeal, r, viewer, r.cycleState));
}
