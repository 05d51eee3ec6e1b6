/**
 * The built-in import templates: the layouts of the exports marketing teams and 微商 sellers
 * actually download (the shared import-formats.md), recognised by their headers with no manual
 * mapping. Required columns are the few that tell one layout from another; every other column
 * is read when the file has it; the date column is always required, since a dataset cannot be
 * made without it. Sample files: samples/imports/<key>.*
 *
 * Not modelled: Douyin's account-level 近30日 file (rows of 指标 / 数值 / 环比 — 净涨粉, 新增关注,
 * 取消关注, 主页访客, 曝光, 观看). It has no date column: the 30 days it covers are only known from
 * the day it was downloaded, so no row can be placed in a period (an import refuses rows without
 * a date), and two downloads a week apart overlap, so their values can neither be summed nor
 * replace each other by key. Its metrics are one per row rather than one per column, too. The
 * per-day figures it summarises come from 作品列表 (粉丝增量) or are entered as actuals by hand.
 */
import type { ColumnType } from './cell-values.ts';
import type { ImportTemplate, TemplateColumn } from './templates.ts';

const col = (name: string, nameEn: string, type: ColumnType, more: Partial<TemplateColumn> = {}): TemplateColumn => ({ name, nameEn, type, ...more });
const req = { required: true } as const;
const l = (zh: string, en: string) => ({ 'zh-CN': zh, en });

export const BUILTIN_TEMPLATES: readonly ImportTemplate[] = [
  {
    key: 'wechat-user-analysis',
    name: l('公众号 · 用户分析', 'WeChat official account · user analysis'),
    description: l('公众号后台 → 数据 → 用户分析 → 下载表格（每天一行）。', 'Official account admin → Data → User analysis → download (one row a day).'),
    columns: [
      col('时间', 'Date', 'datetime', { aliases: ['日期'], ...req }),
      col('新关注人数', 'New followers', 'integer', { aliases: ['新增关注', '新增关注人数'], ...req }),
      col('取消关注人数', 'Unfollows', 'integer', { aliases: ['取消关注'], ...req }),
      col('净增关注人数', 'Net new followers', 'integer', { aliases: ['净增人数', '净增关注'] }),
      col('累积关注人数', 'Total followers', 'integer', { aliases: ['累计关注人数'], snapshot: true }),
      col('搜索公众号名称', 'From name search', 'integer'),
      col('搜索微信号', 'From WeChat ID search', 'integer'),
      col('扫描二维码', 'From QR code', 'integer'),
      col('图文页右上角菜单', 'From article menu', 'integer'),
      col('名片分享', 'From shared card', 'integer'),
      col('其他', 'Other sources', 'integer'),
    ],
    keyColumns: ['时间'],
    dateColumn: '时间',
  },
  {
    key: 'wechat-content-published',
    name: l('公众号 · 内容分析（已发表内容）', 'WeChat official account · content (published)'),
    description: l('公众号后台 → 数据 → 内容分析 → 已发表内容 → 下载（日期 × 渠道）。', 'Official account admin → Data → Content analysis → Published → download (date × channel).'),
    columns: [
      col('日期', 'Date', 'datetime', req),
      col('渠道', 'Channel', 'text', req),
      col('阅读次数', 'Reads', 'integer', req),
      col('阅读人数', 'Readers', 'integer'),
      col('分享次数', 'Shares', 'integer'),
      col('分享人数', 'Sharers', 'integer'),
      col('阅读原文次数', 'Original-link reads', 'integer'),
      col('阅读原文人数', 'Original-link readers', 'integer'),
      col('收藏次数', 'Favourites', 'integer'),
      col('收藏人数', 'Favouriting users', 'integer'),
      col('群发篇数', 'Articles sent', 'integer'),
    ],
    keyColumns: ['日期', '渠道'],
    dateColumn: '日期',
  },
  {
    key: 'wechat-content-notified',
    name: l('公众号 · 内容分析（已通知内容）', 'WeChat official account · content (notified)'),
    description: l('公众号后台 → 数据 → 内容分析 → 已通知内容 → 下载（每篇一行）；未开启通知的导出没有送达人数与送达阅读率，同样可以导入。团队在表里加一列“作者”（平台的导出没有），就能按人统计发文和阅读。', 'Official account admin → Data → Content analysis → Notified → download (one row an article); exports without notification lack 送达人数 and 送达阅读率 and import too. A 作者 (author) column the team adds (the platform\'s export has none) counts articles and reads per person.'),
    columns: [
      col('内容标题', 'Title', 'text', req),
      col('发表时间', 'Published', 'datetime', req),
      col('总阅读人数', 'Total readers', 'integer', req),
      col('总阅读次数', 'Total reads', 'integer'),
      col('总分享人数', 'Total sharers', 'integer'),
      col('总分享次数', 'Total shares', 'integer'),
      col('阅读后关注人数', 'Follows after reading', 'integer'),
      col('送达人数', 'Delivered to', 'integer'),
      col('公众号消息阅读次数', 'Reads from the message', 'integer'),
      col('送达阅读率', 'Read rate of delivered', 'percent'),
      col('首次分享次数', 'First shares', 'integer'),
      col('分享产生阅读次数', 'Reads from shares', 'integer'),
      col('首次分享率', 'First-share rate', 'percent'),
      col('每次分享带来阅读次数', 'Reads per share', 'decimal'),
      col('阅读完成率', 'Read-through rate', 'percent'),
      col('内容url', 'URL', 'text'),
      // not in the platform's export: teams add who wrote each article, so metrics can be owned per person
      col('作者', 'Author', 'text', { aliases: ['作者姓名'] }),
    ],
    keyColumns: ['内容标题', '发表时间'],
    dateColumn: '发表时间',
  },
  {
    key: 'wechat-channels-videos',
    name: l('视频号 · 单篇视频', 'WeChat Channels · videos'),
    description: l('视频号助手 → 数据中心 → 单篇视频 → 下载表格（UTF-8 CSV）。', 'Channels assistant → Data → Single videos → download (UTF-8 CSV).'),
    columns: [
      col('视频描述', 'Description', 'text'),
      col('视频ID', 'Video ID', 'text', req),
      col('发布时间', 'Published', 'datetime', req),
      col('完播率', 'Completion rate', 'percent', req),
      col('平均播放时长', 'Average watch time', 'duration'),
      col('播放量', 'Plays', 'integer'),
      col('推荐', 'Recommendations', 'integer'),
      col('喜欢', 'Likes', 'integer'),
      col('评论量', 'Comments', 'integer'),
      col('分享量', 'Shares', 'integer'),
      col('关注量', 'Follows', 'integer'),
      col('转发聊天和朋友圈', 'Forwards to chats and Moments', 'integer'),
      col('设为铃声', 'Set as ringtone', 'integer'),
      col('设为状态', 'Set as status', 'integer'),
      col('设为朋友圈封面', 'Set as Moments cover', 'integer'),
      col('企微链接点击次数', 'WeCom link clicks', 'integer'),
      col('企微链接点击人数', 'WeCom link clickers', 'integer'),
      col('添加到通讯录次数', 'Contact adds', 'integer'),
      col('添加到通讯录人数', 'Contact adders', 'integer'),
    ],
    keyColumns: ['视频ID'],
    dateColumn: '发布时间',
  },
  {
    key: 'douyin-works',
    name: l('抖音 · 作品列表', 'Douyin · works'),
    description: l('抖音创作者中心 → 数据中心 → 作品数据 → 导出（作品列表.xlsx）；“-”表示缺失而非 0。', 'Douyin creator centre → Data → Works → export (作品列表.xlsx); "-" means missing, not zero.'),
    columns: [
      col('作品名称', 'Title', 'text', req),
      col('发布时间', 'Published', 'datetime', req),
      col('体裁', 'Format', 'text', req),
      col('审核状态', 'Review status', 'text'),
      col('播放量', 'Plays', 'integer', req),
      col('完播率', 'Completion rate', 'percent'),
      col('5s完播率', '5 s completion rate', 'percent'),
      col('封面点击率', 'Cover click rate', 'percent'),
      col('2s跳出率', '2 s bounce rate', 'percent'),
      col('平均播放时长', 'Average watch time', 'duration'),
      col('点赞量', 'Likes', 'integer'),
      col('分享量', 'Shares', 'integer'),
      col('评论量', 'Comments', 'integer'),
      col('收藏量', 'Favourites', 'integer'),
      col('主页访问量', 'Profile visits', 'integer'),
      col('粉丝增量', 'Follower growth', 'integer'),
    ],
    keyColumns: ['作品名称', '发布时间'],
    dateColumn: '发布时间',
  },
  {
    key: 'xiaohongshu-notes',
    name: l('小红书 · 笔记列表明细表', 'Xiaohongshu · notes'),
    description: l('小红书创作服务平台 → 数据中心 → 笔记数据 → 导出（笔记列表明细表.xlsx，第 1 行是说明，第 2 行是表头）。', 'Xiaohongshu creator platform → Data → Notes → export (笔记列表明细表.xlsx; row 1 is a note, the header is row 2).'),
    columns: [
      col('笔记标题', 'Title', 'text', req),
      col('首次发布时间', 'First published', 'datetime', req),
      col('体裁', 'Format', 'text'),
      col('曝光', 'Impressions', 'integer', req),
      col('观看量', 'Views', 'integer'),
      col('封面点击率', 'Cover click rate', 'percent'),
      col('点赞', 'Likes', 'integer'),
      col('评论', 'Comments', 'integer'),
      col('收藏', 'Favourites', 'integer'),
      col('涨粉', 'New followers', 'integer'),
      col('分享', 'Shares', 'integer'),
      col('人均观看时长', 'Average watch time', 'duration'),
      col('弹幕', 'Bullet comments', 'integer'),
    ],
    keyColumns: ['笔记标题', '首次发布时间'],
    dateColumn: '首次发布时间',
  },
  {
    key: 'taobao-sold-items',
    name: l('淘宝/天猫 · 已卖出的宝贝', 'Taobao / Tmall · sold items'),
    description: l('千牛卖家中心 → 交易 → 已卖出的宝贝 → 批量导出（GBK 编码的 CSV；订单编号形如 ="…"）。新版导出的 买家下单时间 / 买家付款时间 / 买家实付金额 / 运单号 同样识别。', 'Qianniu seller centre → Orders → Sold items → bulk export (a GBK CSV; order numbers as ="…"). The newer layout (买家下单时间, 买家付款时间, 买家实付金额, 运单号) is recognised too.'),
    columns: [
      col('订单编号', 'Order number', 'text', req),
      col('买家会员名', 'Buyer', 'text', req),
      col('买家支付宝账号', 'Buyer Alipay account', 'text'),
      col('买家应付货款', 'Goods amount due', 'decimal'),
      col('买家应付邮费', 'Shipping due', 'decimal'),
      col('总金额', 'Total', 'decimal'),
      col('买家实际支付金额', 'Paid amount', 'decimal', { aliases: ['买家实付金额'] }),
      col('订单状态', 'Order status', 'text', req),
      col('买家留言', 'Buyer message', 'text'),
      col('收货人姓名', 'Recipient', 'text'),
      col('收货地址', 'Address', 'text'),
      col('运送方式', 'Shipping method', 'text'),
      col('联系手机', 'Phone', 'text'),
      col('订单创建时间', 'Created', 'datetime', { aliases: ['买家下单时间'], ...req }),
      col('订单付款时间', 'Paid at', 'datetime', { aliases: ['买家付款时间'] }),
      col('宝贝标题', 'Item title', 'text'),
      col('宝贝种类', 'Item kinds', 'integer'),
      col('物流单号', 'Tracking number', 'text', { aliases: ['运单号'] }),
      col('物流公司', 'Carrier', 'text'),
      col('订单备注', 'Order note', 'text'),
      col('宝贝总数量', 'Item count', 'integer'),
      col('店铺名称', 'Shop', 'text'),
      col('订单关闭原因', 'Close reason', 'text'),
      col('退款金额', 'Refunded', 'decimal'),
    ],
    keyColumns: ['订单编号'],
    // not 订单付款时间: unpaid and closed orders have none, and an import refuses a row without a
    // date, so the whole file would be refused; every order has a creation time (a paid order is
    // placed by when it was placed, usually minutes before payment)
    dateColumn: '订单创建时间',
  },
  {
    key: 'youzan-orders',
    name: l('有赞 · 订单', 'Youzan · orders'),
    description: l('有赞后台 → 订单 → 所有订单 → 导出（订单维度，每个订单一行）。', 'Youzan admin → Orders → All orders → export (one row an order).'),
    columns: [
      col('订单号', 'Order number', 'text', req),
      col('销售渠道', 'Sales channel', 'text'),
      col('归属店铺', 'Shop', 'text'),
      col('订单类型', 'Order type', 'text'),
      col('订单状态', 'Order status', 'text', req),
      col('订单创建时间', 'Created', 'datetime', req),
      col('买家付款时间', 'Paid at', 'datetime'),
      col('交易成功时间', 'Completed at', 'datetime'),
      col('付款方式', 'Payment method', 'text'),
      col('商品金额合计', 'Goods total', 'decimal'),
      col('运费', 'Shipping', 'decimal'),
      col('店铺优惠合计', 'Shop discounts', 'decimal'),
      col('应收订单金额', 'Amount due', 'decimal'),
      col('订单实付金额', 'Paid amount', 'decimal', req),
      col('订单实收金额', 'Received amount', 'decimal'),
      col('全部商品名称', 'Items', 'text'),
      col('商品种类数', 'Item kinds', 'integer'),
      col('买家昵称', 'Buyer', 'text'),
      col('买家手机号', 'Buyer phone', 'text'),
      col('分销员', 'Salesperson', 'text'),
      col('订单退款状态', 'Refund status', 'text'),
      col('订单已退款金额', 'Refunded', 'decimal'),
      col('商家订单备注', 'Merchant note', 'text'),
    ],
    keyColumns: ['订单号'],
    // not 买家付款时间: closed and unpaid orders have none, and an import refuses a row without a
    // date; every order has a creation time
    dateColumn: '订单创建时间',
  },
  {
    key: 'youzan-order-items',
    name: l('有赞 · 订单商品明细', 'Youzan · order items'),
    description: l('有赞后台 → 订单 → 导出 → 商品维度（每个订单的每种商品一行）。', 'Youzan admin → Orders → export by item (one row per item of an order).'),
    columns: [
      col('订单号', 'Order number', 'text', req),
      col('订单创建时间', 'Created', 'datetime', req),
      col('商品名称', 'Item', 'text', req),
      col('商品规格', 'Variant', 'text'),
      col('商品单价', 'Unit price', 'decimal'),
      col('商品数量', 'Quantity', 'integer', req),
      col('商品实际成交金额', 'Item paid amount', 'decimal'),
      col('商品已退款金额', 'Item refunded', 'decimal'),
      col('分销员', 'Salesperson', 'text'),
    ],
    // an order holds several items. Not 商品规格 as well: it is empty for an item without variants,
    // and an import refuses a row whose key is missing; the rarer order with one item in two
    // variants is refused as a repeated key instead, and the user then adds 商品规格 to the key
    keyColumns: ['订单号', '商品名称'],
    dateColumn: '订单创建时间',
  },
  {
    key: 'youzan-customers',
    name: l('有赞 · 客户', 'Youzan · customers'),
    description: l('有赞后台 → 客户 → 客户列表 → 导出（消费次数可算复购率：≥ 2 次的客户 ÷ 客户数）。', 'Youzan admin → Customers → export (消费次数 gives the repurchase rate: customers with ≥ 2 orders ÷ customers).'),
    columns: [
      // the name column's header is inferred (import-formats.md lists only the three below), so it
      // is not required: a file without it still matches, and imports without a key
      col('客户', 'Customer', 'text', { aliases: ['客户昵称', '昵称'] }),
      col('手机号', 'Phone', 'text', { aliases: ['买家手机号'] }),
      col('消费次数', 'Orders', 'integer', req),
      col('消费金额', 'Spent', 'decimal', req),
      col('上次消费时间', 'Last order', 'datetime', req),
    ],
    // a later export replaces the customer's row: the list is a snapshot of each customer's totals
    keyColumns: ['客户'],
    // a customer list is a snapshot: the last order places the customer in a period
    dateColumn: '上次消费时间',
  },
];
