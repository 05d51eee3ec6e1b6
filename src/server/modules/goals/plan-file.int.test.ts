import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { readPlanFile } from '../../../contracts/plan-file.ts';
import type { Org } from '../../testing/fixtures.ts';
import { describeEachDatabase, type TestApp } from '../../testing/harness.ts';
import { useSeededOrg } from '../../testing/seeded-org.ts';
import { writeFingerprint } from '../../testing/sessions.ts';

const WEISHANG = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../../samples/plans/weishang.plan.json'), 'utf8'));

describeEachDatabase('plans as kedu.plan/v1 files: import all or nothing, export round trip', (kind) => {
  let t: TestApp;
  let org: Org;
  useSeededOrg(kind, (app, seeded) => {
    t = app;
    org = seeded;
  });
  const ws = (p: string) => `/api/v1/workspaces/${org.ws}${p}`;
  let planId: string;

  beforeAll(async () => {
    // the owners the sample names: two teams and the seller's assistant
    for (const name of ['运营组', '内容组']) expect((await t.api('POST', ws('/units'), { token: org.tokens.admin, body: { name } })).status).toBe(201);
    expect((await t.api('POST', ws('/people'), { token: org.tokens.admin, body: { name: '林晓', email: 'linxiao@example.com' } })).status).toBe(201);
    const res = await t.api('POST', ws('/plans/import'), { token: org.tokens.admin, body: WEISHANG });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    planId = res.body.id;
  });

  it('imports the 微商 sample: phases, goals, its own indicators and the built-in ones it names added to the library', async () => {
    const plan = (await t.api('GET', ws(`/plans/${planId}`), { token: org.tokens.member })).body;
    expect(plan.phases.map((p: { name: string }) => p.name)).toEqual(['启动期', '成长期', '成熟期']);
    expect(plan.goalCount).toBe(WEISHANG.goals.length);
    expect(plan.reviewCadence).toBe('monthly');
    const library = (await t.api('GET', ws('/indicators?pageSize=100'), { token: org.tokens.admin })).body.items.map((i: { key: string }) => i.key);
    for (const g of WEISHANG.goals) expect(library).toContain(g.indicator);
    const own = (await t.api('GET', ws('/indicators?q=monthly_sales'), { token: org.tokens.admin })).body.items[0];
    expect(own).toMatchObject({ key: 'monthly_sales', name: '月销售额', perspective: 'finance', rollUp: 'sum', formula: null });
    expect(own.terms[0].definition).toContain('以支付时间计入当月');
    const report = (await t.api('GET', ws(`/plans/${planId}/report`), { token: org.tokens.admin })).body;
    expect(report.pitfalls).toEqual([]);
  });

  it('exports a file that reads back, lints as the app reports, and imports again under another name', async () => {
    const res = await t.api('GET', ws(`/plans/${planId}/export`), { token: org.tokens.member });
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain('attachment');
    const read = readPlanFile(JSON.stringify(res.body));
    expect(read.ok, JSON.stringify(read)).toBe(true);
    expect(res.body.goals.map((g: { statement: string }) => g.statement).sort()).toEqual(WEISHANG.goals.map((g: { statement: string }) => g.statement).sort());
    // the monthly content goal stays monthly
    expect(res.body.goals.find((g: { statement: string }) => g.statement === '每月发布3条高质量内容')).toMatchObject({ recurrence: 'month', deadline: '2027-03-31' });
    expect(res.body.goals.filter((g: { recurrence?: string }) => g.recurrence)).toHaveLength(1);
    const again = await t.api('POST', ws('/plans/import'), { token: org.tokens.admin, body: { ...res.body, plan: { ...res.body.plan, name: '微商计划（副本）' } } });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body.goalCount).toBe(WEISHANG.goals.length);
    const taken = await t.api('POST', ws('/plans/import'), { token: org.tokens.admin, body: res.body });
    expect(taken.status).toBe(409);
  });

  it('refuses a bad file whole: every problem located in the file, nothing written', async () => {
    const before = await writeFingerprint(t);
    const bad = {
      ...WEISHANG,
      plan: { ...WEISHANG.plan, name: '坏计划' },
      goals: [
        { key: 'a', statement: '华北区销售额 10 万元', owner: { kind: 'unit', name: '华北区' }, indicator: 'sales_amount', target: 100000, deadline: '2027-06-30', source: 'budget' },
        { key: 'b', statement: '粉丝数量达到5万', owner: { kind: 'person', email: 'nobody@acme.test' }, indicator: 'followers', deadline: '2027-06-30' },
        { key: 'c', statement: '提升品牌知名度', owner: { kind: 'company' }, indicator: 'nope', source: 'strategy', colour: 'red' },
      ],
    };
    const res = await t.api('POST', ws('/plans/import'), { token: org.tokens.admin, body: bad, headers: { 'accept-language': 'zh-CN' } });
    expect(res.status).toBe(400);
    // the file's shape first: an unknown field and an unknown indicator
    expect(res.body.error.details.map((d: { path: unknown[] }) => d.path.join('.'))).toEqual(['body.goals.2.colour', 'body.goals.2.indicator']);
    const { colour: _c, ...goalC } = bad.goals[2];
    const res2 = await t.api('POST', ws('/plans/import'), { token: org.tokens.admin, body: { ...bad, goals: [bad.goals[0], bad.goals[1], { ...goalC, indicator: 'followers' }] }, headers: { 'accept-language': 'zh-CN' } });
    expect(res2.status).toBe(400);
    expect(res2.body.error.details.map((d: { path: unknown[]; message: string }) => [d.path.join('.'), d.message])).toEqual([
      ['body.goals.0.owner.name', expect.stringContaining('找不到部门“华北区”')],
      ['body.goals.1.owner', expect.stringContaining('找不到负责人“nobody@acme.test”')],
      ['body.goals.1.target', expect.stringContaining('目标缺少目标值')],
      ['body.goals.1.source', expect.stringContaining('目标没有出处')],
      ['body.goals.2.target', expect.stringContaining('目标缺少目标值')],
      ['body.goals.2.deadline', expect.stringContaining('目标缺少截止日期')],
    ]);
    expect(await writeFingerprint(t)).toEqual(before);
    expect((await t.api('POST', ws('/plans/import'), { token: org.tokens.manager, body: WEISHANG })).status).toBe(403);
  });
});
