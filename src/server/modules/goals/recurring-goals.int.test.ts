import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importFile, ORDERS_DATASET, ORDERS_HEADER } from '../../testing/dataset-fixtures.ts';
import type { Org } from '../../testing/fixtures.ts';
import { describeEachDatabase, type TestApp } from '../../testing/harness.ts';
import { useSeededOrg } from '../../testing/seeded-org.ts';
import { writeFingerprint } from '../../testing/sessions.ts';
import { sendStatusRefresh } from './status-refresh.job.ts';

/** The server's clock, set to a day (noon UTC: the same calendar day in every time zone from UTC−11 to UTC+11). */
const setToday = (day: string) => vi.setSystemTime(new Date(`${day}T12:00:00Z`));

describeEachDatabase('recurring goals, partial periods, targets too low and changed back and forth', (kind) => {
  let t: TestApp;
  let org: Org;
  useSeededOrg(kind, (app, seeded) => {
    t = app;
    org = seeded;
  });
  const ws = (path: string) => `/api/v1/workspaces/${org.ws}${path}`;
  const ids: Record<string, string> = {};
  /** What the daily job does at midnight (goals/status-refresh.job.ts), for the faked day. */
  const refreshStatuses = async (day: string) => {
    const id = await sendStatusRefresh(t.jobs, day);
    expect(id).not.toBeNull();
    expect(await t.waitForJob(id!)).toMatchObject({ state: 'completed' });
  };
  let planId: string;

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    setToday('2026-12-15');
    for (const key of ['sales_amount', 'content_published']) {
      const res = await t.api('POST', ws(`/indicator-library/${key}/copy`), { token: org.tokens.admin, body: {} });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      ids[key] = res.body.id;
    }
    const plan = await t.api('POST', ws('/plans'), { token: org.tokens.admin, body: { name: '2027 内容计划', startsOn: '2027-01-01', endsOn: '2027-06-30', reviewCadence: 'monthly' } });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    planId = plan.body.id;
  });
  afterAll(() => {
    vi.useRealTimers();
  });

  const posts = (over: Record<string, unknown> = {}) => ({
    planId,
    owner: { kind: 'company' },
    statement: '每月发布 3 条高质量内容',
    indicatorId: ids.content_published,
    baseline: 1,
    target: 3,
    startsOn: '2027-01-01',
    deadline: '2027-06-30',
    source: 'annual_plan',
    recurrence: 'month',
    ...over,
  });

  it('refuses period targets that are not the goal’s, each located, writing nothing', async () => {
    const before = await writeFingerprint(t);
    const notRecurring = await t.api('POST', ws('/goals'), { token: org.tokens.admin, body: posts({ recurrence: null, periodTargets: [{ period: '2027-02', target: 4 }] }), headers: { 'accept-language': 'zh-CN' } });
    expect(notRecurring.status).toBe(400);
    expect(notRecurring.body.error.details).toMatchObject([{ path: ['body', 'periodTargets'], code: 'goal.period_targets_need_recurrence' }]);
    expect(notRecurring.body.error.details[0].message).toContain('周期性目标');
    const unknown = await t.api('POST', ws('/goals'), { token: org.tokens.admin, body: posts({ periodTargets: [{ period: '2027-02', target: 4 }, { period: '2027-09', target: 4 }, { period: '2027-02', target: 5 }] }) });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.map((d: { path: string[]; code: string }) => [d.path.join('.'), d.code])).toEqual([
      ['body.periodTargets.1.period', 'goal.period_unknown'],
      ['body.periodTargets.2.period', 'goal.period_twice'],
    ]);
    const tooLong = await t.api('POST', ws('/goals'), { token: org.tokens.admin, body: posts({ recurrence: 'week', deadline: '2030-12-31' }) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details).toMatchObject([{ path: ['body', 'deadline'], code: 'goal.too_many_periods' }]);
    const badKind = await t.api('POST', ws('/goals'), { token: org.tokens.admin, body: posts({ recurrence: 'daily' }) });
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.details[0].path).toEqual(['body', 'recurrence']);
    expect(await writeFingerprint(t)).toEqual(before);
  });

  it('tracks each month: the record of months met and the pace of the month in progress', async () => {
    const created = await t.api('POST', ws('/goals'), { token: org.tokens.admin, body: posts({ periodTargets: [{ period: '2027-03', target: 4 }] }) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ recurrence: 'month', periodTargets: [{ period: '2027-03', target: 4 }], status: 'not_started' });
    const id = created.body.id;
    const checkIn = async (on: string, value: number) => expect((await t.api('POST', ws(`/goals/${id}/check-ins`), { token: org.tokens.admin, body: { value, on } })).status).toBe(201);

    setToday('2027-03-07');
    await checkIn('2027-01-31', 3);
    await checkIn('2027-02-27', 3);
    await checkIn('2027-03-07', 1);
    let goal = (await t.api('GET', ws(`/goals/${id}`), { token: org.tokens.member })).body;
    // March: 1 of 4 with 6 of 30 days gone is on pace, not "75 % behind"
    expect(goal.status).toBe('on_track');
    expect(goal.record).toEqual({ met: 2, finished: 2 });
    expect(goal.periods.map((p: { label: string; state: string; target: number; actual: number | null }) => [p.label, p.state, p.target, p.actual])).toEqual([
      ['2027-01', 'met', 3, 3],
      ['2027-02', 'met', 3, 3],
      ['2027-03', 'in_progress', 4, 1],
      ['2027-04', 'upcoming', 3, null],
      ['2027-05', 'upcoming', 3, null],
      ['2027-06', 'upcoming', 3, null],
    ]);
    expect(goal.periods[2].pace).toBe('on_track');
    // lists set the month so far against the month's target (4 in March), not the goal's 3
    expect(goal).toMatchObject({ current: 1, periodTarget: 4 });
    // Home's key indicator trends end at the last complete month: March so far is not a month
    const company = (await t.api('GET', ws('/dashboard/company'), { token: org.tokens.admin })).body;
    expect(company.trends.find((l: { goalId: string }) => l.goalId === id).points).toEqual([
      { month: '2027-01', value: 3 },
      { month: '2027-02', value: 3 },
    ]);

    // the same 1 post on the 25th: the stored status moves with the days, refreshed by the daily job
    setToday('2027-03-25');
    await refreshStatuses('2027-03-25');
    const level = (await t.api('GET', ws(`/plans/${planId}/goals`), { token: org.tokens.member })).body;
    expect(level.find((g: { id: string }) => g.id === id).status).toBe('off_track');
    // the first day of April: March is over and missed; April has just begun
    setToday('2027-04-01');
    await refreshStatuses('2027-04-01');
    goal = (await t.api('GET', ws(`/goals/${id}`), { token: org.tokens.member })).body;
    expect(goal.periods[2].state).toBe('missed');
    expect(goal.record).toEqual({ met: 2, finished: 3 });
    expect(goal.status).toBe('at_risk');
  });

  it('keeps every change of a period’s target with its reason, and warns on a target changed back and forth', async () => {
    setToday('2027-02-10');
    const created = await t.api('POST', ws('/goals'), { token: org.tokens.admin, body: posts({ statement: '每月发布 3 条视频号内容', source: 'business_process' }) });
    const id = created.body.id;
    const { planId: _plan, ...fields } = posts({ statement: '每月发布 3 条视频号内容', source: 'business_process' });
    const noReason = await t.api('PUT', ws(`/goals/${id}`), { token: org.tokens.admin, body: { ...fields, periodTargets: [{ period: '2027-04', target: 5 }] } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details[0].path, JSON.stringify(noReason.body)).toEqual(['body', 'changeReason']);
    const first = await t.api('PUT', ws(`/goals/${id}`), { token: org.tokens.admin, body: { ...fields, periodTargets: [{ period: '2027-04', target: 5 }, { period: '2027-05', target: 5 }], changeReason: '四五月大促' } });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    let goal = (await t.api('GET', ws(`/goals/${id}`), { token: org.tokens.admin })).body;
    expect(goal.targetChanges.map((c: { period: string | null; fromTarget: number; toTarget: number }) => [c.period, c.fromTarget, c.toTarget]).sort()).toEqual([
      ['2027-04', 3, 5],
      ['2027-05', 3, 5],
    ]);
    expect(goal.targetChangeCount).toBe(1); // one edit, however many periods it moved
    let report = (await t.api('GET', ws(`/plans/${planId}/report`), { token: org.tokens.admin })).body;
    expect(report.pitfalls.map((p: { pitfall: string }) => p.pitfall)).not.toContain('target_churn');

    setToday('2027-02-11');
    const second = await t.api('PUT', ws(`/goals/${id}`), { token: org.tokens.admin, body: { ...fields, target: 2, periodTargets: [{ period: '2027-04', target: 5 }, { period: '2027-05', target: 5 }], changeReason: '人手不够' } });
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    goal = (await t.api('GET', ws(`/goals/${id}`), { token: org.tokens.admin })).body;
    expect(goal.targetChangeCount).toBe(2);
    // the new target applies from the month in progress on: January, over, keeps the 3 it was judged by
    expect(goal.periods.slice(0, 4).map((p: { label: string; target: number }) => [p.label, p.target])).toEqual([
      ['2027-01', 3],
      ['2027-02', 2],
      ['2027-03', 2],
      ['2027-04', 5],
    ]);
    // a client that leaves recurrence out keeps it (and the period targets)
    const kept = await t.api('PUT', ws(`/goals/${id}`), { token: org.tokens.admin, body: { ...fields, recurrence: undefined, periodTargets: undefined, target: 2, statement: '每月发布 2 条视频号内容' } });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect(kept.body).toMatchObject({ recurrence: 'month', periodTargets: [{ period: '2027-01', target: 3 }, { period: '2027-04', target: 5 }, { period: '2027-05', target: 5 }] });
    // changing how it recurs is a change of target: it needs a reason and counts
    const weekly = await t.api('PUT', ws(`/goals/${id}`), { token: org.tokens.admin, body: { ...fields, recurrence: 'week', periodTargets: [], target: 1 } });
    expect(weekly.body.error.details[0].path).toEqual(['body', 'changeReason']);
    report = (await t.api('GET', ws(`/plans/${planId}/report`), { token: org.tokens.admin })).body;
    const churn = report.pitfalls.find((p: { pitfall: string }) => p.pitfall === 'target_churn');
    expect(churn.goals).toEqual([id]);
    expect(churn.message['zh-CN']).toContain('朝令夕改');
  });

  describe('data of a month in progress is not history', () => {
    beforeAll(async () => {
      setToday('2027-03-07');
      // six complete months of about 37,000, and March's first week: 8,000 so far
      const months = ['2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02'].map((m, i) => `="M${i}",Erin East,小程序,${m}-10 10:00:00,${36_000 + (i % 3) * 1000},0,交易成功`);
      const march = `="M9",Erin East,小程序,2027-03-05 10:00:00,8000,0,交易成功`;
      const imported = await importFile(t, org, [ORDERS_HEADER, ...months, march].join('\n'), { create: { ...ORDERS_DATASET, name: '店铺订单' }, filename: 'orders.csv' });
      expect(imported.status, JSON.stringify(imported.body)).toBe(201);
      const metric = await t.api('POST', ws('/metrics'), {
        token: org.tokens.admin,
        body: { name: '店铺销售额', datasetId: imported.body.dataset.id, spec: { definition: '已付款订单的实付金额之和，按付款时间计入当月', aggregation: 'sum', expression: '实付金额', filters: [], dateColumn: '付款时间', owner: { kind: 'workspace' }, unit: '元' } },
      });
      expect(metric.status, JSON.stringify(metric.body)).toBe(201);
      expect((await t.api('PUT', ws('/metric-bindings'), { token: org.tokens.admin, body: { term: 'sales_amount', metricId: metric.body.id } })).status).toBe(200);
    });

    const sales = (target: number) => ({ planId, owner: { kind: 'company' }, statement: `月度销售额达到 ${target} 元`, indicatorId: ids.sales_amount, baseline: 37_000, target, startsOn: '2027-03-01', deadline: '2027-06-30', source: 'strategy', recurrence: 'month' });

    it('suggests from complete months only, and shows the month in progress apart', async () => {
      const res = await t.api('POST', ws('/goals/smart-check'), { token: org.tokens.admin, body: sales(40_000) });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.suggestion.periodsUsed.map((p: { period: string }) => p.period)).toEqual(['2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02']);
      // a whole month's median, not one pulled down by a week of March
      expect(res.body.suggestion.baseline).toBe(37_000);
      expect(res.body.suggestion.byAmbition.conservative).toBeGreaterThanOrEqual(36_000);
      const march = res.body.history.find((h: { period: string }) => h.period === '2027-03');
      expect(march).toMatchObject({ value: 8000, partial: true });
      expect(res.body.history.filter((h: { partial: boolean }) => h.partial)).toHaveLength(1);
      expect(res.body.messages).toEqual([]);
    });

    it('flags a target too low to be a challenge, saying what would be', async () => {
      const res = await t.api('POST', ws('/goals/smart-check'), { token: org.tokens.admin, body: sales(1000), headers: { 'accept-language': 'en' } });
      expect(res.body.messages.map((m: { letter: string; code: string }) => [m.letter, m.code])).toEqual([['A', 'smart.too_low']]);
      expect(res.body.messages[0].message.en).toContain('not challenging');
      const created = await t.api('POST', ws('/goals'), { token: org.tokens.admin, body: sales(1000) });
      expect(created.status).toBe(201);
      const report = (await t.api('GET', ws(`/plans/${planId}/report`), { token: org.tokens.admin })).body;
      const low = report.pitfalls.find((p: { pitfall: string }) => p.pitfall === 'target_too_low');
      expect(low.goals).toContain(created.body.id);
    });
  });
});
