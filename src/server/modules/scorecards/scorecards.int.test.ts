import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Org, seedOrg } from '../../testing/fixtures.ts';
import { describeEachDatabase, startTestApp, type TestApp } from '../../testing/harness.ts';

/** The seed's sales-rep scorecard (docs/scoring.md §11): six indicators, each with its source and data owner, no design warning. */
const salesCard = {
  indicators: [
    {
      key: '销售额',
      name: '销售额',
      purpose: '完成年度收入预算分解到本月的销售额。',
      unit: '元',
      direction: 'higher',
      weight: 30,
      target: 1_000_000,
      rule: { type: 'proportional' },
      cap: 1.2,
      veto: { below: 0.8, effect: { multiply: 0.5 } },
      source: { kind: 'budget', reference: '年度收入预算' },
      dataOwner: { kind: 'position', name: '财务专员' },
    },
    {
      key: '新大客户开发数量',
      name: '新大客户开发数量',
      purpose: '开拓新的大客户。',
      unit: '个',
      direction: 'higher',
      weight: 20,
      target: 10,
      rule: { type: 'tiers', tiers: [{ atLeast: 0.8, multiplier: 1.1 }, { above: 1.0, multiplier: 1.3 }], below: 'proportional' },
      source: { kind: 'strategy' },
      dataOwner: { kind: 'position', name: '区域销售经理' },
    },
    {
      key: '应收账款回收率',
      name: '应收账款回收率',
      purpose: '制衡销售额。',
      unit: '%',
      direction: 'higher',
      weight: 15,
      target: 0.95,
      rule: { type: 'linear', points: [[0.8, 0], [0.9, 0.6], [1, 1]] },
      source: { kind: 'business_process', reference: '订单到回款' },
      dataOwner: { kind: 'position', name: '财务专员' },
    },
    {
      key: '销售费用率',
      name: '销售费用率',
      purpose: '控制获取收入的成本。',
      unit: '%',
      direction: 'lower',
      achievement: 'mirror',
      weight: 10,
      target: 0.05,
      rule: { type: 'proportional' },
      cap: 1.2,
      source: { kind: 'budget' },
      dataOwner: { kind: 'person', name: 'Ada Admin' },
    },
    {
      key: '成品周转率',
      name: '成品周转率',
      purpose: '保持库存周转效率。',
      unit: '次',
      direction: 'higher',
      formula: '销售成本÷((期初库存余额+期末库存余额)/2)',
      weight: 10,
      target: 4,
      rule: { type: 'proportional' },
      cap: 1.2,
      source: { kind: 'annual_plan' },
      dataOwner: { kind: 'position', name: '仓库主管' },
    },
    {
      key: '完成销售的能力',
      name: '完成销售的能力',
      purpose: '由主管按 1–5 分评定。',
      direction: 'higher',
      weight: 15,
      rule: { type: 'manual', scale: [1, 5] },
      source: { kind: 'job_duties' },
    },
  ],
  grades: [
    { min: 95, grade: 'S' },
    { min: 85, grade: 'A' },
    { min: 70, grade: 'B' },
    { min: 60, grade: 'C' },
    { min: 0, grade: 'D' },
  ],
  maxTotal: 120,
};

/** A source and a data owner for the test indicators (the design check warns without them). */
const from = { source: { kind: 'annual_plan' }, dataOwner: { kind: 'position', name: '销售运营' } };

const indicator = (key: string, weight: number, extra: Record<string, unknown> = {}) => ({
  key,
  name: key,
  purpose: `Why ${key}`,
  direction: 'higher',
  weight,
  target: 10,
  rule: { type: 'proportional' },
  cap: 1.2,
  ...from,
  ...extra,
});

const CJK = /[\u4e00-\u9fff]/;

describeEachDatabase('scorecard templates API', (kind) => {
  let t: TestApp;
  let org: Org;
  const url = (path: string) => `/api/v1/workspaces/${org.ws}${path}`;
  const as = (who: 'admin' | 'manager' | 'member') => org.tokens[who];
  const create = async (body: Record<string, unknown>) => {
    const res = await t.api('POST', url('/scorecard-templates'), { token: as('admin'), body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const auditActions = async (id: string) => {
    const res = await t.api('GET', url(`/audit?entityId=${id}&pageSize=100`), { token: as('admin') });
    return (res.body.items as { action: string }[]).map((e) => e.action).reverse();
  };
  beforeAll(async () => {
    t = await startTestApp(kind);
    org = await seedOrg(t);
  });
  afterAll(() => t?.close());

  describe('templates', () => {
    it('creates a template from the seed scorecard with no design warning, and audits it', async () => {
      const created = await create({ name: '销售代表月度考核表', description: '销售代表', period: 'month', card: salesCard });
      expect(created).toMatchObject({ name: '销售代表月度考核表', description: '销售代表', period: 'month', status: 'active', holderCount: 0 });
      expect(created.card).toEqual(salesCard);
      expect(created.design).toEqual([]);
      expect(created.assignments).toEqual({ positions: [], people: [] });
      expect(await auditActions(created.id)).toEqual(['scorecard_template.create']);
      const read = await t.api('GET', url(`/scorecard-templates/${created.id}`), { token: as('manager') });
      expect(read.status).toBe(200);
      expect(read.body.card).toEqual(salesCard);
    });

    it('lists templates by name with indicator count and weight sum; members may not read them', async () => {
      await create({ name: 'A 月度', period: 'month', card: { indicators: [indicator('x', 100)] } });
      const list = await t.api('GET', url('/scorecard-templates'), { token: as('manager') });
      expect(list.status).toBe(200);
      const names = list.body.map((s: { name: string }) => s.name);
      expect(names).toEqual([...names].sort());
      const sales = list.body.find((s: { name: string }) => s.name === '销售代表月度考核表');
      expect(sales).toMatchObject({ period: 'month', status: 'active', indicatorCount: 6, weightSum: 100, assignedPositions: 0, assignedPeople: 0, holderCount: 0 });
      const filtered = await t.api('GET', url('/scorecard-templates?q=A%20%E6%9C%88&period=month'), { token: as('admin') });
      expect(filtered.body.map((s: { name: string }) => s.name)).toEqual(['A 月度']);
      expect((await t.api('GET', url('/scorecard-templates'), { token: as('member') })).status).toBe(403);
    });

    it('refuses a card whose weights do not sum to 100, a zero target and an unknown rule type, located in the card', async () => {
      const weights = await t.api('POST', url('/scorecard-templates'), {
        token: as('admin'),
        body: { name: 'bad weights', period: 'month', card: { indicators: [indicator('a', 60), indicator('b', 30, { target: 0 })] } },
      });
      expect(weights.status).toBe(400);
      expect(weights.body.error.code).toBe('validation_failed');
      expect(weights.body.error.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: ['body', 'card', 'indicators'], code: 'scorecard.weights.sum' }),
          expect.objectContaining({ path: ['body', 'card', 'indicators', 1, 'target'], code: 'scorecard.target.zero' }),
        ]),
      );
      expect(weights.body.error.details).toHaveLength(2);
      const sum = weights.body.error.details.find((d: { code: string }) => d.code === 'scorecard.weights.sum');
      expect(sum.message).toBe('The weights add up to 90, not 100: adjust them so that they sum to 100.');

      const zh = await t.api('POST', url('/scorecard-templates'), {
        token: as('admin'),
        headers: { 'accept-language': 'zh-CN' },
        body: { name: 'bad weights', period: 'month', card: { indicators: [indicator('a', 60)] } },
      });
      expect(zh.body.error.details[0].message).toMatch(CJK);
      expect(zh.body.error.details[0].message).toContain('100');

      const rule = await t.api('POST', url('/scorecard-templates'), {
        token: as('admin'),
        body: { name: 'bad rule', period: 'month', card: { indicators: [indicator('a', 100, { rule: { type: 'exponential' } })] } },
      });
      expect(rule.status).toBe(400);
      expect(rule.body.error.details).toEqual([expect.objectContaining({ path: ['body', 'card', 'indicators', 0, 'rule', 'type'], code: 'field.invalid_enum' })]);
      expect(rule.body.error.details[0].message).toMatch(/proportional/);
    });

    it('saves a card with design warnings and returns them in both languages: 销售额 at 80 %, 8 indicators', async () => {
      const dominant = await create({
        name: '销售额独大',
        period: 'month',
        card: { indicators: [indicator('销售额', 80), indicator('应收账款回收率', 20)] },
      });
      const warning = dominant.design.find((d: { code: string }) => d.code === 'design.dominant');
      expect(warning).toMatchObject({ severity: 'warning', path: ['indicators', 0, 'weight'], indicatorKey: '销售额' });
      expect(warning.message['zh-CN']).toContain('应收账款回收率');
      expect(warning.message['zh-CN']).toContain('80');
      expect(warning.message.en).toMatch(/counter-indicator/);

      const eight = await create({ name: '八个指标', period: 'quarter', card: { indicators: Array.from({ length: 8 }, (_, i) => indicator(`k${i}`, i === 0 ? 30 : 10)) } });
      expect(eight.design.map((d: { code: string }) => d.code)).toContain('design.too_many');
      expect(eight.design.find((d: { code: string }) => d.code === 'design.too_many')).toMatchObject({ severity: 'warning', path: ['indicators'] });

      // a missing default target and purpose are warnings too (the year grid may supply targets)
      const bare = { key: 'x', name: 'X', direction: 'higher', weight: 40, rule: { type: 'proportional' }, cap: 1.5, ...from };
      const draft = await create({ name: '草稿', period: 'year', card: { indicators: [bare, indicator('y', 30), indicator('z', 30)] } });
      expect(draft.design.map((d: { code: string; path: unknown }) => [d.code, d.path])).toEqual([
        ['design.no_purpose', ['indicators', 0, 'purpose']],
        ['design.no_target', ['indicators', 0, 'target']],
      ]);
    });

    it('checks a card without saving it', async () => {
      const before = await t.api('GET', url('/scorecard-templates?status=all'), { token: as('admin') });
      const res = await t.api('POST', url('/scorecard-templates/check'), { token: as('manager'), body: { card: { indicators: [indicator('销售额', 80), indicator('b', 10)] } } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.ok).toBe(false);
      const codes = res.body.issues.map((i: { code: string }) => i.code);
      expect(codes).toContain('weights.sum');
      expect(codes).toContain('design.dominant');
      const ok = await t.api('POST', url('/scorecard-templates/check'), { token: as('admin'), body: { card: salesCard } });
      expect(ok.body).toEqual({ ok: true, issues: [] });
      const after = await t.api('GET', url('/scorecard-templates?status=all'), { token: as('admin') });
      expect(after.body).toHaveLength(before.body.length);
    });

    it('edits, copies, archives and restores a template, auditing every change', async () => {
      const created = await create({ name: '编辑测试', period: 'month', card: { indicators: [indicator('a', 100)] } });
      const edited = await t.api('PATCH', url(`/scorecard-templates/${created.id}`), {
        token: as('admin'),
        body: { name: '编辑测试 2', description: '改过', period: 'quarter', card: { indicators: [indicator('a', 50), indicator('b', 50)] } },
      });
      expect(edited.status, JSON.stringify(edited.body)).toBe(200);
      expect(edited.body).toMatchObject({ name: '编辑测试 2', description: '改过', period: 'quarter' });
      expect(edited.body.card.indicators).toHaveLength(2);

      const invalid = await t.api('PATCH', url(`/scorecard-templates/${created.id}`), { token: as('admin'), body: { card: { indicators: [indicator('a', 50)] } } });
      expect(invalid.status).toBe(400);
      expect(invalid.body.error.details[0]).toMatchObject({ path: ['body', 'card', 'indicators'], code: 'scorecard.weights.sum' });

      const taken = await t.api('PATCH', url(`/scorecard-templates/${created.id}`), { token: as('admin'), body: { name: '销售代表月度考核表' } });
      expect(taken.status).toBe(409);
      expect(taken.body.error).toMatchObject({ code: 'name_taken', details: [expect.objectContaining({ path: ['body', 'name'] })] });

      const copy = await t.api('POST', url(`/scorecard-templates/${created.id}/copy`), { token: as('admin'), headers: { 'accept-language': 'zh-CN' } });
      expect(copy.status, JSON.stringify(copy.body)).toBe(201);
      expect(copy.body).toMatchObject({ name: '编辑测试 2（副本）', period: 'quarter', status: 'active' });
      expect(copy.body.card).toEqual(edited.body.card);
      const named = await t.api('POST', url(`/scorecard-templates/${created.id}/copy`), { token: as('admin'), body: { name: 'Named copy' } });
      expect(named.body.name).toBe('Named copy');

      const archived = await t.api('POST', url(`/scorecard-templates/${created.id}/archive`), { token: as('admin') });
      expect(archived.body.status).toBe('archived');
      const active = await t.api('GET', url('/scorecard-templates'), { token: as('admin') });
      expect(active.body.map((s: { id: string }) => s.id)).not.toContain(created.id);
      const archivedList = await t.api('GET', url('/scorecard-templates?status=archived'), { token: as('admin') });
      expect(archivedList.body.map((s: { id: string }) => s.id)).toEqual([created.id]);
      const restored = await t.api('POST', url(`/scorecard-templates/${created.id}/restore`), { token: as('admin') });
      expect(restored.body.status).toBe('active');

      expect(await auditActions(created.id)).toEqual(['scorecard_template.create', 'scorecard_template.update', 'scorecard_template.archive', 'scorecard_template.restore']);
      const audit = await t.api('GET', url(`/audit?entityId=${created.id}&action=scorecard_template.update`), { token: as('admin') });
      expect(audit.body.items[0].before).toMatchObject({ name: '编辑测试', period: 'month' });
      expect(audit.body.items[0].after).toMatchObject({ name: '编辑测试 2', period: 'quarter' });
      expect(await auditActions(copy.body.id)).toEqual(['scorecard_template.copy']);
      expect((await t.api('GET', url('/scorecard-templates/00000000-0000-4000-8000-000000000000'), { token: as('admin') })).status).toBe(404);
    });
  });

  describe('export and import', () => {
    it('exports a kedu.scorecard/v1 file that imports back to the same template', async () => {
      const original = await create({ name: '导出测试', period: 'quarter', card: salesCard });
      const exported = await t.api('GET', url(`/scorecard-templates/${original.id}/export`), { token: as('manager') });
      expect(exported.status).toBe(200);
      expect(String(exported.headers['content-disposition'])).toBe(
        `attachment; filename="____.scorecard.json"; filename*=UTF-8''${encodeURIComponent('导出测试.scorecard.json')}`,
      );
      expect(exported.body).toEqual({ format: 'kedu.scorecard/v1', name: '导出测试', period: 'quarter', ...salesCard });

      const taken = await t.api('POST', url('/scorecard-templates/import'), { token: as('admin'), body: exported.body });
      expect(taken.status).toBe(409);
      expect(taken.body.error.code).toBe('name_taken');

      const imported = await t.api('POST', url('/scorecard-templates/import?name=%E5%AF%BC%E5%85%A5%E6%B5%8B%E8%AF%95'), { token: as('admin'), body: exported.body });
      expect(imported.status, JSON.stringify(imported.body)).toBe(201);
      expect(imported.body).toMatchObject({ name: '导入测试', period: 'quarter', status: 'active' });
      expect(imported.body.card).toEqual(original.card);
      expect(await auditActions(imported.body.id)).toEqual(['scorecard_template.import']);

      const again = await t.api('GET', url(`/scorecard-templates/${imported.body.id}/export`), { token: as('admin') });
      expect({ ...again.body, name: '导出测试' }).toEqual(exported.body);
    });

    it('takes the period kind from the query, the file, or a period label in the file', async () => {
      const file = { format: 'kedu.scorecard/v1', name: '季度文件', period: '2027-Q1', indicators: [indicator('a', 100)] };
      const fromLabel = await t.api('POST', url('/scorecard-templates/import'), { token: as('admin'), body: file });
      expect(fromLabel.body.period).toBe('quarter');
      const fromQuery = await t.api('POST', url('/scorecard-templates/import?period=year&name=year%20file'), { token: as('admin'), body: file });
      expect(fromQuery.body.period).toBe('year');
      const noPeriod = await t.api('POST', url('/scorecard-templates/import'), { token: as('admin'), body: { ...file, name: 'no period', period: undefined } });
      expect(noPeriod.body.period).toBe('month');
    });

    it('refuses an invalid file with every problem located by its path', async () => {
      const bad = {
        format: 'kedu.scorecard/v1',
        name: 'Broken',
        indicators: [indicator('a', 70, { target: 0 }), indicator('b', 20, { rule: { type: 'tiers', tiers: [{ multiplier: 1.1 }] } })],
      };
      const res = await t.api('POST', url('/scorecard-templates/import'), { token: as('admin'), body: bad });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      const located = res.body.error.details.map((d: { path: unknown; code: string }) => ({ path: d.path, code: d.code }));
      expect(located).toEqual(
        expect.arrayContaining([
          { path: ['body', 'indicators'], code: 'scorecard.weights.sum' },
          { path: ['body', 'indicators', 0, 'target'], code: 'scorecard.target.zero' },
          { path: ['body', 'indicators', 1, 'rule', 'tiers', 0], code: 'scorecard.tiers.bound' },
        ]),
      );
      const shape = await t.api('POST', url('/scorecard-templates/import'), { token: as('admin'), body: { format: 'kedu.scorecard/v2', name: 'x', indicators: [indicator('a', 100, { colour: 'red' })] } });
      expect(shape.status).toBe(400);
      expect(shape.body.error.details.map((d: { path: unknown }) => d.path)).toEqual(expect.arrayContaining([['body', 'format'], ['body', 'indicators', 0]]));
      for (const d of shape.body.error.details) expect(d.message).not.toBe(d.code);
    });
  });

  describe('assignments, targets and the preview', () => {
    let monthly: string;
    let rival: string;
    beforeAll(async () => {
      monthly = (await create({ name: '销售代表（月度）', period: 'month', card: salesCard })).id;
      rival = (await create({ name: '另一张月度表', period: 'month', card: { indicators: [indicator('a', 100)] } })).id;
    });

    it('assigns a template to a position and a person, and counts the holders', async () => {
      const res = await t.api('PUT', url(`/scorecard-templates/${monthly}/assignments`), { token: as('admin'), body: { positionIds: [org.positionId], personIds: [org.people.hrPerson] } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.assignments).toEqual({ positions: [{ id: org.positionId, name: '销售代表', holders: 3 }], people: [{ id: org.people.hrPerson, name: 'Hana HR' }] });
      expect(res.body.holderCount).toBe(4);
      const list = await t.api('GET', url('/scorecard-templates'), { token: as('admin') });
      expect(list.body.find((s: { id: string }) => s.id === monthly)).toMatchObject({ assignedPositions: 1, assignedPeople: 1, holderCount: 4 });
      expect(await auditActions(monthly)).toContain('scorecard_template.assign');
    });

    it('refuses a position or person that has another template of the same period kind, naming it', async () => {
      const res = await t.api('PUT', url(`/scorecard-templates/${rival}/assignments`), { token: as('admin'), body: { positionIds: [org.positionId], personIds: [org.people.manager, org.people.hrPerson] } });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('conflict');
      expect(res.body.error.details).toEqual([
        expect.objectContaining({ path: ['body', 'positionIds', 0], code: 'scorecard.position_taken' }),
        expect.objectContaining({ path: ['body', 'personIds', 1], code: 'scorecard.person_taken' }),
      ]);
      expect(res.body.error.details[0].message).toContain('销售代表（月度）');
      const unknown = await t.api('PUT', url(`/scorecard-templates/${rival}/assignments`), { token: as('admin'), body: { positionIds: ['00000000-0000-4000-8000-000000000000'] } });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.details).toEqual([expect.objectContaining({ path: ['body', 'positionIds', 0], code: 'scorecard.unknown_position' })]);
      // a person assigned directly to the rival leaves the position's template
      const direct = await t.api('PUT', url(`/scorecard-templates/${rival}/assignments`), { token: as('admin'), body: { personIds: [org.people.southRep] } });
      expect(direct.status, JSON.stringify(direct.body)).toBe(200);
      const list = await t.api('GET', url('/scorecard-templates'), { token: as('admin') });
      expect(list.body.find((s: { id: string }) => s.id === monthly).holderCount).toBe(3);
      expect(list.body.find((s: { id: string }) => s.id === rival).holderCount).toBe(1);
      const cleared = await t.api('PUT', url(`/scorecard-templates/${rival}/assignments`), { token: as('admin'), body: { personIds: [] } });
      expect(cleared.body.assignments).toEqual({ positions: [], people: [] });
    });

    it('refuses to change the period kind of an assigned template', async () => {
      const res = await t.api('PATCH', url(`/scorecard-templates/${monthly}`), { token: as('admin'), body: { period: 'quarter' } });
      expect(res.status).toBe(409);
      expect(res.body.error.details).toEqual([expect.objectContaining({ path: ['body', 'period'], code: 'scorecard.period_in_use' })]);
    });

    it('keeps a year grid of targets: a person’s target wins over the position’s, which wins over the default', async () => {
      const empty = await t.api('GET', url(`/scorecard-templates/${monthly}/targets?year=2026&ownerKind=position&ownerId=${org.positionId}`), { token: as('manager') });
      expect(empty.status, JSON.stringify(empty.body)).toBe(200);
      expect(empty.body.periods).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
      expect(empty.body.indicators.map((i: { key: string }) => i.key)).toEqual(['销售额', '新大客户开发数量', '应收账款回收率', '销售费用率', '成品周转率']);
      expect(empty.body.indicators[0]).toEqual({ key: '销售额', name: '销售额', unit: '元', defaultTarget: 1_000_000 });
      expect(empty.body.values['销售额']['2026-10']).toBeNull();

      const months = Object.fromEntries(empty.body.periods.map((p: string, i: number) => [p, 800_000 + i * 10_000]));
      const position = await t.api('PUT', url(`/scorecard-templates/${monthly}/targets`), {
        token: as('admin'),
        body: { year: 2026, ownerKind: 'position', ownerId: org.positionId, values: { 销售额: months, 新大客户开发数量: { '2026-10': 12 } } },
      });
      expect(position.status, JSON.stringify(position.body)).toBe(200);
      expect(position.body.values['销售额']).toEqual(months);
      expect(position.body.values['新大客户开发数量']['2026-10']).toBe(12);

      const person = await t.api('PUT', url(`/scorecard-templates/${monthly}/targets`), {
        token: as('admin'),
        body: { year: 2026, ownerKind: 'person', ownerId: org.people.member, values: { 销售额: { '2026-10': 1_500_000 } } },
      });
      expect(person.status).toBe(200);
      const grid = await t.api('GET', url(`/scorecard-templates/${monthly}/targets?year=2026&ownerKind=person&ownerId=${org.people.member}`), { token: as('admin') });
      expect(grid.body.values['销售额']['2026-10']).toBe(1_500_000);
      expect(grid.body.values['销售额']['2026-09']).toBeNull();

      const preview = await t.api('GET', url(`/scorecard-preview?personId=${org.people.member}&period=2026-10`), { token: as('member') });
      expect(preview.status, JSON.stringify(preview.body)).toBe(200);
      expect(preview.body.scorecard).toMatchObject({ templateId: monthly, templateName: '销售代表（月度）', assignedVia: 'position' });
      const targets = Object.fromEntries(preview.body.scorecard.targets.map((x: { key: string; target: number | null; source: string | null }) => [x.key, [x.target, x.source]]));
      expect(targets).toEqual({
        销售额: [1_500_000, 'person'],
        新大客户开发数量: [12, 'position'],
        应收账款回收率: [0.95, 'template'],
        销售费用率: [0.05, 'template'],
        成品周转率: [4, 'template'],
        完成销售的能力: [null, null],
      });
      const colleague = await t.api('GET', url(`/scorecard-preview?personId=${org.people.eastRep}&period=2026-10`), { token: as('admin') });
      expect(colleague.body.scorecard.targets[0]).toMatchObject({ key: '销售额', target: 890_000, source: 'position' });
      const quarter = await t.api('GET', url(`/scorecard-preview?personId=${org.people.member}&period=2026-Q4`), { token: as('admin') });
      expect(quarter.body.scorecard).toBeNull();

      // null clears the person's target: the position's applies again
      const clear = await t.api('PUT', url(`/scorecard-templates/${monthly}/targets`), {
        token: as('admin'),
        body: { year: 2026, ownerKind: 'person', ownerId: org.people.member, values: { 销售额: { '2026-10': null } } },
      });
      expect(clear.body.values['销售额']['2026-10']).toBeNull();
      const after = await t.api('GET', url(`/scorecard-preview?personId=${org.people.member}&period=2026-10`), { token: as('admin') });
      expect(after.body.scorecard.targets[0]).toMatchObject({ target: 890_000, source: 'position' });

      const audit = await t.api('GET', url(`/audit?entityId=${monthly}&action=scorecard_template.targets`), { token: as('admin') });
      expect(audit.body.items).toHaveLength(3);
      expect(audit.body.items[0].before).toMatchObject({ ownerKind: 'person', values: { 销售额: { '2026-10': 1_500_000 } } });
      expect(audit.body.items[0].after).toMatchObject({ values: { 销售额: { '2026-10': null } } });
    });

    it('refuses a grid with a bad value, a period of the wrong kind or year, a manual or unknown indicator — writing nothing', async () => {
      const res = await t.api('PUT', url(`/scorecard-templates/${monthly}/targets`), {
        token: as('admin'),
        body: {
          year: 2026,
          ownerKind: 'position',
          ownerId: org.positionId,
          values: { 销售额: { '2026-01': 0, '2026-02': -5, '2026-Q1': 10, '2027-01': 10, '2026-03': 1 }, 完成销售的能力: { '2026-01': 3 }, 利润: { '2026-01': 1 } },
        },
      });
      expect(res.status).toBe(400);
      const located = res.body.error.details.map((d: { path: unknown; code: string }) => ({ path: d.path, code: d.code }));
      expect(located).toEqual(
        expect.arrayContaining([
          { path: ['body', 'values', '销售额', '2026-01'], code: 'scorecard.target_not_positive' },
          { path: ['body', 'values', '销售额', '2026-02'], code: 'scorecard.target_not_positive' },
          { path: ['body', 'values', '销售额', '2026-Q1'], code: 'scorecard.target_wrong_period' },
          { path: ['body', 'values', '销售额', '2027-01'], code: 'scorecard.target_wrong_period' },
          { path: ['body', 'values', '完成销售的能力'], code: 'scorecard.target_manual' },
          { path: ['body', 'values', '利润'], code: 'scorecard.target_unknown_indicator' },
        ]),
      );
      expect(located).toHaveLength(6);
      const grid = await t.api('GET', url(`/scorecard-templates/${monthly}/targets?year=2026&ownerKind=position&ownerId=${org.positionId}`), { token: as('admin') });
      expect(grid.body.values['销售额']['2026-03']).toBe(820_000);

      const noOwner = await t.api('PUT', url(`/scorecard-templates/${monthly}/targets`), {
        token: as('admin'),
        body: { year: 2026, ownerKind: 'person', ownerId: org.positionId, values: {} },
      });
      expect(noOwner.status).toBe(400);
      expect(noOwner.body.error.details).toEqual([expect.objectContaining({ path: ['body', 'ownerId'], code: 'scorecard.unknown_person' })]);
      const noOwnerGet = await t.api('GET', url(`/scorecard-templates/${monthly}/targets?year=2026&ownerKind=position&ownerId=${org.people.member}`), { token: as('admin') });
      expect(noOwnerGet.status).toBe(400);
      expect(noOwnerGet.body.error.details).toEqual([expect.objectContaining({ path: ['querystring', 'ownerId'], code: 'scorecard.unknown_position' })]);
    });

    it('refuses a period change while targets exist, and drops the targets of an indicator removed from the card', async () => {
      const id = (await create({ name: '目标随指标删除', period: 'month', card: { indicators: [indicator('a', 50), indicator('b', 50)] } })).id;
      const set = await t.api('PUT', url(`/scorecard-templates/${id}/targets`), {
        token: as('admin'),
        body: { year: 2026, ownerKind: 'position', ownerId: org.positionId, values: { a: { '2026-01': 5 }, b: { '2026-01': 6 } } },
      });
      expect(set.status).toBe(200);
      const period = await t.api('PATCH', url(`/scorecard-templates/${id}`), { token: as('admin'), body: { period: 'year' } });
      expect(period.status).toBe(409);
      expect(period.body.error.details[0].code).toBe('scorecard.period_has_targets');
      const edited = await t.api('PATCH', url(`/scorecard-templates/${id}`), { token: as('admin'), body: { card: { indicators: [indicator('a', 100)] } } });
      expect(edited.status).toBe(200);
      const grid = await t.api('GET', url(`/scorecard-templates/${id}/targets?year=2026&ownerKind=position&ownerId=${org.positionId}`), { token: as('admin') });
      expect(grid.body.values).toEqual({ a: expect.objectContaining({ '2026-01': 5 }) });
      const audit = await t.api('GET', url(`/audit?entityId=${id}&action=scorecard_template.update`), { token: as('admin') });
      expect(audit.body.items[0].after.removedTargets).toBe(1);
    });

    it('shows a preview only to who may see the person', async () => {
      const get = (who: 'admin' | 'manager' | 'member', personId: string) => t.api('GET', url(`/scorecard-preview?personId=${personId}&period=2026-10`), { token: as(who) });
      expect((await get('member', org.people.member)).status).toBe(200);
      expect((await get('member', org.people.eastRep)).status).toBe(404);
      expect((await get('manager', org.people.eastRep)).status).toBe(200);
      expect((await get('manager', org.people.southRep)).status).toBe(200);
      expect((await get('manager', org.people.hrPerson)).status).toBe(404);
      const hr = await get('admin', org.people.hrPerson);
      expect(hr.status).toBe(200);
      expect(hr.body.scorecard).toMatchObject({ templateId: monthly, assignedVia: 'person' });
      const nobody = await get('admin', org.people.admin);
      expect(nobody.status).toBe(200);
      expect(nobody.body).toMatchObject({ person: { id: org.people.admin }, scorecard: null });
      const bad = await t.api('GET', url(`/scorecard-preview?personId=${org.people.member}&period=2026-13`), { token: as('admin') });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details).toEqual([expect.objectContaining({ path: ['querystring', 'period'], code: 'scorecard.period_label_invalid' })]);
    });

    it('shows a manager neither the targets nor the direct assignment of someone outside their units', async () => {
      const grid = (who: 'admin' | 'manager', personId: string) =>
        t.api('GET', url(`/scorecard-templates/${monthly}/targets?year=2026&ownerKind=person&ownerId=${personId}`), { token: as(who) });
      const outside = await grid('manager', org.people.hrPerson);
      expect(outside.status).toBe(404);
      expect(outside.body.error.code).toBe('not_found');
      expect(JSON.stringify(outside.body)).not.toContain('Hana');
      // a person who does not exist answers the same: nothing tells the two apart
      const ghost = await grid('manager', '00000000-0000-4000-8000-000000000000');
      expect(ghost.status).toBe(404);
      expect((await grid('manager', org.people.eastRep)).status).toBe(200);
      expect((await grid('manager', org.people.manager)).status).toBe(200);
      const admin = await grid('admin', org.people.hrPerson);
      expect(admin.status).toBe(200);
      expect(admin.body.ownerName).toBe('Hana HR');

      // Hana HR (人力资源部) is assigned the template directly: the admin sees her, the manager does not
      const byAdmin = await t.api('GET', url(`/scorecard-templates/${monthly}`), { token: as('admin') });
      expect(byAdmin.body.assignments.people).toEqual([{ id: org.people.hrPerson, name: 'Hana HR' }]);
      const byManager = await t.api('GET', url(`/scorecard-templates/${monthly}`), { token: as('manager') });
      expect(byManager.status).toBe(200);
      expect(byManager.body.assignments.people).toEqual([]);
      expect(byManager.body.assignments.positions).toEqual(byAdmin.body.assignments.positions);
    });

    it('refuses targets beyond ±10^15, located, with a clear message', async () => {
      const res = await t.api('PUT', url(`/scorecard-templates/${monthly}/targets`), {
        token: as('admin'),
        body: { year: 2026, ownerKind: 'position', ownerId: org.positionId, values: { 销售额: { '2026-01': 1e300 } } },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual([expect.objectContaining({ path: ['body', 'values', '销售额', '2026-01'], code: 'field.number_too_large' })]);
      expect(res.body.error.details[0].message).toContain('10^15');
      const card = { indicators: [{ ...indicator('a', 100), target: 1e16 }] };
      const created = await t.api('POST', url('/scorecard-templates'), { token: as('admin'), body: { name: '目标过大', period: 'month', card } });
      expect(created.status).toBe(400);
      expect(created.body.error.details).toEqual([expect.objectContaining({ path: ['body', 'card', 'indicators', 0, 'target'], code: 'field.number_too_large' })]);
    });

    it('archiving releases the assignments, so another template may take them', async () => {
      const archived = await t.api('POST', url(`/scorecard-templates/${monthly}/archive`), { token: as('admin') });
      expect(archived.body.assignments).toEqual({ positions: [], people: [] });
      const take = await t.api('PUT', url(`/scorecard-templates/${rival}/assignments`), { token: as('admin'), body: { positionIds: [org.positionId] } });
      expect(take.status).toBe(200);
      const refused = await t.api('PUT', url(`/scorecard-templates/${monthly}/assignments`), { token: as('admin'), body: { personIds: [org.people.hrPerson] } });
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toMatch(/archived/);
      const audit = await t.api('GET', url(`/audit?entityId=${monthly}&action=scorecard_template.archive`), { token: as('admin') });
      expect(audit.body.items[0].before.assignments).toEqual({ positionIds: [org.positionId], personIds: [org.people.hrPerson] });
    });
  });
});
