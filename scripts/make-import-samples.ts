/**
 * Writes samples/imports/: one small, realistic file per built-in import template, in the
 * form the platform really exports it (encoding, guards, banner rows, 万/秒/% values). Run with
 * `npx tsx scripts/make-import-samples.ts`; the files are committed, and the tests read them.
 * Seeded: the same files every run.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

const dir = path.resolve(import.meta.dirname, '../samples/imports');
fs.mkdirSync(dir, { recursive: true });

let seed = 20261001;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
const pad = (n: number) => String(n).padStart(2, '0');
// an Excel text guard is written bare, as Taobao writes it: ="3987654321098765", not "=""3987654321098765"""
const bareGuard = /^="[^",\n]*"$/;
const csvCell = (v: string | number) => (typeof v === 'string' && /[",\n]/.test(v) && !bareGuard.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v));
const csv = (rows: (string | number)[][]) => `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
const days = (from: string, count: number) => Array.from({ length: count }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 86400000).toISOString().slice(0, 10));

// 公众号 用户分析: 2026-10-01 … 2026-11-30, one row a day, 净增 = 新关注 − 取消关注, 累积 a running total
{
  const header = ['时间', '新关注人数', '取消关注人数', '净增关注人数', '累积关注人数', '搜索公众号名称', '搜索微信号', '扫描二维码', '图文页右上角菜单', '名片分享', '其他'];
  let total = 48_210;
  const rows = days('2026-10-01', 61).map((day) => {
    const news = int(60, 240);
    const gone = int(10, 70);
    total += news - gone;
    const search = int(5, 30);
    const id = int(0, 8);
    const qr = int(10, 60);
    const menu = int(5, 40);
    const card = int(0, 15);
    return [day, news, gone, news - gone, total, search, id, qr, menu, card, Math.max(0, news - search - id - qr - menu - card)];
  });
  fs.writeFileSync(path.join(dir, 'wechat-user-analysis.csv'), `\uFEFF${csv([header, ...rows])}`);
}

// 公众号 内容分析 — 已发表内容: date × channel
{
  const header = ['日期', '渠道', '阅读次数', '阅读人数', '分享次数', '分享人数', '阅读原文次数', '阅读原文人数', '收藏次数', '收藏人数', '群发篇数'];
  const rows: (string | number)[][] = [];
  for (const day of days('2026-11-01', 10)) {
    for (const channel of ['全部', '公众号消息', '朋友圈', '聊天会话', '搜一搜']) {
      const reads = channel === '全部' ? int(1800, 4200) : int(100, 1500);
      const readers = Math.round(reads * 0.82);
      rows.push([day, channel, reads, readers, Math.round(reads * 0.04), Math.round(reads * 0.03), int(0, 40), int(0, 30), int(5, 60), int(4, 50), channel === '全部' ? int(0, 2) : 0]);
    }
  }
  fs.writeFileSync(path.join(dir, 'wechat-content-published.csv'), `\uFEFF${csv([header, ...rows])}`);
}

// 公众号 内容分析 — 已通知内容: one row an article, 发表时间 as 20261029, rates as fractions
{
  const header = ['内容标题', '发表时间', '总阅读人数', '总阅读次数', '总分享人数', '总分享次数', '阅读后关注人数', '送达人数', '公众号消息阅读次数', '送达阅读率', '首次分享次数', '分享产生阅读次数', '首次分享率', '每次分享带来阅读次数', '阅读完成率', '内容url'];
  const titles = ['双十一备货清单：这 8 款卖得最好', '秋冬护肤三步法', '新品试用招募｜限 50 名', '门店地址更新通知', '会员日福利来了', '一篇讲清楚如何挑选羊毛衫', '客户故事：从 0 到月销 10 万', '本周直播预告', '售后政策说明（2026 版）', '年终感恩回馈'];
  const rows = titles.map((title, i) => {
    const delivered = int(40_000, 52_000);
    const messageReads = int(1200, 3200);
    const firstShares = int(20, 160);
    const shares = firstShares + int(10, 80);
    const shareReads = shares * int(3, 9);
    return [title, `202610${pad(1 + i * 3)}`, messageReads + int(200, 900), messageReads + shareReads, int(30, 150), shares, int(5, 60), delivered, messageReads, (messageReads / delivered).toFixed(4), firstShares, shareReads, (firstShares / messageReads).toFixed(4), (shareReads / shares).toFixed(2), (int(35, 85) / 100).toFixed(4), `https://mp.weixin.qq.com/s/${(1e9 + i * 7919).toString(36)}`];
  });
  fs.writeFileSync(path.join(dir, 'wechat-content-notified.csv'), csv([header, ...rows]));
}

// 视频号 单篇视频: UTF-8 CSV with BOM, 2026/06/25 dates, 28.64% and 10秒
{
  const header = ['视频描述', '视频ID', '发布时间', '完播率', '平均播放时长', '播放量', '推荐', '喜欢', '评论量', '分享量', '关注量', '转发聊天和朋友圈', '设为铃声', '设为状态', '设为朋友圈封面', '企微链接点击次数', '企微链接点击人数', '添加到通讯录次数', '添加到通讯录人数'];
  const descriptions = ['今天教大家三秒叠好毛衣 #生活小技巧', '探店｜城南新开的面包房', '双十一开箱，真的值吗？', '早餐 5 分钟搞定', '客户来店里试穿的真实反馈', '秋天第一杯奶茶', '门店上新：羊绒系列', '直播回放精华', '老板的一天'];
  const rows = descriptions.map((d, i) => {
    const rate = `${(int(1500, 4500) / 100).toFixed(2)}%`;
    const watched = i % 3 === 0 ? `${int(1, 2)}分${int(0, 59)}秒` : `${int(6, 40)}秒`;
    // the first video shows the documented forms exactly (the tests check 28.64% → 0.2864, 10秒 → 10)
    return [d, `export/UzFfAgtgekIEAQAAAAAA${(81234567 + i * 997).toString(36)}`, `2026/10/${pad(2 + i * 3)}`, i === 0 ? '28.64%' : rate, i === 0 ? '10秒' : watched, int(800, 26_000), int(100, 9000), int(10, 900), int(0, 120), int(5, 400), int(0, 80), int(0, 300), 0, int(0, 3), 0, int(0, 40), int(0, 30), int(0, 12), int(0, 10)];
  });
  fs.writeFileSync(path.join(dir, 'wechat-channels-videos.csv'), `\uFEFF${csv([header, ...rows])}`);
}

async function xlsx(file: string, rows: (string | number | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Sheet1');
  for (const r of rows) sheet.addRow(r);
  await wb.xlsx.writeFile(path.join(dir, file));
}

// 抖音 作品列表.xlsx: "-" is missing, rates as "32.1%", durations in 秒
{
  const header = ['作品名称', '发布时间', '体裁', '审核状态', '播放量', '完播率', '5s完播率', '封面点击率', '2s跳出率', '平均播放时长', '点赞量', '分享量', '评论量', '收藏量', '主页访问量', '粉丝增量'];
  const titles = ['一件衣服的十种搭法 #穿搭 #秋冬穿搭', '探访羊绒工厂，看看一件毛衣怎么做出来', '门店日常vlog', '顾客说这件大衣显瘦十斤？', '双十一别乱买！清单在这', '三分钟学会系围巾', '老板娘的带货直播切片', '新品预告'];
  const rows = titles.map((t, i) => {
    const reviewing = i === titles.length - 1;
    return [t, `2026-10-${pad(3 + i * 3)} ${pad(int(9, 22))}:${pad(int(0, 59))}`, i % 4 === 2 ? '图文' : '视频', reviewing ? '审核中' : '已发布', reviewing ? '-' : int(1200, 180_000), reviewing ? '-' : `${(int(800, 4200) / 100).toFixed(2)}%`, reviewing ? '-' : `${(int(3000, 7000) / 100).toFixed(2)}%`, i % 4 === 2 ? '-' : `${(int(200, 1500) / 100).toFixed(2)}%`, reviewing ? '-' : `${(int(1500, 5000) / 100).toFixed(2)}%`, reviewing ? '-' : `${int(4, 45)}秒`, reviewing ? '-' : int(20, 9000), reviewing ? '-' : int(0, 800), reviewing ? '-' : int(0, 400), reviewing ? '-' : int(0, 1200), reviewing ? '-' : int(10, 2000), reviewing ? '-' : int(-3, 300)];
  });
  await xlsx('douyin-works.xlsx', [header, ...rows]);
}

// 小红书 笔记列表明细表.xlsx: row 1 a banner, row 2 the header, 2026年10月05日12时01分35秒
{
  const header = ['笔记标题', '首次发布时间', '体裁', '曝光', '观看量', '封面点击率', '点赞', '评论', '收藏', '涨粉', '分享', '人均观看时长', '弹幕'];
  const titles = ['秋冬羊绒衫怎么选｜避坑指南', '小个子显高穿搭公式', '我的通勤胶囊衣橱', '一衣多穿：灰色开衫', '门店探店｜城南小店', '围巾的 6 种系法', '双十一清单（真心推荐）', '羊毛衫起球怎么办'];
  const rows = titles.map((t, i) => [t, `2026年10月${pad(2 + i * 3)}日${pad(int(8, 22))}时${pad(int(0, 59))}分${pad(int(0, 59))}秒`, i % 3 === 1 ? '视频' : '图文', int(2000, 90_000), int(300, 12_000), `${(int(500, 1800) / 100).toFixed(1)}%`, int(10, 3000), int(0, 300), int(5, 2500), int(0, 180), int(0, 200), i % 3 === 1 ? `${int(8, 50)}秒` : '-', i % 3 === 1 ? int(0, 40) : '-']);
  await xlsx('xiaohongshu-notes.xlsx', [['最多导出排序后前1000条笔记'], header, ...rows]);
}

const people = ['王芳', '李娜'];
const buyers = ['小鱼儿', 'sunny_1988', '橘子汽水', '陈先生', 'Lily', '木子李', '阿杰', '晴天'];
const goods = ['羊绒圆领毛衣', '双面羊绒大衣', '真丝围巾', '羊毛针织开衫', '纯棉打底衫'];

// 淘宝 已卖出的宝贝: GBK, ="…" guarded order numbers and phones, some unpaid and closed orders
{
  const header = ['订单编号', '买家会员名', '买家支付宝账号', '买家应付货款', '买家应付邮费', '总金额', '买家实际支付金额', '订单状态', '买家留言', '收货人姓名', '收货地址', '运送方式', '联系手机', '订单创建时间', '订单付款时间', '宝贝标题', '宝贝种类', '物流单号', '物流公司', '订单备注', '宝贝总数量', '店铺名称', '订单关闭原因', '退款金额'];
  const statuses = ['交易成功', '交易成功', '交易成功', '卖家已发货，等待买家确认', '买家已付款，等待卖家发货', '等待买家付款', '交易关闭'];
  const rows = Array.from({ length: 16 }, (_, i) => {
    const status = pick(statuses);
    const price = pick([199, 299, 459, 899, 1299]);
    const shipping = price > 300 ? 0 : 10;
    const paid = status === '等待买家付款' || status === '交易关闭' ? 0 : price + shipping;
    const created = `2026-10-${pad(1 + i)} ${pad(int(8, 23))}:${pad(int(0, 59))}:${pad(int(0, 59))}`;
    const shipped = ['交易成功', '卖家已发货，等待买家确认'].includes(status);
    return [
      `="${3987654321098765 + i * 1337}"`,
      pick(buyers),
      `${pick(['138', '159', '186'])}****${int(1000, 9999)}`,
      price.toFixed(2),
      shipping.toFixed(2),
      (price + shipping).toFixed(2),
      paid.toFixed(2),
      status,
      i % 5 === 0 ? '请尽快发货，谢谢' : '',
      pick(['张*', '李*', '王*', '陈*']),
      pick(['浙江省 杭州市 西湖区 文三路***号', '上海市 浦东新区 张江路***号', '广东省 深圳市 南山区 科技园***栋']),
      '快递',
      `="${pick(['138', '159', '186'])}${int(10_000_000, 99_999_999)}"`,
      created,
      paid ? created.replace(/:\d\d$/, ':59') : '',
      pick(goods),
      1,
      shipped ? `="YT${int(100_000_000, 999_999_999)}"` : '',
      shipped ? pick(['圆通速递', '中通快递', '顺丰速运']) : '',
      '',
      int(1, 2),
      '刻度羊绒旗舰店',
      status === '交易关闭' ? '买家不想买了' : '',
      i === 3 ? (price / 2).toFixed(2) : '0.00',
    ];
  });
  fs.writeFileSync(path.join(dir, 'taobao-sold-items.csv'), iconv.encode(csv([header, ...rows]), 'gbk'));
}

// 有赞 订单: ~30 orders of Oct–Nov 2026, 分销员 王芳 / 李娜, some closed, some refunded
{
  const header = ['订单号', '销售渠道', '归属店铺', '订单类型', '订单状态', '订单创建时间', '买家付款时间', '交易成功时间', '付款方式', '商品金额合计', '运费', '店铺优惠合计', '应收订单金额', '订单实付金额', '订单实收金额', '全部商品名称', '商品种类数', '买家昵称', '买家手机号', '分销员', '订单退款状态', '订单已退款金额', '商家订单备注'];
  const rows = Array.from({ length: 30 }, (_, i) => {
    const month = i < 16 ? 10 : 11;
    const day = 1 + ((i * 2) % 28);
    const closed = i % 9 === 4;
    const goodsTotal = pick([168, 299, 459, 680, 899, 1280]);
    const discount = goodsTotal > 500 ? 50 : 0;
    const paid = closed ? 0 : goodsTotal - discount;
    const refunded = !closed && i % 7 === 3 ? (i % 2 ? paid : 100) : 0;
    const created = `2026-${pad(month)}-${pad(day)} ${pad(int(9, 22))}:${pad(int(0, 59))}:${pad(int(0, 59))}`;
    const paidAt = closed ? '' : created.replace(/(\d\d):(\d\d)$/, (_m, mm: string) => `${pad(Math.min(59, Number(mm) + 2))}:00`);
    return [
      `E2026${pad(month)}${pad(day)}${String(100_000 + i * 37)}`,
      pick(['微商城', '小程序', '微商城']),
      '刻度羊绒 · 杭州店',
      '普通订单',
      closed ? '交易关闭' : '交易成功',
      created,
      paidAt,
      // the buyer confirms receipt a few days after paying
      closed ? '' : new Date(Date.parse(`${paidAt.replace(' ', 'T')}Z`) + int(2, 6) * 86_400_000).toISOString().slice(0, 19).replace('T', ' '),
      closed ? '' : pick(['微信支付', '微信支付', '储值卡']),
      goodsTotal.toFixed(2),
      '0.00',
      discount.toFixed(2),
      (goodsTotal - discount).toFixed(2),
      paid.toFixed(2),
      (paid - refunded).toFixed(2),
      pick(goods),
      1,
      pick(buyers),
      `1${pick(['38', '59', '86'])}****${int(1000, 9999)}`,
      people[i % 2]!,
      refunded ? (refunded === paid ? '全额退款' : '部分退款') : '',
      refunded.toFixed(2),
      '',
    ];
  });
  fs.writeFileSync(path.join(dir, 'youzan-orders.csv'), csv([header, ...rows]));
}

// 有赞 订单商品明细 (per item) and 客户 (customers)
{
  const header = ['订单号', '订单创建时间', '商品名称', '商品规格', '商品单价', '商品数量', '商品实际成交金额', '商品已退款金额', '分销员'];
  const rows: (string | number)[][] = [];
  for (let i = 0; i < 12; i++) {
    const order = `E202610${pad(1 + i * 2)}${String(200_000 + i)}`;
    const created = `2026-10-${pad(1 + i * 2)} ${pad(int(9, 21))}:${pad(int(0, 59))}:00`;
    for (const [k, name] of goods.slice(0, 1 + (i % 3)).entries()) {
      const price = pick([168, 299, 459]);
      const n = int(1, 2);
      const size = pick(['S', 'M', 'L', '均码']);
      // a scarf has no variants: its 商品规格 is empty, as in real exports (so it is not a key column)
      rows.push([order, created, name, name === '真丝围巾' ? '' : size, price.toFixed(2), n, (price * n).toFixed(2), i === 5 && k === 0 ? price.toFixed(2) : '0.00', people[i % 2]!]);
    }
  }
  fs.writeFileSync(path.join(dir, 'youzan-order-items.csv'), csv([header, ...rows]));
  const customers = [['客户', '手机号', '消费次数', '消费金额', '上次消费时间'], ...buyers.map((b, i) => [b, `1${pick(['38', '59'])}****${int(1000, 9999)}`, i % 3 === 0 ? 1 : int(2, 6), (int(200, 6000) + 0.5).toFixed(2), `2026-${pad(int(9, 11))}-${pad(int(1, 28))} ${pad(int(9, 21))}:${pad(int(0, 59))}:00`])];
  fs.writeFileSync(path.join(dir, 'youzan-customers.csv'), csv(customers));
}

console.log(`samples written to ${dir}`);
