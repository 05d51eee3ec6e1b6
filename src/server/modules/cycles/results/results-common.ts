import type { ParticipantResult } from '../../../../contracts/cycle-results.ts';
import { compileFormula } from '../../../../core/formula/index.ts';
import type { Indicator, Scorecard } from '../../../../core/scoring/types.ts';
import type { Db, Tx } from '../../../db/client.ts';
import { AppError, type ErrorDetail } from '../../../errors.ts';
import type { Viewer } from '../../../http/request-context.ts';
import type { Actor } from '../../audit/index.ts';
import type { ParticipantRow } from '../lifecycle/cycle-access.ts';
import { recomputeParticipants } from '../lifecycle/recompute.ts';
import { findParticipantById } from './participants.queries.ts';

/** Shared by the ratings, adjustments, appeals, ranking and results files. */

export const actorOf = (viewer: Viewer, ip: string | null): Actor => ({ userId: viewer.userId, label: viewer.label, ip });

/** Ranking, exports and uploads are for managers and admins: a member sees only their own result. */
export function requireManagerOrAdmin(viewer: Viewer): void {
  if (viewer.role !== 'admin' && viewer.role !== 'manager') throw new AppError('forbidden');
}

/** A 400 with one located problem (`validation_failed`, like a schema error). */
export function located(path: (string | number)[], code: string, params: Record<string, string | number> = {}, value?: unknown): AppError {
  const detail: ErrorDetail = { path, code, params };
  if (value !== undefined) detail.value = value;
  return new AppError('validation_failed', { count: 1 }, [detail]);
}

export const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toParticipantResult(row: ParticipantRow): ParticipantResult {
  return {
    participantId: row.id,
    status: row.status,
    subtotal: row.subtotal,
    total: row.total,
    grade: row.grade,
    adjustedTotal: row.adjustedTotal,
    adjustmentReason: row.adjustmentReason,
    adjustedAt: iso(row.adjustedAt),
    finalGrade: row.finalGrade,
  };
}

/** Scores a participant again after a change to their inputs; their result as stored now. */
export async function rescore(tx: Db | Tx, cycleId: string, participantId: string): Promise<ParticipantResult> {
  await recomputeParticipants(tx, cycleId, [participantId]);
  return toParticipantResult(await findParticipantById(tx, participantId));
}

/** The scale of a manual rule: default 1–5, as the scoring engine reads it. */
export function manualScale(indicator: Indicator): [number, number] {
  const scale = indicator.rule?.type === 'manual' ? (indicator.rule.scale ?? [1, 5]) : [1, 5];
  return [Math.min(scale[0], scale[1]), Math.max(scale[0], scale[1])];
}

/** A `manual` indicator: its actual is the manager's rating (see participant-score.ts). */
export const isRatedIndicator = (indicator: Indicator) => indicator.rule?.type === 'manual';

export const indicatorLabel = (indicator: Indicator) => indicator.name || indicator.key;

/** The keys a participant's card rates manually, for messages. */
export function ratedKeys(card: Scorecard): string {
  return card.indicators.filter(isRatedIndicator).map((i) => i.key).join(', ') || '—';
}

/**
 * The terms a card reads from entered or uploaded values, by term name → the indicators reading
 * it: each non-manual indicator's formula variables, or its key. A manual indicator's rating is
 * not a term (it is rated, never typed in or uploaded); a formula that does not compile reads nothing.
 */
export function enteredTerms(card: Scorecard): Map<string, Indicator[]> {
  const cached = termCache.get(card);
  if (cached) return cached;
  const terms = new Map<string, Indicator[]>();
  for (const indicator of card.indicators) {
    if (isRatedIndicator(indicator)) continue;
    let names: readonly string[] = [indicator.key];
    if (indicator.formula !== undefined) {
      const compiled = compileFormula(indicator.formula);
      names = compiled.ok && compiled.type === 'number' ? compiled.variables : [];
    }
    for (const name of names) terms.set(name, [...(terms.get(name) ?? []), indicator]);
  }
  termCache.set(card, terms);
  return terms;
}
const termCache = new WeakMap<Scorecard, Map<string, Indicator[]>>();
