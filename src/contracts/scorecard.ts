import { z } from 'zod';
import type { LocalizedText, Scorecard } from '../core/scoring/types.ts';
import { DATA_OWNER_KINDS, DATA_OWNER_NAME_MAX, INDICATOR_SOURCE_KINDS, SOURCE_REFERENCE_MAX } from '../core/scoring/provenance.ts';
import { formatIssuePath, validateScorecard } from '../core/scoring/validate.ts';
import { boundedNumber } from './common.ts';
import { issueToMessage } from './issues.ts';

/**
 * The interchange format of a scorecard, `kedu.scorecard/v1` (docs/scoring.md). The shape is
 * checked here; the scoring rules (weights sum to 100, unique keys, tiers, sorted points…) are
 * the scoring engine's own `validateScorecard`, run as a refinement so they live in one place.
 */
export const SCORECARD_FORMAT = 'kedu.scorecard/v1';

const ratio = z.number().meta({ description: 'An achievement ratio r (1 = 100 % of the target).' });
const multiplier = z.number().meta({ description: 'A multiplier m applied to the weight.' });
const pair = z.tuple([z.number(), z.number()]);

export const scorecardTier = z
  .strictObject({
    atLeast: ratio.optional().meta({ description: 'The tier is met when r ≥ atLeast.' }),
    above: ratio.optional().meta({ description: 'The tier is met when r > above.' }),
    multiplier,
  })
  .meta({ description: 'One tier: exactly one of atLeast / above.' });

export const scorecardRule = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('proportional') }).meta({ description: 'm = r.' }),
  z
    .strictObject({
      type: z.literal('tiers'),
      tiers: z.array(scorecardTier).min(1).meta({ description: 'From the lowest threshold to the highest; the highest tier met applies.' }),
      below: z.enum(['proportional', 'zero']).optional().meta({ description: 'Below every tier: m = r (default) or 0.' }),
    })
    .meta({ description: 'Tiers (分段).' }),
  z
    .strictObject({
      type: z.literal('linear'),
      points: z.array(pair).min(2).meta({ description: '[r, m] points sorted by r, distinct; flat outside the ends.' }),
    })
    .meta({ description: 'Piecewise-linear.' }),
  z
    .strictObject({
      type: z.literal('manual'),
      scale: pair.optional().meta({ description: 'Rating scale [min, max], default [1, 5].' }),
      mapTo: pair.optional().meta({ description: 'Multipliers the scale maps to, default [0.2, 1.0].' }),
    })
    .meta({ description: 'A rating given by the manager.' }),
]);

export const scorecardVeto = z
  .strictObject({
    below: ratio.meta({ description: 'The veto triggers when r < below.' }),
    effect: z.union([
      z.literal('zero'),
      z.strictObject({ multiply: z.number().meta({ minimum: 0, maximum: 1 }) }),
      z.strictObject({ capTotal: z.number().meta({ minimum: 0 }) }),
    ]),
  })
  .meta({ description: 'Veto (否决指标): effect on the total.' });

export const indicatorSource = z
  .strictObject({
    kind: z.enum(INDICATOR_SOURCE_KINDS).meta({ description: 'Where it comes from, as a goal does: parent (goal), strategy, annual_plan, budget, job_duties, business_process.' }),
    reference: z.string().max(SOURCE_REFERENCE_MAX).optional().meta({ description: 'Which one, in words: the parent goal, the budget line, the process or the duty.' }),
  })
  .meta({ description: 'The source (出处) of the indicator: every indicator must have one (design warning design.no_source otherwise).' });

export const dataOwner = z
  .strictObject({
    kind: z.enum(DATA_OWNER_KINDS).meta({ description: 'A position (every holder may supply it) or one person.' }),
    name: z.string().min(1).max(DATA_OWNER_NAME_MAX).meta({ description: 'The position’s or the person’s name, as the workspace writes it.' }),
  })
  .meta({ description: 'Who supplies the actual (数据提供人); design warning design.no_data_owner otherwise (manual ratings excepted).' });

export const scorecardIndicator = z.strictObject({
  key: z.string().min(1).max(100).meta({ description: 'Unique on the scorecard; the term the actual comes from when there is no formula.' }),
  name: z.string().min(1).max(200),
  purpose: z.string().max(2000).optional().meta({ description: 'Why it is measured (目的), shown to the person assessed.' }),
  unit: z.string().max(20).optional(),
  direction: z.enum(['higher', 'lower']),
  achievement: z.enum(['mirror', 'inverse']).optional().meta({ description: 'Lower-is-better only: 2 − actual/target (mirror, default) or target/actual (inverse).' }),
  formula: z.string().min(1).max(2000).optional().meta({ description: 'Over named terms; defaults to the term named by key.' }),
  weight: z.number().meta({ minimum: 0, maximum: 100, description: 'Points; the weights of a scorecard sum to 100.' }),
  target: boundedNumber.optional().meta({ description: 'Above 0 and at most 10^15; required unless the rule is manual.' }),
  rule: scorecardRule,
  cap: multiplier.optional().meta({ description: 'Highest multiplier (上限).' }),
  floor: multiplier.optional().meta({ description: 'Lowest multiplier (下限), default 0.' }),
  veto: scorecardVeto.optional(),
  source: indicatorSource.optional(),
  dataOwner: dataOwner.optional(),
});

export const scorecardFile = z
  .strictObject({
    format: z.literal(SCORECARD_FORMAT),
    name: z.string().min(1).max(200),
    period: z.string().max(50).optional(),
    indicators: z.array(scorecardIndicator).min(1).max(100),
    grades: z
      .array(z.strictObject({ min: z.number(), grade: z.string().min(1).max(20) }))
      .optional()
      .meta({ description: 'Grade bands: the highest band whose min ≤ total applies.' }),
    maxTotal: z.number().meta({ exclusiveMinimum: 0 }).optional(),
  })
  .superRefine((file, ctx) => {
    for (const issue of validateScorecard(file)) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message.en, params: { code: issue.code, message: issue.message } });
    }
  })
  .meta({ title: 'Kedu scorecard (kedu.scorecard/v1)', description: 'A scorecard (考核表): indicators with weights, targets and scoring rules.' });

export type ScorecardFile = z.infer<typeof scorecardFile>;
// a file is a scorecard the engine can score, with no conversion
const _fileIsScorecard = (file: ScorecardFile): Scorecard => file;
void _fileIsScorecard;

/** A located problem in a scorecard file; `path` reads like `indicators[2].rule.tiers[0]`. */
export type ScorecardFileError = { path: string; code: string; params: Record<string, unknown>; message: LocalizedText };

const fieldMessages: Record<string, (p: Record<string, string | number>) => LocalizedText> = {
  'field.required': () => ({ 'zh-CN': '缺少必填项', en: 'is required' }),
  'field.invalid_type': (p) => ({ 'zh-CN': `类型错误：应为 ${p.expected}`, en: `has the wrong type: expected ${p.expected}` }),
  'field.too_short': (p) => ({ 'zh-CN': `至少需要 ${p.min} 个字符`, en: `needs at least ${p.min} characters` }),
  'field.too_long': (p) => ({ 'zh-CN': `最多 ${p.max} 个字符`, en: `has more than ${p.max} characters` }),
  'field.too_small': (p) => ({ 'zh-CN': `不能少于/小于 ${p.min}`, en: `must be at least ${p.min}` }),
  'field.too_big': (p) => ({ 'zh-CN': `不能多于/大于 ${p.max}`, en: `must be at most ${p.max}` }),
  'field.invalid_enum': (p) => ({ 'zh-CN': `必须是以下之一：${p.options}`, en: `must be one of: ${p.options}` }),
  'field.unknown_key': (p) => ({ 'zh-CN': `不认识的字段：${p.keys}`, en: `has unknown fields: ${p.keys}` }),
  'field.invalid': () => ({ 'zh-CN': '格式不正确', en: 'is not valid' }),
  'field.number_too_large': () => ({ 'zh-CN': '数值过大：绝对值不能超过 10^15（1,000,000,000,000,000），请检查是否多输了几个零', en: 'is too large: numbers go up to ±10^15 (1,000,000,000,000,000); check for extra zeros' }),
};

function describeIssue(issue: z.core.$ZodIssue): ScorecardFileError {
  const path = formatIssuePath(issue.path);
  if (issue.code === 'custom' && issue.params?.code) {
    return { path, code: String(issue.params.code), params: issue.params, message: issue.params.message as LocalizedText };
  }
  let code: string;
  let params: Record<string, string | number>;
  let text: LocalizedText;
  if (issue.code === 'invalid_union' && issue.path[issue.path.length - 1] === 'effect') {
    const shapes = '"zero", {"multiply": k}, {"capTotal": x}';
    [code, params, text] = ['field.invalid', {}, { 'zh-CN': `否决效果应为 ${shapes} 之一`, en: `must be one of ${shapes}` }];
  } else if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator) {
    const options = ((issue as { options?: unknown[] }).options ?? []).join(', ');
    [code, params] = ['field.invalid_enum', { options }];
    text = fieldMessages[code](params);
  } else {
    ({ key: code, params } = issueToMessage(issue));
    text = (fieldMessages[code] ?? fieldMessages['field.invalid'])(params);
  }
  return { path, code, params, message: { 'zh-CN': `${path || '文件'}：${text['zh-CN']}`, en: `${path || 'The file'} ${text.en}` } };
}

/**
 * Parses and validates a scorecard file (already JSON-decoded). Every error carries its path.
 * @example parseScorecardFile({ format: 'kedu.scorecard/v1', name: 'x', indicators: [] }) // { ok: false, errors: [{ path: 'indicators', … }] }
 */
export function parseScorecardFile(input: unknown): { ok: true; scorecard: ScorecardFile } | { ok: false; errors: ScorecardFileError[] } {
  // with the input of each issue, a wrong type ("source": "budget") is told apart from a missing field
  const parsed = scorecardFile.safeParse(input, { reportInput: true });
  if (parsed.success) return { ok: true, scorecard: parsed.data };
  return { ok: false, errors: parsed.error.issues.map(describeIssue) };
}
