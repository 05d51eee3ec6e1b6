import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { today } from '../goals/goal-status.ts';
import { importFile } from '../datasets/import.service.ts';
import { describeEachDatabase, startTestApp, type TestApp } from '../../testing/harness.ts';
import { type Session, sessionApi } from '../../testing/sessions.ts';
import { csvText } from './demo-solo.ts';
import { CONTENT_TEMPLATE, MARKETING_DATASETS, OWN_METRICS, SOCIAL_TEMPLATE, SUGGESTED } from './demo-marketing.ts';
import { marketingFiles, marketingSpan } from './demo-marketing.files.ts';

/**
 * The team demo's marketing staff (demo-marketing.ts): their scorecards are filled from the
 * department's exports — imported and recognised by the built-in templates, read by bound metrics —
 * in the closed October cycle (frozen) and the open November one (refreshed by an import).
 */
describeEachDatabase('demo marketing scorecards from data', (kind) => {
  let t: TestApp;
  let demo: Session;
  const { from, to } = marketingSpan(today());
  const files = marketingFiles(from, to);
  const ws = '/api/v1/workspaces/demo';

  beforeAll(async () => {
    t = await startTestApp(kind);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/demo/open' });
    expect(res.statusCode, res.body).toBe(200);
    demo = { cookie: res.cookies.find((c) => c.name === 'kedu_session')!.value, csrf: res.json().csrfToken, userId: res.json().user.id };
  });
  afterAll(() => t?.close());

  const get = async (url: string) => {
    const res = await sessionApi(t, demo, 'GET', `${ws}${url}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const cycleOf = async (label: string) => (await get('/cycles')).find((c: { periodLabel: string }) => c.periodLabel === label);
  const participant = async (label: string, name: string) => {
    const cycle = await cycleOf(label);
    const page = await get(`/cycles/${cycle.id}/participants?q=${encodeURIComponent(name)}`);
    return get(`/cycles/${cycle.id}/participants/${page.items[0].id}`);
  };
  /** A month's value from the generated files, as the metric defines it. */
  const articlesBy = (name: string, month: string) => files.articles.slice(1).filter((r) => r.at(-1) === name && r[1].startsWith(month.replace('-', ''))).length;
  const salesBy = (name: string, month: string) =>
    files.orders.slice(1).filter((r) => r[4] === '交易成功' && r[19] === name && r[6].startsWith(month)).reduce((a, r) => a + Math.round(Number(r[13]) * 100) - Math.round(Number(r[21]) * 100), 0) / 100;
  const netFollowers = (month: string) => files.followers.slice(1).filter((r) => r[0].startsWith(month)).reduce((a, r) => a + Number(r[1]) - Number(r[2]), 0);

  /** Every value of a result came from a metric, whose lineage leads to the metric, its dataset and that dataset's batches. */
  async function expectAllFromData(detail: { values: { term: string; source: string; lineage: { metricId: string; datasetId: string; dataset: string; batches: number; rows: number } | null }[]; termsNeeded: { terms: string[] }[] }) {
    const metrics = await get('/metrics');
    const needed = detail.termsNeeded.flatMap((n) => n.terms).sort();
    expect(detail.values.map((v) => v.term).sort()).toEqual(needed);
    for (const v of detail.values) {
      expect(v.source, v.term).toBe('metric');
      const metric = metrics.find((m: { id: string }) => m.id === v.lineage!.metricId);
      expect(metric.datasetId, v.term).toBe(v.lineage!.datasetId);
      const batches = await get(`/datasets/${v.lineage!.datasetId}/batches`);
      expect(batches.filter((b: { status: string }) => b.status === 'active')).toHaveLength(v.lineage!.batches);
      expect(v.lineage!.batches).toBeGreaterThanOrEqual(1);
      expect(v.lineage!.rows).toBeGreaterThan(0);
    }
  }

  it('imports the department’s four exports, each recognised by its built-in template', async () => {
    const datasets = await get('/datasets');
    for (const [key, d] of Object.entries(MARKETING_DATASETS)) {
      const found = datasets.find((x: { name: string }) => x.name === d.name);
      expect(found, d.name).toMatchObject({ templateKey: d.template, rowCount: files[key as keyof typeof files].length - 1 });
      expect(await get(`/datasets/${found.id}/batches`)).toMatchObject([{ fileName: d.file, status: 'active' }]);
    }
    // the 作者 column the team adds is imported: articles can be owned per person
    const articles = datasets.find((x: { name: string }) => x.name === MARKETING_DATASETS.articles.name);
    expect(articles.columns.map((c: { name: string }) => c.name)).toContain('作者');
  });

  it('defines the metrics and binds each to its term; per-person ones by 作者 and 分销员', async () => {
    const metrics = await get('/metrics');
    for (const name of [...Object.values(SUGGESTED).flat(), ...OWN_METRICS.map((m) => m.name)]) {
      const metric = metrics.find((m: { name: string }) => m.name === name);
      expect(metric?.bindings.map((b: { term: string }) => b.term), name).toEqual([name]);
    }
    expect(metrics.find((m: { name: string }) => m.name === '发文篇数').spec.owner).toEqual({ kind: 'person', column: '作者', match: 'name' });
    expect(metrics.find((m: { name: string }) => m.name === '实际销售额').spec.owner).toEqual({ kind: 'person', column: '分销员', match: 'name' });
  });

  it('the open November cycle: a content writer’s actuals are her own from the data, with lineage, and she is scored', async () => {
    const yang = await participant('2026-11', '杨雨涵');
    expect(yang).toMatchObject({ templateName: CONTENT_TEMPLATE, frozen: false, status: 'complete', cycle: { state: 'open' } });
    await expectAllFromData(yang);
    const actual = (key: string) => yang.result.indicators.find((i: { key: string }) => i.key === key).actual;
    expect(actual('content_published')).toBe(articlesBy('杨雨涵', '2026-11'));
    expect(actual('实际销售额')).toBeCloseTo(salesBy('杨雨涵', '2026-11'), 2);
    // the writers of one team differ: each has her own articles
    const chen = await participant('2026-11', '陈思远');
    expect(chen.result.indicators.find((i: { key: string }) => i.key === 'content_published').actual).toBe(articlesBy('陈思远', '2026-11'));
    expect(articlesBy('陈思远', '2026-11')).not.toBe(articlesBy('杨雨涵', '2026-11'));
  });

  it('the closed October cycle: the 新媒体运营 results are frozen with the values the data gave, lineage and all', async () => {
    const he = await participant('2026-10', '何子轩');
    expect(he).toMatchObject({ templateName: SOCIAL_TEMPLATE, frozen: true, status: 'complete', cycle: { state: 'closed' } });
    await expectAllFromData(he);
    const net = he.result.indicators.find((i: { key: string }) => i.key === 'net_new_followers');
    expect(net.actual).toBe(netFollowers('2026-10'));
    expect(net.terms).toEqual({ 新增关注人数: expect.any(Number), 取消关注人数: expect.any(Number) });
    expect(he.result.indicators.find((i: { key: string }) => i.key === '实际销售额').actual).toBeCloseTo(salesBy('何子轩', '2026-10'), 2);
    const { rows } = await t.database.pool.query(
      `select count(*)::int as n from cycle_participants cp join appraisal_cycles c on c.id = cp.cycle_id where c.period_label = '2026-10' and cp.template_name in ($1, $2) and cp.frozen_result is not null and cp.status = 'complete'`,
      [CONTENT_TEMPLATE, SOCIAL_TEMPLATE],
    );
    expect(rows[0].n).toBe(5);
  });

  it('an import changes the open cycle at once, never the closed one', async () => {
    const before = await participant('2026-11', '徐佳怡');
    const october = await participant('2026-10', '徐佳怡');
    const [header] = files.articles;
    const row = header.map((h) => ({ 内容标题: '用户故事｜一封读者来信', 发表时间: '20261128', 内容url: 'https://mp.weixin.qq.com/s/demo-letter', 作者: '徐佳怡', 送达阅读率: '0.0500', 首次分享率: '0.0600', 每次分享带来阅读次数: '4.00', 阅读完成率: '0.6100' })[h] ?? '120');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kedu-demo-test-'));
    try {
      const file = path.join(dir, 'letter.csv');
      fs.writeFileSync(file, csvText([header, row]));
      const datasets = await get('/datasets');
      const target = datasets.find((x: { name: string }) => x.name === MARKETING_DATASETS.articles.name);
      const [{ id: workspaceId }] = (await t.database.pool.query(`select id from workspaces where slug = 'demo'`)).rows;
      const actor = { userId: null, label: 'test', ip: null };
      const result = await importFile(t.database, { workspaceId, actor, jobs: t.jobs }, { datasetId: target.id }, { path: file, fileName: 'letter.csv', replace: false });
      // the import announced that its data changed: the open November cycle took the new actuals in that job
      expect(await t.waitForJob(result.actualsJob)).toMatchObject({ state: 'completed', result: { refreshedCycles: 1 } });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const after = await participant('2026-11', '徐佳怡');
    const published = (d: typeof before) => d.result.indicators.find((i: { key: string }) => i.key === 'content_published').actual;
    expect(published(after)).toBe(published(before) + 1);
    expect(after.values.find((v: { term: string }) => v.term === '发文篇数').lineage.batches).toBe(2);
    expect((await participant('2026-10', '徐佳怡')).result).toEqual(october.result);
  });

  it('opening the demo again adds nothing twice', async () => {
    const counts = async () =>
      (
        await t.database.pool.query(`select (select count(*)::int from datasets d join workspaces w on w.id = d.workspace_id where w.slug = 'demo') as datasets,
           (select count(*)::int from metrics) as metrics, (select count(*)::int from scorecard_templates) as templates,
           (select count(*)::int from cycle_participants) as participants, (select count(*)::int from dataset_batches) as batches`)
      ).rows[0];
    const before = await counts();
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/demo/open' })).statusCode).toBe(200);
    expect(await counts()).toEqual(before);
    expect(before).toMatchObject({ datasets: 4, templates: 3 });
  });

  it('a demo made by an earlier version gains it on its next visit, once; a visitor waits while another one seeds it', async () => {
    // the demo as an earlier version left it: no marketing data, templates or results
    const demoWs = `(select id from workspaces where slug = 'demo')`;
    await t.database.pool.query(`
      delete from cycle_participants where template_name in ('${CONTENT_TEMPLATE}', '${SOCIAL_TEMPLATE}');
      delete from period_targets where template_id in (select id from scorecard_templates where name in ('${CONTENT_TEMPLATE}', '${SOCIAL_TEMPLATE}'));
      delete from template_assignments where template_id in (select id from scorecard_templates where name in ('${CONTENT_TEMPLATE}', '${SOCIAL_TEMPLATE}'));
      delete from scorecard_templates where name in ('${CONTENT_TEMPLATE}', '${SOCIAL_TEMPLATE}');
      delete from metric_bindings where workspace_id = ${demoWs}; delete from metrics where workspace_id = ${demoWs};
      delete from dataset_batches where workspace_id = ${demoWs}; delete from datasets where workspace_id = ${demoWs};
      delete from audit_log where action = 'workspace.seed_demo_marketing';
      insert into audit_log (workspace_id, actor_label, action, entity_type, entity_id, after)
        select id, 'another visitor', 'workspace.seed_demo_marketing', 'workspace', id::text, '{"stage":"started"}' from workspaces where slug = 'demo'`);
    const participants = async () => (await t.database.pool.query(`select count(*)::int as n from cycle_participants`)).rows[0].n;
    expect(await participants()).toBe(14);
    // another visitor is seeding it right now: this one waits for that seed instead of showing half a demo…
    let answered = false;
    const opening = t.app.inject({ method: 'POST', url: '/api/v1/demo/open' }).then((res) => ((answered = true), res));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(answered).toBe(false);
    expect(await participants()).toBe(14);
    // …and when that seed turns out dead (its claim older than the lease), it seeds the demo itself
    await t.database.pool.query(`update audit_log set at = now() - interval '11 minutes' where action = 'workspace.seed_demo_marketing'`);
    expect((await opening).statusCode).toBe(200);
    expect(await participants()).toBe(24);
    const he = await participant('2026-10', '何子轩');
    expect(he.frozen).toBe(true);
    await expectAllFromData(he);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/demo/open' })).statusCode).toBe(200);
    expect(await participants()).toBe(24);
  });
});
