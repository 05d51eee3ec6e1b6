/**
 * Where the built-in indicator library meets the built-in import templates (domain.md §2, §4):
 * for a dataset made from a template, the metrics that give the terms of library indicators,
 * each with its data definition (口径) stating the denominator and the time that places a row in
 * a period. Offered after an import; creating one also binds its term. Pure data.
 */
import type { MetricDefinition } from './metric-definition.ts';

export type SuggestedMetric = {
  /** The metric's name: the term of the library it gives. */
  name: string;
  /** Library indicators that read the term (by key), for the answer to show. */
  indicators: readonly string[];
  spec: MetricDefinition;
};

const workspace = { kind: 'workspace' } as const;

export const SUGGESTED_METRICS: Readonly<Record<string, readonly SuggestedMetric[]>> = {
  'wechat-user-analysis': [
    {
      name: '新增关注人数',
      indicators: ['net_new_followers'],
      spec: { definition: '公众号当期每日“新关注人数”之和（平台去重后的用户数），按“时间”计入期间；取自公众号后台 用户分析。', aggregation: 'sum', expression: '新关注人数', filters: [], dateColumn: '时间', owner: workspace, unit: '人' },
    },
    {
      name: '取消关注人数',
      indicators: ['net_new_followers'],
      spec: { definition: '公众号当期每日“取消关注人数”之和，按“时间”计入期间；取自公众号后台 用户分析。', aggregation: 'sum', expression: '取消关注人数', filters: [], dateColumn: '时间', owner: workspace, unit: '人' },
    },
    {
      name: '粉丝数',
      indicators: ['followers'],
      spec: { definition: '期末的“累积关注人数”（时点值：取期间内最后一天的数，不求和）；取自公众号后台 用户分析。', aggregation: 'last', expression: '累积关注人数', filters: [], dateColumn: '时间', owner: workspace, unit: '人' },
    },
  ],
  'wechat-content-published': [
    {
      name: '阅读次数',
      indicators: ['engagement_rate', 'share_rate'],
      spec: { definition: '公众号已发表内容在所有渠道的阅读次数之和（渠道 = 全部 的行），按“日期”计入期间；是互动率、转发率的分母。', aggregation: 'sum', expression: '阅读次数', filters: [{ column: '渠道', op: '=', values: ['全部'] }], dateColumn: '日期', owner: workspace, unit: '次' },
    },
    {
      name: '转发次数',
      indicators: ['share_rate'],
      spec: { definition: '公众号已发表内容在所有渠道被分享的次数之和（渠道 = 全部 的行），按“日期”计入期间。', aggregation: 'sum', expression: '分享次数', filters: [{ column: '渠道', op: '=', values: ['全部'] }], dateColumn: '日期', owner: workspace, unit: '次' },
    },
  ],
  'wechat-content-notified': [
    {
      name: '内容发布数',
      indicators: ['content_published'],
      spec: { definition: '当期群发的文章篇数（已通知内容每篇一行），按“发表时间”计入期间；不含未群发的内容。', aggregation: 'count', expression: null, filters: [], dateColumn: '发表时间', owner: workspace, unit: '篇' },
    },
  ],
  'xiaohongshu-notes': [
    {
      name: '月度曝光量',
      indicators: ['monthly_impressions'],
      spec: { definition: '当期首次发布的小红书笔记的曝光之和（导出时的累计曝光），按“首次发布时间”计入期间；取自笔记列表明细表。', aggregation: 'sum', expression: '曝光', filters: [], dateColumn: '首次发布时间', owner: workspace, unit: '次' },
    },
  ],
  'youzan-orders': [
    {
      name: '实际销售额',
      indicators: ['sales_target_achievement'],
      spec: {
        definition: '交易成功订单的“订单实付金额”减去“订单已退款金额”（含税净销售额：GMV − 退款），按“买家付款时间”计入期间，归属“分销员”；交易关闭和未付款的订单不计。',
        aggregation: 'sum',
        expression: '订单实付金额 - 订单已退款金额',
        filters: [{ column: '订单状态', op: '=', values: ['交易成功'] }],
        dateColumn: '买家付款时间',
        owner: { kind: 'person', column: '分销员', match: 'name' },
        unit: '元',
      },
    },
  ],
  'youzan-customers': [
    {
      name: '复购客户数',
      indicators: ['repurchase_rate'],
      spec: { definition: '消费次数 ≥ 2 的客户数（按买家计的复购），按“上次消费时间”计入期间；与“购买客户数”同一口径。', aggregation: 'count', expression: null, filters: [{ column: '消费次数', op: '>=', values: [2] }], dateColumn: '上次消费时间', owner: workspace, unit: '人' },
    },
    {
      name: '购买客户数',
      indicators: ['repurchase_rate'],
      spec: { definition: '消费次数 ≥ 1 的客户数，按“上次消费时间”计入期间；是复购率（按买家）的分母。', aggregation: 'count', expression: null, filters: [{ column: '消费次数', op: '>=', values: [1] }], dateColumn: '上次消费时间', owner: workspace, unit: '人' },
    },
  ],
};
