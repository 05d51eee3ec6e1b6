import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, startTestApp, type TestApp } from '../../testing/harness.ts';
import { sessionApi } from '../../testing/sessions.ts';
import { DEMO_TEMPLATE_NAME } from './demo-appraisal.ts';

/**
 * The demo's sales team appraisal (demo-appraisal.ts): October closed with frozen results,
 * November open and half entered — exact to the scoring rules of domain.md §3.
 */
describeEachDatabase('demo sales appraisal', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/demo/open' });
    expect(res.statusCode, res.body).toBe(200);
  });
  afterAll(() => t?.close());

  const participants = async (period: string) =>
    (
      await t.database.pool.query<{ name: string; status: string; total: number | null; grade: string | null; frozen: boolean; state: string }>(
        `select p.name, cp.status, cp.total, cp.grade, cp.frozen_result is not null as frozen, c.state
           from cycle_participants cp join people p on p.id = cp.person_id join appraisal_cycles c on c.id = cp.cycle_id
          where c.period_label = $1 and cp.template_name = $2 order by p.name`,
        // the sales team's: the marketing staff take part too, on their own templates (demo-marketing.ts)
        [period, DEMO_TEMPLATE_NAME],
      )
    ).rows;

  it('October is closed: every sales representative scored and frozen, the 70 % salesperson halved by the veto', async () => {
    const rows = await participants('2026-10');
    expect(rows).toHaveLength(7);
    expect(rows.every((r) => r.state === 'closed' && r.status === 'complete' && r.frozen)).toBe(true);
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    // 郑浩然: 销售额 350,000 of 500,000 (r = 0.7 < 0.8) → subtotal 73.74…, total halved
    expect(byName['郑浩然'].total).toBeCloseTo(36.87, 2);
    expect(byName['郑浩然'].grade).toBe('D');
    // 吴婷: her own target of 600,000 (the year grid), 6 new key accounts of 5 → the top tier ×1.3 = 26 points
    expect(byName['吴婷'].grade).toBe('S');
    const [frozen] = (
      await t.database.pool.query(
        `select cp.frozen_result as r from cycle_participants cp join people p on p.id = cp.person_id join appraisal_cycles c on c.id = cp.cycle_id
          where c.period_label = '2026-10' and p.name = '吴婷'`,
      )
    ).rows;
    const accounts = frozen.r.indicators.find((i: { key: string }) => i.key === '新大客户开发数量');
    expect(accounts.points).toBeCloseTo(26, 9);
    expect(frozen.r.indicators.find((i: { key: string }) => i.key === '销售额').target).toBe(600000);
    // the distribution respects the cycle's forced distribution (S ≤ 30 %, A ≤ 40 % of 7)
    const grades = rows.map((r) => r.grade);
    expect(grades.filter((g) => g === 'S').length).toBeLessThanOrEqual(2);
    expect(grades.filter((g) => g === 'A').length).toBeLessThanOrEqual(2);
  });

  it('November is open and half entered: some complete, some incomplete, one with nothing yet', async () => {
    const rows = await participants('2026-11');
    expect(rows).toHaveLength(7);
    expect(rows.every((r) => r.state === 'open' && !r.frozen)).toBe(true);
    expect(rows.filter((r) => r.status === 'complete').map((r) => r.name).sort()).toEqual(['郑浩然', '黄志强'].sort());
    expect(rows.find((r) => r.name === '曹宇')).toMatchObject({ status: 'incomplete', total: null });
  });

  it('a visitor renaming the demo template does not break the demo for the next one', async () => {
    const open = await t.app.inject({ method: 'POST', url: '/api/v1/demo/open' });
    const session = { cookie: open.cookies.find((c) => c.name === 'kedu_session')!.value, csrf: open.json().csrfToken as string, userId: open.json().user.id as string };
    const list = await sessionApi(t, session, 'GET', '/api/v1/workspaces/demo/scorecard-templates');
    expect(list.status).toBe(200);
    const id = list.body.items?.[0]?.id ?? list.body[0]?.id;
    const renamed = await sessionApi(t, session, 'PATCH', `/api/v1/workspaces/demo/scorecard-templates/${id}`, { body: { name: 'Renamed by a visitor' } });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    const next = await t.app.inject({ method: 'POST', url: '/api/v1/demo/open' });
    expect(next.statusCode, next.body).toBe(200);
  });

  it('opening the demo again seeds nothing twice', async () => {
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/demo/open' });
    expect(again.statusCode).toBe(200);
    const { rows } = await t.database.pool.query(`select count(*)::int as n from appraisal_cycles`);
    expect(rows[0].n).toBe(2);
  });
});
