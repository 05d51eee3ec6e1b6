import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { cycleParticipants } from '../../db/schema/index.ts';
import { ON_TARGET_VALUES, seedAppraisal, setManagerRating } from '../../testing/appraisal-fixtures.ts';
import { setTerms } from '../../testing/appraisal-results-fixtures.ts';
import { type Org, TEST_PASSWORD, tokenFor } from '../../testing/fixtures.ts';
import { describeEachDatabase, type TestApp } from '../../testing/harness.ts';
import { useSeededOrg } from '../../testing/seeded-org.ts';
import { today } from '../goals/goal-status.ts';
import { goalFixture } from '../../testing/dashboard-fixtures.ts';

/** The statements of a list of goals (goalFixture's table says which status each has). */
const names = (items: { statement: string }[]) => items.map((i) => i.statement);

describeEachDatabase('home dashboard: my goals, my team, the company', (kind) => {
  let t: TestApp;
  let org: Org;
  useSeededOrg(kind, (app, seeded) => {
    t = app;
    org = seeded;
  });
  const get = (path: string, token: string) => t.api('GET', `/api/v1/workspaces/${org.ws}/dashboard/${path}`, { token });
  let checkInDays: { on: string; value: number }[];
  let p: { manager: string; member: string; eastRep: string; southRep: string };
  let cycleId: string;
  let decemberMember: string;

  beforeAll(async () => {
    checkInDays = await goalFixture(t, org);
    // an older cycle without the member's result; 十月 with everyone's, in calibration; a trial cycle
    // (counts for nothing); and the newest, open, with one result so far
    await seedAppraisal(t, org, { state: 'open', periodLabel: '2026-09', name: '九月考核' });
    const cycle = await seedAppraisal(t, org, { state: 'calibrating', periodLabel: '2026-10', name: '十月考核' });
    cycleId = cycle.cycleId;
    p = cycle.participants;
    for (const pid of Object.values(p)) await setManagerRating(t, pid, '沟通能力', 5);
    await setTerms(t, cycleId, p.member, ON_TARGET_VALUES); // 106 S
    await setTerms(t, cycleId, p.eastRep, ON_TARGET_VALUES); // 106 S, adjusted to 75 B below
    await setTerms(t, cycleId, p.southRep, { ...ON_TARGET_VALUES, 新大客户开发数量: 16 }); // 102 S
    await setTerms(t, cycleId, p.manager, { ...ON_TARGET_VALUES, 销售额: 70 }); // 48.5 D (vetoed)
    await t.database.db.update(cycleParticipants).set({ adjustedTotal: 75, adjustmentReason: 'test', finalGrade: 'B' }).where(eq(cycleParticipants.id, p.eastRep));
    // Sam was in 人力资源部 when the cycle opened: outside the manager's units for this cycle
    await t.database.db.update(cycleParticipants).set({ unitId: org.units.hr }).where(eq(cycleParticipants.id, p.southRep));
    const trial = await seedAppraisal(t, org, { state: 'open', periodLabel: '2026-11', name: '十一月试运行', trial: true });
    await setManagerRating(t, trial.participants.member, '沟通能力', 5);
    await setTerms(t, trial.cycleId, trial.participants.member, ON_TARGET_VALUES);
    const december = await seedAppraisal(t, org, { state: 'open', periodLabel: '2026-12', name: '十二月考核' });
    decemberMember = december.participants.member;
    await setManagerRating(t, december.participants.eastRep, '沟通能力', 5);
    await setTerms(t, december.cycleId, december.participants.eastRep, ON_TARGET_VALUES);
  });

  it('me: a member sees their own goals, their status counts, their latest counting scorecard and its trend', async () => {
    const res = await get('me', org.tokens.member);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.asOf).toBe(today());
    expect(res.body.personId).toBe(org.people.member);
    expect(res.body.goals.map((g: { statement: string; status: string; progress: number | null }) => [g.statement, g.status, g.progress])).toEqual([
      ['M1 粉丝数达到 100', 'on_track', 0.45],
      ['M2 销售额达到 100', 'off_track', 0.2],
      ['M3 粉丝数再增 100', 'not_started', null],
    ]);
    expect(res.body.goals[0]).toMatchObject({ target: 100, current: 45, indicator: { unit: '人' } });
    expect(res.body.statusCounts).toEqual({ not_started: 1, on_track: 1, at_risk: 0, off_track: 1, achieved: 0, missed: 0 });
    // the newest cycle she takes part in, even before her result is in; the trial cycle is left out
    expect(res.body.scorecard).toMatchObject({ cycle: { name: '十二月考核', periodLabel: '2026-12' }, participantId: decemberMember, total: null, status: 'incomplete', cycleState: 'open' });
    expect(res.body.trend.map((s: { cycle: { periodLabel: string }; total: number | null; grade: string | null }) => [s.cycle.periodLabel, s.total, s.grade])).toEqual([
      ['2026-09', null, null],
      ['2026-10', 106, 'S'],
      ['2026-12', null, null],
    ]);
    expect(res.body.trend[1]).toMatchObject({ cycle: { id: cycleId }, participantId: p.member, cycleState: 'calibrating', adjusted: false });
  });

  it('me: an adjusted total is the one that counts; a user without a person record gets empty lists', async () => {
    const erin = await t.api('POST', `/api/v1/workspaces/${org.ws}/members`, { token: org.tokens.admin, body: { email: 'erin@acme.test', name: 'Erin East', role: 'member', personId: org.people.eastRep, password: TEST_PASSWORD } });
    expect(erin.status, JSON.stringify(erin.body)).toBe(201);
    const mine = (await get('me', await tokenFor(t, 'erin@acme.test'))).body;
    expect(mine.scorecard).toMatchObject({ cycle: { name: '十二月考核' }, total: 106, grade: 'S', adjusted: false });
    expect(mine.trend.find((s: { cycle: { id: string } }) => s.cycle.id === cycleId)).toMatchObject({ participantId: p.eastRep, total: 75, grade: 'B', adjusted: true });
    expect(mine.statusCounts.achieved).toBe(1);

    const loose = await t.api('POST', `/api/v1/workspaces/${org.ws}/members`, { token: org.tokens.admin, body: { email: 'loose@acme.test', name: 'No Person', role: 'member', password: TEST_PASSWORD } });
    expect(loose.status, JSON.stringify(loose.body)).toBe(201);
    const res = await get('me', await tokenFor(t, 'loose@acme.test'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ personId: null, goals: [], scorecard: null, trend: [] });
  });

  it('team: a manager sees the goals and results of their units only, the at-risk list furthest behind first; results of the newest calibrating or closed cycle', async () => {
    const res = await get('team', org.tokens.manager);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = res.body;
    expect(body.scope).toBe('units');
    expect(body.goalCount).toBe(6);
    expect(body.statusCounts).toEqual({ not_started: 1, on_track: 1, at_risk: 2, off_track: 1, achieved: 1, missed: 0 });
    expect(body.atRisk.map((g: { statement: string; owner: { name: string }; gap: number }) => [g.statement, g.owner.name, Number(g.gap.toFixed(6))])).toEqual([
      ['M2 销售额达到 100', 'Max Member', 0.3],
      ['华东区销售额达到 100', '华东区', 0.2],
      ['S1 粉丝数达到 100', 'Sam South', 0.15],
    ]);
    expect(body.atRisk[0]).toMatchObject({ status: 'off_track', elapsed: 0.5, progress: 0.2, owner: { kind: 'person', id: org.people.member } });
    // nothing of 人力资源部 (its unit goal and Hana's) reaches the manager
    expect(JSON.stringify(body)).not.toContain('人力资源部');
    expect(JSON.stringify(body)).not.toContain('Hana');
    expect(body.people.map((x: { name: string; goalCount: number; onTrack: number }) => [x.name, x.goalCount, x.onTrack])).toEqual([
      ['Sam South', 1, 0],
      ['Max Member', 3, 1],
      ['Erin East', 1, 1],
    ]);
    expect(body.peopleWithGoals).toBe(3);
    expect(body.distribution).toEqual({
      cycle: { id: cycleId, name: '十月考核', periodLabel: '2026-10' },
      participants: 3,
      grades: [
        { grade: 'S', count: 1 },
        { grade: 'B', count: 1 },
        { grade: 'D', count: 1 },
      ],
      buckets: [
        { bucket: 'lt60', count: 1 },
        { bucket: '60-70', count: 0 },
        { bucket: '70-80', count: 1 },
        { bucket: '80-90', count: 0 },
        { bucket: '90-100', count: 0 },
        { bucket: 'ge100', count: 1 },
      ],
    });
  });

  it('team: an admin sees everyone; a member is refused team and company', async () => {
    const body = (await get('team', org.tokens.admin)).body;
    expect(body.scope).toBe('all');
    expect(body.goalCount).toBe(9);
    expect(names(body.atRisk)).toEqual(['H1 内容发布 100 篇', '人力资源部内容发布 100 篇', 'M2 销售额达到 100', '华东区销售额达到 100', 'S1 粉丝数达到 100']);
    expect(body.distribution.participants).toBe(4);
    expect(body.distribution.grades).toEqual([
      { grade: 'S', count: 2 },
      { grade: 'B', count: 1 },
      { grade: 'D', count: 1 },
    ]);
    for (const path of ['team', 'company']) {
      const refused = await get(path, org.tokens.member);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('forbidden');
    }
    expect((await get('company', org.tokens.manager)).status).toBe(403);
  });

  it('company: tree health per level and per top unit, the balanced scorecard, key indicator trends and the ranking', async () => {
    const res = await get('company', org.tokens.admin);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = res.body;
    expect(body.levels.map((l: { level: string; total: number }) => [l.level, l.total])).toEqual([
      ['company', 1],
      ['unit', 2],
      ['person', 6],
    ]);
    expect(body.levels[1].statusCounts).toMatchObject({ at_risk: 1, off_track: 1 });
    // in the organisation's order (sort order, then name), as everywhere units are listed
    expect(body.units.map((u: { name: string; total: number; statusCounts: Record<string, number> }) => [u.name, u.total, u.statusCounts.off_track, u.statusCounts.at_risk])).toEqual([
      ['人力资源部', 2, 2, 0],
      ['销售部', 6, 1, 2],
    ]);
    const radar = Object.fromEntries(body.radar.map((r: { perspective: string; average: number | null; withProgress: number; goalCount: number }) => [r.perspective, [r.average === null ? null : Number(r.average.toFixed(6)), r.withProgress, r.goalCount]]));
    // finance .45 .3 .2; customer .45 .35 (M3 has no progress); internal .1, 1.5 clamped to 1.2, .05
    expect(radar).toEqual({ finance: [0.316667, 3, 3], customer: [0.4, 2, 3], internal: [0.45, 3, 3], learning: [null, 0, 0] });
    const lastOfMonth = new Map<string, number>();
    for (const c of [...checkInDays].sort((a, b) => a.on.localeCompare(b.on))) lastOfMonth.set(c.on.slice(0, 7), c.value);
    expect(body.trends).toHaveLength(1);
    expect(body.trends[0]).toMatchObject({ statement: '公司销售额达到 100', target: 100, indicator: { unit: '元' } });
    expect(body.trends[0].points).toEqual([...lastOfMonth].map(([month, value]) => ({ month, value })));
    expect(body.ranking.cycle.id).toBe(cycleId);
    expect(body.ranking.items.map((i: { rank: number; name: string; unitName: string | null; total: number; grade: string }) => [i.rank, i.name, i.unitName, i.total, i.grade])).toEqual([
      [1, 'Max Member', '华东区', 106, 'S'],
      [2, 'Sam South', '人力资源部', 102, 'S'],
      [3, 'Erin East', '华东区', 75, 'B'],
      [4, 'Mia Manager', '销售部', 48.5, 'D'],
    ]);
    expect(body.ranking.items[0].participantId).toBe(p.member);
  });

  it('reuses an answer while nothing changes, and answers afresh right after a change through the API', async () => {
    const companyTotal = async () => (await get('company', org.tokens.admin)).body.levels[0].total as number;
    const first = await get('company', org.tokens.admin);
    expect(String(first.headers['content-type'])).toContain('application/json');
    const before = await companyTotal();
    // a change made behind the API's back (another process) is not seen until the answer expires…
    const { rows } = await t.database.pool.query(`select id from goals where owner_kind = 'company' limit 1`);
    const [plan] = (await t.api('GET', `/api/v1/workspaces/${org.ws}/plans`, { token: org.tokens.admin })).body;
    const goal = (await t.api('GET', `/api/v1/workspaces/${org.ws}/goals/${rows[0].id}`, { token: org.tokens.admin })).body;
    await t.database.pool.query(`insert into goals (workspace_id, plan_id, owner_kind, statement, indicator_id, target, starts_on, deadline, source, status_on)
      select workspace_id, plan_id, 'company', '暗中加入的目标 5', indicator_id, 5, starts_on, deadline, 'strategy', status_on from goals where id = $1`, [rows[0].id]);
    expect(await companyTotal()).toBe(before);
    // a check that writes nothing (the goal form's SMART check, called as one types) changes nothing either
    expect((await t.api('POST', `/api/v1/workspaces/${org.ws}/goals/smart-check`, { token: org.tokens.admin, body: { statement: '提升品牌知名度' } })).status).toBe(200);
    expect(await companyTotal()).toBe(before);
    // …while one through the API is seen at once, by everyone
    const created = await t.api('POST', `/api/v1/workspaces/${org.ws}/goals`, {
      token: org.tokens.admin,
      body: { planId: plan.id, owner: { kind: 'company' }, statement: '新增目标 10', indicatorId: goal.indicator.id, target: 10, startsOn: goal.startsOn, deadline: goal.deadline, source: 'strategy' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(await companyTotal()).toBe(before + 2);
  });
});
