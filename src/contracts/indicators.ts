import { z } from 'zod';
import { checkIndicatorDefinition } from '../core/indicators/definition.ts';
import { DIRECTIONS, INDICATOR_STATUSES, KINDS, NATURES, PERIODS, PERSPECTIVES, ROLL_UPS, TERM_ROLL_UPS } from '../core/indicators/types.ts';
import { displayName, expectedVersion, pageQuery, paged, rowVersion, uuid } from './common.ts';

export const perspective = z.enum(PERSPECTIVES);
export const indicatorKind = z.enum(KINDS);
export const indicatorNature = z.enum(NATURES);
export const direction = z.enum(DIRECTIONS);
export const period = z.enum(PERIODS);
export const rollUp = z.enum(ROLL_UPS);
export const termRollUp = z.enum(TERM_ROLL_UPS);
export const indicatorStatus = z.enum(INDICATOR_STATUSES);

/** Stable ASCII identifier of an indicator (scorecards and imports refer to it). */
export const indicatorKey = z
  .string()
  .trim()
  .min(2)
  .max(60)
  .regex(/^[a-z][a-z0-9_-]*$/, 'lowercase letters, digits, _ and -');

export const indicatorTerm = z
  .object({
    /** The name as written in the formula. */
    name: z.string().trim().min(1).max(100),
    /** The data definition (口径): what is counted, from which source, at which time. */
    definition: z.string().trim().min(1).max(2000),
    /** How the term rolls up when the indicator is recomputed (default sum). */
    rollUp: termRollUp.default('sum'),
  })
  .strict();


/** What an indicator is, as the API shows it: the same in a workspace's library and in the built-in one. */
const shownDefinition = {
  purpose: z.string(),
  perspective,
  kind: indicatorKind,
  nature: indicatorNature,
  unit: z.string(),
  direction,
  formula: z.string().nullable(),
  terms: z.array(z.object({ name: z.string(), definition: z.string(), rollUp: termRollUp })),
  period,
  rollUp,
};

export const indicator = z.object({
  id: uuid,
  key: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  ...shownDefinition,
  status: indicatorStatus,
  sourceBuiltinKey: z.string().nullable(),
  version: rowVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Indicator = z.infer<typeof indicator>;

const definitionFields = {
  name: displayName,
  nameEn: z.string().trim().min(1).max(100).nullable().optional(),
  purpose: z.string().trim().min(1).max(2000),
  perspective,
  kind: indicatorKind,
  nature: indicatorNature,
  unit: z.string().trim().max(20).default(''),
  direction,
  formula: z.string().trim().max(2000).nullable().optional(),
  terms: z.array(indicatorTerm).min(1).max(50),
  period,
  rollUp,
};

type FormulaAndTerms = { formula?: string | null; terms?: { name: string }[] };

/**
 * Adds one located issue per definition problem (a formula name without 口径, an unused
 * term, a syntax error with its range …). `params.key` and `params.values` name the message
 * of the server's catalogue; `params.start`/`params.end` locate it inside the formula.
 */
export function refineDefinition(value: FormulaAndTerms, ctx: z.RefinementCtx): void {
  if (value.terms === undefined) return;
  for (const p of checkIndicatorDefinition(value.formula, value.terms).problems) {
    ctx.addIssue({ code: 'custom', path: p.path, message: p.message.en, params: { key: p.code, values: p.params, message: p.message, start: p.start, end: p.end } });
  }
}

export const createIndicatorInput = z
  .object({ ...definitionFields, key: indicatorKey.optional() })
  .strict()
  .superRefine(refineDefinition);
export type CreateIndicatorInput = z.input<typeof createIndicatorInput>;

/** Any subset of the fields; formula and terms are checked together against the stored ones. */
export const updateIndicatorInput = z
  .object({
    ...definitionFields,
    unit: z.string().trim().max(20),
    key: indicatorKey,
    version: expectedVersion,
  })
  .partial()
  .strict()
  .superRefine((value, ctx) => {
    // with only one of the two, the service checks it against the stored other half
    if (value.terms !== undefined && value.formula !== undefined) refineDefinition(value, ctx);
  });

export const copyIndicatorInput = z.object({ name: displayName.optional(), key: indicatorKey.optional() }).strict();

export const listIndicatorsQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  perspective: perspective.optional(),
  kind: indicatorKind.optional(),
  nature: indicatorNature.optional(),
  status: z.enum(['active', 'archived', 'all']).default('active'),
});
export const indicatorsPage = paged(indicator);

/** A built-in indicator in the request's language, flagged when the workspace has a copy. */
export const libraryIndicator = z.object({
  key: z.string(),
  name: z.string(),
  /** The name in the other language (English for a Chinese reader and the reverse). */
  altName: z.string(),
  ...shownDefinition,
  /** The workspace's copies of it (any status), oldest first; empty when not copied. */
  copiedAs: z.array(z.object({ id: uuid, name: z.string(), status: indicatorStatus })),
});
export const libraryQuery = z.object({ q: z.string().trim().max(100).optional(), perspective: perspective.optional() });

export const checkFormulaInput = z
  .object({
    formula: z.string().max(10_000),
    /** The term names the formula may use (those with a data definition). */
    terms: z.array(z.string().trim().min(1).max(100)).max(50),
  })
  .strict();

export const formulaDiagnostic = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  /** In the request's language. */
  message: z.string(),
  suggestion: z.string().optional(),
  readings: z.array(z.string()).optional(),
});
export const checkFormulaResult = z.object({
  ok: z.boolean(),
  variables: z.array(z.string()),
  diagnostics: z.array(formulaDiagnostic),
  /** Terms the formula does not use (an error when saving). */
  unusedTerms: z.array(z.string()),
});
