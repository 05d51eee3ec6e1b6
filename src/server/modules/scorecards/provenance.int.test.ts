import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import type { Org } from '../../testing/fixtures.ts';
import { describeEachDatabase, type TestApp } from '../../testing/harness.ts';
import { useSeededOrg } from '../../testing/seeded-org.ts';

/**
 * Every indicator has a source (出处) and a data owner (数据提供人): they travel with a template's
 * card through the API, the kedu.scorecard/v1 file, the preview, a cycle's participants and the
 * results workbook; a missing one is a design warning, a wrong one a located 400.
 */
const sales = {
  key: '销售额',
  name: '销售额',
  purpose: '完成年度收入预算分解到本月的销售额。',
  unit: '元',
  direction: 'higher',
  weight: 40,
  target: 100,
  rule: { type: 'proportional' },
  cap: 1.2,
  source: { kind: 'budget', reference: '2026 年度收入预算' },
  dataOwner: { kind: 'position', name: '财务专员' },
};
const collection = {
  key: '回款率',
  name: '回款率',
  purpose: '制衡销售额。',
  unit: '%',
  direction: 'higher',
  weight: 30,
  target: 0.9,
  rule: { type: 'proportional' },
  cap: 1.2,
  source: { kind: 'business_process', reference: '订单到回款流程' },
  dataOwner: { kind: 'person', name: 'Ada Admin' },
};
/** An indicator as cards were written before sources existed. */
const bare = { key: '新客户数', name: '新客户数', purpose: '开拓新客户。', direction: 'higher', weight: 30, target: 10, rule: { type: 'proportional' }, cap: 1.2 };
const card = { indicators: [sales, collection, bare] };

async function workbookOf(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}
const rowsOf = (sheet: ExcelJS.Worksheet) => {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value ?? undefined)));
  return rows;
};

describeEachDatabase('indicator source and data owner', (kind) => {
  let t: TestApp;
  let org: Org;
  useSeededOrg(kind, (app, seeded) => {
    t = app;
    org = seeded;
  });
  const url = (path: string) => `/api/v1/workspaces/${org.ws}${path}`;
  const admin = () => org.tokens.admin;
  const post = (path: string, body: unknown, language = 'en') => t.api('POST', url(path), { token: admin(), body, headers: { 'accept-language': language } });
  let templateId = '';

  it('keeps them on a template, and warns (in both languages, naming the indicator) where one is missing', async () => {
    const created = await post('/scorecard-templates', { name: '出处测试', period: 'month', card });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    templateId = created.body.id;
    const read = await t.api('GET', url(`/scorecard-templates/${templateId}`), { token: org.tokens.manager });
    expect(read.body.card).toEqual(card);
    expect(read.body.design.map((d: { severity: string; code: string; path: unknown; indicatorKey: string }) => [d.severity, d.code, d.path, d.indicatorKey])).toEqual([
      ['warning', 'design.no_source', ['indicators', 2, 'source'], '新客户数'],
      ['warning', 'design.no_data_owner', ['indicators', 2, 'dataOwner'], '新客户数'],
    ]);
    const [noSource] = read.body.design;
    expect(noSource.message['zh-CN']).toContain('指标“新客户数”没有写明出处');
    expect(noSource.message.en).toContain('"新客户数" has no source');
    const check = await post('/scorecard-templates/check', { card: { indicators: [sales, { ...collection, dataOwner: undefined }, { ...bare, source: { kind: 'job_duties' } }] } });
    expect(check.body.ok).toBe(true);
    expect(check.body.issues.map((i: { code: string; indicatorKey: string }) => [i.code, i.indicatorKey])).toEqual([
      ['design.no_data_owner', '回款率'],
      ['design.no_data_owner', '新客户数'],
    ]);
  });

  it('refuses a source kind or a data owner that is not one of the kinds, located in the card, never a 500', async () => {
    const wrong = { indicators: [sales, { ...collection, source: { kind: 'rumour' }, dataOwner: { kind: 'team', name: '' } }, bare] };
    const res = await post('/scorecard-templates', { name: '坏出处', period: 'month', card: wrong });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const details = res.body.error.details.map((d: { path: unknown; code: string }) => [d.path, d.code]);
    expect(details).toEqual(
      expect.arrayContaining([
        [['body', 'card', 'indicators', 1, 'source', 'kind'], 'field.invalid_enum'],
        [['body', 'card', 'indicators', 1, 'dataOwner', 'kind'], 'field.invalid_enum'],
        [['body', 'card', 'indicators', 1, 'dataOwner', 'name'], 'field.required'],
      ]),
    );
    expect(details).toHaveLength(3);
    const kindDetail = res.body.error.details.find((d: { path: string[] }) => d.path.at(-1) === 'kind' && d.path.includes('source'));
    expect(kindDetail.message).toContain('annual_plan');
    const zh = await post('/scorecard-templates', { name: '坏出处', period: 'month', card: { indicators: [{ ...sales, source: 'budget' }, collection, bare] } }, 'zh-CN');
    expect(zh.status).toBe(400);
    expect(zh.body.error.details).toEqual([expect.objectContaining({ path: ['body', 'card', 'indicators', 0, 'source'] })]);
    expect(zh.body.error.details[0].message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('exports them in the kedu.scorecard/v1 file, imports them back, and still imports a file without them', async () => {
    const exported = await t.api('GET', url(`/scorecard-templates/${templateId}/export`), { token: admin() });
    expect(exported.status).toBe(200);
    const file = typeof exported.body === 'string' ? JSON.parse(exported.body) : exported.body;
    expect(file.indicators.map((i: { source?: unknown; dataOwner?: unknown }) => [i.source, i.dataOwner])).toEqual([
      [sales.source, sales.dataOwner],
      [collection.source, collection.dataOwner],
      [undefined, undefined],
    ]);
    const back = await post('/scorecard-templates/import?name=%E5%87%BA%E5%A4%84%E5%AF%BC%E5%85%A5', file);
    expect(back.status, JSON.stringify(back.body)).toBe(201);
    expect(back.body.card).toEqual(card);

    const old = { ...file, indicators: file.indicators.map(({ source: _s, dataOwner: _d, ...rest }: Record<string, unknown>) => rest) };
    const oldImport = await post('/scorecard-templates/import?name=old', old);
    expect(oldImport.status, JSON.stringify(oldImport.body)).toBe(201);
    expect(oldImport.body.design.filter((d: { code: string }) => d.code === 'design.no_source')).toHaveLength(3);

    const bad = { ...file, indicators: [{ ...file.indicators[0], source: { kind: 'hearsay' } }, ...file.indicators.slice(1)] };
    const refused = await post('/scorecard-templates/import?name=bad', bad);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([expect.objectContaining({ path: ['body', 'indicators', 0, 'source', 'kind'], code: 'field.invalid_enum' })]);
    expect(refused.body.error.details[0].message).toContain('business_process');
  });

  it('shows them in the preview, on the participants of a cycle and in the results workbook', async () => {
    const assigned = await t.api('PUT', url(`/scorecard-templates/${templateId}/assignments`), { token: admin(), body: { positionIds: [org.positionId] } });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    const preview = await t.api('GET', url(`/scorecard-preview?personId=${org.people.member}&period=2026-10`), { token: admin() });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.scorecard.card.indicators.map((i: { source?: unknown; dataOwner?: unknown }) => [i.source ?? null, i.dataOwner ?? null])).toEqual([
      [sales.source, sales.dataOwner],
      [collection.source, collection.dataOwner],
      [null, null],
    ]);

    const cycle = await post('/cycles', { periodLabel: '2026-10', name: '出处周期', trial: false });
    expect(cycle.status, JSON.stringify(cycle.body)).toBe(201);
    expect((await post(`/cycles/${cycle.body.id}/open`, undefined)).status).toBe(200);
    const participants = await t.api('GET', url(`/cycles/${cycle.body.id}/participants?pageSize=100`), { token: admin() });
    const member = participants.body.items.find((p: { personId: string }) => p.personId === org.people.member);
    const detail = await t.api('GET', url(`/cycles/${cycle.body.id}/participants/${member.id}`), { token: org.tokens.member });
    expect(detail.status, JSON.stringify(detail.body)).toBe(200);
    // the explanation's card: what the page shows beside each indicator's result
    expect(detail.body.card.indicators[0]).toMatchObject({ source: sales.source, dataOwner: sales.dataOwner });
    expect(detail.body.card.indicators[1]).toMatchObject({ source: collection.source, dataOwner: collection.dataOwner });
    expect(detail.body.result.indicators.map((i: { key: string }) => i.key)).toEqual(['销售额', '回款率', '新客户数']);

    const download = (language: string) =>
      t.app.inject({ method: 'GET', url: url(`/cycles/${cycle.body.id}/results.xlsx`), headers: { authorization: `Bearer ${admin()}`, 'accept-language': language } });
    const en = await download('en');
    expect(en.statusCode, en.body).toBe(200);
    const details = rowsOf((await workbookOf(en.rawPayload)).getWorksheet('Details')!);
    expect(details[0].slice(-2)).toEqual(['Source', 'Data owner']);
    const memberRows = details.filter((r) => r[0] === 'Max Member').map((r) => [r[1], ...r.slice(-2)]);
    expect(memberRows).toEqual([
      ['销售额', 'Annual budget: 2026 年度收入预算', '财务专员 (position)'],
      ['回款率', 'Business process: 订单到回款流程', 'Ada Admin (person)'],
      ['新客户数', undefined, undefined],
    ]);
    const zh = rowsOf((await workbookOf((await download('zh-CN')).rawPayload)).getWorksheet('明细')!);
    expect(zh[0].slice(-2)).toEqual(['出处', '数据提供人']);
    expect(zh.find((r) => r[0] === 'Max Member' && r[1] === '销售额')!.slice(-2)).toEqual(['年度预算：2026 年度收入预算', '财务专员（岗位）']);
  });
});
