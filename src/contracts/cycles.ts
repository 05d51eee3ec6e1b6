import { z } from 'zod';
import { PERIOD_LABEL_PATTERN, parsePeriod } from '../core/values/periods.ts';
import { bounded, boundedNumber, expectedVersion, pageQuery, paged, rowVersion, uuid } from './common.ts';

/**
 * Appraisal cycles (考核周期, domain.md §3) as the API shows them: the cycle, its participants
 * (a person's scorecard in the cycle and its result), entering actuals and what-if. The
 * participant summary and detail are shared by every cycles route (ratings, appeals, ranking).
 */
export const cycleState = z.enum(['draft', 'open', 'calibrating', 'closed']);
export const periodKind = z.enum(['month', 'quarter', 'year']);
export const participantStatus = z.enum(['complete', 'incomplete', 'invalid']);

/** `2026-10` (a month), `2026-Q4` (a quarter) or `2026` (a year). */
export const periodLabel = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (!PERIOD_LABEL_PATTERN.test(value) || !parsePeriod(value)) {
      ctx.addIssue({ code: 'custom', message: 'A period: 2026-10, 2026-Q4 or 2026', params: { key: 'cycle.period_label_invalid', values: { value } } });
    }
  })
  .meta({ description: 'A month `2026-10`, a quarter `2026-Q4` or a year `2026`.', examples: ['2026-10', '2026-Q4', '2026'] });

const share = z.number().min(0).max(1).meta({ description: 'A share of the group, 0–1 (0.1 = 10 %).' });
export const distributionLimit = z
  .strictObject({ grade: z.string().trim().min(1).max(20), maxShare: share.optional(), minShare: share.optional() })
  .meta({ description: 'Forced distribution (强制分布) of one grade, e.g. { grade: "S", maxShare: 0.1 } for S ≤ 10 %.' });
const forcedDistribution = z.array(distributionLimit).max(20);

export const cycleCounts = z.object({
  participants: z.number().int(),
  complete: z.number().int(),
  incomplete: z.number().int(),
  invalid: z.number().int(),
});

export const cycle = z.object({
  id: uuid,
  name: z.string(),
  periodKind,
  periodLabel: z.string(),
  startsOn: z.string().meta({ description: 'YYYY-MM-DD' }),
  endsOn: z.string().meta({ description: 'YYYY-MM-DD' }),
  trial: z.boolean().meta({ description: '试运行: computed like any cycle, but the results do not count.' }),
  state: cycleState,
  forcedDistribution: z.array(z.object({ grade: z.string(), maxShare: z.number().optional(), minShare: z.number().optional() })),
  actualsRefreshing: z.boolean().meta({ description: 'An open cycle whose metric-bound actuals are being taken from data that just changed (an import, a rollback, a metric or binding change): ask again shortly.' }),
  /** Of the participants the viewer may see (all of them for an administrator). */
  counts: cycleCounts,
  /** The viewer's own part in the cycle, when they take part (lists and the cycle page; null elsewhere). */
  mine: z
    .object({ participantId: uuid, status: participantStatus, total: z.number().nullable(), adjustedTotal: z.number().nullable(), finalGrade: z.string().nullable() })
    .nullable(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Raised by a change of its settings (PATCH), not by its state changes. */
  version: rowVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Cycle = z.infer<typeof cycle>;

export const createCycleInput = z.strictObject({
  periodLabel,
  name: z.string().trim().min(1).max(100).optional().meta({ description: 'Default: "2026年10月考核" / "October 2026 appraisal", in the request language.' }),
  trial: z.boolean().default(false),
  forcedDistribution: forcedDistribution.default([]),
});
export type CreateCycleInput = z.input<typeof createCycleInput>;

export const updateCycleInput = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  trial: z.boolean().optional(),
  forcedDistribution: forcedDistribution.optional(),
  version: expectedVersion,
});

export const closeCycleInput = z.strictObject({
  allowIncomplete: z.boolean().default(false).meta({ description: 'Close even though some results are incomplete or invalid (they are frozen as they are).' }),
});
export const reopenCycleInput = z.strictObject({
  reason: z.string().trim().min(5).max(2000).meta({ description: 'Why the closed cycle is corrected; kept in the audit log.' }),
});

/** GET /cycles/:id/preview — who would take part, and who holds no template (the gaps). */
export const cyclePreview = z.object({
  cycleId: uuid,
  periodLabel: z.string(),
  participants: z.array(
    z.object({
      personId: uuid,
      personName: z.string(),
      unitId: uuid.nullable(),
      unitName: z.string().nullable(),
      templateId: uuid,
      templateName: z.string(),
      /** Already a participant of this cycle (an open cycle's sync adds the others). */
      inCycle: z.boolean(),
    }),
  ),
  withoutTemplate: z.array(
    z.object({ personId: uuid, personName: z.string(), unitId: uuid.nullable(), unitName: z.string().nullable(), positionId: uuid.nullable(), positionName: z.string().nullable() }),
  ),
});

export const syncResult = z.object({ added: z.number().int(), people: z.array(z.object({ personId: uuid, personName: z.string() })), cycle });
export const recomputeResult = z.object({ recomputed: z.number().int(), cycle });

// ── participants ─────────────────────────────────────────────────────────────

export const listParticipantsQuery = pageQuery.extend({
  unitId: uuid.optional().meta({ description: 'This unit and the units below it.' }),
  q: z.string().trim().max(100).optional().meta({ description: 'Part of the person’s or the template’s name.' }),
  status: participantStatus.optional(),
});

/**
 * A participant's result as stored: the computed figures and the manager's adjustment. Written
 * once here; the participants table, the detail, the ranking (cycle-results.ts) and the result
 * a rating, adjustment or appeal returns each take the fields they show.
 */
export const participantScores = z.object({
  status: participantStatus,
  subtotal: z.number().nullable(),
  total: z.number().nullable(),
  grade: z.string().nullable(),
  adjustedTotal: z.number().nullable(),
  adjustmentReason: z.string().nullable(),
  adjustedAt: z.string().nullable(),
  /** The grade of the total that counts (adjusted or computed). */
  finalGrade: z.string().nullable(),
});
const scores = participantScores.shape;

/** A row of the participants table (shared with the ranking). */
export const participantSummary = z.object({
  id: uuid,
  personId: uuid,
  personName: z.string(),
  unitId: uuid.nullable(),
  unitName: z.string().nullable(),
  templateName: z.string(),
  status: scores.status,
  total: scores.total,
  grade: scores.grade,
  adjustedTotal: scores.adjustedTotal,
  finalGrade: scores.finalGrade,
  openAppeals: z.number().int(),
});
export type ParticipantSummary = z.infer<typeof participantSummary>;
export const participantsPage = paged(participantSummary);

/** A text in each language of the app. */
export const localizedText = z.object({ 'zh-CN': z.string(), en: z.string() });
/** A coded message with its text in both languages (the scoring engine's explanations). */
export const reason = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), localizedText])),
  message: localizedText,
});

const rule = z.looseObject({ type: z.enum(['proportional', 'tiers', 'linear', 'manual']) });
/** An indicator assignment of the participant's scorecard (fixed when the cycle opened). */
export const cardIndicator = z.looseObject({
  key: z.string(),
  name: z.string().optional(),
  purpose: z.string().optional().meta({ description: 'Why it is measured (目的).' }),
  unit: z.string().optional(),
  direction: z.enum(['higher', 'lower']).optional(),
  achievement: z.enum(['mirror', 'inverse']).optional(),
  formula: z.string().optional(),
  weight: z.number(),
  target: z.number().optional(),
  rule: rule.optional(),
  cap: z.number().optional(),
  floor: z.number().optional(),
  veto: z.looseObject({ below: z.number(), effect: z.union([z.literal('zero'), z.looseObject({})]) }).optional(),
  source: z.looseObject({ kind: z.string(), reference: z.string().optional() }).optional().meta({ description: 'Where the indicator comes from (出处): a goal source kind and which one in words.' }),
  dataOwner: z.looseObject({ kind: z.enum(['position', 'person']), name: z.string() }).optional().meta({ description: 'Who supplies the actual (数据提供人): a position or a person, by name.' }),
});
export const card = z.looseObject({
  name: z.string().optional(),
  period: z.string().optional(),
  indicators: z.array(cardIndicator),
  grades: z.array(z.object({ min: z.number(), grade: z.string() })).optional(),
  maxTotal: z.number().optional(),
});

/** One indicator's explained result: actual (formula and inputs), target, r, rule match, cap/floor, veto, points. */
export const indicatorResult = z.object({
  key: z.string(),
  name: z.string(),
  status: z.enum(['scored', 'not_applicable', 'incomplete', 'error']),
  notApplicable: z.boolean(),
  direction: z.enum(['higher', 'lower']),
  achievementMode: z.enum(['mirror', 'inverse']).nullable(),
  actual: z.number().nullable(),
  formula: z.string().nullable(),
  terms: z.record(z.string(), z.number()).nullable(),
  target: z.number().nullable(),
  achievement: z.number().nullable(),
  rule: z.enum(['proportional', 'tiers', 'linear', 'manual']),
  match: z.looseObject({ kind: z.string() }).nullable(),
  multiplierRaw: z.number().nullable(),
  multiplier: z.number().nullable(),
  limit: z.enum(['cap', 'floor']).nullable(),
  weight: z.number(),
  effectiveWeight: z.number(),
  points: z.number().nullable(),
  vetoTriggered: z.boolean(),
  reason: reason.nullable(),
});

/** The full explainable result of a scorecard (ScoreResult of src/core/scoring). */
export const scoreResult = z.object({
  status: participantStatus,
  indicators: z.array(indicatorResult),
  subtotal: z.number().nullable(),
  vetoes: z.array(z.object({ key: z.string(), threshold: z.number(), achievement: z.number(), effect: z.union([z.literal('zero'), z.looseObject({})]), bit: z.boolean() })),
  totalAfterVetoes: z.number().nullable(),
  maxTotal: z.object({ value: z.number(), bit: z.boolean() }).nullable(),
  total: z.number().nullable(),
  grade: z.string().nullable(),
  issues: z.array(reason),
});

const who = z.object({ id: uuid, name: z.string() }).nullable();

/** A participant's self-rating and their manager's of one manual indicator (ratings, detail). */
export const manualRating = z.object({
  indicatorKey: z.string(),
  selfRating: z.number().nullable(),
  selfComment: z.string().nullable(),
  selfAt: z.string().nullable(),
  /** The manager's rating: the one that counts. */
  managerRating: z.number().nullable(),
  managerComment: z.string().nullable(),
  managerAt: z.string().nullable(),
});
export type ManualRating = z.infer<typeof manualRating>;
const { managerAt: _, ...ratingShape } = manualRating.shape;

/** What the viewer may do to this participant now (the cycle's state and their standing). */
export const participantPermissions = z.object({
  enterActuals: z.boolean(),
  setNotApplicable: z.boolean(),
  rate: z.boolean(),
  selfRate: z.boolean(),
  adjust: z.boolean(),
  appeal: z.boolean(),
});

/** GET /cycles/:id/participants/:pid — everything the participant's page shows (shared with ratings and appeals). */
/** Where a value taken from a metric came from: metric → dataset → batches → rows (domain.md §4). */
export const termLineage = z.object({
  metricId: uuid,
  metric: z.string(),
  datasetId: uuid,
  dataset: z.string(),
  batches: z.number().int(),
  rows: z.number().int(),
  skipped: z.number().int(),
  owner: z.string(),
  computedAt: z.string(),
});

export const participantDetail = participantSummary.extend({
  cycleId: uuid,
  cycle: z.object({ id: uuid, name: z.string(), state: cycleState, periodLabel: z.string(), trial: z.boolean() }),
  templateId: uuid.nullable(),
  subtotal: scores.subtotal,
  adjustmentReason: scores.adjustmentReason,
  adjustedBy: who,
  adjustedAt: scores.adjustedAt,
  computedAt: z.string(),
  card,
  notApplicable: z.array(z.string()),
  /** The terms each indicator reads (its formula's variables, or its key), for the entry form; `manual` indicators are rated, not entered. */
  termsNeeded: z.array(z.object({ key: z.string(), name: z.string(), manual: z.boolean(), terms: z.array(z.string()) })),
  /** The term values: who entered them, when, and how (typed in, uploaded, taken from a metric — with its lineage — or corrected by an appeal). */
  values: z.array(
    z.object({
      term: z.string(),
      value: z.number(),
      source: z.enum(['entry', 'upload', 'appeal', 'metric']),
      lineage: termLineage.nullable(),
      updatedBy: who,
      updatedAt: z.string(),
    }),
  ),
  ratings: z.array(z.object({ ...ratingShape, managerBy: who, managerAt: manualRating.shape.managerAt })),
  /** Live while the cycle runs; the frozen result once it is closed. */
  result: scoreResult,
  frozen: z.boolean(),
  canEdit: participantPermissions,
});
export type ParticipantDetail = z.infer<typeof participantDetail>;

export const putActualsInput = z.strictObject({
  values: z
    .record(z.string().trim().min(1).max(100), boundedNumber.nullable())
    .refine((v) => Object.keys(v).length <= 200, { params: { key: 'cycle.too_many_values', values: { max: 200 } } })
    .meta({ description: 'Term values by term name; null deletes a value.' }),
  notApplicable: z.array(z.string().min(1).max(100)).max(100).optional().meta({ description: 'The indicator keys not applicable (不适用) this period; replaces the list.' }),
});

export const whatIfInput = z.strictObject({
  change: z
    .strictObject({
      key: z.string().trim().min(1).max(100).meta({ description: 'The indicator key.' }),
      actual: boundedNumber.nullable().optional().meta({ description: 'A different actual (null: as if not known); at most ±10^15.' }),
      target: bounded(z.number().positive()).optional().meta({ description: 'A different target; at most 10^15.' }),
    })
    .superRefine((value, ctx) => {
      const given = (value.actual !== undefined ? 1 : 0) + (value.target !== undefined ? 1 : 0);
      if (given !== 1) ctx.addIssue({ code: 'custom', message: 'Give either actual or target', path: [], params: { key: 'cycle.whatif_one_change' } });
    }),
});

const scoreSummary = participantScores.pick({ status: true, subtotal: true, total: true, grade: true });
export const whatIfResult = z.object({
  change: z.object({ key: z.string(), actual: z.number().nullable().optional(), target: z.number().optional() }),
  before: scoreSummary,
  after: scoreSummary,
  totalDelta: z.number().nullable(),
  indicators: z.array(z.object({ key: z.string(), name: z.string(), pointsDelta: z.number().nullable(), before: indicatorResult, after: indicatorResult })),
  causes: z.array(reason),
});
