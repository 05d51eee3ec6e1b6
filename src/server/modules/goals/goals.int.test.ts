import { beforeAll, describe, expect, it } from 'vitest';
import { seedAppraisal } from '../../testing/appraisal-fixtures.ts';
import { importFile, ORDERS_DATASET, ORDERS_HEADER } from '../../testing/dataset-fixtures.ts';
import type { Org } from '../../testing/fixtures.ts';
import { describeEachDatabase, type TestApp } from '../../testing/harness.ts';
import { useSeededOrg } from '../../testing/seeded-org.ts';
import { writeFingerprint } from '../../testing/sessions.ts';
import { dayAfter } from '../../../core/values/periods.ts';
import { today } from './goal-status.ts';

const YEAR = Number(today().slice(0, 4));
/** A plan that began a month ago and runs for a year: targets changed now need a reason. */
const PLAN_START = `${YEAR - 1}-12-01`;
const PLAN_END = `${YEAR}-12-31`;

describeEachDatabase('plans and goals: cascade, coverage, check-ins, target changes, SMART', (kind) => {
  let t: TestApp;
  let org: Org;
  useSeededOrg(kind, (app, seeded) => {
    t = app;
    org = seeded;
  });
  const ws = (path: string) => `/api/v1/workspaces/${org.ws}${path}`;
  const indicatorIds: Record<string, string> = {};
  let planId: string;
  let companyGoal: string;
  let unitGoal: string;
  let personGoal: string;

  const goalBody = (over: Record<string, unknown>) => ({
    planId,
    owner: { kind: 'company' },
    statement: '2026 年销售额达到 100 万元',
    indicatorId: indicatorIds.sales_amount,
    baseline: 0,
    target: 1_000_000,
    startsOn: PLAN_START,
    deadline: PLAN_END,
    source: 'strategy',
    ...over,
  });

  beforeAll(async () => {
    for (const key of ['sales_amount', 'followers', 'content_published']) {
      const res = await t.api('POST', ws(`/indicator-library/${key}/copy`), { token: org.tokens.admin, body: {} });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      indicatorIds[key] = res.body.id;
    }
    const plan = await t.api('POST', ws('/plans'), {
      token: org.tokens.admin,
      body: { name: '年度营销计划', startsOn: PLAN_START, endsOn: PLAN_END, phases: [{ name: '启动期', startsOn: PLAN_START, endsOn: `${YEAR}-03-31` }, { name: '成长期', startsOn: `${YEAR}-04-01`, endsOn: PLAN_END }] },
    });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    planId = plan.body.id;
  });

  it('creates a plan with its phases, and locates every problem of a bad one', async () => {
    const plan = (await t.api('GET', ws(`/plans/${planId}`), { token: org.tokens.member })).body;
    expect(plan).toMatchObject({ name: '年度营销计划', reviewCadence: null, goalCount: 0, phases: [{ name: '启动期' }, { name: '成长期' }] });
    const before = await writeFingerprint(t);
    const bad = await t.api('POST', ws('/plans'), {
      token: org.tokens.admin,
      headers: { 'accept-language': 'zh-CN' },
      body: { name: '坏计划', startsOn: '2027-01-01', endsOn: '2027-12-31', phases: [{ name: 'A', startsOn: '2027-01-01', endsOn: '2027-06-30' }, { name: 'B', startsOn: '2027-06-01', endsOn: '2028-01-31' }, { name: 'A', startsOn: '2027-03-01', endsOn: '2027-02-01' }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: unknown[]; code: string }) => [d.path.join('.'), d.code])).toEqual([
      ['body.phases.1.startsOn', 'plan.phase_outside_plan'],
      ['body.phases.2.name', 'plan.phase_name_twice'],
      ['body.phases.2.endsOn', 'plan.phase_ends_before_start'],
      ['body.phases.2.startsOn', 'plan.phases_overlap'],
      ['body.phases.1.startsOn', 'plan.phases_overlap'],
    ]);
    expect(bad.body.error.details[0].message).toContain('超出了计划的时间范围');
    expect(await writeFingerprint(t)).toEqual(before);
    const taken = await t.api('POST', ws('/plans'), { token: org.tokens.admin, body: { name: '年度营销计划', startsOn: '2027-01-01', endsOn: '2027-12-31' } });
    expect(taken.status).toBe(409);
    expect((await t.api('POST', ws('/plans'), { token: org.tokens.manager, body: { name: 'x', startsOn: '2027-01-01', endsOn: '2027-12-31' } })).status).toBe(403);
  });

  it('refuses a goal without a source, and a parent source without a parent', async () => {
    const { source: _omitted, ...noSource } = goalBody({});
    const missing = await t.api('POST', ws('/goals'), { token: org.tokens.admin, body: noSource });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].path).toEqual(['body', 'source']);
    const orphan = await t.api('POST', ws('/goals'), { token: org.tokens.admin, body: goalBody({ source: 'parent' }) });
    expect(orphan.status).toBe(400);
    expect(orphan.body.error.details[0]).toMatchObject({ path: ['body', 'parentId'], code: 'goal.parent_required' });
  });

  it('cascades company → unit → person, each level with its decomposition coverage', async () => {
    const company = await t.api('POST', ws('/goals'), { token: org.tokens.admin, body: goalBody({}) });
    expect(company.status, JSON.stringify(company.body)).toBe(201);
    companyGoal = company.body.id;
    // the manager leads 销售部: may set its units' and people's goals, not the company's
    expect((await t.api('POST', ws('/goals'), { token: org.tokens.manager, body: goalBody({ statement: '再来 100 万' }) })).status).toBe(403);
    const unit = await t.api('POST', ws('/goals'), { token: org.tokens.manager, body: goalBody({ owner: { kind: 'unit', unitId: org.units.east }, statement: '华东区销售额 60 万元', target: 600_000, source: 'parent', parentId: companyGoal }) });
    expect(unit.status, JSON.stringify(unit.body)).toBe(201);
    unitGoal = unit.body.id;
    const person = await t.api('POST', ws('/goals'), { token: org.tokens.manager, body: goalBody({ owner: { kind: 'person', personId: org.people.member }, statement: '个人销售额 25 万元', target: 250_000, source: 'parent', parentId: unitGoal }) });
    expect(person.status, JSON.stringify(person.body)).toBe(201);
    personGoal = person.body.id;
    expect((await t.api('POST', ws('/goals'), { token: org.tokens.manager, body: goalBody({ owner: { kind: 'unit', unitId: org.units.hr }, source: 'parent', parentId: companyGoal }) })).status).toBe(403);
    expect((await t.api('POST', ws('/goals'), { token: org.tokens.member, body: goalBody({ owner: { kind: 'person', personId: org.people.member } }) })).status).toBe(403);

    const top = (await t.api('GET', ws(`/plans/${planId}/goals`), { token: org.tokens.member })).body;
    expect(top).toHaveLength(1);
    expect(top[0]).toMatchObject({ id: companyGoal, childCount: 1, owner: { kind: 'company' }, status: 'not_started', coverage: { childCount: 1, sum: 600_000, gap: 400_000, level: 'low' } });
    expect(top[0].coverage.coverage).toBeCloseTo(0.6);
    // what each viewer may do, goal by goal: the manager changes their unit's goal, not the company's
    expect(top[0]).toMatchObject({ canEdit: false, canCheckIn: false });
    const asManager = (await t.api('GET', ws(`/plans/${planId}/goals?parentId=${companyGoal}`), { token: org.tokens.manager })).body;
    expect(asManager[0]).toMatchObject({ id: unitGoal, canEdit: true, canCheckIn: true });
    const below = (await t.api('GET', ws(`/plans/${planId}/goals?parentId=${unitGoal}`), { token: org.tokens.member })).body;
    expect(below[0]).toMatchObject({ canEdit: false, canCheckIn: true });
    expect(below.map((g: { id: string; owner: { name: string } }) => [g.id, g.owner.name])).toEqual([[personGoal, 'Max Member']]);
  });

  it('checks in: the current value and the status follow, the latest day wins, the future is refused', async () => {
    const res = await t.api('POST', ws(`/goals/${personGoal}/check-ins`), { token: org.tokens.member, body: { value: 240_000, comment: '两个大单落地' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ value: 240_000, comment: '两个大单落地', by: 'Max Member', on: today() });
    const older = await t.api('POST', ws(`/goals/${personGoal}/check-ins`), { token: org.tokens.manager, body: { value: 1_000, on: PLAN_START } });
    expect(older.status).toBe(201);
    const detail = (await t.api('GET', ws(`/goals/${personGoal}`), { token: org.tokens.member })).body;
    expect(detail.current).toBe(240_000);
    expect(detail.checkIns.map((c: { value: number }) => c.value)).toEqual([240_000, 1_000]);
    // 96 % of the way while at most all of the time has passed: on track whatever day the test runs
    expect(detail.progress).toBeCloseTo(0.96);
    expect(detail.status).toBe('on_track');
    expect(detail).toMatchObject({ canCheckIn: true, canEdit: false, parent: { id: unitGoal }, plan: { id: planId } });
    // the member checks in on their own goal only
    expect((await t.api('POST', ws(`/goals/${unitGoal}/check-ins`), { token: org.tokens.member, body: { value: 1 } })).status).toBe(403);
    const future = await t.api('POST', ws(`/goals/${personGoal}/check-ins`), { token: org.tokens.member, body: { value: 1, on: dayAfter(dayAfter(today())) } });
    expect(future.status).toBe(400);
    expect(future.body.error.details[0]).toMatchObject({ path: ['body', 'on'], code: 'goal.check_in_future' });
  });

  it('a target changed during the plan needs a reason, and the change is kept', async () => {
    const { planId: _plan, ...body } = goalBody({ owner: { kind: 'unit', unitId: org.units.east }, statement: '华东区销售额 70 万元', target: 700_000, source: 'parent', parentId: companyGoal });
    const refused = await t.api('PUT', ws(`/goals/${unitGoal}`), { token: org.tokens.manager, body });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0]).toMatchObject({ path: ['body', 'changeReason'], code: 'goal.change_reason_required' });
    const changed = await t.api('PUT', ws(`/goals/${unitGoal}`), { token: org.tokens.manager, body: { ...body, changeReason: '新增两个经销商' } });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const detail = (await t.api('GET', ws(`/goals/${unitGoal}`), { token: org.tokens.admin })).body;
    expect(detail.targetChanges).toEqual([expect.objectContaining({ fromTarget: 600_000, toTarget: 700_000, reason: '新增两个经销商', by: 'Mia Manager' })]);
    const top = (await t.api('GET', ws(`/plans/${planId}/goals`), { token: org.tokens.admin })).body;
    expect(top[0].coverage).toMatchObject({ sum: 700_000, gap: 300_000, level: 'low' });
  });

  it('filters the tree: a match shows with the goals leading to it', async () => {
    const byOwner = (await t.api('GET', ws(`/plans/${planId}/goals?ownerKind=person`), { token: org.tokens.admin })).body;
    expect(byOwner.map((g: { id: string }) => g.id)).toEqual([companyGoal]);
    const deeper = (await t.api('GET', ws(`/plans/${planId}/goals?ownerKind=person&parentId=${companyGoal}`), { token: org.tokens.admin })).body;
    expect(deeper.map((g: { id: string }) => g.id)).toEqual([unitGoal]);
    const none = (await t.api('GET', ws(`/plans/${planId}/goals?q=${encodeURIComponent('不存在的目标')}`), { token: org.tokens.admin })).body;
    expect(none).toEqual([]);
    const byName = (await t.api('GET', ws(`/plans/${planId}/goals?q=Max&parentId=${unitGoal}`), { token: org.tokens.admin })).body;
    expect(byName.map((g: { id: string }) => g.id)).toEqual([personGoal]);
  });

  it('checks SMART while typing: one message per failed letter', async () => {
    const vague = await t.api('POST', ws('/goals/smart-check'), { token: org.tokens.member, headers: { 'accept-language': 'zh-CN' }, body: { planId, statement: '提升品牌知名度' } });
    expect(vague.status, JSON.stringify(vague.body)).toBe(200);
    expect(vague.body.messages.map((m: { letter: string }) => m.letter)).toEqual(['S', 'M', 'R', 'T']);
    const fixed = await t.api('POST', ws('/goals/smart-check'), {
      token: org.tokens.member,
      body: { planId, statement: '月度曝光量达到50万次', indicatorId: indicatorIds.content_published, target: 500_000, startsOn: PLAN_START, deadline: PLAN_END, source: 'strategy', owner: { kind: 'company' } },
    });
    expect(fixed.body.messages).toEqual([]);
  });

  it('reports the plan: pitfalls of no customer-side indicator and no review cadence', async () => {
    const report = (await t.api('GET', ws(`/plans/${planId}/report`), { token: org.tokens.member })).body;
    expect(report.ok).toBe(false);
    expect(report.pitfalls.map((p: { pitfall: string }) => p.pitfall).sort()).toEqual(['no_customer_indicator', 'no_review_cadence']);
    expect(report.goals).toHaveLength(3);
  });

  it('refuses to delete what others hang on: a goal with sub-goals, a plan with goals, a unit owning goals', async () => {
    const before = await writeFingerprint(t);
    expect((await t.api('DELETE', ws(`/goals/${companyGoal}`), { token: org.tokens.admin })).status).toBe(409);
    expect((await t.api('DELETE', ws(`/plans/${planId}`), { token: org.tokens.admin })).status).toBe(409);
    const unit = await t.api('POST', ws('/units'), { token: org.tokens.admin, body: { name: '临时部门' } });
    await t.api('POST', ws('/goals'), { token: org.tokens.admin, body: goalBody({ owner: { kind: 'unit', unitId: unit.body.id }, source: 'budget', statement: '临时部门销售额 1 万元', target: 10_000 }) });
    const refused = await t.api('DELETE', ws(`/units/${unit.body.id}`), { token: org.tokens.admin, headers: { 'accept-language': 'zh-CN' } });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details[0].code).toBe('unit.has_goals');
    expect(before).not.toEqual(await writeFingerprint(t)); // the unit and its goal were written
    expect((await t.api('DELETE', ws(`/goals/${personGoal}`), { token: org.tokens.member })).status).toBe(403);
  });

  describe('history: target suggestions and the Attainable check read the data', () => {
    beforeAll(async () => {
      // six months of orders for Erin East, about 10,000 a month, growing slowly
      const months = ['05', '06', '07', '08', '09', '10'].map((m, i) => `="H${m}",Erin East,小程序,${YEAR - 1}-${m}-10 10:00:00,${10_000 + i * 500},0,交易成功`);
      const imported = await importFile(t, org, [ORDERS_HEADER, ...months].join('\n'), { create: { ...ORDERS_DATASET, name: '历史订单' }, filename: 'history.csv' });
      expect(imported.status, JSON.stringify(imported.body)).toBe(201);
      const metric = await t.api('POST', ws('/metrics'), {
        token: org.tokens.admin,
        body: { name: '个人销售额', datasetId: imported.body.dataset.id, spec: { definition: '已付款订单的实付金额之和，按付款时间计入当月', aggregation: 'sum', expression: '实付金额', filters: [], dateColumn: '付款时间', owner: { kind: 'person', column: '销售员', match: 'name' }, unit: '元' } },
      });
      expect(metric.status, JSON.stringify(metric.body)).toBe(201);
      expect((await t.api('PUT', ws('/metric-bindings'), { token: org.tokens.admin, body: { term: 'sales_amount', metricId: metric.body.id } })).status).toBe(200);
    });

    const erinGoal = (target: number) => ({ planId, owner: { kind: 'person', personId: org.people.eastRep }, statement: `个人销售额达到 ${target} 元`, indicatorId: indicatorIds.sales_amount, target, startsOn: `${YEAR - 1}-11-01`, deadline: `${YEAR}-01-31`, source: 'job_duties' });

    it('suggests a target from the median and trend of the last months, with the reasoning', async () => {
      const res = await t.api('POST', ws('/goals/smart-check'), { token: org.tokens.admin, body: { ...erinGoal(12_000), ambition: 'moderate' } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.history.map((h: { value: number; source: string }) => [h.value, h.source])).toEqual([10_000, 10_500, 11_000, 11_500, 12_000, 12_500].map((v) => [v, 'metric']));
      expect(res.body.suggestion).toMatchObject({ baseline: 11_250, trendPerPeriod: 500, ambition: 'moderate' });
      expect(res.body.suggestion.target).toBeGreaterThan(res.body.suggestion.byAmbition.conservative);
      expect(res.body.suggestion.reasoning['zh-CN']).toMatch(/中位数/);
      expect(res.body.messages).toEqual([]);
    });

    it('reads the history once while the form is typed, and again after the data changes through the API', async () => {
      // a background job finishing forgets the workspace's answers: let the set-up's jobs end first, or one
      // finishing late on a busy machine would make the form read the history again mid-test
      await t.settleJobs();
      const months = async () => (await t.api('POST', ws('/goals/smart-check'), { token: org.tokens.admin, body: erinGoal(12_000) })).body.history.length as number;
      expect(await months()).toBe(6);
      const { rows } = await t.database.pool.query(`select term, metric_id from metric_bindings where term = 'sales_amount'`);
      // unbound behind the API's back (another process): the form keeps the history it read…
      await t.database.pool.query(`delete from metric_bindings where term = 'sales_amount'`);
      expect(await months()).toBe(6);
      // …and a change through the API is seen at once: bound again, through the API
      expect((await t.api('PUT', ws('/metric-bindings'), { token: org.tokens.admin, body: { term: 'sales_amount', metricId: rows[0].metric_id } })).status).toBe(200);
      expect(await months()).toBe(6);
      await t.database.pool.query(`delete from metric_bindings where term = 'sales_amount'`);
      expect((await t.api('POST', ws('/positions'), { token: org.tokens.admin, body: { name: '历史测试岗位' } })).status).toBe(201);
      expect(await months()).toBe(0);
      expect((await t.api('PUT', ws('/metric-bindings'), { token: org.tokens.admin, body: { term: 'sales_amount', metricId: rows[0].metric_id } })).status).toBe(200);
      expect(await months()).toBe(6);
    });

    it('flags a target far above what the history shows (Attainable)', async () => {
      const res = await t.api('POST', ws('/goals/smart-check'), { token: org.tokens.admin, body: erinGoal(1_000_000) });
      expect(res.body.messages.map((m: { letter: string; code: string }) => [m.letter, m.code])).toEqual([['A', 'smart.too_high']]);
      const created = await t.api('POST', ws('/goals'), { token: org.tokens.admin, body: erinGoal(1_000_000) });
      expect(created.status).toBe(201);
      const detail = (await t.api('GET', ws(`/goals/${created.body.id}`), { token: org.tokens.admin })).body;
      expect(detail.smart.map((m: { letter: string }) => m.letter)).toEqual(['A']);
      expect(detail.actuals).toHaveLength(6);
      const report = (await t.api('GET', ws(`/plans/${planId}/report`), { token: org.tokens.admin })).body;
      expect(report.pitfalls.map((p: { pitfall: string }) => p.pitfall)).toContain('target_too_high');
    });
  });

  it('reads one value per person and month from closed cycles: a trial run of the same month is not added to the real one', async () => {
    const frozen = (actual: number) => JSON.stringify({ indicators: [{ key: 'sales_amount', actual }] });
    const cycles = [
      { periodLabel: '2024-05', trial: true, actual: 999 },
      { periodLabel: '2024-05', trial: false, actual: 100 },
      { periodLabel: '2024-06', trial: false, actual: 120 },
      { periodLabel: '2024-07', trial: true, actual: 130 },
    ];
    for (const [i, c] of cycles.entries()) {
      const { participants } = await seedAppraisal(t, org, { state: 'closed', periodLabel: c.periodLabel, trial: c.trial, name: `history ${i}` });
      await t.database.pool.query('update cycle_participants set frozen_result = $1::jsonb where id = $2', [frozen(c.actual), participants.member]);
    }
    const res = await t.api('POST', ws('/goals/smart-check'), { token: org.tokens.admin, body: { statement: '销售额 200 元', indicatorId: indicatorIds.sales_amount, owner: { kind: 'person', personId: org.people.member } } });
    expect(res.body.history.map((h: { period: string; value: number; source: string }) => [h.period, h.value, h.source])).toEqual([
      ['2024-05', 100, 'cycle'],
      ['2024-06', 120, 'cycle'],
      ['2024-07', 130, 'cycle'],
    ]);
  });
});
