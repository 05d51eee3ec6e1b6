/**
 * Every message of the scoring engine, in zh-CN and en, keyed by code. Results carry the code
 * and its parameters (for machines and for re-rendering) plus the rendered text (for people).
 * Each message says what is wrong and, where the user can act, how to fix it.
 */
import { formatNumber, formatPercent } from './arith.ts';
import type { LocalizedText, MessageParam, MessageParams, Reason } from './types.ts';

type Lang = keyof LocalizedText;
type Template = (p: P) => string;
/** Parameter accessors for one language. */
type P = {
  /** A text or a number (2 decimals). */
  t(name: string): string;
  /** A ratio as a percentage. */
  pct(name: string): string;
};

function accessor(params: MessageParams, lang: Lang): P {
  const text = (v: MessageParam | undefined): string =>
    v === undefined ? '—' : typeof v === 'number' ? formatNumber(v, 4) : typeof v === 'string' ? v : v[lang];
  return {
    t: (name) => text(params[name]),
    pct: (name) => {
      const v = params[name];
      return typeof v === 'number' ? formatPercent(v) : text(v);
    },
  };
}

const table = {
  // ── the scorecard's definition ──────────────────────────────────────────────
  'indicators.empty': ['考核表至少需要一个指标。', 'A scorecard needs at least one indicator.'],
  'weights.sum': [
    (p) => `各指标权重之和为 ${p.t('sum')}，应为 100：请调整权重使其合计为 100。`,
    (p) => `The weights add up to ${p.t('sum')}, not 100: adjust them so that they sum to 100.`,
  ],
  'key.missing': [(p) => `第 ${p.t('position')} 个指标缺少标识（key）。`, (p) => `Indicator #${p.t('position')} has no key.`],
  'key.duplicate': [
    (p) => `指标标识“${p.t('indicator')}”重复：每个指标的标识必须唯一。`,
    (p) => `The key "${p.t('indicator')}" is used twice: every indicator needs its own key.`,
  ],
  'value.not_finite': [
    (p) => `指标“${p.t('indicator')}”的 ${p.t('field')} 不是有效数字。`,
    (p) => `The ${p.t('field')} of "${p.t('indicator')}" is not a finite number.`,
  ],
  'weight.negative': [
    (p) => `指标“${p.t('indicator')}”的权重 ${p.t('weight')} 不能为负数。`,
    (p) => `The weight ${p.t('weight')} of "${p.t('indicator')}" is negative; weights are 0 or more.`,
  ],
  'target.missing': [
    (p) => `指标“${p.t('indicator')}”没有目标值：没有刻度的钟表无法计时，请设置目标值（可先试运行收集数据）。`,
    (p) => `"${p.t('indicator')}" has no target: a dial without marks cannot tell the time. Set a target (a trial cycle can collect the data for one).`,
  ],
  'target.zero': [
    (p) => `指标“${p.t('indicator')}”的目标值为 0，无法计算达成率：请设置一个大于 0 的目标值。`,
    (p) => `The target of "${p.t('indicator')}" is 0, so no achievement can be computed: set a target above 0.`,
  ],
  'target.negative': [
    (p) => `指标“${p.t('indicator')}”的目标值 ${p.t('target')} 为负数：达成率只对正的目标值有意义，请改用正数目标或换一个指标口径。`,
    (p) => `The target ${p.t('target')} of "${p.t('indicator')}" is negative: achievement ratios only make sense for a positive target.`,
  ],
  'achievement.only_lower': [
    (p) => `指标“${p.t('indicator')}”是正向指标，不能设置达成率算法（achievement）：该设置只用于反向指标。`,
    (p) => `"${p.t('indicator')}" is higher-is-better: "achievement" applies only to lower-is-better indicators; remove it.`,
  ],
  'tiers.empty': [(p) => `指标“${p.t('indicator')}”的分段规则至少需要一段。`, (p) => `The tiers rule of "${p.t('indicator')}" needs at least one tier.`],
  'tiers.bound': [
    (p) => `指标“${p.t('indicator')}”第 ${p.t('position')} 段必须且只能设置 atLeast（≥）或 above（>）其中之一。`,
    (p) => `Tier #${p.t('position')} of "${p.t('indicator')}" needs exactly one of "atLeast" (≥) or "above" (>).`,
  ],
  'tiers.order': [
    (p) => `指标“${p.t('indicator')}”第 ${p.t('position')} 段的门槛不高于上一段：请按达成率从低到高排列各段，且门槛不重复。`,
    (p) => `Tier #${p.t('position')} of "${p.t('indicator')}" is not above the previous one: list tiers from the lowest threshold to the highest, without repeats.`,
  ],
  'linear.too_few': [
    (p) => `指标“${p.t('indicator')}”的线性规则至少需要两个点。`,
    (p) => `The linear rule of "${p.t('indicator')}" needs at least two points.`,
  ],
  'linear.order': [
    (p) => `指标“${p.t('indicator')}”线性规则的第 ${p.t('position')} 个点的达成率不大于上一个点：请按达成率从小到大排列，且不重复。`,
    (p) => `Point #${p.t('position')} of the linear rule of "${p.t('indicator')}" does not come after the previous one: sort the points by achievement, without repeats.`,
  ],
  'manual.scale': [
    (p) => `指标“${p.t('indicator')}”的评分量表下限必须小于上限（例如 [1, 5]）。`,
    (p) => `The rating scale of "${p.t('indicator')}" must go from a lower to a higher number (e.g. [1, 5]).`,
  ],
  'limits.cap_below_floor': [
    (p) => `指标“${p.t('indicator')}”的上限 ${p.t('cap')} 低于下限 ${p.t('floor')}：请让上限不低于下限。`,
    (p) => `The cap ${p.t('cap')} of "${p.t('indicator')}" is below its floor ${p.t('floor')}: the cap must be at least the floor.`,
  ],
  'veto.multiply_range': [
    (p) => `指标“${p.t('indicator')}”的否决折算系数 ${p.t('k')} 应在 0 到 1 之间（例如 0.5 表示总分减半）。`,
    (p) => `The veto factor ${p.t('k')} of "${p.t('indicator')}" must be between 0 and 1 (0.5 halves the total).`,
  ],
  'veto.cap_negative': [
    (p) => `指标“${p.t('indicator')}”的否决总分上限 ${p.t('cap')} 不能为负数。`,
    (p) => `The veto total cap ${p.t('cap')} of "${p.t('indicator')}" cannot be negative.`,
  ],
  'grades.duplicate_min': [
    (p) => `有两个等级的最低分都是 ${p.t('min')}：每个等级需要不同的最低分。`,
    (p) => `Two grades start at ${p.t('min')}: each grade band needs its own minimum.`,
  ],
  'grades.duplicate_grade': [(p) => `等级“${p.t('grade')}”出现了两次。`, (p) => `The grade "${p.t('grade')}" is listed twice.`],
  'max_total.not_positive': [
    (p) => `总分上限 ${p.t('maxTotal')} 必须大于 0。`,
    (p) => `The maximum total ${p.t('maxTotal')} must be above 0.`,
  ],
  'not_applicable.unknown': [
    (p) => `标记为不适用的指标“${p.t('key')}”不在这张考核表上。`,
    (p) => `"${p.t('key')}" is marked not applicable but is not on this scorecard.`,
  ],
  // ── scoring a period ────────────────────────────────────────────────────────
  'scorecard.no_applicable_weight': [
    '本期没有可计分的指标（全部不适用或权重为 0），无法计算总分。',
    'No indicator carries weight this period (all are not applicable or weigh 0), so there is no total.',
  ],
  'actual.missing': [
    (p) => `指标“${p.t('indicator')}”还没有实际值，考核表尚不完整。`,
    (p) => `"${p.t('indicator')}" has no actual yet, so the scorecard is incomplete.`,
  ],
  'actual.missing_terms': [
    (p) => `指标“${p.t('indicator')}”缺少公式中的数据：${p.t('terms')}。`,
    (p) => `"${p.t('indicator')}" is missing formula inputs: ${p.t('terms')}.`,
  ],
  'actual.not_computable': [
    // the formula's own message already says "not computable" and why
    (p) => `指标“${p.t('indicator')}”：${p.t('detail')}`,
    (p) => `"${p.t('indicator')}": ${p.t('detail')}`,
  ],
  'actual.formula_invalid': [
    (p) => `指标“${p.t('indicator')}”的公式有误：${p.t('detail')}`,
    (p) => `The formula of "${p.t('indicator')}" is wrong: ${p.t('detail')}`,
  ],
  'actual.boolean': [
    (p) => `指标“${p.t('indicator')}”的公式得到的是“是/否”而不是数值：请改成计算数值的公式（可用 IF(条件, 1, 0)）。`,
    (p) => `The formula of "${p.t('indicator')}" gives true/false, not a number: make it compute a number (e.g. IF(condition, 1, 0)).`,
  ],
  'actual.not_finite': [
    (p) => `指标“${p.t('indicator')}”的实际值不是有效数字（或数值过大，无法计分）：请检查实际值及公式中的数据是否录入有误（例如多输了几个零或单位不对）。`,
    (p) => `The actual of "${p.t('indicator')}" is not a finite number (or too large to score): check the actual and the formula's inputs for a typing error (extra zeros, a wrong unit).`,
  ],
  'score.not_finite': [
    (p) => `指标“${p.t('indicator')}”的数值过大，无法计分（达成率、系数或得分超出了可计算的范围）：请检查实际值和目标值是否录入有误（例如多输了几个零或单位不对），改正后会重新计分。`,
    (p) => `"${p.t('indicator')}" is too large to score (its achievement, multiplier or points overflow): check the actual and the target for a typing error (extra zeros, a wrong unit); it is scored again once corrected.`,
  ],
  'achievement.inverse_nonpositive': [
    (p) => `指标“${p.t('indicator')}”按“目标值÷实际值”计算达成率，实际值为 ${p.t('actual')} 时无法计算。`,
    (p) => `"${p.t('indicator')}" scores target ÷ actual, which cannot be computed for an actual of ${p.t('actual')}.`,
  ],
  'manual.out_of_scale': [
    (p) => `指标“${p.t('indicator')}”的评分 ${p.t('rating')} 超出量表 ${p.t('min')}–${p.t('max')}。`,
    (p) => `The rating ${p.t('rating')} of "${p.t('indicator')}" is outside its scale ${p.t('min')}–${p.t('max')}.`,
  ],
  // ── design warnings ─────────────────────────────────────────────────────────
  'design.dominant': [
    (p) => `指标“${p.t('indicator')}”占总权重的 ${p.pct('share')}，一个指标独大会让人只顾这一项（例：销售额占 80% 时，销售代表拉长、拉大应收账款压货）。建议降低权重、设置得分上限（封顶），并加入制衡指标，如“应收账款回收率”。`,
    (p) => `"${p.t('indicator')}" carries ${p.pct('share')} of the weight: one dominant indicator makes people chase it alone (with sales at 80 %, sales reps stretched receivables to push stock). Lower its weight, set a cap and add a counter-indicator such as receivables collection rate (应收账款回收率).`,
  ],
  'design.too_many': [
    (p) => `考核表有 ${p.t('count')} 个指标，超过 7 个会分散精力、难以管理：请保留最关键的指标。`,
    (p) => `The scorecard has ${p.t('count')} indicators; more than 7 scatter attention and are hard to manage: keep the ones that matter most.`,
  ],
  'design.no_purpose': [
    (p) => `指标“${p.t('indicator')}”没有写明目的：被考核人需要知道为什么考核这一项。`,
    (p) => `"${p.t('indicator')}" has no purpose: the person assessed needs to know why it is measured.`,
  ],
  'design.no_target': [
    (p) => `指标“${p.t('indicator')}”还没有目标值：开始考核前必须设置（可先试运行收集数据）。`,
    (p) => `"${p.t('indicator')}" has no target yet: set one before the cycle opens (a trial cycle can collect the data).`,
  ],
  'design.no_source': [
    (p) => `指标“${p.t('indicator')}”没有写明出处：任何指标都必须有出处，否则说不清为什么考核它。请选择它来自哪里（上级目标、公司战略、年度经营计划、年度预算、岗位职责或业务流程），并写明具体出处，例如“2027 年度预算：销售收入 1.2 亿元”。`,
    (p) => `"${p.t('indicator')}" has no source: every indicator must come from somewhere, or nobody can say why it is measured. Pick where it comes from (a parent goal, the strategy, the annual business plan, the annual budget, job duties or a business process) and name it, e.g. "2027 budget: revenue ¥120M".`,
  ],
  'design.no_data_owner': [
    (p) => `指标“${p.t('indicator')}”没有数据提供人：没有岗位负责收集，实际值就会缺失或各说各话。请指定提供实际值的岗位或人员，例如“财务专员”。`,
    (p) => `"${p.t('indicator')}" has no data owner: with no post responsible for collecting it, the actual goes missing or is disputed. Name the position or person who supplies the actual, e.g. "finance officer".`,
  ],
  'design.tiers_top_not_cap': [
    (p) => `指标“${p.t('indicator')}”的最高一段（×${p.t('top')}）不是最高得分（最高可达 ×${p.t('max')}），又没有设置上限：请检查分段，或设置上限封顶。`,
    (p) => `The top tier of "${p.t('indicator')}" (×${p.t('top')}) is not its highest multiplier (up to ×${p.t('max')}) and no cap is set: check the tiers or set a cap.`,
  ],
  'design.uncapped': [
    (p) => `指标“${p.t('indicator')}”按比例计分且没有上限：遇到政策等不可控因素时得分可能是标准分的几十倍。建议设置上限（封顶）。`,
    (p) => `"${p.t('indicator')}" scores proportionally with no cap: an outside windfall can make it score many times its weight. Consider a cap.`,
  ],
  'design.veto_zero_weight': [
    (p) => `指标“${p.t('indicator')}”权重为 0 却设置了否决：它只起否决作用，被考核人看不到它的得分。请确认这是有意的，或给它一定权重。`,
    (p) => `"${p.t('indicator')}" weighs 0 but has a veto: it acts only as a veto and earns no points. Make sure this is intended, or give it some weight.`,
  ],
  // ── forced distribution ─────────────────────────────────────────────────────
  'distribution.over': [
    (p) => `等级 ${p.t('grade')} 有 ${p.t('count')} 人，占 ${p.pct('share')}，超过上限 ${p.pct('limit')}（${p.t('total')} 人中最多 ${p.t('allowed')} 人）。`,
    (p) => `Grade ${p.t('grade')} has ${p.t('count')} people (${p.pct('share')}), above the limit of ${p.pct('limit')} (at most ${p.t('allowed')} of ${p.t('total')}).`,
  ],
  'distribution.under': [
    (p) => `等级 ${p.t('grade')} 有 ${p.t('count')} 人，占 ${p.pct('share')}，低于下限 ${p.pct('limit')}（${p.t('total')} 人中至少 ${p.t('required')} 人）。`,
    (p) => `Grade ${p.t('grade')} has ${p.t('count')} people (${p.pct('share')}), below the minimum of ${p.pct('limit')} (at least ${p.t('required')} of ${p.t('total')}).`,
  ],
  // ── what-if ─────────────────────────────────────────────────────────────────
  'whatif.unknown_indicator': [
    (p) => `考核表上没有指标“${p.t('key')}”，无法做假设分析。`,
    (p) => `There is no indicator "${p.t('key')}" on this scorecard to change.`,
  ],
  'whatif.actual': [(p) => `“${p.t('indicator')}”实际值：${p.t('from')} → ${p.t('to')}`, (p) => `"${p.t('indicator')}" actual: ${p.t('from')} → ${p.t('to')}`],
  'whatif.target': [(p) => `“${p.t('indicator')}”目标值：${p.t('from')} → ${p.t('to')}`, (p) => `"${p.t('indicator')}" target: ${p.t('from')} → ${p.t('to')}`],
  'whatif.status': [(p) => `“${p.t('indicator')}”状态：${p.t('from')} → ${p.t('to')}`, (p) => `"${p.t('indicator')}" status: ${p.t('from')} → ${p.t('to')}`],
  'whatif.achievement': [
    (p) => `“${p.t('indicator')}”达成率：${p.pct('from')} → ${p.pct('to')}`,
    (p) => `"${p.t('indicator')}" achievement: ${p.pct('from')} → ${p.pct('to')}`,
  ],
  'whatif.match': [
    (p) => `“${p.t('indicator')}”适用规则由 ${p.t('from')} 变为 ${p.t('to')}`,
    (p) => `"${p.t('indicator')}" now scores by ${p.t('to')} instead of ${p.t('from')}`,
  ],
  'whatif.limit': [(p) => `“${p.t('indicator')}”上下限：${p.t('from')} → ${p.t('to')}`, (p) => `"${p.t('indicator')}" cap/floor: ${p.t('from')} → ${p.t('to')}`],
  'whatif.points': [(p) => `“${p.t('indicator')}”得分：${p.t('from')} → ${p.t('to')}`, (p) => `"${p.t('indicator')}" points: ${p.t('from')} → ${p.t('to')}`],
  'whatif.veto_on': [
    (p) => `“${p.t('indicator')}”触发否决：${p.t('effect')}`,
    (p) => `"${p.t('indicator')}" triggers its veto: ${p.t('effect')}`,
  ],
  'whatif.veto_off': [
    (p) => `“${p.t('indicator')}”不再触发否决（${p.t('effect')}）`,
    (p) => `"${p.t('indicator')}" no longer triggers its veto (${p.t('effect')})`,
  ],
  'whatif.veto_bite': [
    (p) => `“${p.t('indicator')}”的否决（${p.t('effect')}）${p.t('bite')}`,
    (p) => `The veto of "${p.t('indicator')}" (${p.t('effect')}) ${p.t('bite')}`,
  ],
  'whatif.max_total': [(p) => `总分上限 ${p.t('maxTotal')}：${p.t('bite')}`, (p) => `Maximum total ${p.t('maxTotal')}: ${p.t('bite')}`],
  'whatif.subtotal': [(p) => `小计：${p.t('from')} → ${p.t('to')}`, (p) => `Subtotal: ${p.t('from')} → ${p.t('to')}`],
  'whatif.total': [(p) => `总分：${p.t('from')} → ${p.t('to')}`, (p) => `Total: ${p.t('from')} → ${p.t('to')}`],
  'whatif.grade': [(p) => `等级：${p.t('from')} → ${p.t('to')}`, (p) => `Grade: ${p.t('from')} → ${p.t('to')}`],
  'whatif.scorecard_status': [(p) => `考核表状态：${p.t('from')} → ${p.t('to')}`, (p) => `Scorecard status: ${p.t('from')} → ${p.t('to')}`],
  'whatif.no_change': ['这一变化不影响任何得分。', 'This change does not affect any score.'],
} satisfies Record<string, [string | Template, string | Template]>;

export type MessageCode = keyof typeof table;

/** Every message code, for tests and catalogues. */
export const messageCodes = Object.keys(table) as MessageCode[];

/**
 * Renders a message in both languages.
 * @example renderMessage('weights.sum', { sum: 90 }).en // "The weights add up to 90, not 100: …"
 */
export function renderMessage(code: MessageCode, params: MessageParams = {}): LocalizedText {
  const [zh, en] = table[code] as [string | Template, string | Template];
  const render = (t: string | Template, lang: Lang) => (typeof t === 'string' ? t : t(accessor(params, lang)));
  return { 'zh-CN': render(zh, 'zh-CN'), en: render(en, 'en') };
}

/**
 * A coded reason with its rendered message.
 * @example reason('actual.missing', { indicator: '销售额' }).message['zh-CN'] // "指标“销售额”还没有实际值，…"
 */
export function reason(code: MessageCode, params: MessageParams = {}): Reason {
  return { code, params, message: renderMessage(code, params) };
}

/**
 * A bilingual text built from two strings, for descriptions composed by the engine.
 * @example bilingual('封顶', 'cap') // { 'zh-CN': '封顶', en: 'cap' }
 */
export function bilingual(zh: string, en: string): LocalizedText {
  return { 'zh-CN': zh, en };
}
