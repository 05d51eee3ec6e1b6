import { expect, it } from 'vitest';
import type { Org } from './testing/fixtures.ts';
import { describeEachDatabase, type TestApp } from './testing/harness.ts';
import { useSeededOrg } from './testing/seeded-org.ts';

/**
 * Versions and 409 on editable resources (issue 13; docs/api.md "Versions and conflicts"): for
 * each, a write with the current version succeeds and raises it, a stale one is a 409 with the
 * current version and writes nothing, one without a version still works, If-Match and the body's
 * `version` both work, and the ETag is the version.
 */
const card = (weight = 100) => ({
  indicators: [{ key: 'sales', name: 'sales', purpose: 'Why sales', direction: 'higher', weight, target: 10, rule: { type: 'proportional' }, cap: 1.2, source: { kind: 'annual_plan' }, dataOwner: { kind: 'position', name: '销售运营' } }],
});

const ROLES = ['member', 'manager', 'admin'] as const;

type Resource = {
  name: string;
  /** Makes one and returns the URL of its single-resource GET and of its write. */
  make: () => Promise<{ get: string; write: string; method: string }>;
  /** A change's body, different each time (n), and how to see it in the GET. */
  body: (n: number) => Record<string, unknown>;
  shows: (read: any, n: number) => boolean;
  /** For a resource read from a list (units, positions: no GET of one), picks it out of the list; such a GET has no ETag. */
  pick?: (list: any) => any;
};

describeEachDatabase('versions and conflicts', (kind) => {
  let t: TestApp;
  let org: Org;
  useSeededOrg(kind, (app, seeded) => {
    t = app;
    org = seeded;
  });
  const ws = (path: string) => `/api/v1/workspaces/${org.ws}${path}`;
  const token = () => org.tokens.admin;
  const post = async (path: string, body: unknown) => {
    const res = await t.api('POST', ws(path), { token: token(), body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  let seq = 0;
  const makePlan = () => post('/plans', { name: `计划 ${++seq}`, startsOn: '2030-01-01', endsOn: '2030-12-31' });
  const makeIndicator = () => post('/indicator-library/sales_amount/copy', { key: `sales_${++seq}`, name: `回款 ${seq}` });
  const makeTemplate = () => post('/scorecard-templates', { name: `模板 ${++seq}`, period: 'month', card: card() });
  const goalBody = (indicatorId: string, n: number) => ({
    statement: `华东区回款 ${n} 万元`,
    owner: { kind: 'unit', unitId: org.units.east },
    indicatorId,
    baseline: 0,
    target: 100 + n,
    startsOn: '2030-01-01',
    deadline: '2030-12-31',
    source: 'strategy',
  });
  let goalRefs: { planId: string; indicatorId: string } = { planId: '', indicatorId: '' };
  let current = '';
  const makeDataset = () => {
    const columns = [{ name: '日期', type: 'datetime', snapshot: false, aliases: [] }, { name: '金额', type: 'decimal', snapshot: false, aliases: [] }];
    return post('/datasets', { name: `数据集 ${++seq}`, columns, dateColumn: '日期' });
  };
  let metricRefs = { name: '', datasetId: '' };
  const metricBody = (n: number) => ({ ...metricRefs, spec: { definition: `金额之和 ${n}`, aggregation: 'sum', expression: '金额', filters: [], dateColumn: '日期', owner: { kind: 'workspace' }, unit: '元' } });

  const resources: Resource[] = [
    {
      name: 'goal',
      make: async () => {
        const [plan, indicator] = [await makePlan(), await makeIndicator()];
        goalRefs = { planId: plan.id, indicatorId: indicator.id };
        const goal = await post('/goals', { planId: plan.id, ...goalBody(indicator.id, 0) });
        return { get: ws(`/goals/${goal.id}`), write: ws(`/goals/${goal.id}`), method: 'PUT' };
      },
      body: (n) => goalBody(goalRefs.indicatorId, n),
      shows: (read, n) => read.target === 100 + n,
    },
    {
      name: 'plan',
      make: async () => {
        const plan = await makePlan();
        return { get: ws(`/plans/${plan.id}`), write: ws(`/plans/${plan.id}`), method: 'PUT' };
      },
      body: (n) => ({ name: `改名计划 ${seq}-${n}`, description: `d${n}`, startsOn: '2030-01-01', endsOn: '2030-12-31' }),
      shows: (read, n) => read.description === `d${n}`,
    },
    {
      name: 'indicator',
      make: async () => {
        const indicator = await makeIndicator();
        return { get: ws(`/indicators/${indicator.id}`), write: ws(`/indicators/${indicator.id}`), method: 'PATCH' };
      },
      body: (n) => ({ purpose: `purpose ${n}` }),
      shows: (read, n) => read.purpose === `purpose ${n}`,
    },
    {
      name: 'scorecard template',
      make: async () => {
        const template = await makeTemplate();
        return { get: ws(`/scorecard-templates/${template.id}`), write: ws(`/scorecard-templates/${template.id}`), method: 'PATCH' };
      },
      body: (n) => ({ description: `d${n}` }),
      shows: (read, n) => read.description === `d${n}`,
    },
    {
      name: "scorecard template's targets",
      make: async () => {
        const template = await makeTemplate();
        const q = `year=2030&ownerKind=position&ownerId=${org.positionId}`;
        return { get: ws(`/scorecard-templates/${template.id}/targets?${q}`), write: ws(`/scorecard-templates/${template.id}/targets`), method: 'PUT' };
      },
      body: (n) => ({ year: 2030, ownerKind: 'position', ownerId: org.positionId, values: { sales: { '2030-01': 10 + n } } }),
      shows: (read, n) => read.values.sales['2030-01'] === 10 + n,
    },
    {
      name: 'unit',
      make: async () => {
        const unit = await post('/units', { name: `单元 ${++seq}` });
        current = unit.id;
        return { get: ws('/units'), write: ws(`/units/${unit.id}`), method: 'PATCH' };
      },
      body: (n) => ({ sortOrder: n }),
      shows: (read, n) => read.sortOrder === n,
      pick: (list) => list.find((u: { id: string }) => u.id === current),
    },
    {
      name: 'position',
      make: async () => {
        const position = await post('/positions', { name: `岗位 ${++seq}` });
        current = position.id;
        return { get: ws('/positions'), write: ws(`/positions/${position.id}`), method: 'PATCH' };
      },
      body: (n) => ({ description: `d${n}` }),
      shows: (read, n) => read.description === `d${n}`,
      pick: (list) => list.find((p: { id: string }) => p.id === current),
    },
    {
      name: 'person',
      make: async () => {
        const person = await post('/people', { name: `员工 ${++seq}`, unitId: org.units.east });
        return { get: ws(`/people/${person.id}`), write: ws(`/people/${person.id}`), method: 'PATCH' };
      },
      body: (n) => ({ employeeNo: `E${n}` }),
      shows: (read, n) => read.employeeNo === `E${n}`,
    },
    {
      name: "dataset's name and description",
      make: async () => {
        const columns = [{ name: '日期', type: 'datetime', snapshot: false, aliases: [] }, { name: '金额', type: 'decimal', snapshot: false, aliases: [] }];
        const dataset = await post('/datasets', { name: `数据集 ${++seq}`, columns, dateColumn: '日期' });
        return { get: ws(`/datasets/${dataset.id}`), write: ws(`/datasets/${dataset.id}`), method: 'PATCH' };
      },
      body: (n) => ({ description: `d${n}` }),
      shows: (read, n) => read.description === `d${n}`,
    },
    {
      name: 'metric',
      make: async () => {
        metricRefs = { name: `度量 ${++seq}`, datasetId: (await makeDataset()).id };
        const metric = await post('/metrics', metricBody(0));
        return { get: ws(`/metrics/${metric.id}`), write: ws(`/metrics/${metric.id}`), method: 'PUT' };
      },
      body: (n) => metricBody(n),
      shows: (read, n) => read.spec.definition === `金额之和 ${n}`,
    },
    {
      name: "draft cycle's settings",
      make: async () => {
        const cycle = await post('/cycles', { periodLabel: `2031-${String((++seq % 12) + 1).padStart(2, '0')}`, name: `考核 ${seq}` });
        return { get: ws(`/cycles/${cycle.id}`), write: ws(`/cycles/${cycle.id}`), method: 'PATCH' };
      },
      body: (n) => ({ trial: n % 2 === 1, forcedDistribution: [{ grade: 'S', maxShare: n / 100 }] }),
      shows: (read, n) => read.forcedDistribution[0]?.maxShare === n / 100,
    },
    {
      name: "member's role",
      make: async () => {
        const added = await post('/members', { email: `m${++seq}@acme.test`, name: `成员 ${seq}`, role: 'member', password: 'correct horse battery' });
        current = added.userId;
        return { get: ws('/members'), write: ws(`/members/${added.userId}`), method: 'PATCH' };
      },
      // a role that differs from the last one each time (an unchanged role writes nothing)
      body: (n) => ({ role: ROLES[n % 3] }),
      shows: (read, n) => read.role === ROLES[n % 3],
      pick: (list) => list.find((m: { userId: string }) => m.userId === current),
    },
  ];

  for (const r of resources) {
    it(`${r.name}: versions, ETag, If-Match and body version, and the 409 of a stale one`, async () => {
      const { get, write, method } = await r.make();
      const read = async () => {
        const res = await t.api('GET', get, { token: token() });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        if (r.pick) return r.pick(res.body);
        expect(res.headers.etag).toBe(`"${res.body.version}"`);
        return res.body;
      };
      const send = (n: number, how: { version?: number; ifMatch?: string } = {}) =>
        t.api(method, write, { token: token(), body: { ...r.body(n), ...(how.version === undefined ? {} : { version: how.version }) }, headers: how.ifMatch ? { 'if-match': how.ifMatch } : {} });

      const v1 = (await read()).version as number;
      expect(v1).toBe(1);
      // the current version in the body: accepted, raised by one, ETag of the answer
      const byBody = await send(1, { version: v1 });
      expect(byBody.status, JSON.stringify(byBody.body)).toBe(200);
      expect(byBody.body.version).toBe(v1 + 1);
      expect(byBody.headers.etag).toBe(`"${v1 + 1}"`);
      // the current version in If-Match
      const byHeader = await send(2, { ifMatch: `"${v1 + 1}"` });
      expect(byHeader.status, JSON.stringify(byHeader.body)).toBe(200);
      expect(byHeader.body.version).toBe(v1 + 2);
      expect(r.shows(await read(), 2)).toBe(true);
      // a stale version, either way: 409 with the current version, who and when, and nothing written
      for (const how of [{ version: v1 }, { ifMatch: `"${v1}"` }]) {
        const stale = await send(3, how);
        expect(stale.status, JSON.stringify(stale.body)).toBe(409);
        expect(stale.body.error.code).toBe('conflict');
        const detail = stale.body.error.details[0];
        expect(detail.code).toBe('request.stale_version');
        expect(detail.value).toMatchObject({ currentVersion: v1 + 2, updatedBy: expect.any(String) });
        expect(detail.value.updatedBy.length).toBeGreaterThan(0);
        expect(Number.isNaN(Date.parse(detail.value.updatedAt))).toBe(false);
        expect(stale.body.error.message).toContain(detail.value.updatedBy);
        const after = await read();
        expect(after.version).toBe(v1 + 2);
        expect(r.shows(after, 2)).toBe(true);
      }
      // no version at all: the write proceeds as before
      const blind = await send(4);
      expect(blind.status, JSON.stringify(blind.body)).toBe(200);
      expect(blind.body.version).toBe(v1 + 3);
      expect(r.shows(await read(), 4)).toBe(true);
      // header and body disagreeing, or a malformed If-Match: a 400
      expect((await send(5, { version: v1 + 3, ifMatch: `"${v1}"` })).status).toBe(400);
      expect((await send(5, { ifMatch: 'yesterday' })).status).toBe(400);
    });
  }

  it('gives the 409 message in Chinese, naming who changed it', async () => {
    const indicator = await makeIndicator();
    await t.api('PATCH', ws(`/indicators/${indicator.id}`), { token: token(), body: { purpose: 'x', version: 1 } });
    const stale = await t.api('PATCH', ws(`/indicators/${indicator.id}`), { token: token(), body: { purpose: 'y', version: 1 }, headers: { 'accept-language': 'zh-CN' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/已于 .* 被 .+ 修改/);
    expect(stale.body.error.message).toContain('请刷新后再改');
  });

  it('refuses a stale delete of a goal (If-Match) and keeps it', async () => {
    const [plan, indicator] = [await makePlan(), await makeIndicator()];
    const goal = await post('/goals', { planId: plan.id, ...goalBody(indicator.id, 0) });
    expect((await t.api('PUT', ws(`/goals/${goal.id}`), { token: token(), body: goalBody(indicator.id, 1) })).status).toBe(200);
    const stale = await t.api('DELETE', ws(`/goals/${goal.id}`), { token: token(), headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(409);
    expect((await t.api('GET', ws(`/goals/${goal.id}`), { token: token() })).status).toBe(200);
    expect((await t.api('DELETE', ws(`/goals/${goal.id}`), { token: token(), headers: { 'if-match': '"2"' } })).status).toBe(200);
  });
});
