/**
 * The built-in indicator library (内置指标库, domain.md §2): well-defined indicators with
 * their purpose, formula and a data definition (口径) for every term, in zh-CN and en.
 * A workspace copies any of them into its own library and adapts the definitions there.
 *
 * Formulas use the project's formula language with Chinese term names. A ratio is written
 * `a/b×100%`: `100%` is the number 1, so the value is a fraction and the unit "%" shows 0.85
 * as 85% (docs/formulas.md). An indicator without a formula is its own single term.
 */
import type { Direction, IndicatorKind, IndicatorNature, LocalizedText, Perspective, Period, RollUp, TermRollUp } from './types.ts';

export type BuiltinTerm = {
  /** The name used in the formula (Chinese, as people at the company say it). */
  name: string;
  /** The data definition (口径): what is counted, from which source, at which time. */
  definition: LocalizedText;
  /** How the term rolls up when the indicator is recomputed over a longer period. */
  rollUp: TermRollUp;
};

export type BuiltinIndicator = {
  /** Stable ASCII identifier; never changes once shipped. */
  key: string;
  name: LocalizedText;
  /** Why it is measured (目的); shown to the person being assessed. */
  purpose: LocalizedText;
  perspective: Perspective;
  kind: IndicatorKind;
  nature: IndicatorNature;
  /** A unit people read: 元, %, 次, 人, 个, 篇 … (Chinese; the web app shows it as is). */
  unit: string;
  direction: Direction;
  /** null: the indicator is its single term, entered or imported as it is. */
  formula: string | null;
  terms: BuiltinTerm[];
  period: Period;
  rollUp: RollUp;
};

const l = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });
const term = (name: string, rollUp: TermRollUp, zh: string, en: string): BuiltinTerm => ({ name, rollUp, definition: l(zh, en) });

/** A ratio in percent that rolls up by recomputing from its summed terms. */
const ratio = { unit: '%', rollUp: 'recompute' } as const;

export const BUILTIN_INDICATORS: readonly BuiltinIndicator[] = [
  // ── 财务 finance ────────────────────────────────────────────────────────────────
  {
    // the amount itself, for goals ("月度销售额增长20%"): additive, so a company target can be
    // decomposed into units' and people's targets and its coverage shown
    key: 'sales_amount',
    name: l('销售额', 'Sales amount'),
    purpose: l('衡量收入规模，是销售目标分解到部门和个人的基础。', 'Measures revenue, the figure a sales target is decomposed into departments and people by.'),
    perspective: 'finance', kind: 'result', nature: 'financial', unit: '元', direction: 'higher', period: 'month', rollUp: 'sum',
    formula: null,
    terms: [
      term('销售额', 'sum',
        '当期已收款的销售订单金额（不含税），以收款日期计入当期，扣除当期发生的退货；取自 ERP 或电商平台的订单报表。不是下单金额，也不是发货金额。',
        'Amount of sales orders paid in the period, excluding VAT, counted on the payment date, net of returns in the period; from the ERP or the shop platform\'s order report. Not the order amount, not the shipped amount.'),
    ],
  },
  {
    key: 'sales_target_achievement',
    name: l('销售额目标完成率', 'Sales target achievement'),
    purpose: l('衡量销售目标的达成程度，引导销售团队完成年度收入预算。', 'Shows how far the sales target is met, keeping the sales team on the annual revenue budget.'),
    perspective: 'finance', kind: 'result', nature: 'financial', direction: 'higher', period: 'month', ...ratio,
    formula: '实际销售额/目标销售额×100%',
    terms: [
      term('实际销售额', 'sum',
        '当期已收款的销售订单金额（不含税），以财务确认收款的日期计入当期，扣除当期发生的退货；取自 ERP 销售回款报表。不是下单金额，也不是发货金额。',
        'Amount of sales orders paid in the period, excluding VAT, counted on the date finance confirms the payment, net of returns in the period; from the ERP receipts report. Not the order amount, not the shipped amount.'),
      term('目标销售额', 'sum',
        '年度收入预算分解到当期的销售额目标，口径与实际销售额相同（已收款、不含税）；取自经批准的年度经营计划。',
        'The sales target of the period, broken down from the approved annual revenue budget, on the same basis as actual sales (paid, excluding VAT).'),
    ],
  },
  {
    key: 'finished_goods_turnover',
    name: l('成品周转率', 'Finished-goods turnover'),
    purpose: l('控制成品的周转效率，减少库存占用的资金和积压风险。', 'Keeps finished goods moving, limiting the cash tied up in stock and the risk of dead stock.'),
    perspective: 'finance', kind: 'result', nature: 'financial', unit: '次', direction: 'higher', period: 'quarter', rollUp: 'recompute',
    formula: '销售成本÷((期初库存余额+期末库存余额)/2)',
    terms: [
      term('销售成本', 'sum',
        '当期已销售成品的成本，按出厂价核算，以发货出库日期计入当期；取自进销存系统的销售出库汇总。',
        'Cost of the finished goods sold in the period, valued at factory price, counted on the date they leave the warehouse; from the inventory system\'s sales-issue summary.'),
      term('期初库存余额', 'first',
        '期初第一天 0 点的成品库存金额，按出厂价核算；取自进销存系统的库存余额表（等于上期的期末库存余额）。',
        'Value of finished-goods stock at 00:00 on the first day of the period, at factory price; from the inventory system\'s stock balance (equal to the previous period\'s closing balance).'),
      term('期末库存余额', 'last',
        '期末最后一天 24 点的成品库存金额，按出厂价核算；取自进销存系统的库存余额表。',
        'Value of finished-goods stock at 24:00 on the last day of the period, at factory price; from the inventory system\'s stock balance.'),
    ],
  },
  {
    key: 'receivables_collection_rate',
    name: l('应收账款回收率', 'Receivables collection rate'),
    purpose: l('督促及时回款，防止以压货、放账换销售额，降低坏账风险。', 'Drives timely collection so that sales are not bought with stuffed channels and long credit, lowering bad-debt risk.'),
    perspective: 'finance', kind: 'result', nature: 'financial', direction: 'higher', period: 'month', ...ratio,
    formula: '当期回款金额/(期初应收账款余额+当期新增应收账款)×100%',
    terms: [
      term('当期回款金额', 'sum',
        '当期实际收到的客户货款（含税），以银行到账日期计入，不含预收款；取自财务收款明细账。',
        'Customer payments received in the period (including VAT), counted on the date the bank credits them, excluding prepayments; from the finance receipts ledger.'),
      term('期初应收账款余额', 'first',
        '期初第一天的应收账款余额（含税）；取自财务应收账款账龄表。',
        'Accounts receivable at the start of the period (including VAT); from the finance receivables ageing report.'),
      term('当期新增应收账款', 'sum',
        '当期开票确认的应收账款金额（含税），以开票日期计入；取自财务应收明细账。',
        'Receivables invoiced in the period (including VAT), counted on the invoice date; from the finance receivables ledger.'),
    ],
  },
  // ── 内部运营 internal process ────────────────────────────────────────────────────
  {
    key: 'order_batches_on_time_rate',
    name: l('客户订单批次按时完成率', 'On-time order batch completion rate'),
    purpose: l('衡量生产部门按时完成销售要货需求的批次比例（要货计划完成率的“批次”维度），重要客户的小单同样计数。', 'Share of requested order batches that production completes on time — the "batches" dimension of plan fulfilment, so a small order of a key customer counts as much as a big one.'),
    perspective: 'internal', kind: 'result', nature: 'management', direction: 'higher', period: 'month', ...ratio,
    formula: '按时完成的订单批次数/应完成的订单批次数×100%',
    terms: [
      term('按时完成的订单批次数', 'sum',
        '要求交期在当期、且在要求交期当天或之前全部入成品库的订单批次数；取自 ERP 生产订单与入库记录。',
        'Order batches due in the period that were fully received into finished-goods stock on or before the requested date; from ERP production orders and stock receipts.'),
      term('应完成的订单批次数', 'sum',
        '销售计划部门提交、要求交期在当期的订单批次数（撤销的订单不计）；取自 ERP 要货计划。',
        'Order batches submitted by sales planning with a requested date in the period (cancelled orders excluded); from the ERP demand plan.'),
    ],
  },
  {
    key: 'order_quantity_on_time_rate',
    name: l('要货数量按时完成率', 'On-time requested quantity rate'),
    purpose: l('衡量生产部门按时交付要货数量的比例（要货计划完成率的“数量”维度），与批次按时完成率配合使用。', 'Share of the requested quantity that production delivers on time — the "quantity" dimension of plan fulfilment, used together with the batch rate.'),
    perspective: 'internal', kind: 'result', nature: 'management', direction: 'higher', period: 'month', ...ratio,
    formula: '按时交付的要货数量/计划要货数量×100%',
    terms: [
      term('按时交付的要货数量', 'sum',
        '要求交期在当期的订单中，在要求交期当天或之前入成品库的数量（件），超出要货数量的部分不计；取自 ERP 入库记录。',
        'Pieces of orders due in the period received into finished-goods stock on or before the requested date, not counting any excess over the requested quantity; from ERP stock receipts.'),
      term('计划要货数量', 'sum',
        '要求交期在当期的订单要货数量合计（件）；取自 ERP 要货计划。',
        'Total requested pieces of the orders due in the period; from the ERP demand plan.'),
    ],
  },
  {
    key: 'fg_inspection_pass_rate',
    name: l('成品检验合格率', 'Finished-goods inspection pass rate'),
    purpose: l('衡量成品质量（正向考核）；适用于有完整合格品统计报表的企业。', 'Measures finished-goods quality (higher is better); use it where pass records are kept for every inspection.'),
    perspective: 'internal', kind: 'result', nature: 'management', direction: 'higher', period: 'month', ...ratio,
    formula: '检验合格的成品数量/送检成品数量×100%',
    terms: [
      term('检验合格的成品数量', 'sum',
        '当期质检判定为合格的成品数量（件），以检验日期计入，返工后复检合格的不计入；取自质检记录。',
        'Finished pieces judged good by quality inspection in the period, on the inspection date, excluding pieces that passed only after rework; from the inspection records.'),
      term('送检成品数量', 'sum',
        '当期送质检的成品数量（件），以检验日期计入；取自质检记录。',
        'Finished pieces submitted to inspection in the period, on the inspection date; from the inspection records.'),
    ],
  },
  {
    key: 'fg_inspection_defect_rate',
    name: l('成品检验不良率', 'Finished-goods inspection defect rate'),
    purpose: l('衡量成品质量（反向考核）；只有不良品检验记录时，考核不良率更方便。', 'Measures finished-goods quality (lower is better); the easier choice where only defects are recorded.'),
    perspective: 'internal', kind: 'result', nature: 'management', direction: 'lower', period: 'month', ...ratio,
    formula: '检验不良的成品数量/送检成品数量×100%',
    terms: [
      term('检验不良的成品数量', 'sum',
        '当期质检判定为不良（含返工、报废）的成品数量（件），以检验日期计入；取自不良品检验记录。',
        'Finished pieces judged defective (reworked or scrapped) by inspection in the period, on the inspection date; from the defect records.'),
      term('送检成品数量', 'sum',
        '当期送质检的成品数量（件），以检验日期计入；取自质检记录。',
        'Finished pieces submitted to inspection in the period, on the inspection date; from the inspection records.'),
    ],
  },
  {
    key: 'key_tasks_completion_rate',
    name: l('重点工作完成率', 'Key task completion rate'),
    purpose: l('推动年度经营计划中的重点工作按期落地。', 'Makes sure the key tasks of the annual business plan are delivered on schedule.'),
    perspective: 'internal', kind: 'process', nature: 'management', direction: 'higher', period: 'quarter', ...ratio,
    formula: '按期完成的重点工作项数/计划完成的重点工作项数×100%',
    terms: [
      term('按期完成的重点工作项数', 'sum',
        '计划在当期完成、且在计划日期前经负责人上级验收通过的重点工作项数；取自重点工作台账。',
        'Key tasks planned for the period that the owner\'s manager accepted on or before the planned date; from the key-task register.'),
      term('计划完成的重点工作项数', 'sum',
        '年度经营计划中计划在当期完成的重点工作项数（经批准取消的不计）；取自重点工作台账。',
        'Key tasks of the annual business plan due in the period (tasks cancelled with approval excluded); from the key-task register.'),
    ],
  },
  {
    key: 'content_published',
    name: l('内容发布数', 'Content pieces published'),
    purpose: l('保证内容计划按频率执行，持续触达目标受众。', 'Keeps the content plan going at its planned frequency, reaching the audience steadily.'),
    perspective: 'internal', kind: 'process', nature: 'management', unit: '篇', direction: 'higher', period: 'month', rollUp: 'sum',
    formula: null,
    terms: [
      term('内容发布数', 'sum',
        '当期在各自有渠道（公众号、朋友圈、视频号等）正式发布、符合内容计划质量要求的原创内容篇数，同一内容多渠道发布计一篇；取自内容发布台账。',
        'Original pieces published in the period on the owned channels (official account, Moments, Channels …) that meet the content plan\'s quality bar; one piece on several channels counts once; from the publishing log.'),
    ],
  },
  // ── 客户 customer ────────────────────────────────────────────────────────────────
  {
    key: 'new_key_accounts',
    name: l('新大客户开发数量', 'New key accounts won'),
    purpose: l('引导销售开拓新的大客户，降低对少数老客户的依赖。', 'Steers sales towards winning new large customers, reducing the dependence on a few existing ones.'),
    perspective: 'customer', kind: 'result', nature: 'management', unit: '个', direction: 'higher', period: 'quarter', rollUp: 'sum',
    formula: null,
    terms: [
      term('新大客户开发数量', 'sum',
        '当期首次成交、且首单起 12 个月内已收款金额（不含税）达到大客户标准（由公司规定，如 50 万元）的客户数，以达到标准的日期计入；取自 CRM 与 ERP 回款记录。',
        'Customers whose first order falls in the period and whose paid amount (excluding VAT) within 12 months of it reaches the key-account threshold set by the company (e.g. CNY 500,000), counted on the date it is reached; from the CRM and ERP receipts.'),
    ],
  },
  {
    key: 'customer_satisfaction',
    name: l('客户满意度', 'Customer satisfaction'),
    purpose: l('反映客户对产品和服务的满意程度，及早发现流失风险。', 'Shows how satisfied customers are with products and service, revealing churn risk early.'),
    perspective: 'customer', kind: 'result', nature: 'management', direction: 'higher', period: 'quarter', ...ratio,
    formula: '满意的有效问卷数/有效问卷数×100%',
    terms: [
      term('满意的有效问卷数', 'sum',
        '当期回收的有效问卷中，总体满意度选“满意”或“非常满意”（5 分制 4 分及以上）的份数；取自满意度调查系统。',
        'Valid questionnaires returned in the period whose overall rating is "satisfied" or "very satisfied" (4 or 5 on a 5-point scale); from the survey system.'),
      term('有效问卷数', 'sum',
        '当期回收、答完全部必答题且来自真实成交客户的问卷份数；取自满意度调查系统。',
        'Questionnaires returned in the period that answer every required question and come from actual paying customers; from the survey system.'),
    ],
  },
  {
    key: 'followers',
    name: l('粉丝数', 'Followers'),
    purpose: l('衡量私域用户规模，是后续互动和转化的基础。', 'Measures the size of the owned audience, the base for engagement and conversion.'),
    perspective: 'customer', kind: 'result', nature: 'management', unit: '人', direction: 'higher', period: 'month', rollUp: 'last',
    formula: null,
    terms: [
      term('粉丝数', 'last',
        '期末最后一天 24 点公众号（或约定的主渠道）的关注用户总数，同一用户只计一次；取自平台后台的用户统计。',
        'Followers of the official account (or the agreed main channel) at 24:00 on the last day of the period, each user once; from the platform\'s user statistics.'),
    ],
  },
  {
    key: 'net_new_followers',
    name: l('净增关注人数', 'Net new followers'),
    purpose: l('衡量当期用户增长的真实成效，扣除取消关注的流失。', 'Measures real audience growth in the period, after the users who unfollowed.'),
    perspective: 'customer', kind: 'result', nature: 'management', unit: '人', direction: 'higher', period: 'month', rollUp: 'sum',
    formula: '新增关注人数-取消关注人数',
    terms: [
      term('新增关注人数', 'sum',
        '当期新关注公众号（或约定的主渠道）的用户数；取自平台后台的用户增长报表。',
        'Users who started following the official account (or the agreed main channel) in the period; from the platform\'s user growth report.'),
      term('取消关注人数', 'sum',
        '当期取消关注的用户数；取自平台后台的用户增长报表。',
        'Users who unfollowed in the period; from the platform\'s user growth report.'),
    ],
  },
  {
    key: 'engagement_rate',
    name: l('互动率', 'Engagement rate'),
    purpose: l('衡量内容是否引起受众共鸣，推动用户参与。', 'Shows whether content resonates with the audience and gets them to take part.'),
    perspective: 'customer', kind: 'process', nature: 'management', direction: 'higher', period: 'month', ...ratio,
    formula: '互动次数/阅读次数×100%',
    terms: [
      term('互动次数', 'sum',
        '当期发布的内容在发布后 7 天内获得的点赞、评论、转发、收藏次数之和；取自平台后台的内容分析。',
        'Likes, comments, shares and saves that content published in the period received within 7 days of publication; from the platform\'s content analytics.'),
      term('阅读次数', 'sum',
        '当期发布的内容在发布后 7 天内的阅读（播放）次数；取自平台后台的内容分析。',
        'Reads (or plays) of content published in the period within 7 days of publication; from the platform\'s content analytics.'),
    ],
  },
  {
    key: 'conversion_rate',
    name: l('转化率', 'Conversion rate'),
    purpose: l('衡量流量变成订单的效率，检验产品页面和推广策略。', 'Measures how well traffic becomes orders, testing product pages and promotion.'),
    perspective: 'customer', kind: 'result', nature: 'management', direction: 'higher', period: 'month', ...ratio,
    formula: '下单用户数/访问用户数×100%',
    terms: [
      term('下单用户数', 'sum',
        '当期在商城完成支付的去重用户数（退款订单不剔除）；取自商城订单报表。',
        'Distinct users who paid an order in the shop in the period (refunded orders not removed); from the shop\'s order report.'),
      term('访问用户数', 'sum',
        '当期访问商城的去重用户数（UV）；取自商城流量统计。',
        'Distinct users who visited the shop in the period (UV); from the shop\'s traffic statistics.'),
    ],
  },
  {
    key: 'click_through_rate',
    name: l('点击率', 'Click-through rate'),
    purpose: l('衡量标题、封面和投放素材的吸引力。', 'Measures how attractive titles, covers and ad creatives are.'),
    perspective: 'customer', kind: 'process', nature: 'management', direction: 'higher', period: 'month', ...ratio,
    formula: '点击次数/曝光次数×100%',
    terms: [
      term('点击次数', 'sum',
        '当期内容或广告被点击打开的次数；取自平台后台或投放系统报表。',
        'Times content or ads were clicked open in the period; from the platform or ad-system report.'),
      term('曝光次数', 'sum',
        '当期内容或广告在用户界面展示的次数；取自平台后台或投放系统报表，口径与点击次数同一来源。',
        'Times content or ads were shown to users in the period; from the same platform or ad-system report as the clicks.'),
    ],
  },
  {
    key: 'share_rate',
    name: l('转发率', 'Share rate'),
    purpose: l('衡量内容的口碑传播力，借用户扩大品牌影响。', 'Measures word of mouth: how far users carry the content and the brand.'),
    perspective: 'customer', kind: 'process', nature: 'management', direction: 'higher', period: 'month', ...ratio,
    formula: '转发次数/阅读次数×100%',
    terms: [
      term('转发次数', 'sum',
        '当期发布的内容在发布后 7 天内被转发（分享到朋友圈、群聊或好友）的次数；取自平台后台的内容分析。',
        'Shares (to Moments, groups or friends) of content published in the period within 7 days of publication; from the platform\'s content analytics.'),
      term('阅读次数', 'sum',
        '当期发布的内容在发布后 7 天内的阅读（播放）次数；取自平台后台的内容分析。',
        'Reads (or plays) of content published in the period within 7 days of publication; from the platform\'s content analytics.'),
    ],
  },
  {
    key: 'retention_rate',
    name: l('用户留存率', 'User retention rate'),
    purpose: l('衡量用户粘性，反映内容和服务能否留住用户。', 'Measures stickiness: whether content and service keep users coming back.'),
    perspective: 'customer', kind: 'result', nature: 'management', direction: 'higher', period: 'month', ...ratio,
    formula: '期末仍活跃的期初用户数/期初活跃用户数×100%',
    terms: [
      term('期末仍活跃的期初用户数', 'last',
        '期初活跃用户中，在期末最后 30 天内仍至少有一次访问或互动的用户数；取自用户行为数据。',
        'Users active at the start of the period who still visited or interacted at least once in the last 30 days of the period; from user behaviour data.'),
      term('期初活跃用户数', 'first',
        '期初第一天前 30 天内至少有一次访问或互动的去重用户数；取自用户行为数据。',
        'Distinct users who visited or interacted at least once in the 30 days before the first day of the period; from user behaviour data.'),
    ],
  },
  {
    key: 'repurchase_rate',
    name: l('复购率', 'Repurchase rate'),
    purpose: l('衡量客户忠诚度和产品口碑，引导经营老客户。', 'Measures customer loyalty and product reputation, steering effort towards existing customers.'),
    perspective: 'customer', kind: 'result', nature: 'management', direction: 'higher', period: 'quarter', ...ratio,
    formula: '复购客户数/购买客户数×100%',
    terms: [
      term('复购客户数', 'sum',
        '当期购买客户中，在当期内支付了 2 笔及以上订单（全额退款的订单不计）的客户数；取自商城订单报表。',
        'Customers of the period who paid two or more orders in it (fully refunded orders excluded); from the shop\'s order report.'),
      term('购买客户数', 'sum',
        '当期至少支付 1 笔订单（全额退款的订单不计）的去重客户数；取自商城订单报表。',
        'Distinct customers who paid at least one order in the period (fully refunded orders excluded); from the shop\'s order report.'),
    ],
  },
  {
    key: 'monthly_impressions',
    name: l('月度曝光量', 'Monthly impressions'),
    purpose: l('把“提升品牌知名度”变成可衡量的目标，如“月度曝光量达到 50 万次”。', 'Turns "raise brand awareness" into a measurable goal, such as "500,000 impressions a month".'),
    perspective: 'customer', kind: 'process', nature: 'management', unit: '次', direction: 'higher', period: 'month', rollUp: 'sum',
    formula: null,
    terms: [
      term('月度曝光量', 'sum',
        '当月品牌内容与广告在各渠道展示给用户的次数合计（同一用户多次展示按次计）；取自各平台后台与投放系统报表。',
        'Times the brand\'s content and ads were shown to users on all channels in the month (repeat views counted); from the platforms\' and ad systems\' reports.'),
    ],
  },
  // ── 学习与成长 learning & growth ─────────────────────────────────────────────────
  {
    key: 'staff_turnover_rate',
    name: l('人员流失率', 'Staff turnover rate'),
    purpose: l('衡量团队稳定性，促使管理者留住骨干员工。', 'Measures team stability, prompting managers to keep their key people.'),
    perspective: 'learning', kind: 'result', nature: 'management', direction: 'lower', period: 'quarter', ...ratio,
    formula: '离职人数÷((期初在职人数+期末在职人数)/2)×100%',
    terms: [
      term('离职人数', 'sum',
        '当期办理完离职手续的正式员工人数（含主动与被动离职，不含试用期内离职和内部调动），以最后工作日计入；取自人事系统。',
        'Permanent employees whose leaving was completed in the period (voluntary or not; excluding leavers on probation and internal transfers), counted on their last working day; from the HR system.'),
      term('期初在职人数', 'first',
        '期初第一天在职的正式员工人数；取自人事系统花名册。',
        'Permanent employees on the payroll on the first day of the period; from the HR roster.'),
      term('期末在职人数', 'last',
        '期末最后一天在职的正式员工人数；取自人事系统花名册。',
        'Permanent employees on the payroll on the last day of the period; from the HR roster.'),
    ],
  },
];

/**
 * The built-in indicator with this key, or undefined.
 *
 * @example
 * findBuiltinIndicator('finished_goods_turnover')?.formula; // → '销售成本÷((期初库存余额+期末库存余额)/2)'
 */
export function findBuiltinIndicator(key: string): BuiltinIndicator | undefined {
  return BUILTIN_INDICATORS.find((i) => i.key === key);
}
