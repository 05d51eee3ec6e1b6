import { z } from 'zod';
import { boundedNumber, uuid } from './common.ts';
import { localizedText as localized, manualRating, participantScores } from './cycles.ts';

/**
 * Appraisal results (domain.md §3, §6): manual ratings (self and manager), adjustments (调整),
 * appeals (异议), the calibration ranking with its grade distribution and forced-distribution
 * check, and the actuals upload.
 */

const comment = z.string().trim().max(2000);
/** A written reason: at least 5 characters, so that "ok" is not a reason. */
const writtenReason = z.string().trim().min(5).max(2000);

export const cycleParams = z.object({ ws: z.string(), id: uuid });
export const participantParams = cycleParams.extend({ pid: uuid });
export const ratingParams = participantParams.extend({ key: z.string().min(1).max(200) });
export const appealParams = cycleParams.extend({ appealId: uuid });

// ── results of one participant ───────────────────────────────────────────────
export const participantResult = z.object({ participantId: uuid, ...participantScores.shape });
export type ParticipantResult = z.infer<typeof participantResult>;

// ── manual ratings ───────────────────────────────────────────────────────────
export const ratingInput = z.object({ rating: boundedNumber, comment: comment.optional() }).strict();

/** Defined with the participant detail, which lists them. */
export { type ManualRating, manualRating } from './cycles.ts';

export const ratingResult = z.object({ rating: manualRating, result: participantResult });

// ── adjustments ──────────────────────────────────────────────────────────────
export const adjustmentInput = z.object({ total: z.number().min(0).max(1_000_000), reason: writtenReason }).strict();
export const removeAdjustmentInput = z.object({ reason: writtenReason }).strict();

// ── appeals ──────────────────────────────────────────────────────────────────
export const appealStatus = z.enum(['open', 'accepted', 'rejected']);
export const createAppealInput = z.object({ indicatorKey: z.string().min(1).max(200).nullable().optional(), reason: writtenReason }).strict();
export const acceptAppealInput = z
  .object({
    /** Corrected values by term name (or, for a manual indicator, its key: the manager's rating). */
    corrections: z
      .record(z.string().min(1).max(200), boundedNumber)
      .refine((v) => Object.keys(v).length <= 200, { params: { key: 'cycle.too_many_values', values: { max: 200 } } }),
    resolution: z.string().trim().min(1).max(2000),
  })
  .strict();
export const rejectAppealInput = z.object({ resolution: writtenReason }).strict();
export const appealsQuery = z.object({ status: appealStatus.optional() });

export const appeal = z.object({
  id: uuid,
  cycleId: uuid,
  participantId: uuid,
  personId: uuid,
  personName: z.string(),
  /** Null when the appeal is about the result as a whole. */
  indicatorKey: z.string().nullable(),
  indicatorName: z.string().nullable(),
  reason: z.string(),
  status: appealStatus,
  corrections: z.record(z.string(), z.number()).nullable(),
  resolution: z.string().nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  /** May the viewer accept or reject it now (their participant, still open)? */
  canResolve: z.boolean(),
});
export type Appeal = z.infer<typeof appeal>;
export const appealResult = z.object({ appeal, result: participantResult });

// ── ranking (calibration) ────────────────────────────────────────────────────
const scores = participantScores.shape;
export const rankingQuery = z.object({ unitId: uuid.optional() });

export const rankingItem = z.object({
  /** 1 for the highest total that counts; equal totals share a rank; null without a total. */
  rank: z.number().int().nullable(),
  participantId: uuid,
  personId: uuid,
  personName: z.string(),
  unitId: uuid.nullable(),
  unitName: z.string().nullable(),
  templateName: z.string(),
  status: scores.status,
  subtotal: scores.subtotal,
  total: scores.total,
  adjustedTotal: scores.adjustedTotal,
  adjustmentReason: scores.adjustmentReason,
  /** adjustedTotal ?? total: the one that counts. */
  countedTotal: z.number().nullable(),
  grade: scores.grade,
  finalGrade: scores.finalGrade,
  openAppeals: z.number().int(),
});
export type RankingItem = z.infer<typeof rankingItem>;

export const distributionViolation = z.object({
  code: z.string(),
  grade: z.string(),
  kind: z.enum(['over', 'under']),
  count: z.number().int(),
  groupSize: z.number().int(),
  share: z.number(),
  limit: z.number(),
  /** over: the most participants the grade may hold; under: the fewest. */
  bound: z.number().int(),
  /** Participant ids holding the grade. */
  members: z.array(uuid),
  message: localized,
});

export const ranking = z.object({
  cycleId: uuid,
  unitId: uuid.nullable(),
  items: z.array(rankingItem),
  /** Per final grade: participants holding it and their share of the graded ones. */
  distribution: z.array(z.object({ grade: z.string(), count: z.number().int(), share: z.number() })),
  graded: z.number().int(),
  ungraded: z.number().int(),
  forcedDistribution: z.object({
    limits: z.array(z.object({ grade: z.string(), maxShare: z.number().optional(), minShare: z.number().optional() })),
    ok: z.boolean(),
    violations: z.array(distributionViolation),
  }),
});
export type Ranking = z.infer<typeof ranking>;

// ── actuals upload ───────────────────────────────────────────────────────────
export const actualsImportResult = z.object({
  /** Data rows read. */
  rows: z.number().int(),
  /** Participants whose values changed (a value or a not-applicable mark). */
  participants: z.number().int(),
  /** Term values written. */
  values: z.number().int(),
  /** Indicators newly marked not applicable. */
  notApplicable: z.number().int(),
});
export type ActualsImportResult = z.infer<typeof actualsImportResult>;
