/**
 * The marketing department's exports of the team demo (星辰营销), generated in the layouts the
 * built-in import templates recognise: the 公众号 用户分析 (one row a day), 内容分析 — 已发表内容
 * (date × channel), 内容分析 — 已通知内容 (one row an article, with the 作者 column the team adds)
 * and the 有赞 order export (分销员: the staff member whose link sold it). Pure and seeded (the
 * large demo's generator): the same rows every time. The months are the demo's cycles' (fixed in
 * 2026), so the numbers that scored October and November are the ones the files hold.
 */
import { addDays } from '../../../core/values/periods.ts';
import { seededRandom } from './large-demo.random.ts';

/** The first day of the files: three months of history before the demo's closed cycle. */
export const MARKETING_FROM = '2026-07-01';
/** The last day: the end of the open cycle's month (earlier when today comes first). */
export const MARKETING_TO = '2026-11-30';
const MONTHS = ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];

/** The files' span on a day: the demo's months, up to the day before at the latest. */
export function marketingSpan(today: string): { from: string; to: string } {
  const yesterday = addDays(today, -1);
  return { from: MARKETING_FROM, to: yesterday < MARKETING_TO ? yesterday : MARKETING_TO };
}

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
const between = (next: () => number, lo: number, hi: number) => lo + next() * (hi - lo);

/** Who writes for the 公众号, how often each month (July … November) and how their pieces do. */
const WRITERS = [
  // 内容组: the demo goals' 4 深度测评, 4 使用教程 and 3 用户故事 a month
  { name: '陈思远', perMonth: [4, 5, 4, 5, 4], reads: [5200, 9800], shareRate: [0.052, 0.078], kind: '深度测评' },
  { name: '杨雨涵', perMonth: [4, 3, 4, 4, 3], reads: [3600, 6400], shareRate: [0.042, 0.062], kind: '使用教程' },
  { name: '徐佳怡', perMonth: [2, 3, 2, 2, 3], reads: [2800, 5600], shareRate: [0.06, 0.09], kind: '用户故事' },
  // the manager's campaign posts and the 新媒体组's giveaways go out on the same account
  { name: '林晓雯', perMonth: [1, 1, 2, 1, 2], reads: [4200, 7600], shareRate: [0.035, 0.05], kind: '活动' },
  { name: '何子轩', perMonth: [1, 1, 1, 1, 1], reads: [3000, 5200], shareRate: [0.08, 0.11], kind: '福利' },
] as const;

const PRODUCTS = ['空气炸锅 X3', '破壁机 P5', '净水器 R600', '加湿器 H3', '电动牙刷 T2', '挂烫机 G1', '咖啡机 K7', '养生壶 Y1', '扫地机器人 S8', '电热水壶 W2', '空气净化器 A5', '烤箱 O4'];
const STORIES = ['新手妈妈的第一台辅食机', '独居青年的十分钟早餐', '三代同堂的周末厨房', '租房党的小家电清单', '退休老师的烘焙日记', '健身教练的控糖餐', '双职工家庭的晚饭', '宠物家庭的除毛难题', '小户型的厨房收纳', '夜班护士的热饭神器', '外婆学会了用咖啡机', '程序员的周末早午餐', '新婚夫妇的第一次采购', '大学宿舍的养生壶'];
const CAMPAIGNS = ['秋季新品发布', '国庆焕新季开启', '会员日福利来了', '双十一预售攻略', '双十一返场加购', '年终感恩回馈', '门店开业｜杭州万象城', '以旧换新补贴说明'];
const GIVEAWAYS = ['粉丝专属抽奖', '社群秒杀预告', '评论区送好礼', '直播间福利清单', '新粉见面礼'];

function titleOf(kind: string, i: number): string {
  const product = PRODUCTS[i % PRODUCTS.length];
  if (kind === '深度测评') return i < PRODUCTS.length ? `深度测评｜星辰${product}一周实测` : `深度测评｜${product}和三款热门机型对比`;
  if (kind === '使用教程') return `使用教程｜${product} ${['新手三步上手', '清洁保养全攻略', '常见问题解答'][Math.floor(i / PRODUCTS.length) % 3]}`;
  if (kind === '用户故事') return `用户故事｜${STORIES[i % STORIES.length]}`;
  if (kind === '活动') return `活动｜${CAMPAIGNS[i % CAMPAIGNS.length]}`;
  return `福利｜${GIVEAWAYS[i % GIVEAWAYS.length]}（第 ${i + 1} 期）`;
}

export type DemoArticle = { title: string; author: string; day: string; reads: number; shares: number; follows: number; id: number };

/** Every article of the span: its writer, day and how it did (reads and shares within 7 days). */
export function demoArticles(to: string): DemoArticle[] {
  const random = seededRandom(20_261_101);
  const articles: DemoArticle[] = [];
  for (const w of WRITERS) {
    let n = 0;
    MONTHS.forEach((month, m) => {
      const days = new Set<number>();
      while (days.size < w.perMonth[m]) days.add(random.int(1, daysIn(month)));
      for (const d of [...days].sort((a, b) => a - b)) {
        const day = `${month}-${pad(d)}`;
        // the account grows through the months, and so do an article's reads
        const reads = Math.round(between(random.next, w.reads[0], w.reads[1]) * (1 + m * 0.04));
        const shares = Math.round(reads * between(random.next, w.shareRate[0], w.shareRate[1]));
        const follows = Math.round(reads * between(random.next, 0.008, 0.016));
        const article = { title: titleOf(w.kind, n++), author: w.name, day, reads, shares, follows, id: 0 };
        if (day <= to) articles.push(article);
      }
    });
  }
  articles.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.author < b.author ? -1 : 1));
  articles.forEach((a, i) => {
    a.id = 3_140_000_000 + i * 7919;
  });
  return articles;
}

/** How an article's reads (and shares, follows) spread over its first 7 days. */
const SPREAD = [0.45, 0.2, 0.12, 0.08, 0.06, 0.05, 0.04];

/** Per day: the share of every article's reads, shares and follows that fall on it. */
function perDay(articles: readonly DemoArticle[], from: string, to: string) {
  const byDay = new Map<string, { reads: number; shares: number; follows: number; sent: number }>();
  for (let day = from; day <= to; day = addDays(day, 1)) byDay.set(day, { reads: 0, shares: 0, follows: 0, sent: 0 });
  for (const a of articles) {
    byDay.get(a.day)!.sent += 1;
    SPREAD.forEach((f, k) => {
      const day = byDay.get(addDays(a.day, k));
      if (!day) return;
      day.reads += a.reads * f;
      day.shares += a.shares * f;
      day.follows += a.follows * f;
    });
  }
  return byDay;
}

const USER_HEADER = ['时间', '新关注人数', '取消关注人数', '净增关注人数', '累积关注人数', '搜索公众号名称', '搜索微信号', '扫描二维码', '图文页右上角菜单', '名片分享', '其他'];

/** 公众号 用户分析, one row a day; also the followers on each day (an article is delivered to them). */
export function demoUserAnalysis(from: string, to: string, articles: readonly DemoArticle[]): { rows: string[][]; followersOn: Map<string, number> } {
  const random = seededRandom(20_261_102);
  const byDay = perDay(articles, from, to);
  const rows = [USER_HEADER];
  const followersOn = new Map<string, number>();
  let total = 28_600;
  for (const [day, d] of byDay) {
    // the 新媒体组's work: community posts, QR codes in the shop parcels, 双十一 giveaways
    const month = MONTHS.indexOf(day.slice(0, 7));
    const push = day >= '2026-11-01' && day <= '2026-11-12' ? 1.35 : 1;
    const news = Math.round((58 + month * 2 + random.next() * 30) * push + d.follows);
    const gone = Math.round(18 + random.next() * 20);
    followersOn.set(day, total);
    total += news - gone;
    const parts = [0.14, 0.03, 0.34, 0.18, 0.06].map((f) => Math.round(news * f));
    rows.push([day, news, gone, news - gone, total, ...parts, news - parts.reduce((a, b) => a + b, 0)].map(String));
  }
  return { rows, followersOn };
}

const PUBLISHED_HEADER = ['日期', '渠道', '阅读次数', '阅读人数', '分享次数', '分享人数', '阅读原文次数', '阅读原文人数', '收藏次数', '收藏人数', '群发篇数'];
/** Where reads come from; 其他 (search, the account's page …) takes the rest, so the channels add up to 全部. */
const CHANNELS: [string, number][] = [['公众号消息', 0.38], ['聊天会话', 0.22], ['朋友圈', 0.18]];

/** 公众号 内容分析 — 已发表内容: per day, 全部 and each channel. */
export function demoPublishedContent(from: string, to: string, articles: readonly DemoArticle[]): string[][] {
  const random = seededRandom(20_261_103);
  const rows = [PUBLISHED_HEADER];
  for (const [day, d] of perDay(articles, from, to)) {
    // older articles and the menu keep being read
    const reads = Math.round(d.reads + 320 + random.next() * 140);
    const shares = Math.round(d.shares + reads * 0.012 * random.next());
    const saves = Math.round(reads * between(random.next, 0.017, 0.025));
    const clicks = Math.round(reads * between(random.next, 0.008, 0.014));
    const all = [reads, Math.round(reads * 0.85), shares, Math.round(shares * 0.8), clicks, Math.round(clicks * 0.86), saves, Math.round(saves * 0.94)];
    rows.push([day, '全部', ...all, d.sent].map(String));
    const left = [...all];
    for (const [channel, f] of [...CHANNELS, ['其他', 0] as [string, number]]) {
      const share = f * between(random.next, 0.92, 1.08);
      const values = channel === '其他' ? left.map((v) => Math.max(0, v)) : all.map((v) => Math.round(v * share));
      values.forEach((v, i) => {
        left[i] -= v;
      });
      rows.push([day, channel, ...values, d.sent].map(String));
    }
  }
  return rows;
}

const NOTIFIED_HEADER = ['内容标题', '发表时间', '总阅读人数', '总阅读次数', '总分享人数', '总分享次数', '阅读后关注人数', '送达人数', '公众号消息阅读次数', '送达阅读率', '首次分享次数', '分享产生阅读次数', '首次分享率', '每次分享带来阅读次数', '阅读完成率', '内容url', '作者'];

/** 公众号 内容分析 — 已通知内容: one row an article, 发表时间 as 20261015, with the team's 作者 column. */
export function demoNotifiedContent(articles: readonly DemoArticle[], followersOn: ReadonlyMap<string, number>): string[][] {
  const random = seededRandom(20_261_104);
  const rows = [NOTIFIED_HEADER];
  for (const a of articles) {
    const delivered = followersOn.get(a.day) ?? 28_600;
    const messageReads = Math.round(a.reads * between(random.next, 0.38, 0.5));
    const shareReads = Math.round(a.reads * between(random.next, 0.22, 0.32));
    const firstShares = Math.round(a.shares * between(random.next, 0.55, 0.7));
    rows.push([
      a.title,
      a.day.replaceAll('-', ''),
      String(Math.round(a.reads * between(random.next, 0.8, 0.88))),
      String(a.reads),
      String(Math.round(a.shares * between(random.next, 0.72, 0.85))),
      String(a.shares),
      String(a.follows),
      String(delivered),
      String(messageReads),
      (messageReads / delivered).toFixed(4),
      String(firstShares),
      String(shareReads),
      (firstShares / messageReads).toFixed(4),
      (shareReads / Math.max(1, a.shares)).toFixed(2),
      between(random.next, 0.42, 0.78).toFixed(4),
      `https://mp.weixin.qq.com/s/${a.id.toString(36)}`,
      a.author,
    ]);
  }
  return rows;
}

const ORDER_HEADER = ['订单号', '销售渠道', '归属店铺', '订单类型', '订单状态', '订单创建时间', '买家付款时间', '交易成功时间', '付款方式', '商品金额合计', '运费', '店铺优惠合计', '应收订单金额', '订单实付金额', '订单实收金额', '全部商品名称', '商品种类数', '买家昵称', '买家手机号', '分销员', '订单退款状态', '订单已退款金额', '商家订单备注'];
const GOODS: [string, number][] = [['星辰空气炸锅 X3', 399], ['星辰破壁机 P5', 699], ['星辰净水器 R600', 1599], ['星辰加湿器 H3', 259], ['星辰电动牙刷 T2', 199], ['星辰挂烫机 G1', 329], ['星辰咖啡机 K7', 1299], ['星辰养生壶 Y1', 169], ['星辰扫地机器人 S8', 2499], ['星辰电热水壶 W2', 129]];
const BUYERS = ['sunny_1988', 'Lily', '小鹿乱撞', '阿杰', '木子李', 'momo', '晴天', '大橙子', 'Kevin', '一只猫', '春风十里', '老王', 'Yuki', '周周', '豆豆妈', '小北', 'Ada', '橘子汽水'];
/** The staff whose 有赞 分销员 links sell: the 新媒体组 in its communities, the 内容组 in its articles. */
const SELLERS = { 何子轩: 0.3, 高梦琪: 0.22, 陈思远: 0.18, 杨雨涵: 0.16, 徐佳怡: 0.14 } as const;

/** 有赞 订单 (one row an order): most sell on their own, about a third through a staff member's link. */
export function demoOrders(from: string, to: string): string[][] {
  const random = seededRandom(20_261_105);
  const rows = [ORDER_HEADER];
  let seq = 0;
  const time = (day: string, h: number, m: number, s: number) => `${day} ${pad(h)}:${pad(m)}:${pad(s)}`;
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const month = MONTHS.indexOf(day.slice(0, 7));
    const sale = day >= '2026-11-01' && day <= '2026-11-11' ? 1.8 : 1;
    const orders = Math.round((11 + month * 0.8 + random.next() * 6) * sale);
    for (let k = 0; k < orders; k++) {
      const items = random.chance(0.15) ? [random.pick(GOODS), random.pick(GOODS)].filter((g, i, all) => all.indexOf(g) === i) : [random.pick(GOODS)];
      const goods = items.reduce((a, [, p]) => a + p, 0);
      const discount = goods >= 1000 ? 100 : goods >= 500 ? 50 : 0;
      const due = goods - discount;
      // a few orders are never paid; the last days' are still on their way
      const closed = random.chance(0.05);
      const shipping = !closed && addDays(day, 4) > to;
      const refunded = !closed && !shipping && random.chance(0.04) ? (random.chance(0.5) ? due : Math.round(due * 0.3)) : 0;
      const h = random.int(8, 22);
      const m = random.int(0, 55);
      const created = time(day, h, m, random.int(0, 59));
      const paid = closed ? '' : time(day, h, m + random.int(1, 4), random.int(0, 59));
      const done = closed || shipping ? '' : time(addDays(day, random.int(3, 7)), random.int(8, 22), random.int(0, 59), random.int(0, 59));
      const seller = random.chance(0.34) ? random.weighted(SELLERS) : '';
      rows.push([
        `E${day.replaceAll('-', '')}${String(310_000 + ++seq)}`,
        random.pick(['微商城', '小程序', '小程序']),
        '星辰小家电 · 有赞旗舰店',
        '普通订单',
        closed ? '交易关闭' : shipping ? random.pick(['待发货', '已发货']) : '交易成功',
        created,
        paid,
        done,
        closed ? '' : random.pick(['微信支付', '微信支付', '微信支付', '储值卡']),
        goods.toFixed(2),
        '0.00',
        discount.toFixed(2),
        due.toFixed(2),
        (closed ? 0 : due).toFixed(2),
        (closed ? 0 : due - refunded).toFixed(2),
        items.map(([name]) => name).join('、'),
        String(items.length),
        random.pick(BUYERS),
        `1${random.pick(['38', '59', '86', '37'])}****${random.int(1000, 9999)}`,
        seller,
        refunded === 0 ? '' : refunded === due ? '全额退款' : '部分退款',
        refunded.toFixed(2),
        random.chance(0.03) ? '送货前电话联系' : '',
      ]);
    }
  }
  return rows;
}

/** The four files of a span, by the dataset each goes to (demo-marketing.ts MARKETING_DATASETS). */
export function marketingFiles(from: string, to: string): { followers: string[][]; published: string[][]; articles: string[][]; orders: string[][] } {
  const articles = demoArticles(to);
  const fans = demoUserAnalysis(from, to, articles);
  return { followers: fans.rows, published: demoPublishedContent(from, to, articles), articles: demoNotifiedContent(articles, fans.followersOn), orders: demoOrders(from, to) };
}
