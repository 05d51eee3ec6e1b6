import type { z } from 'zod';
import type { ManualRating, ratingInput, ratingResult } from '../../../../contracts/cycle-results.ts';
import type { Indicator, Scorecard } from '../../../../core/scoring/types.ts';
import type { Db, Tx } from '../../../db/client.ts';
import type { RequestContext, } from '../../../http/request-context.ts';
import { recordAudit } from '../../audit/index.ts';
import { loadForWrite } from '../lifecycle/cycle-access.ts';
import { findRating, listRatingRows, type RatingRow, upsertRating } from './ratings.queries.ts';
import { actorOf, iso, isRatedIndicator, located, manualScale, ratedKeys, rescore } from './results-common.ts';

export type RatingInput = z.output<typeof ratingInput>;
export type RatingResult = z.infer<typeof ratingResult>;

/**
 * Rates a `manual` indicator (domain.md §3 rule `manual`, §6 competencies): the participant's
 * self-rating (`as` 'self', open cycles only) or their manager's (`as` 'manager', open or
 * calibrating; never one's own). Both are kept; only the manager's counts. Audited, then the
 * participant's result is recomputed — all in one transaction.
 */
export async function rate(db: Db, ctx: RequestContext, ids: { cycleId: string; participantId: string; key: string }, as: 'self' | 'manager', input: RatingInput): Promise<RatingResult> {
  const { viewer } = ctx;
  const { ip } = ctx.actor;
  return db.transaction(async (tx) => {
    const { participant } = await loadForWrite(tx, viewer, ids.cycleId, ids.participantId, as === 'self' ? 'self_rate' : 'rate', as);
    const indicator = ratedIndicator(participant.card, ids.key);
    checkRating(indicator, input.rating, ['body', 'rating']);

    const before = await findRating(tx, participant.id, indicator.key);
    const now = new Date();
    const comment = input.comment ?? null;
    const patch =
      as === 'self'
        ? { selfRating: input.rating, selfComment: comment, selfAt: now }
        : { managerRating: input.rating, managerComment: comment, managerAt: now, managerBy: viewer.userId };
    const after = await upsertRating(tx, participant.id, indicator.key, patch);
    await recordAudit(tx, actorOf(viewer, ip), {
      workspaceId: viewer.workspaceId,
      action: as === 'self' ? 'rating.self' : 'rating.manager',
      entityType: 'cycle_participant',
      entityId: participant.id,
      before: before ? { cycleId: ids.cycleId, ...before } : null,
      after: { cycleId: ids.cycleId, ...after },
    });
    return { rating: toManualRating(after), result: await rescore(tx, ids.cycleId, participant.id) };
  });
}

/** The manual indicator `key` of a card; 400 located at params.key otherwise. */
export function ratedIndicator(card: Scorecard, key: string): Indicator {
  const indicator = card.indicators.find((i) => i.key === key);
  if (!indicator) throw located(['params', 'key'], 'rating.unknown_indicator', { key, keys: ratedKeys(card) }, key);
  if (!isRatedIndicator(indicator)) throw located(['params', 'key'], 'rating.not_manual', { key, keys: ratedKeys(card) }, key);
  return indicator;
}

/** A rating within the indicator's scale (default 1–5); 400 located at `path` otherwise. */
export function checkRating(indicator: Indicator, rating: number, path: (string | number)[]): void {
  const [min, max] = manualScale(indicator);
  if (!Number.isFinite(rating) || rating < min || rating > max) throw located(path, 'rating.out_of_scale', { min, max, value: rating, indicator: indicator.name || indicator.key }, rating);
}

export function toManualRating(row: RatingRow): ManualRating {
  return {
    indicatorKey: row.indicatorKey,
    selfRating: row.selfRating,
    selfComment: row.selfComment,
    selfAt: iso(row.selfAt),
    managerRating: row.managerRating,
    managerComment: row.managerComment,
    managerAt: iso(row.managerAt),
  };
}

/** The ratings of a participant's manual indicators (self and manager), for the participant detail. */
export async function ratingsOf(db: Db | Tx, participantId: string): Promise<ManualRating[]> {
  const rows = await listRatingRows(db, participantId);
  return rows.map(toManualRating);
}
