import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, startTestApp, type TestApp } from '../../testing/harness.ts';
import { type Session, sessionApi } from '../../testing/sessions.ts';
import { today } from '../goals/goal-status.ts';
import { soloCheckInComments } from './demo-comments.ts';
import { demoGoals } from './demo-goals.ts';
import { SOLO_PLAN, SOLO_SLUG } from './demo-solo.ts';

/**
 * The demo's goals: the company's plan cascading to units and people with live statuses, and
 * the second, solo 微商 workspace tracking the seed's four goals from imported data.
 */
describeEachDatabase('demo goals and the 微商 workspace', (kind) => {
  let t: TestApp;
  let demo: Session;
  beforeAll(async () => {
    t = await startTestApp(kind);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/demo/open' });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'kedu_session')!;
    demo = { cookie: cookie.value, csrf: res.json().csrfToken, userId: res.json().user?.id ?? '' };
  });
  afterAll(() => t?.close());
  const get = async (url: string) => {
    const res = await sessionApi(t, demo, 'GET', url);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  it('the company plan cascades with coverage, and its goals stand in several statuses', async () => {
    const [plan] = await get('/api/v1/workspaces/demo/plans');
    expect(plan).toMatchObject({ name: '年度营销与销售计划', goalCount: demoGoals.length, reviewCadence: 'monthly', phases: [{ name: '启动期' }, { name: '成长期' }, { name: '成熟期' }] });
    const busy = Object.entries(plan.statusCounts as Record<string, number>).filter(([, n]) => n > 0).map(([s]) => s);
    expect(busy.length).toBeGreaterThanOrEqual(3);
    const top = await get(`/api/v1/workspaces/demo/plans/${plan.id}/goals`);
    const sales = top.find((g: { statement: string }) => g.statement.includes('1,200 万'));
    // 销售部 carries 1,100 of the company's 1,200: a gap of 100 万 shown
    expect(sales.coverage).toMatchObject({ childCount: 1, sum: 11_000_000, gap: 1_000_000, level: 'partial' });
    const detail = await get(`/api/v1/workspaces/demo/goals/${sales.id}`);
    expect(detail.checkIns.length).toBeGreaterThan(3);
    // sales to date never go down, and each check-in is by whoever answers for the goal
    const values = [...detail.checkIns].sort((a: { on: string }, b: { on: string }) => a.on.localeCompare(b.on)).map((c: { value: number }) => c.value);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(detail.checkIns[0].by).toBe('周明远');
    const unitGoal = (await get(`/api/v1/workspaces/demo/plans/${plan.id}/goals?parentId=${sales.id}`))[0];
    expect((await get(`/api/v1/workspaces/demo/goals/${unitGoal.id}`)).checkIns[0].by).toBe('王建国');
    const report = await get(`/api/v1/workspaces/demo/plans/${plan.id}/report`);
    expect(report.pitfalls).toEqual([]);
  });

  it('the 微商 workspace is solo, with the seed’s four goals; sales and followers come from the imported files', async () => {
    const me = await get('/api/v1/auth/me');
    expect(me.workspaces.map((w: { slug: string }) => w.slug)).toContain(SOLO_SLUG);
    const ws = await get(`/api/v1/workspaces/${SOLO_SLUG}`);
    expect(ws).toMatchObject({ kind: 'solo', isDemo: true, role: 'admin' });
    const [plan] = await get(`/api/v1/workspaces/${SOLO_SLUG}/plans`);
    expect(plan).toMatchObject({ name: SOLO_PLAN, goalCount: 4 });
    const goals = await get(`/api/v1/workspaces/${SOLO_SLUG}/plans/${plan.id}/goals`);
    expect(goals.map((g: { statement: string }) => g.statement).sort()).toEqual(['月度销售额增长 20%', '每月发布 3 条高质量内容', '用户转化率提升 15%（3.2% → 3.68%）', '粉丝数量达到 5 万'].sort());
    for (const statement of ['月度销售额增长 20%', '粉丝数量达到 5 万']) {
      const goal = goals.find((g: { statement: string }) => g.statement === statement);
      const detail = await get(`/api/v1/workspaces/${SOLO_SLUG}/goals/${goal.id}`);
      expect(detail.checkIns.every((c: { source: string }) => c.source === 'data')).toBe(true);
      // the metric gives the same numbers the check-ins carry, month by month
      const fromData = new Map(detail.actuals.filter((a: { source: string }) => a.source === 'metric').map((a: { period: string; value: number }) => [a.period, a.value]));
      expect(fromData.size).toBeGreaterThanOrEqual(6);
      const monthEnd = detail.checkIns.find((c: { on: string }) => c.on.endsWith('-30') || c.on.endsWith('-31'));
      expect(fromData.get(monthEnd.on.slice(0, 7))).toBeCloseTo(monthEnd.value, 0);
      expect(detail.smart).toEqual([]);
    }
    // 月度销售额增长 20 % is each month's: the month in progress is its sales so far, judged by its pace, and no history
    const sales = goals.find((g: { statement: string }) => g.statement === '月度销售额增长 20%');
    const detail = await get(`/api/v1/workspaces/${SOLO_SLUG}/goals/${sales.id}`);
    const month = today().slice(0, 7);
    expect(detail.recurrence).toBe('month');
    expect(detail.periods.find((p: { label: string }) => p.label === month)).toMatchObject({ state: 'in_progress' });
    expect(detail.periods.filter((p: { state: string }) => p.state === 'met' || p.state === 'missed').length).toBeGreaterThanOrEqual(1);
    expect(detail.actuals.filter((a: { partial: boolean }) => a.partial).map((a: { period: string }) => a.period)).toEqual(today().endsWith('-01') ? [] : [month]);
    const check = await sessionApi(t, demo, 'POST', `/api/v1/workspaces/${SOLO_SLUG}/goals/smart-check`, {
      body: { planId: plan.id, owner: { kind: 'company' }, statement: sales.statement, indicatorId: sales.indicator.id, baseline: sales.baseline, target: sales.target, startsOn: sales.startsOn, deadline: sales.deadline, source: 'strategy', recurrence: 'month' },
    });
    expect(check.status, JSON.stringify(check.body)).toBe(200);
    const suggestion = check.body.suggestion;
    expect(suggestion.periodsUsed.every((p: { period: string }) => p.period < month)).toBe(true);
    // a target from complete months: never below every month on record
    expect(suggestion.byAmbition.conservative).toBeGreaterThanOrEqual(Math.min(...suggestion.periodsUsed.map((p: { value: number }) => p.value)));
    const datasets = await get(`/api/v1/workspaces/${SOLO_SLUG}/datasets`);
    expect(datasets.map((d: { name: string }) => d.name).sort()).toEqual(['公众号用户分析', '小店订单']);
  });

  it('the seller’s check-ins speak of her posts, followers and orders, never of B2B clients; the team’s content goals of content', async () => {
    const comments = async (slug: string) =>
      (
        await t.database.pool.query<{ indicator: string; comment: string }>(
          `select i.key as indicator, c.comment from goal_check_ins c join goals g on g.id = c.goal_id join indicators i on i.id = g.indicator_id
            join workspaces w on w.id = g.workspace_id where w.slug = $1 and c.source = 'manual'`,
          [slug],
        )
      ).rows;
    const seller = await comments(SOLO_SLUG);
    expect(seller.length).toBeGreaterThan(0);
    for (const { comment } of seller) expect(comment).not.toMatch(/签约|大客户|回款|老客户|两单|人手/);
    // each goal in the words of what it measures
    for (const { indicator, comment } of seller) {
      const moods = soloCheckInComments({ ...demoGoals[0], indicator });
      expect([...moods.ahead, ...moods.onPace, ...moods.behind], indicator).toContain(comment);
    }
    const team = await comments('demo');
    for (const { comment } of team.filter((c) => c.indicator === 'content_published' || c.indicator === 'net_new_followers')) expect(comment).not.toMatch(/签约|大客户/);
    expect(team.filter((c) => c.indicator === 'sales_amount').some((c) => c.comment.includes('大客户'))).toBe(true);
  });

  it('opening the demo again adds nothing twice', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/demo/open' })).statusCode).toBe(200);
    const { rows } = await t.database.pool.query(
      `select (select count(*)::int from plans) as plans, (select count(*)::int from datasets d join workspaces w on w.id = d.workspace_id where w.slug = $1) as datasets, (select count(*)::int from workspaces where slug = $1) as solo`,
      [SOLO_SLUG],
    );
    expect(rows[0]).toEqual({ plans: 2, datasets: 2, solo: 1 });
  });
});
