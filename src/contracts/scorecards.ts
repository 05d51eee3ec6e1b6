import { z } from 'zod';
import { validateScorecard } from '../core/scoring/validate.ts';
import { PERIOD_LABEL_PATTERN, parsePeriod } from '../core/values/periods.ts';
import { boundedNumber, expectedVersion, rowVersion, uuid } from './common.ts';
import { SCORECARD_FORMAT, scorecardFile, scorecardIndicator, scorecardRule } from './scorecard.ts';

/**
 * Scorecard templates (考核表模板) as the API shows them: the template and its card (the body of
 * a `kedu.scorecard/v1` file), who gets it, its design warnings, the year's target grid and a
 * person's resolved scorecard. User's guide: docs/scorecard-templates.md.
 */
export const templatePeriod = z.enum(['month', 'quarter', 'year']).meta({ description: 'How often the template is scored: monthly, quarterly or yearly.' });
export const templateStatus = z.enum(['active', 'archived']);
export const ownerKind = z.enum(['position', 'person']).meta({ description: 'Targets for every holder of a position, or for one person (a person’s target wins).' });

const localized = z.object({ 'zh-CN': z.string(), en: z.string() });

/** The message key of a scoring-engine rule in the server's catalogue (rendered in both languages). */
export const engineMessageKey = (code: string) => `scorecard.${code}`;

/**
 * The rule of an indicator: its `type` is checked first, so an unknown type is answered with
 * the four types there are (a discriminated union alone only says "invalid").
 */
const rule = z
  .looseObject({ type: z.enum(['proportional', 'tiers', 'linear', 'manual']) })
  .pipe(scorecardRule)
  .meta({
    description:
      'The scoring rule m = f(r): {"type":"proportional"} | {"type":"tiers","tiers":[{"atLeast"|"above":r,"multiplier":m}],"below":"proportional"|"zero"} | {"type":"linear","points":[[r,m],…]} | {"type":"manual","scale":[1,5],"mapTo":[0.2,1]} (docs/scoring.md §3).',
  });
const indicator = scorecardIndicator.extend({ rule });

const cardShape = {
  indicators: z.array(indicator).min(1).max(100),
  grades: scorecardFile.shape.grades,
  maxTotal: scorecardFile.shape.maxTotal,
};

/**
 * The card of a template, as stored: the indicators of a `kedu.scorecard/v1` file with their
 * weights, default targets and rules, the grade bands and the maximum total. Only the shape;
 * the scoring rules are checked by `templateCard`.
 */
export const templateCardShape = z.strictObject(cardShape).meta({ description: 'Indicators with weights, default targets and rules; grade bands; maximum total (kedu.scorecard/v1 without format, name and period).' });

/**
 * A card the scoring engine accepts: every rule `validateScorecard` checks (weights sum to 100,
 * unique keys, sorted tiers…) becomes an issue located at its path, e.g. `indicators[2].target`.
 * A missing default target is allowed (a design warning): the year grid may supply the targets.
 */
export const templateCard = templateCardShape.superRefine((card, ctx) => {
  for (const issue of validateScorecard(card, { requireTargets: false })) {
    ctx.addIssue({
      code: 'custom',
      path: issue.path,
      message: issue.message.en,
      params: { key: engineMessageKey(issue.code), values: { zh: issue.message['zh-CN'], en: issue.message.en } },
    });
  }
});
export type TemplateCard = z.infer<typeof templateCardShape>;

/** A design warning (or error, or hint) of checkScorecardDesign, in both languages. */
export const designIssue = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string().meta({ description: 'e.g. weights.sum, design.dominant, design.too_many, design.no_purpose, design.no_target, design.no_source, design.no_data_owner' }),
  /** Inside the card, e.g. ['indicators', 0, 'weight']. */
  path: z.array(z.union([z.string(), z.number()])),
  indicatorKey: z.string().nullable(),
  message: localized,
});
export type DesignIssueOut = z.infer<typeof designIssue>;

const name = z.string().trim().min(1).max(100);
const description = z.string().trim().max(2000);

export const createTemplateInput = z.strictObject({
  name,
  description: description.default(''),
  period: templatePeriod,
  card: templateCard,
});
export const updateTemplateInput = z.strictObject({
  name: name.optional(),
  description: description.optional(),
  period: templatePeriod.optional().meta({ description: 'Refused (409) while the template is assigned or has targets.' }),
  card: templateCard.optional(),
  version: expectedVersion,
});
export const copyTemplateInput = z.strictObject({ name: name.optional().meta({ description: 'Default: "… (copy)" in the request language.' }) });
export const checkCardInput = z.strictObject({ card: templateCardShape });
export const checkCardResult = z.object({
  ok: z.boolean().meta({ description: 'No error: the card can be saved and scored (warnings do not block saving).' }),
  issues: z.array(designIssue),
});

export const listTemplatesQuery = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(['active', 'archived', 'all']).default('active'),
  period: templatePeriod.optional(),
});

export const templateSummary = z.object({
  id: uuid,
  name: z.string(),
  description: z.string(),
  period: templatePeriod,
  status: templateStatus,
  indicatorCount: z.number().int(),
  weightSum: z.number(),
  assignedPositions: z.number().int(),
  assignedPeople: z.number().int(),
  /** Active people who get this template: holders of its positions (unless assigned another one directly) and people assigned directly. */
  holderCount: z.number().int(),
  version: rowVersion,
  updatedAt: z.string(),
});

export const template = z.object({
  id: uuid,
  name: z.string(),
  description: z.string(),
  period: templatePeriod,
  status: templateStatus,
  card: templateCardShape,
  assignments: z.object({
    positions: z.array(z.object({ id: uuid, name: z.string(), holders: z.number().int().meta({ description: 'Active people holding the position.' }) })),
    people: z.array(z.object({ id: uuid, name: z.string() })),
  }),
  holderCount: z.number().int(),
  design: z.array(designIssue),
  version: rowVersion,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Template = z.infer<typeof template>;

export const importTemplateQuery = z.object({
  period: templatePeriod.optional().meta({ description: 'Default: the file’s "period" when it is month, quarter or year (or a period label such as 2027-Q1), else month.' }),
  name: name.optional().meta({ description: 'Default: the file’s name.' }),
});
/** The body of an import: a kedu.scorecard/v1 file, checked by parseScorecardFile so that every problem is located. */
export const importTemplateBody = z.record(z.string(), z.unknown()).meta({ description: `A ${SCORECARD_FORMAT} file (see docs/scoring.md and docs/kedu.scorecard.v1.schema.json).` });

/** The exported file: kedu.scorecard/v1 (a template may leave default targets to the year grid). */
export const exportedFile = z.object({
  format: z.literal(SCORECARD_FORMAT),
  name: z.string(),
  period: templatePeriod,
  indicators: z.array(scorecardIndicator),
  grades: scorecardFile.shape.grades,
  maxTotal: z.number().optional(),
});

const ids = z.array(uuid).max(1000);
export const setAssignmentsInput = z.strictObject({
  positionIds: ids.default([]).meta({ description: 'Every holder of these positions gets the template (unless assigned another one directly).' }),
  personIds: ids.default([]).meta({ description: 'These people get the template, whatever their position.' }),
  version: expectedVersion,
});

const year = z.number().int().min(1900).max(2100);
export const targetsQuery = z.object({
  year: z.coerce.number().int().min(1900).max(2100),
  ownerKind,
  ownerId: uuid,
});
/** By indicator key, then by period label (2026-01, 2026-Q1 or 2026): a target, or null for none. */
const grid = z.record(z.string(), z.record(z.string(), z.number().nullable()));
export const targetGrid = z.object({
  year: z.number().int(),
  ownerKind,
  ownerId: uuid,
  ownerName: z.string(),
  periods: z.array(z.string()).meta({ description: 'The columns: the periods of the year of the template’s kind.' }),
  indicators: z.array(z.object({ key: z.string(), name: z.string(), unit: z.string().nullable(), defaultTarget: z.number().nullable() })),
  values: grid,
  version: rowVersion.meta({ description: 'The template’s version: the targets are part of the template; send it back with a change of cells.' }),
});
export const setTargetsInput = z.strictObject({
  year,
  ownerKind,
  ownerId: uuid,
  values: z
    .record(z.string().min(1).max(100), z.record(z.string().max(20), boundedNumber.nullable()))
    .meta({ description: 'Only the cells given change: a number > 0 sets the target, null clears it (the template default applies again).' }),
  version: expectedVersion,
});

export const previewQuery = z.object({
  personId: uuid,
  period: z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      if (!PERIOD_LABEL_PATTERN.test(value) || !parsePeriod(value)) {
        ctx.addIssue({ code: 'custom', message: 'A period: 2026-10, 2026-Q4 or 2026', params: { key: 'scorecard.period_label_invalid', values: { value } } });
      }
    })
    .meta({ description: 'A month `2026-10`, a quarter `2026-Q4` or a year `2026`.' }),
});
export const scorecardPreview = z.object({
  person: z.object({ id: uuid, name: z.string() }),
  period: z.object({ kind: templatePeriod, label: z.string(), startsOn: z.string(), endsOn: z.string() }),
  /** null: the person gets no template of this period's kind. */
  scorecard: z
    .object({
      templateId: uuid,
      templateName: z.string(),
      assignedVia: z.enum(['person', 'position']),
      card: templateCardShape,
      targets: z.array(
        z.object({
          key: z.string(),
          name: z.string(),
          target: z.number().nullable(),
          source: z.enum(['person', 'position', 'template']).nullable().meta({ description: 'Where the target comes from; null for a manual indicator or a missing target.' }),
        }),
      ),
    })
    .nullable(),
});
