import { beforeAll, expect, it } from 'vitest';
import { ON_TARGET_VALUES, seedAppraisal, setManagerRating } from '../../../testing/appraisal-fixtures.ts';
import { setForcedDistribution, setTerms } from '../../../testing/appraisal-results-fixtures.ts';
import type { Org } from '../../../testing/fixtures.ts';
import { describeEachDatabase, type TestApp } from '../../../testing/harness.ts';
import { useSeededOrg } from '../../../testing/seeded-org.ts';

describeEachDatabase('calibration ranking', (kind) => {
  let t: TestApp;
  let org: Org;
  let cycleId: string;
  let p: { manager: string; member: string; eastRep: string; southRep: string };
  useSeededOrg(kind, (app, seeded) => {
    t = app;
    org = seeded;
  });
  beforeAll(async () => {
    const cycle = await seedAppraisal(t, org, { state: 'open' });
    cycleId = cycle.cycleId;
    p = cycle.participants;
    // member and eastRep tie on 106 (S), southRep 102 (S), the manager 48.5 (D, vetoed)
    for (const pid of [p.member, p.eastRep, p.southRep, p.manager]) await setManagerRating(t, pid, '沟通能力', 5);
    await setTerms(t, cycleId, p.member, ON_TARGET_VALUES);
    await setTerms(t, cycleId, p.eastRep, ON_TARGET_VALUES);
    await setTerms(t, cycleId, p.southRep, { ...ON_TARGET_VALUES, 新大客户开发数量: 16 }); // 22 points: 102
    await setTerms(t, cycleId, p.manager, { ...ON_TARGET_VALUES, 销售额: 70 }); // 21 points, veto ×0.5: (26+21+20+15+15)/2 = 48.5
    await setForcedDistribution(t, cycleId, [{ grade: 'S', maxShare: 0.5 }, { grade: 'D', minShare: 0.5 }]);
  });

  const ranking = (token: string, query = '') => t.api('GET', `/api/v1/workspaces/${org.ws}/cycles/${cycleId}/ranking${query}`, { token });

  it('ranks by the total that counts, ties sharing a rank, with the grade distribution and the forced-distribution check', async () => {
    const res = await ranking(org.tokens.admin);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const rows = res.body.items.map((i: any) => [i.personName, i.rank, i.countedTotal, i.finalGrade]);
    expect(rows).toEqual([
      ['Erin East', 1, 106, 'S'],
      ['Max Member', 1, 106, 'S'],
      ['Sam South', 3, 102, 'S'],
      ['Mia Manager', 4, 48.5, 'D'],
    ]);
    expect(res.body.distribution).toEqual([
      { grade: 'S', count: 3, share: 0.75 },
      { grade: 'A', count: 0, share: 0 },
      { grade: 'B', count: 0, share: 0 },
      { grade: 'C', count: 0, share: 0 },
      { grade: 'D', count: 1, share: 0.25 },
    ]);
    expect(res.body.graded).toBe(4);
    // S: 3 of 4 = 75 % > 50 % (at most 2); D: 1 of 4 = 25 % < 50 % (at least 2)
    expect(res.body.forcedDistribution.ok).toBe(false);
    const [over, under] = res.body.forcedDistribution.violations;
    expect(over).toMatchObject({ code: 'distribution.over', grade: 'S', kind: 'over', count: 3, groupSize: 4, bound: 2 });
    expect(over.members.sort()).toEqual([p.member, p.eastRep, p.southRep].sort());
    expect(over.message.en).toContain('at most 2 of 4');
    expect(over.message['zh-CN']).toContain('4 人中最多 2 人');
    expect(under).toMatchObject({ code: 'distribution.under', grade: 'D', kind: 'under', bound: 2 });
  });

  it('an adjustment moves a participant: the adjusted total counts', async () => {
    const adjust = await t.api('PUT', `/api/v1/workspaces/${org.ws}/cycles/${cycleId}/participants/${p.manager}/adjustment`, {
      token: org.tokens.admin,
      body: { total: 104, reason: 'The veto came from a booking error' },
    });
    expect(adjust.status, JSON.stringify(adjust.body)).toBe(200);
    const res = await ranking(org.tokens.admin);
    expect(res.body.items.map((i: any) => [i.personName, i.rank, i.countedTotal, i.total])).toEqual([
      ['Erin East', 1, 106, 106],
      ['Max Member', 1, 106, 106],
      ['Mia Manager', 3, 104, 48.5],
      ['Sam South', 4, 102, 102],
    ]);
    expect(res.body.forcedDistribution.violations.map((v: any) => [v.grade, v.count])).toEqual([
      ['S', 4],
      ['D', 0],
    ]);
    const removed = await t.api('DELETE', `/api/v1/workspaces/${org.ws}/cycles/${cycleId}/participants/${p.manager}/adjustment`, {
      token: org.tokens.admin,
      body: { reason: 'Back to the computed total' },
    });
    expect(removed.status).toBe(200);
  });

  it('shows a manager their units only, narrows to a unit subtree, and refuses members', async () => {
    const manager = await ranking(org.tokens.manager);
    expect(manager.status).toBe(200);
    expect(manager.body.items).toHaveLength(4); // their units, themselves included (seen, never managed)
    const east = await ranking(org.tokens.manager, `?unitId=${org.units.east}`);
    expect(east.body.items.map((i: any) => [i.personName, i.rank])).toEqual([
      ['Erin East', 1],
      ['Max Member', 1],
    ]);
    const hr = await ranking(org.tokens.admin, `?unitId=${org.units.hr}`);
    expect(hr.body.items).toEqual([]);
    expect(hr.body.forcedDistribution.violations).toEqual([]);
    const member = await ranking(org.tokens.member);
    expect(member.status).toBe(403);
    expect(member.body.error.code).toBe('forbidden');
    const nowhere = await ranking(org.tokens.admin, '?unitId=00000000-0000-4000-8000-000000000000');
    expect(nowhere.status).toBe(404);
  });
});
