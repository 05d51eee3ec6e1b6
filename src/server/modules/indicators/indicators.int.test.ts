import { afterAll, beforeAll, expect, it } from 'vitest';
import { BUILTIN_INDICATORS } from '../../../core/indicators/builtin.ts';
import { type Org, seedOrg } from '../../testing/fixtures.ts';
import { describeEachDatabase, startTestApp, type TestApp } from '../../testing/harness.ts';

const turnover = {
  name: '成品周转率（自定义）',
  purpose: '控制成品周转效率',
  perspective: 'finance',
  kind: 'result',
  nature: 'financial',
  unit: '次',
  direction: 'higher',
  formula: '销售成本÷((期初库存余额+期末库存余额)/2)',
  terms: [
    { name: '销售成本', definition: '按出厂价核算的当期销售成本，取自进销存系统' },
    { name: '期初库存余额', definition: '期初成品库存金额（出厂价）', rollUp: 'first' },
    { name: '期末库存余额', definition: '期末成品库存金额（出厂价）', rollUp: 'last' },
  ],
  period: 'quarter',
  rollUp: 'recompute',
};

describeEachDatabase('indicator library API', (kind) => {
  let t: TestApp;
  let org: Org;
  const url = (path: string) => `/api/v1/workspaces/${org.ws}${path}`;
  beforeAll(async () => {
    t = await startTestApp(kind);
    org = await seedOrg(t);
  });
  afterAll(() => t?.close());

  it('creates an indicator with a formula and a data definition for every term, and audits it', async () => {
    const res = await t.api('POST', url('/indicators'), { token: org.tokens.admin, body: { ...turnover, key: 'fg_turnover' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ key: 'fg_turnover', name: turnover.name, status: 'active', sourceBuiltinKey: null, formula: turnover.formula });
    expect(res.body.terms.map((x: { rollUp: string }) => x.rollUp)).toEqual(['sum', 'first', 'last']);
    const read = await t.api('GET', url(`/indicators/${res.body.id}`), { token: org.tokens.member });
    expect(read.status).toBe(200);
    expect(read.body.purpose).toBe('控制成品周转效率');
    const audit = await t.api('GET', url(`/audit?entityId=${res.body.id}`), { token: org.tokens.admin });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['indicator.create']);
    expect(audit.body.items[0].after.name).toBe(turnover.name);
  });

  it('locates a formula error at its position, in the request language', async () => {
    const body = { ...turnover, name: '坏公式', formula: '销售成本÷((期初库存余额+期末库存余额)/' };
    for (const [language, pattern] of [['zh-CN', /[\u4e00-\u9fff]/], ['en', /[a-z]{3}/]] as const) {
      const res = await t.api('POST', url('/indicators'), { token: org.tokens.admin, body, headers: { 'accept-language': language } });
      expect(res.status).toBe(400);
      const detail = res.body.error.details.find((d: { code: string }) => d.code === 'indicator.formula_error');
      expect(detail, JSON.stringify(res.body)).toMatchObject({ path: ['body', 'formula'] });
      expect(typeof detail.start).toBe('number');
      expect(detail.end).toBeGreaterThanOrEqual(detail.start);
      expect(detail.end).toBeLessThanOrEqual(body.formula.length);
      expect(detail.message).toMatch(pattern);
    }
  });

  it('refuses a formula name that has no data definition, with its range and the closest term', async () => {
    const body = { ...turnover, name: '少一个口径', terms: turnover.terms.slice(0, 2) };
    const res = await t.api('POST', url('/indicators'), { token: org.tokens.admin, body });
    expect(res.status).toBe(400);
    const start = turnover.formula.indexOf('期末库存余额');
    expect(res.body.error.details).toEqual([
      expect.objectContaining({ path: ['body', 'formula'], code: 'indicator.term_undefined', start, end: start + '期末库存余额'.length }),
    ]);
    expect(res.body.error.details[0].message).toContain('期末库存余额');
  });

  it('checks an edit of the formula against the stored terms', async () => {
    const created = await t.api('POST', url('/indicators'), { token: org.tokens.admin, body: { ...turnover, name: '周转率 B' } });
    const bad = await t.api('PATCH', url(`/indicators/${created.body.id}`), { token: org.tokens.admin, body: { formula: '销售成本÷期末库存余额' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([expect.objectContaining({ path: ['body', 'terms', 1, 'name'], code: 'indicator.term_unused' })]);
    const ok = await t.api('PATCH', url(`/indicators/${created.body.id}`), { token: org.tokens.admin, body: { formula: '销售成本÷期末库存余额', terms: [turnover.terms[0], turnover.terms[2]] } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.terms).toHaveLength(2);
  });

  it('warns about the seed’s ambiguous 成品周转率 in check-formula, for any member, writing nothing', async () => {
    const res = await t.api('POST', url('/indicators/check-formula'), {
      token: org.tokens.member,
      headers: { 'accept-language': 'zh-CN' },
      body: { formula: '销售成本÷(期初库存余额+期末库存余额)/2', terms: ['销售成本', '期初库存余额', '期末库存余额'] },
    });
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(true);
    expect(res.body.variables).toEqual(['销售成本', '期初库存余额', '期末库存余额']);
    const [warning] = res.body.diagnostics;
    expect(warning).toMatchObject({ severity: 'warning', code: 'ambiguous_division', start: 0, end: '销售成本÷(期初库存余额+期末库存余额)/2'.length });
    expect(warning.message).toMatch(/[\u4e00-\u9fff]/);
    expect(warning.readings).toHaveLength(2);
    const wrong = await t.api('POST', url('/indicators/check-formula'), { token: org.tokens.manager, body: { formula: '销售额/目标销售', terms: ['销售额', '目标销售额', '回款'] } });
    expect(wrong.body.ok).toBe(false);
    expect(wrong.body.diagnostics[0]).toMatchObject({ severity: 'error', code: 'unknown_name', suggestion: '目标销售额' });
    expect(wrong.body.unusedTerms).toEqual(['目标销售额', '回款']);
    // a condition is valid formula language but no indicator value: the editor must say so
    const condition = await t.api('POST', url('/indicators/check-formula'), { token: org.tokens.member, body: { formula: '销售额 > 100', terms: ['销售额'] } });
    expect(condition.body.ok).toBe(false);
    expect(condition.body.diagnostics).toMatchObject([{ severity: 'error', code: 'indicator.formula_not_number', start: 0, end: 9 }]);
    expect(condition.body.diagnostics[0].message).toContain('IF(condition, value, value)');
  });

  it('lists the built-in library in both languages and copies a built-in into the workspace', async () => {
    const zh = await t.api('GET', url('/indicator-library'), { token: org.tokens.member, headers: { 'accept-language': 'zh-CN' } });
    expect(zh.status).toBe(200);
    expect(zh.body).toHaveLength(BUILTIN_INDICATORS.length);
    const turnoverZh = zh.body.find((b: { key: string }) => b.key === 'finished_goods_turnover');
    expect(turnoverZh).toMatchObject({ name: '成品周转率', altName: 'Finished-goods turnover', formula: '销售成本÷((期初库存余额+期末库存余额)/2)', copiedAs: [] });
    expect(turnoverZh.terms[0].definition).toMatch(/出厂价/);

    const copyZh = await t.api('POST', url('/indicator-library/sales_target_achievement/copy'), { token: org.tokens.admin, headers: { 'accept-language': 'zh-CN' } });
    expect(copyZh.status, JSON.stringify(copyZh.body)).toBe(201);
    expect(copyZh.body).toMatchObject({ key: 'sales_target_achievement', name: '销售额目标完成率', nameEn: 'Sales target achievement', sourceBuiltinKey: 'sales_target_achievement', unit: '%' });
    expect(copyZh.body.terms[0].definition).toMatch(/不含税/);

    // the same built-in in English: another key, an English name, English definitions
    const copyEn = await t.api('POST', url('/indicator-library/sales_target_achievement/copy'), { token: org.tokens.admin });
    expect(copyEn.status).toBe(201);
    expect(copyEn.body).toMatchObject({ key: 'sales_target_achievement_2', name: 'Sales target achievement', nameEn: null });
    expect(copyEn.body.purpose).not.toMatch(/[\u4e00-\u9fff]/);
    expect(copyEn.body.terms[0].definition).toMatch(/excluding VAT/);

    // a third copy in Chinese collides with the first one's name
    const again = await t.api('POST', url('/indicator-library/sales_target_achievement/copy'), { token: org.tokens.admin, headers: { 'accept-language': 'zh-CN' } });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'name_taken', details: [{ path: ['body', 'name'], code: 'field.name_taken' }] });

    const en = await t.api('GET', url('/indicator-library?perspective=finance'), { token: org.tokens.manager });
    expect(en.body.every((b: { perspective: string }) => b.perspective === 'finance')).toBe(true);
    const sales = en.body.find((b: { key: string }) => b.key === 'sales_target_achievement');
    expect(sales.name).toBe('Sales target achievement');
    expect(sales.copiedAs.map((c: { id: string }) => c.id)).toEqual([copyZh.body.id, copyEn.body.id]);

    const audit = await t.api('GET', url(`/audit?entityId=${copyZh.body.id}`), { token: org.tokens.admin });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['indicator.copy_builtin']);
  });

  it('copies an indicator under a new key and name', async () => {
    const source = await t.api('POST', url('/indicator-library/conversion_rate/copy'), { token: org.tokens.admin, headers: { 'accept-language': 'zh-CN' } });
    const copy = await t.api('POST', url(`/indicators/${source.body.id}/copy`), { token: org.tokens.admin, headers: { 'accept-language': 'zh-CN' } });
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ name: '转化率（副本）', key: 'conversion_rate_2', formula: source.body.formula, sourceBuiltinKey: 'conversion_rate' });
    expect(copy.body.id).not.toBe(source.body.id);
    const named = await t.api('POST', url(`/indicators/${source.body.id}/copy`), { token: org.tokens.admin, body: { name: '转化率（华东）', key: 'conversion_east' } });
    expect(named.body).toMatchObject({ name: '转化率（华东）', key: 'conversion_east' });
    const keyTaken = await t.api('POST', url(`/indicators/${source.body.id}/copy`), { token: org.tokens.admin, body: { name: '转化率（华南）', key: 'conversion_east' } });
    expect(keyTaken.status).toBe(409);
    expect(keyTaken.body.error.details).toEqual([expect.objectContaining({ path: ['body', 'key'], code: 'indicator.key_taken' })]);
    const audit = await t.api('GET', url(`/audit?entityId=${copy.body.id}`), { token: org.tokens.admin });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['indicator.copy']);
  });

  it('archives and restores, hiding archived indicators from the default list', async () => {
    const created = await t.api('POST', url('/indicators'), { token: org.tokens.admin, body: { ...turnover, name: '待归档指标' } });
    const id = created.body.id as string;
    const archived = await t.api('POST', url(`/indicators/${id}/archive`), { token: org.tokens.admin });
    expect(archived.status).toBe(200);
    expect(archived.body.status).toBe('archived');
    const active = await t.api('GET', url('/indicators?pageSize=200'), { token: org.tokens.admin });
    expect(active.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    const onlyArchived = await t.api('GET', url('/indicators?status=archived'), { token: org.tokens.admin });
    expect(onlyArchived.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    const restored = await t.api('POST', url(`/indicators/${id}/restore`), { token: org.tokens.admin });
    expect(restored.body.status).toBe('active');
    const again = await t.api('POST', url(`/indicators/${id}/restore`), { token: org.tokens.admin });
    expect(again.status).toBe(200);
    const audit = await t.api('GET', url(`/audit?entityId=${id}`), { token: org.tokens.admin });
    expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['indicator.archive', 'indicator.create', 'indicator.restore']);
  });

  it('searches name and purpose, filters by perspective and kind, and pages', async () => {
    await t.api('POST', url('/indicator-library/engagement_rate/copy'), { token: org.tokens.admin, headers: { 'accept-language': 'zh-CN' } });
    await t.api('POST', url('/indicator-library/content_published/copy'), { token: org.tokens.admin, headers: { 'accept-language': 'zh-CN' } });
    const byName = await t.api('GET', url(`/indicators?q=${encodeURIComponent('互动')}`), { token: org.tokens.member });
    expect(byName.body.items.map((i: { name: string }) => i.name)).toEqual(['互动率']);
    const byPurpose = await t.api('GET', url(`/indicators?q=${encodeURIComponent('内容计划按频率')}`), { token: org.tokens.member });
    expect(byPurpose.body.items.map((i: { name: string }) => i.name)).toEqual(['内容发布数']);
    const byEnglishName = await t.api('GET', url('/indicators?q=engagement'), { token: org.tokens.member });
    expect(byEnglishName.body.items.map((i: { name: string }) => i.name)).toEqual(['互动率']);
    const internalProcess = await t.api('GET', url('/indicators?perspective=internal&kind=process'), { token: org.tokens.member });
    expect(internalProcess.body.items.map((i: { name: string }) => i.name)).toEqual(['内容发布数']);
    const wildcard = await t.api('GET', url('/indicators?q=%25'), { token: org.tokens.member });
    expect(wildcard.body.total).toBe(0);
    const page = await t.api('GET', url('/indicators?pageSize=2&page=2'), { token: org.tokens.member });
    expect(page.body).toMatchObject({ page: 2, pageSize: 2 });
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThan(4);
  });

  it('keeps names unique per workspace, with the field path', async () => {
    const first = await t.api('POST', url('/indicators'), { token: org.tokens.admin, body: { ...turnover, name: '唯一名称' } });
    const clash = await t.api('POST', url('/indicators'), { token: org.tokens.admin, body: { ...turnover, name: '唯一名称' } });
    expect(clash.status).toBe(409);
    expect(clash.body.error).toMatchObject({ code: 'name_taken', details: [{ path: ['body', 'name'], code: 'field.name_taken' }] });
    const other = await t.api('POST', url('/indicators'), { token: org.tokens.admin, body: { ...turnover, name: '另一个名称' } });
    const rename = await t.api('PATCH', url(`/indicators/${other.body.id}`), { token: org.tokens.admin, body: { name: '唯一名称' } });
    expect(rename.status).toBe(409);
    // the same name in another workspace is fine
    const elsewhere = await t.api('POST', `/api/v1/workspaces/${org.otherWs}/indicators`, { token: org.tokens.otherAdmin, body: { ...turnover, name: '唯一名称' } });
    expect(elsewhere.status).toBe(201);
    // and the other workspace cannot read this one's indicators
    const peek = await t.api('GET', `/api/v1/workspaces/${org.otherWs}/indicators/${first.body.id}`, { token: org.tokens.otherAdmin });
    expect(peek.status).toBe(404);
  });

  it('lets managers and members read but not write', async () => {
    const res = await t.api('POST', url('/indicators'), { token: org.tokens.manager, body: { ...turnover, name: '经理新建' } });
    expect(res.status).toBe(403);
    const copy = await t.api('POST', url('/indicator-library/followers/copy'), { token: org.tokens.member });
    expect(copy.status).toBe(403);
  });
});
