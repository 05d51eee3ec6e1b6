/**
 * The marketing staff's monthly appraisal in the team demo (星辰营销): the 内容运营 and
 * 新媒体运营 scorecards, built from library indicators whose actuals all come from data — the
 * 公众号 exports and the 有赞 orders (demo-marketing.files.ts) through the metrics below — so
 * data → metric → actual (with its lineage) → score → dashboard can be followed without typing a
 * number. Pure data, no I/O.
 */
import type { MetricDefinition } from '../../../core/datasets/metric-definition.ts';
import type { Indicator, Scorecard } from '../../../core/scoring/types.ts';
import { demoSalesCard } from './demo-appraisal.ts';

/** The datasets, named as the import wizard proposes: the built-in template's name. */
export const MARKETING_DATASETS = {
  followers: { name: '公众号 · 用户分析', file: '用户分析.csv', template: 'wechat-user-analysis' },
  published: { name: '公众号 · 内容分析（已发表内容）', file: '已发表内容.csv', template: 'wechat-content-published' },
  articles: { name: '公众号 · 内容分析（已通知内容）', file: '已通知内容.csv', template: 'wechat-content-notified' },
  orders: { name: '有赞 · 订单', file: '有赞订单.csv', template: 'youzan-orders' },
} as const;
export type MarketingDataset = keyof typeof MARKETING_DATASETS;

/** The metrics the library suggests for a dataset, created as the dataset page offers them (each binds its term). */
export const SUGGESTED: Partial<Record<MarketingDataset, string[]>> = {
  followers: ['新增关注人数', '取消关注人数'],
  published: ['阅读次数', '转发次数'],
};

/** The demo's own metrics (built as the metric builder would), each bound to the term of its name. */
export const OWN_METRICS: { name: string; dataset: MarketingDataset; spec: MetricDefinition }[] = [
  {
    name: '互动次数',
    dataset: 'published',
    spec: { definition: '公众号已发表内容在所有渠道（渠道 = 全部 的行）被分享和收藏的次数之和，按“日期”计入期间；导出不含点赞和评论，故不计。是互动率的分子，分母是阅读次数。', aggregation: 'sum', expression: '分享次数 + 收藏次数', filters: [{ column: '渠道', op: '=', values: ['全部'] }], dateColumn: '日期', owner: { kind: 'workspace' }, unit: '次' },
  },
  {
    // not named 内容发布数, the library term: the demo plan's content goals would read it as their
    // history, which starts long after their baselines were set
    name: '发文篇数',
    dataset: 'articles',
    spec: { definition: '当期群发的文章篇数（已通知内容每篇一行），按“发表时间”计入期间，归属“作者”（按姓名匹配人员）；不含未群发的内容。', aggregation: 'count', expression: null, filters: [], dateColumn: '发表时间', owner: { kind: 'person', column: '作者', match: 'name' }, unit: '篇' },
  },
  {
    name: '实际销售额',
    dataset: 'orders',
    spec: {
      definition: '交易成功订单的“订单实付金额”减去“订单已退款金额”（含税净销售额：GMV − 退款），按“买家付款时间”计入期间，归属“分销员”（按姓名匹配人员）；交易关闭、未付款和没有分销员的订单不计。',
      aggregation: 'sum',
      expression: '订单实付金额 - 订单已退款金额',
      filters: [{ column: '订单状态', op: '=', values: ['交易成功'] }, { column: '分销员', op: 'present', values: [] }],
      dateColumn: '买家付款时间',
      owner: { kind: 'person', column: '分销员', match: 'name' },
      unit: '元',
    },
  },
];

/** The 市场经理 downloads the exports at the start of each month and imports them. */
const fromExports = { dataOwner: { kind: 'position', name: '市场经理' } } as const;
/** A rate scores nothing at half its target, fully at it, 1.2× at 1.3 times it. */
const rate: Pick<Indicator, 'rule'> = { rule: { type: 'linear', points: [[0.5, 0], [1, 1], [1.3, 1.2]] } };

const sales = (weight: number, target: number, why: string): Indicator => ({
  key: '实际销售额',
  name: '实际销售额',
  purpose: `${why}（有赞分销员记为本人的订单，交易成功、扣除退款）。`,
  unit: '元',
  direction: 'higher',
  weight,
  target,
  rule: { type: 'proportional' },
  cap: 1.2,
  source: { kind: 'annual_plan', reference: '年度营销与销售计划：全年销售额达到 1,200 万元' },
  ...fromExports,
});

export const CONTENT_TEMPLATE = '内容运营月度考核表';
export const SOCIAL_TEMPLATE = '新媒体运营月度考核表';

/** 内容运营: their own articles, how far readers carry them, and what their article links sell. */
export const contentCard: Scorecard = {
  indicators: [
    {
      key: 'content_published',
      name: '内容发布数',
      purpose: '按内容计划的频率发布原创文章，持续触达公众号读者；多发一篇记 1.1 倍。',
      unit: '篇',
      direction: 'higher',
      // the articles this person wrote: the 发文篇数 metric counts them by 作者
      formula: '发文篇数',
      weight: 40,
      target: 4,
      rule: { type: 'tiers', tiers: [{ atLeast: 1, multiplier: 1 }, { above: 1, multiplier: 1.1 }], below: 'proportional' },
      source: { kind: 'parent', reference: '内容组每月发布 12 篇高质量内容' },
      ...fromExports,
    },
    {
      key: 'share_rate',
      name: '转发率',
      purpose: '内容值得读者转给朋友：公众号全部内容的转发次数 ÷ 阅读次数，内容组共担。',
      unit: '%',
      direction: 'higher',
      formula: '转发次数/阅读次数×100%',
      weight: 30,
      target: 0.065,
      ...rate,
      source: { kind: 'job_duties', reference: '内容运营：公众号内容的策划与发布' },
      ...fromExports,
    },
    sales(30, 20_000, '文章里的商品链接带来的成交，让内容为销售服务'),
  ],
  grades: demoSalesCard.grades,
  maxTotal: 120,
};

/** 新媒体运营: the account's growth and interaction, and what their community links sell. */
export const socialCard: Scorecard = {
  indicators: [
    {
      key: 'net_new_followers',
      name: '净增关注人数',
      purpose: '公众号当月真实的用户增长（新关注减去取消关注），新媒体组共担。',
      unit: '人',
      direction: 'higher',
      formula: '新增关注人数-取消关注人数',
      weight: 40,
      target: 3000,
      rule: { type: 'proportional' },
      cap: 1.2,
      source: { kind: 'parent', reference: '新媒体组把公众号粉丝做到 5 万' },
      ...fromExports,
    },
    {
      key: 'engagement_rate',
      name: '互动率',
      purpose: '读者是否参与：公众号全部内容的分享与收藏次数 ÷ 阅读次数，新媒体组共担。',
      unit: '%',
      direction: 'higher',
      formula: '互动次数/阅读次数×100%',
      weight: 20,
      target: 0.085,
      ...rate,
      source: { kind: 'job_duties', reference: '新媒体运营：账号运营与粉丝互动' },
      ...fromExports,
    },
    sales(40, 45_000, '社群和朋友圈里分享的商品链接带来的成交'),
  ],
  grades: demoSalesCard.grades,
  maxTotal: 120,
};

export const MARKETING_TEMPLATES = [
  { name: CONTENT_TEMPLATE, position: '内容运营', card: contentCard, description: '内容运营的月度考核：自己的发文数、公众号转发率与文章带来的销售额，实际值全部取自导入的数据。' },
  { name: SOCIAL_TEMPLATE, position: '新媒体运营', card: socialCard, description: '新媒体运营的月度考核：公众号净增关注、互动率与社群带来的销售额，实际值全部取自导入的数据。' },
] as const;

/**
 * Targets other than the template's default (period_targets): November is 双十一, so its sales
 * targets are higher; 徐佳怡 writes 3 stories a month (her goal), 高梦琪 (a year in) sells less.
 */
export const MARKETING_TARGETS: { template: string; owner: { position: string } | { person: string }; key: string; months: 'all' | string; value: number }[] = [
  { template: CONTENT_TEMPLATE, owner: { position: '内容运营' }, key: '实际销售额', months: '2026-11', value: 30_000 },
  { template: SOCIAL_TEMPLATE, owner: { position: '新媒体运营' }, key: '实际销售额', months: '2026-11', value: 65_000 },
  { template: CONTENT_TEMPLATE, owner: { person: 'xu.jiayi@demo.kedu' }, key: 'content_published', months: 'all', value: 3 },
  { template: SOCIAL_TEMPLATE, owner: { person: 'gao.mengqi@demo.kedu' }, key: '实际销售额', months: 'all', value: 35_000 },
  { template: SOCIAL_TEMPLATE, owner: { person: 'gao.mengqi@demo.kedu' }, key: '实际销售额', months: '2026-11', value: 50_000 },
];
