import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { datasetFromPreview } from '../../../contracts/datasets.ts';
import { BUILTIN_TEMPLATES } from '../../../core/datasets/builtin-templates.ts';
import { addDays, monthStart } from '../../../core/values/periods.ts';
import type { Database, Tx } from '../../db/client.ts';
import type { Actor } from '../audit/index.ts';
import { previewFile } from '../datasets/index.ts';
import { importFile } from '../datasets/index.ts';
import { createMetric, setBinding } from '../metrics/index.ts';
import { applySuggestions } from '../metrics/index.ts';
import type { JobSender } from '../../jobs/job-types.ts';
import { today } from '../goals/index.ts';
import { soloCheckInComments } from './demo-comments.ts';
import type { DemoGoal } from './demo-goals.ts';
import { seedDemoPlan } from './demo-goals.seed.ts';
import { csvText, followerRows, orderRows, SOLO_NAME, SOLO_ORDERS, SOLO_PLAN, SOLO_SELLER, SOLO_SLUG } from './demo-solo.ts';
import { countDatasets, findUserIdByEmail, findWorkspaceBySlug, insertMembershipRow, insertPersonRow, insertUserRow, insertWorkspaceRow, lockDemoSeed } from './demo.queries.ts';

const SOLO_SEED_LOCK = 7241005;
const dayBefore = (day: string) => addDays(day, -1);

/** The data's span: six months before the plan (its history) up to yesterday. */
function dataSpan() {
  const now = today();
  return { planStart: monthStart(now, -2), from: monthStart(now, -8), to: dayBefore(now) };
}

/**
 * Creates the 微商 demo workspace once (idempotent, under a lock): a solo workspace whose admin is
 * the seller 林晓 — and the demo visitor, so it shows in their workspace switcher — with the
 * seed's plan and four goals. Then, outside that transaction (an import is a transaction of its
 * own), imports her two files and binds their metrics, unless that was done already.
 */
export async function ensureSoloDemo(database: Database, jobs: JobSender, visitorUserId: string, passwordHash: () => Promise<string>): Promise<void> {
  const { db } = database;
  const existing = (q: Database['db'] | Tx) => findWorkspaceBySlug(q, SOLO_SLUG);
  const found = await existing(db);
  // a real workspace made under this address by an earlier version is never touched
  if (found && !found.isDemo) return;
  const hash = found ? '' : await passwordHash();
  const workspaceId = await db.transaction(async (tx) => {
    await lockDemoSeed(tx, SOLO_SEED_LOCK);
    return (await existing(tx))?.id ?? createSoloWorkspace(tx, visitorUserId, hash);
  });
  if ((await countDatasets(db, workspaceId)) === 0) await importSoloData(database, jobs, workspaceId);
}

async function createSoloWorkspace(tx: Tx, visitorUserId: string, passwordHash: string): Promise<string> {
  const ws = await insertWorkspaceRow(tx, { slug: SOLO_SLUG, name: SOLO_NAME, kind: 'solo', isDemo: true });
  const personId = await insertPersonRow(tx, { workspaceId: ws.id, name: SOLO_SELLER.name, email: SOLO_SELLER.email });
  const sellerId = (await findUserIdByEmail(tx, SOLO_SELLER.email)) ?? (await insertUserRow(tx, { email: SOLO_SELLER.email, name: SOLO_SELLER.name, passwordHash, isDemo: true }));
  await insertMembershipRow(tx, { workspaceId: ws.id, userId: sellerId, role: 'admin', personId });
  if (visitorUserId !== sellerId) await insertMembershipRow(tx, { workspaceId: ws.id, userId: visitorUserId, role: 'admin' });
  const actor = { userId: null, label: 'Kedu demo seed', ip: null, workspaceId: ws.id };
  await seedDemoPlan(tx, actor, {
    name: SOLO_PLAN,
    description: '某美妆品牌在微信平台的微商计划（种子案例）：销售、粉丝、转化、内容四个目标，按启动期、成长期、成熟期推进，每月复盘。',
    monthsBefore: 2,
    phaseMonths: [3, 5, 4],
    goals: soloGoals(),
    owners: { units: new Map(), people: new Map() },
    checkInBy: () => SOLO_SELLER.name,
    comments: soloCheckInComments,
  });
  return ws.id;
}

/** The seed's four goals; sales and followers check in from the data the files hold. */
function soloGoals(): DemoGoal[] {
  const { planStart, from, to } = dataSpan();
  const monthEnds = (start: string) => Array.from({ length: 12 }, (_, i) => dayBefore(monthStart(start, i + 1))).filter((d) => d <= to);
  const orders = orderRows(from, to).slice(1);
  const monthSales = (end: string) => orders.filter((o) => o[1].slice(0, 7) === end.slice(0, 7) && o[4] === '已完成').reduce((a, o) => a + Number(o[2]), 0);
  const before = monthEnds(from).filter((d) => d < planStart).map(monthSales).sort((a, b) => a - b);
  const baseline = Math.round((before[2] + before[3]) / 2);
  const fans = followerRows(from, to).slice(1);
  const fansOn = (day: string) => Number(fans.find((r) => r[0] === day)?.[4] ?? fans.at(-1)![4]);
  const fanDays = [...monthEnds(planStart), to].filter((d, i, all) => all.indexOf(d) === i);
  const goal = (g: Omit<DemoGoal, 'shape' | 'pace'> & Partial<Pick<DemoGoal, 'pace'>>): DemoGoal => ({ shape: 'level', pace: 1, ...g });
  return [
    // each month's sales against that month's target, stepping up to +20 % over the launch phase; this month so far, judged by its pace
    goal({
      key: 'sales',
      owner: { kind: 'company' },
      statement: '月度销售额增长 20%',
      indicator: 'sales_amount',
      baseline,
      target: Math.round(baseline * 1.2),
      source: 'strategy',
      phase: 1,
      recurrence: 'month',
      monthTargets: { 0: Math.round(baseline * 1.05), 1: Math.round(baseline * 1.1), 2: Math.round(baseline * 1.15) },
      fromData: [...monthEnds(planStart), ...(to.slice(0, 7) === today().slice(0, 7) ? [to] : [])].map((on) => ({ on, value: monthSales(on) })),
    }),
    goal({ key: 'fans', owner: { kind: 'company' }, statement: '粉丝数量达到 5 万', indicator: 'followers', baseline: fansOn(dayBefore(planStart)), target: 50_000, source: 'strategy', phase: null, fromData: fanDays.map((on) => ({ on, value: fansOn(on) })) }),
    goal({ key: 'conversion', owner: { kind: 'company' }, statement: '用户转化率提升 15%（3.2% → 3.68%）', indicator: 'conversion_rate', baseline: 0.032, target: 0.0368, pace: 0.85, source: 'business_process', phase: 1 }),
    goal({ key: 'content', owner: { kind: 'company' }, statement: '每月发布 3 条高质量内容', indicator: 'content_published', baseline: 1, target: 3, pace: 1.05, source: 'annual_plan', phase: 0, recurrence: 'month' }),
  ];
}

/** Her two exports, imported as any user would, and the metrics that make goals read them. */
async function importSoloData(database: Database, jobs: JobSender, workspaceId: string): Promise<void> {
  const { from, to } = dataSpan();
  const actor: Actor & { workspaceId: string } = { userId: null, label: 'Kedu demo seed', ip: null, workspaceId };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kedu-solo-'));
  try {
    const write = (name: string, rows: string[][]) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, csvText(rows));
      return file;
    };
    const fansFile = write('用户分析.csv', followerRows(from, to));
    // recognised by the built-in template, as the import wizard and `kedu import` do it
    const preview = await previewFile({ path: fansFile, fileName: '用户分析.csv' }, BUILTIN_TEMPLATES, 'zh-CN');
    const fans = await importFile(database, { workspaceId, actor, jobs }, { create: datasetFromPreview('公众号用户分析', preview) }, { path: fansFile, fileName: '用户分析.csv', replace: false });
    await applySuggestions(database, jobs, actor, fans.dataset.id, ['粉丝数']);
    const ordersFile = write('订单.csv', orderRows(from, to));
    const orders = await importFile(database, { workspaceId, actor, jobs }, { create: SOLO_ORDERS }, { path: ordersFile, fileName: '订单.csv', replace: false });
    const metric = await createMetric(database.db, actor, {
      name: '月销售额',
      datasetId: orders.dataset.id,
      spec: { definition: '已完成订单的实付金额之和（退款的订单不计），按支付时间计入当月；取自微信小商店的订单导出。', aggregation: 'sum', expression: '实付金额 - 退款金额', filters: [{ column: '订单状态', op: '=', values: ['已完成'] }], dateColumn: '支付时间', owner: { kind: 'workspace' }, unit: '元' },
    });
    await setBinding(database, jobs, actor, { term: 'sales_amount', metricId: metric.id });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
