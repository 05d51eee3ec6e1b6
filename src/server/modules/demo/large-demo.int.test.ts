import { afterAll, beforeAll, expect, it } from 'vitest';
import { GOAL_STATUSES } from '../../../core/goals/types.ts';
import { PERSPECTIVES } from '../../../core/indicators/types.ts';
import type { Scorecard } from '../../../core/scoring/types.ts';
import { describeEachDatabase, startTestApp, type TestApp } from '../../testing/harness.ts';
import { scoreParticipant } from '../cycles/results/participant-score.ts';
import { loadInputs } from '../cycles/lifecycle/recompute.ts';
import { LargeDemoError, type LargeDemoSummary, seedLargeDemo } from './large-demo.ts';

/** `kedu demo --size large` at a small size: the same code, seconds instead of a minute. */
const SIZES = { people: 60, units: 5, months: 3, goals: 200 };
const TODAY = '2026-12-04';

describeEachDatabase('large demo workspace', (kind) => {
  let t: TestApp;
  let summary: LargeDemoSummary;
  const q = async <R extends Record<string, unknown>>(text: string, values: unknown[] = []) => (await t.database.pool.query<R>(text, values)).rows;
  beforeAll(async () => {
    t = await startTestApp(kind);
    summary = await seedLargeDemo(t.database, { sizes: SIZES, seed: 7, today: TODAY });
  });
  afterAll(() => t?.close());

  it('makes the organisation, the accounts of every dashboard role and the closed cycles at the sizes asked', async () => {
    expect(summary.counts).toMatchObject({ people: 60, units: 5, cycles: 3, participants: 180, plans: 1, goals: 200 });
    const [counts] = await q(`
      select (select count(*)::int from people p join workspaces w on w.id = p.workspace_id where w.slug = 'large') as people,
             (select count(*)::int from org_units) as units,
             (select count(*)::int from org_units where parent_id is null) as roots,
             (select count(*)::int from people where manager_id is null) as without_manager,
             (select count(*)::int from appraisal_cycles where state = 'closed') as closed,
             (select string_agg(period_label, ',' order by period_label) from appraisal_cycles) as periods,
             (select count(*)::int from cycle_participants where status = 'complete' and frozen_result is not null and total = (frozen_result->>'total')::float8) as frozen,
             (select count(*)::int from goals) as goals,
             (select count(*)::int from plan_phases) as phases`);
    expect(counts).toEqual({ people: 60, units: 5, roots: 2, without_manager: 1, closed: 3, periods: '2026-09,2026-10,2026-11', frozen: 180, goals: 200, phases: 3 });
    const roles = (await q<{ role: string }>(`select role from memberships m join workspaces w on w.id = m.workspace_id where w.slug = 'large'`)).map((r) => r.role);
    expect(new Set(roles)).toEqual(new Set(['admin', 'manager', 'member']));
    expect(summary.accounts.map((a) => a.email)).toEqual(expect.arrayContaining([expect.stringMatching(/@large\.kedu\.test$/)]));
    const login = await t.api('POST', '/api/v1/auth/login', { body: { email: summary.accounts[0].email, password: summary.password } });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
  });

  it('stores results the scoring engine gives again from the stored actuals and ratings', async () => {
    const rows = await q<{ id: string; card: Scorecard; notApplicable: string[]; total: number }>(`select id, card, not_applicable as "notApplicable", total from cycle_participants order by id limit 20`);
    const inputs = await loadInputs(t.database.db, rows);
    for (const row of rows) expect(scoreParticipant(inputs.get(row.id)!).total).toBeCloseTo(row.total, 9);
  });

  it('cascades goals inside their plan with a source, parents first, on every perspective and in every status', async () => {
    const [broken] = await q(`
      select count(*) filter (where g.parent_id is not null and p.plan_id <> g.plan_id)::int as other_plan,
             count(*) filter (where (g.source = 'parent') <> (g.parent_id is not null))::int as bad_source,
             count(*) filter (where g.owner_kind = 'person' and p.owner_kind = 'company')::int as skipped_level
      from goals g left join goals p on p.id = g.parent_id`);
    expect(broken).toEqual({ other_plan: 0, bad_source: 0, skipped_level: 0 });
    const kinds = await q<{ owner_kind: string; n: number }>(`select owner_kind, count(*)::int as n from goals group by 1`);
    expect(Object.fromEntries(kinds.map((k) => [k.owner_kind, k.n]))).toMatchObject({ company: 10, unit: expect.any(Number), person: expect.any(Number) });
    const statuses = (await q<{ status: string }>(`select distinct status from goals`)).map((r) => r.status);
    expect(new Set(statuses)).toEqual(new Set(GOAL_STATUSES));
    const perspectives = (await q<{ perspective: string }>(`select distinct i.perspective from goals g join indicators i on i.id = g.indicator_id`)).map((r) => r.perspective);
    expect(new Set(perspectives)).toEqual(new Set(PERSPECTIVES));
    const [checkIns] = await q(`select count(*)::int as n, count(distinct goal_id)::int as goals from goal_check_ins`);
    expect(checkIns.goals).toBeGreaterThan(150);
  });

  it('decomposes additive targets so that coverage varies: some full, some with a gap', async () => {
    const parents = await q<{ target: number; sum: number }>(`
      select p.target, sum(c.target) as sum from goals p
      join goals c on c.parent_id = p.id and c.indicator_id = p.indicator_id
      join indicators i on i.id = p.indicator_id and i.roll_up = 'sum'
      group by p.id, p.target`);
    const coverage = parents.map((p) => p.sum / p.target);
    expect(coverage.some((c) => Math.abs(c - 1) < 1e-9)).toBe(true);
    expect(coverage.some((c) => c < 0.9)).toBe(true);
  });

  it('gives the same data for the same seed, and refuses a taken slug unless replacing its own workspace', async () => {
    const again = await seedLargeDemo(t.database, { slug: 'large-b', sizes: SIZES, seed: 7, today: TODAY });
    const names = async (slug: string) =>
      (await q<{ s: string }>(`select string_agg(p.name || split_part(p.email, '@', 1), ',' order by p.employee_no) as s from people p join workspaces w on w.id = p.workspace_id where w.slug = $1`, [slug]))[0].s;
    const statements = async (slug: string) =>
      (await q<{ s: string }>(`select string_agg(g.statement || g.status, ',' order by g.statement, g.status) as s from goals g join workspaces w on w.id = g.workspace_id where w.slug = $1`, [slug]))[0].s;
    expect(await names('large-b')).toBe(await names('large'));
    expect(await statements('large-b')).toBe(await statements('large'));
    expect(again.accounts.map((a) => a.email)).not.toEqual(summary.accounts.map((a) => a.email));

    await expect(seedLargeDemo(t.database, { sizes: SIZES, today: TODAY })).rejects.toMatchObject({ code: 'exists', slug: 'large' });
    await t.database.pool.query(`insert into workspaces (slug, name) values ('acme', 'Acme')`);
    const refused = seedLargeDemo(t.database, { slug: 'acme', sizes: SIZES, replace: true, today: TODAY });
    await expect(refused).rejects.toBeInstanceOf(LargeDemoError);
    await expect(refused).rejects.toMatchObject({ code: 'not_replaceable' });

    const replaced = await seedLargeDemo(t.database, { slug: 'large-b', sizes: SIZES, seed: 8, replace: true, today: TODAY });
    const [after] = await q(`select count(*)::int as n from workspaces where slug = 'large-b'`);
    expect(after.n).toBe(1);
    expect(replaced.workspaceId).not.toBe(again.workspaceId);
    const [people] = await q(`select count(*)::int as n from people where workspace_id = $1`, [again.workspaceId]);
    expect(people.n).toBe(0);
  });
});
