/**
 * The 微商 demo (domain.md, seed 002): a solo seller, 林晓, who tracks her own SMART goals — monthly
 * sales +20 %, 50,000 followers, conversion +15 %, three high-quality posts a month — from her
 * WeChat user analysis export and her shop's orders. Pure: the files are generated from a fixed
 * seed around "today", so the demo looks the same every time and stays current.
 */
import type { CreateDatasetInput } from '../../../contracts/datasets.ts';
import { addDays } from '../../../core/values/periods.ts';
import { seededRandom } from './large-demo.random.ts';

export const SOLO_SLUG = 'demo-weishang';
export const SOLO_NAME = '林晓的美妆小店（演示）';
export const SOLO_SELLER = { name: '林晓', email: 'lin.xiao@demo.kedu' };
export const SOLO_PLAN = '微商启动计划';

const pad = (n: number) => String(n).padStart(2, '0');

/** The same files every time: the large demo's seeded generator. */
const generator = (seed: number) => seededRandom(seed).next;

/** 公众号 用户分析 as the platform exports it (the built-in template's layout), one row a day. */
export function followerRows(from: string, to: string): string[][] {
  const random = generator(20_270_101);
  const header = ['时间', '新关注人数', '取消关注人数', '净增关注人数', '累积关注人数', '搜索公众号名称', '搜索微信号', '扫描二维码', '图文页右上角菜单', '名片分享', '其他'];
  const rows = [header];
  let total = 15_800;
  for (let day = from, i = 0; day <= to; day = addDays(day, 1), i++) {
    // growth speeds up as the content plan gets going
    const news = Math.round(60 + i * 0.45 + random() * 60);
    const gone = Math.round(12 + random() * 25);
    total += news - gone;
    const parts = [0.12, 0.03, 0.3, 0.2, 0.05].map((f) => Math.round(news * f));
    rows.push([day, news, gone, news - gone, total, ...parts, news - parts.reduce((a, b) => a + b, 0)].map(String));
  }
  return rows;
}

/** The shop's orders (微信小商店 export, simplified): paid amount, refunds, status, payment time. */
export const SOLO_ORDERS: CreateDatasetInput = {
  name: '小店订单',
  description: '微信小商店的订单导出：每行一个订单。',
  columns: [
    { name: '订单号', type: 'text', snapshot: false, aliases: [] },
    { name: '支付时间', type: 'datetime', snapshot: false, aliases: [] },
    { name: '实付金额', type: 'decimal', snapshot: false, aliases: [] },
    { name: '退款金额', type: 'decimal', snapshot: false, aliases: [] },
    { name: '订单状态', type: 'text', snapshot: false, aliases: [] },
  ],
  keyColumns: ['订单号'],
  dateColumn: '支付时间',
  templateKey: null,
};

export function orderRows(from: string, to: string): string[][] {
  const random = generator(20_270_202);
  const rows = [SOLO_ORDERS.columns.map((c) => c.name)];
  let n = 0;
  for (let day = from, i = 0; day <= to; day = addDays(day, 1), i++) {
    // a shop growing about 1 % a month: the seed's +20 % is a stretch, not already done
    const orders = Math.round(3 + i * 0.002 + random() * 4);
    for (let k = 0; k < orders; k++) {
      const amount = Math.round(120 + random() * 260);
      const refunded = random() < 0.05;
      const time = `${day} ${pad(9 + Math.floor(random() * 13))}:${pad(Math.floor(random() * 60))}:00`;
      rows.push([`WX${day.replaceAll('-', '')}${pad(++n % 100)}${k}`, time, `${amount}.00`, refunded ? `${amount}.00` : '0.00', refunded ? '已退款' : '已完成']);
    }
  }
  return rows;
}

/** CSV text of rows (no cell here holds a comma, a quote or a line break). */
export const csvText = (rows: string[][]) => `\uFEFF${rows.map((r) => r.join(',')).join('\n')}\n`;
