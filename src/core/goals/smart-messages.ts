/**
 * The SMART check's messages (docs/goals.md), in zh-CN and en: each says what is wrong with the
 * goal and how to fix it, with the seed's own examples where it gives one.
 */
import type { LocalizedText } from '../indicators/types.ts';
import type { PlanPitfall } from './types.ts';

type Params = Record<string, string | number>;

/**
 * A ratio as a percentage with at most one decimal.
 * @example percentText(1.69649); // → '169.6%'
 */
export function percentText(ratio: number): string {
  return `${Math.round(ratio * 1000) / 10}%`;
}

/** A long statement cut for a sentence, so a message stays one line. */
function quote(text: unknown): string {
  const s = String(text ?? '').trim();
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

const goalTexts: Record<string, (p: Params) => LocalizedText> = {
  'smart.statement_missing': () => ({
    'zh-CN': '目标还没有描述：请用一句话写明要达到的结果、数值和期限，例如“每月发布3条高质量内容”。',
    en: 'The goal has no statement: say in one sentence which result, how much and by when, e.g. "publish 3 high-quality posts a month".',
  }),
  'smart.vague': (p) => ({
    'zh-CN': `“${quote(p.statement)}”过于笼统，看不出要达到多少：请写明指标和数值，例如把“提升品牌知名度”写成“月度曝光量达到50万次”。`,
    en: `"${quote(p.statement)}" is too vague to tell how much is meant: name the indicator and the number, e.g. "monthly impressions reach 500,000" instead of "improve brand awareness".`,
  }),
  'smart.no_indicator': () => ({
    'zh-CN': '目标没有绑定指标，无法衡量：请选择一个指标（例如“粉丝数”“月度曝光量”），进展才能按同一口径计算。',
    en: 'The goal is not bound to an indicator, so it cannot be measured: choose one (e.g. "Followers", "Monthly impressions") so that progress is computed on one data definition.',
  }),
  'smart.no_definition': (p) => ({
    'zh-CN': `指标“${p.indicator}”缺少口径：请写明每个数据项统计什么、取自哪里、按什么时间计入，否则不同的人会算出不同的数。`,
    en: `The indicator "${p.indicator}" has no data definition: say for each term what is counted, from which source and at which time, or different people will get different numbers.`,
  }),
  'smart.no_target': () => ({
    'zh-CN': '目标没有目标值：没有刻度的钟表无法计时，请填写目标值（可参考按历史数据给出的建议值）。',
    en: 'The goal has no target: a dial without marks cannot tell the time. Enter a target (the suggestion from history is a good start).',
  }),
  'smart.too_high': (p) => {
    const lower = p.direction === 'lower';
    const best = p.best === undefined ? { zh: '历史数据中没有可比的增长', en: 'the history shows no growth to compare' } : lower
      ? { zh: `历史上单期最大降幅只有 ${percentText(Number(p.best))}`, en: `the best decline in the history is ${percentText(Number(p.best))}` }
      : { zh: `历史上单期最大增幅只有 ${percentText(Number(p.best))}`, en: `the best growth in the history is ${percentText(Number(p.best))}` };
    const hint = p.suggested === undefined ? { zh: '', en: '' } : { zh: `（按历史趋势，稳健目标约为 ${p.suggested}）`, en: ` (by the history's trend, a moderate target is about ${p.suggested})` };
    return {
      'zh-CN': `目标值 ${p.target} 意味着 ${p.periods} 个月里每月${lower ? '下降' : '增长'} ${percentText(Number(p.implied))}，而${best.zh}（可接受上限约 ${percentText(Number(p.limit))}）：目标可能过高。请参考历史数据调低目标值、延长期限，或分阶段设定${hint.zh}。`,
      en: `The target ${p.target} means ${lower ? 'a decline' : 'growth'} of ${percentText(Number(p.implied))} a month for ${p.periods} month${p.periods === 1 ? '' : 's'}, while ${best.en} (limit about ${percentText(Number(p.limit))}): the target is probably too high. Lower it, allow more time, or set it in phases${hint.en}.`,
    };
  },
  'smart.too_low': (p) => {
    const lower = p.direction === 'lower';
    const period = p.period === undefined ? { zh: '', en: '' } : { zh: `（${p.period}）`, en: ` (${p.period})` };
    return {
      'zh-CN': `目标值 ${p.target}${period.zh}${lower ? '高于' : '低于'}近几个月已达到、或按历史趋势不需额外努力就能达到的水平（约 ${p.limit}）：目标缺乏挑战性。有挑战又可实现的目标约为 ${p.suggested}（稳健），保守目标为 ${p.conservative}。`,
      en: `The target ${p.target}${period.en} is ${lower ? 'above' : 'below'} what the last months already reached or the history's trend reaches with no extra effort (about ${p.limit}): it is not challenging. A challenging yet attainable target is about ${p.suggested} (moderate); the conservative one is ${p.conservative}.`,
    };
  },
  'smart.no_source': () => ({
    'zh-CN': '目标没有出处：请说明它来自哪里——上级目标、公司战略、年度经营计划、年度预算、岗位职责或业务流程。没有出处的指标是无效的。',
    en: 'The goal has no source: say where it comes from — a parent goal, the strategy, the annual business plan, the annual budget, the job duties or a business process. An indicator with no source is invalid.',
  }),
  'smart.no_parent': () => ({
    'zh-CN': '出处是“上级目标”，但没有指定是哪个上级目标：请选择上级目标，或改选其他出处。',
    en: 'The source is "parent goal" but no parent goal is given: choose the parent goal, or another source.',
  }),
  'smart.no_deadline': () => ({
    'zh-CN': '目标没有截止日期：请写明在哪一天之前达成（例如阶段结束日），否则无法判断进度是否落后。',
    en: 'The goal has no deadline: give the day by which it is reached (e.g. the end of its phase), or nobody can tell whether it is behind.',
  }),
  'smart.deadline_invalid': (p) => ({
    'zh-CN': `截止日期“${p.deadline}”不是有效日期：请按 YYYY-MM-DD 填写，例如 2027-06-30。`,
    en: `The deadline "${p.deadline}" is not a valid day: write it as YYYY-MM-DD, e.g. 2027-06-30.`,
  }),
  'smart.deadline_before_start': (p) => ({
    'zh-CN': `截止日期 ${p.deadline} 不晚于开始日期 ${p.startsOn}：请把截止日期改到开始日期之后。`,
    en: `The deadline ${p.deadline} is not after the start ${p.startsOn}: move the deadline after the start.`,
  }),
  'smart.deadline_outside_plan': (p) => ({
    'zh-CN': `截止日期 ${p.deadline} 不在计划期间（${p.planStartsOn} 至 ${p.planEndsOn}）内：请把截止日期改到计划期间内，或调整计划的起止日期。`,
    en: `The deadline ${p.deadline} is outside the plan (${p.planStartsOn} to ${p.planEndsOn}): move it into the plan, or change the plan's dates.`,
  }),
};

/**
 * The text of a SMART message code with its parameters.
 * @example smartText('smart.no_target', {})['zh-CN'].startsWith('目标没有目标值') // true
 */
export function smartText(code: string, params: Params): LocalizedText {
  const text = goalTexts[code];
  if (!text) throw new Error(`unknown SMART message code ${code}`);
  return text(params);
}

/**
 * The text of a plan pitfall; `goals` are the keys it is about.
 * @example pitfallText('no_review_cadence', [])['zh-CN'].startsWith('常见误区“缺乏动态调整”') // true
 */
export function pitfallText(pitfall: PlanPitfall, goals: readonly string[]): LocalizedText {
  const list = goals.join(', ');
  switch (pitfall) {
    case 'vague_goal':
      return {
        'zh-CN': `常见误区“目标过于笼统”：目标 ${list} 没有写明可衡量的数量。请把它们具体化，例如把“提升品牌知名度”写成“月度曝光量达到50万次”。`,
        en: `Common pitfall "vague goal": goal${goals.length === 1 ? '' : 's'} ${list} name${goals.length === 1 ? 's' : ''} no measurable quantity. Make them specific, e.g. "monthly impressions reach 500,000" instead of "improve brand awareness".`,
      };
    case 'no_customer_indicator':
      return {
        'zh-CN': '常见误区“忽视用户需求”：计划中没有任何客户/用户侧的指标，只盯销售额容易与用户需求脱节。请至少加一个客户维度的目标，例如粉丝数、转化率、用户留存率或客户满意度。',
        en: 'Common pitfall "ignoring the users": no goal of the plan is on a customer-side indicator, and watching sales alone drifts away from what users need. Add at least one customer goal, e.g. followers, conversion rate, retention or customer satisfaction.',
      };
    case 'target_too_high':
      return {
        'zh-CN': `常见误区“目标设定过高”：目标 ${list} 的目标值远超历史上达到过的增长。请结合实际能力设定合理、可实现的目标。`,
        en: `Common pitfall "target too high": the target${goals.length === 1 ? '' : 's'} of ${list} ask${goals.length === 1 ? 's' : ''} for far more growth than the history has ever shown. Set targets the team can reach.`,
      };
    case 'target_too_low':
      return {
        'zh-CN': `常见误区“目标设定过低”：目标 ${list} 的目标值不用额外努力就能达到，缺乏挑战性。目标应有挑战性又可实现，请参考按历史给出的稳健或挑战目标。`,
        en: `Common pitfall "target too low": the target${goals.length === 1 ? '' : 's'} of ${list} would be reached with no extra effort. Targets should be challenging yet attainable: start from the moderate or stretch suggestion from history.`,
      };
    case 'target_churn':
      return {
        'zh-CN': `常见误区“朝令夕改”：目标 ${list} 的目标值在本计划中已调整两次或以上。目标不能随意更改，请在复盘时集中评估后再调整，并写明理由。`,
        en: `Common pitfall "changed back and forth": the target${goals.length === 1 ? '' : 's'} of ${list} ${goals.length === 1 ? 'has' : 'have'} been changed two or more times in this plan. Targets must not change at will: adjust them at a review, with a reason.`,
      };
    case 'no_review_cadence':
      return {
        'zh-CN': '常见误区“缺乏动态调整”：计划没有设定复盘周期。请设定复盘周期（每周、每两周、每月或每季度），定期评估完成情况并调整目标和策略。',
        en: 'Common pitfall "no dynamic adjustment": the plan has no review cadence. Set one (weekly, biweekly, monthly or quarterly) to assess progress regularly and adjust targets and tactics.',
      };
  }
}
