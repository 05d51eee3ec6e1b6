import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { datasetFromPreview } from '../../../contracts/datasets.ts';
import { importFile } from '../../testing/dataset-fixtures.ts';
import type { Org } from '../../testing/fixtures.ts';
import { describeEachDatabase, type TestApp } from '../../testing/harness.ts';
import { useSeededOrg } from '../../testing/seeded-org.ts';
import { multipartFile } from '../../testing/sessions.ts';

const samples = path.resolve(import.meta.dirname, '../../../../samples/imports');
const files = fs.readdirSync(samples).filter((f) => /\.(csv|xlsx)$/.test(f));

/** The WeChat user analysis sample summed by month, straight from the file. */
function monthlyFollowers() {
  const [header, ...lines] = fs.readFileSync(path.join(samples, 'wechat-user-analysis.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/).map((l) => l.split(','));
  const at = (name: string) => header!.indexOf(name);
  const sums: Record<string, { news: number; gone: number; last: number }> = {};
  for (const r of lines) {
    const month = r[at('时间')]!.slice(0, 7);
    const s = (sums[month] ??= { news: 0, gone: 0, last: 0 });
    s.news += Number(r[at('新关注人数')]);
    s.gone += Number(r[at('取消关注人数')]);
    s.last = Number(r[at('累积关注人数')]);
  }
  return sums;
}

describeEachDatabase('sample exports: recognised, imported, and feeding indicators', (kind) => {
  let t: TestApp;
  let org: Org;
  useSeededOrg(kind, (app, seeded) => {
    t = app;
    org = seeded;
  });
  const ws = (p: string) => `/api/v1/workspaces/${org.ws}${p}`;
  const datasetIds: Record<string, string> = {};

  const preview = async (file: string) => {
    const { payload, headers } = multipartFile('file', file, fs.readFileSync(path.join(samples, file)));
    const res = await t.app.inject({ method: 'POST', url: ws('/datasets/preview'), headers: { ...headers, authorization: `Bearer ${org.tokens.admin}`, 'accept-language': 'en' }, payload });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    for (const file of files) {
      const p = await preview(file);
      const res = await importFile(t, org, fs.readFileSync(path.join(samples, file)), { create: datasetFromPreview(p.template.name['zh-CN'], p), filename: file });
      expect(res.status, `${file}: ${JSON.stringify(res.body)}`).toBe(201);
      datasetIds[p.template.key] = res.body.dataset.id;
    }
  });

  it.each(files)('%s: the preview names its template, every column typed, no cell refused; the import keeps every row', async (file) => {
    const p = await preview(file);
    const key = file.replace(/\.(csv|xlsx)$/, '');
    expect(p.template.key).toBe(key);
    expect(p.ignoredHeaders).toEqual([]);
    expect(p.columns.every((c: { origin: string }) => c.origin === 'template')).toBe(true);
    const refused = p.rows.flatMap((r: { row: number; cells: { problem?: string }[] }) => r.cells.filter((c) => c.problem).map((c) => `${r.row}: ${c.problem}`));
    expect(refused).toEqual([]);
    if (key === 'xiaohongshu-notes') expect(p.headerRow).toBe(2);
    const dataset = (await t.api('GET', ws(`/datasets/${datasetIds[key]}`), { token: org.tokens.admin })).body;
    expect(dataset.rowCount).toBe(p.rowsRead);
    expect(dataset.templateKey).toBe(key);
  });

  it('suggests the library’s metrics for the WeChat user analysis; created, they give the monthly numbers and the indicator 净增关注人数 fills in', async () => {
    const id = datasetIds['wechat-user-analysis']!;
    const suggested = (await t.api('GET', ws(`/datasets/${id}/suggested-metrics`), { token: org.tokens.admin })).body;
    expect(suggested.map((s: { name: string }) => s.name)).toEqual(['新增关注人数', '取消关注人数', '粉丝数']);
    expect(suggested.every((s: { usable: boolean; exists: boolean }) => s.usable && !s.exists)).toBe(true);
    const created = await t.api('POST', ws(`/datasets/${id}/suggested-metrics`), { token: org.tokens.admin, body: { names: ['新增关注人数', '取消关注人数', '粉丝数'] } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.map((m: { bindings: { term: string }[] }) => m.bindings.map((b) => b.term))).toEqual([['新增关注人数'], ['取消关注人数'], ['粉丝数']]);
    const again = await t.api('POST', ws(`/datasets/${id}/suggested-metrics`), { token: org.tokens.admin, body: { names: ['粉丝数'] } });
    expect(again.status).toBe(409);

    const expected = monthlyFollowers();
    const valuesOf = async (name: string) => {
      const m = created.body.find((x: { name: string }) => x.name === name);
      return (await t.api('GET', ws(`/metrics/${m.id}/values`), { token: org.tokens.admin })).body.values as { period: string; value: number }[];
    };
    expect(await valuesOf('新增关注人数')).toEqual([expect.objectContaining({ period: '2026-10', value: expected['2026-10']!.news }), expect.objectContaining({ period: '2026-11', value: expected['2026-11']!.news })]);
    expect((await valuesOf('粉丝数')).map((v) => v.value)).toEqual([expected['2026-10']!.last, expected['2026-11']!.last]);

    // a scorecard with the library's 净增关注人数 (formula 新增关注人数 − 取消关注人数) for the member, and an October cycle
    const template = await t.api('POST', ws('/scorecard-templates'), {
      token: org.tokens.admin,
      body: { name: '新媒体运营', period: 'month', card: { indicators: [{ key: 'net_new_followers', name: '净增关注人数', purpose: '衡量用户增长', direction: 'higher', weight: 100, target: 3000, formula: '新增关注人数-取消关注人数', rule: { type: 'proportional' }, cap: 1.2 }] } },
    });
    expect(template.status, JSON.stringify(template.body)).toBe(201);
    const assigned = await t.api('PUT', ws(`/scorecard-templates/${template.body.id}/assignments`), { token: org.tokens.admin, body: { positionIds: [], personIds: [org.people.hrPerson] } });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    const cycle = (await t.api('POST', ws('/cycles'), { token: org.tokens.admin, body: { periodLabel: '2026-10', name: `公众号 ${kind}` } })).body;
    expect((await t.api('POST', ws(`/cycles/${cycle.id}/open`), { token: org.tokens.admin })).status).toBe(200);
    const participants = (await t.api('GET', ws(`/cycles/${cycle.id}/participants`), { token: org.tokens.admin })).body;
    const hana = (participants.items ?? participants).find((p: { personId: string }) => p.personId === org.people.hrPerson);
    const detail = (await t.api('GET', ws(`/cycles/${cycle.id}/participants/${hana.id}`), { token: org.tokens.admin })).body;
    const net = expected['2026-10']!.news - expected['2026-10']!.gone;
    expect(detail.values.map((v: { term: string; source: string }) => [v.term, v.source])).toEqual([
      ['取消关注人数', 'metric'],
      ['新增关注人数', 'metric'],
    ]);
    const indicator = detail.result.indicators.find((i: { key: string }) => i.key === 'net_new_followers');
    expect(indicator.actual).toBe(net);
    expect(detail.result.total).toBeCloseTo(Math.min(net / 3000, 1.2) * 100, 9);
  });

  it('gives the Youzan net sales per salesperson once the salespeople exist', async () => {
    const id = datasetIds['youzan-orders']!;
    const created = await t.api('POST', ws(`/datasets/${id}/suggested-metrics`), { token: org.tokens.admin, body: { names: ['实际销售额'] } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const metricId = created.body[0].id;
    const before = (await t.api('GET', ws(`/metrics/${metricId}/values`), { token: org.tokens.admin })).body;
    expect(before.unmatchedOwners).toEqual(['李娜', '王芳']);
    for (const name of ['王芳', '李娜']) expect((await t.api('POST', ws('/people'), { token: org.tokens.admin, body: { name, unitId: org.units.east } })).status).toBe(201);
    const after = (await t.api('GET', ws(`/metrics/${metricId}/values`), { token: org.tokens.admin })).body;
    expect(after.unmatchedOwners).toEqual([]);

    // the same figure from the file: 交易成功 orders, paid amount less refunds, by payment month
    const [header, ...lines] = fs.readFileSync(path.join(samples, 'youzan-orders.csv'), 'utf8').trim().split(/\r?\n/).map((l) => l.split(','));
    const at = (name: string) => header!.indexOf(name);
    const sums = new Map<string, number>();
    for (const r of lines) {
      if (r[at('订单状态')] !== '交易成功') continue;
      const key = `${r[at('分销员')]} ${r[at('买家付款时间')]!.slice(0, 7)}`;
      sums.set(key, (sums.get(key) ?? 0) + Number(r[at('订单实付金额')]) - Number(r[at('订单已退款金额')]));
    }
    for (const v of after.values as { owner: string; period: string; value: number }[]) expect(v.value, `${v.owner} ${v.period}`).toBeCloseTo(sums.get(`${v.owner} ${v.period}`)!, 9);
    expect(after.values).toHaveLength(sums.size);
  });
});
