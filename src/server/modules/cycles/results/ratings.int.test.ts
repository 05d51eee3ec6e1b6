import { expect, it } from 'vitest';
import { seedResultsCycle, setTerms } from '../../../testing/appraisal-results-fixtures.ts';
import type { Org } from '../../../testing/fixtures.ts';
import { describeEachDatabase, type TestApp } from '../../../testing/harness.ts';
import { useSeededOrg } from '../../../testing/seeded-org.ts';

const KEY = encodeURIComponent('沟通能力');

describeEachDatabase('manual ratings', (kind) => {
  let t: TestApp;
  let org: Org;
  useSeededOrg(kind, (app, seeded) => {
    t = app;
    org = seeded;
  });

  const url = (cycleId: string, pid: string, who: 'self' | 'manager', key = KEY) => `/api/v1/workspaces/${org.ws}/cycles/${cycleId}/participants/${pid}/ratings/${key}/${who}`;

  it('keeps the self-rating and the manager rating; only the manager rating counts (4 of 1–5 on weight 20 = 16 points)', async () => {
    const { cycleId, participants } = await seedResultsCycle(t, org);
    await setTerms(t, cycleId, participants.member, { 销售额: 90, 新客户数: 8 });

    const self = await t.api('PUT', url(cycleId, participants.member, 'self'), { token: org.tokens.member, body: { rating: 5, comment: '我觉得沟通很好' } });
    expect(self.status, JSON.stringify(self.body)).toBe(200);
    expect(self.body.rating).toMatchObject({ indicatorKey: '沟通能力', selfRating: 5, selfComment: '我觉得沟通很好', managerRating: null });
    // the self-rating does not count: without the manager's rating the result is incomplete
    expect(self.body.result).toMatchObject({ status: 'incomplete', total: null });

    const manager = await t.api('PUT', url(cycleId, participants.member, 'manager'), { token: org.tokens.manager, body: { rating: 4, comment: 'Clear with clients' } });
    expect(manager.status, JSON.stringify(manager.body)).toBe(200);
    expect(manager.body.rating).toMatchObject({ selfRating: 5, managerRating: 4, managerComment: 'Clear with clients' });
    // 90/100 × 50 = 45, 8/10 × 30 = 24, rating 4 → m 0.8 × 20 = 16
    expect(manager.body.result.status).toBe('complete');
    expect(manager.body.result.total).toBeCloseTo(85, 9);
    expect(manager.body.result.grade).toBe('A');
    expect(manager.body.result.finalGrade).toBe('A');

    // the self-rating again changes nothing that counts
    const again = await t.api('PUT', url(cycleId, participants.member, 'self'), { token: org.tokens.member, body: { rating: 1 } });
    expect(again.body.rating).toMatchObject({ selfRating: 1, managerRating: 4 });
    expect(again.body.result.total).toBeCloseTo(85, 9);

    const audit = await t.api('GET', `/api/v1/workspaces/${org.ws}/audit?action=rating.&entityId=${participants.member}`, { token: org.tokens.admin });
    expect(audit.status).toBe(200);
    const actions = audit.body.items.map((e: { action: string }) => e.action).sort();
    expect(actions).toEqual(['rating.manager', 'rating.self', 'rating.self']);
    const managerEntry = audit.body.items.find((e: { action: string }) => e.action === 'rating.manager');
    expect(managerEntry.before).toMatchObject({ selfRating: 5, managerRating: null });
    expect(managerEntry.after).toMatchObject({ selfRating: 5, managerRating: 4 });
  });

  it('refuses a rating outside the scale, located at body.rating with the scale in the message', async () => {
    const { cycleId, participants } = await seedResultsCycle(t, org);
    for (const rating of [6, 0.5]) {
      const res = await t.api('PUT', url(cycleId, participants.eastRep, 'manager'), { token: org.tokens.manager, body: { rating } });
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual([expect.objectContaining({ path: ['body', 'rating'], code: 'rating.out_of_scale', value: rating })]);
      expect(res.body.error.details[0].message).toContain('1–5');
    }
    const zh = await t.api('PUT', url(cycleId, participants.eastRep, 'manager'), { token: org.tokens.manager, body: { rating: 7 }, headers: { 'accept-language': 'zh-CN' } });
    expect(zh.body.error.details[0].message).toMatch(/量表 1–5/);
  });

  it('refuses a key that is not a manual indicator of the card, located at params.key', async () => {
    const { cycleId, participants } = await seedResultsCycle(t, org);
    const notManual = await t.api('PUT', url(cycleId, participants.eastRep, 'manager', encodeURIComponent('销售额')), { token: org.tokens.admin, body: { rating: 3 } });
    expect(notManual.status).toBe(400);
    expect(notManual.body.error.details).toEqual([expect.objectContaining({ path: ['params', 'key'], code: 'rating.not_manual' })]);
    expect(notManual.body.error.details[0].message).toContain('沟通能力');
    const unknown = await t.api('PUT', url(cycleId, participants.eastRep, 'manager', 'nope'), { token: org.tokens.admin, body: { rating: 3 } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual([expect.objectContaining({ path: ['params', 'key'], code: 'rating.unknown_indicator' })]);
  });

  it('lets only the participant rate themselves, and only their manager or an admin rate them as manager', async () => {
    const { cycleId, participants } = await seedResultsCycle(t, org);
    const put = (pid: string, who: 'self' | 'manager', token: string) => t.api('PUT', url(cycleId, pid, who), { token, body: { rating: 3 } });
    // a member cannot see a colleague, and cannot be their own manager
    expect((await put(participants.eastRep, 'manager', org.tokens.member)).status).toBe(404);
    expect((await put(participants.eastRep, 'self', org.tokens.member)).status).toBe(404);
    const ownAsManager = await put(participants.member, 'manager', org.tokens.member);
    expect(ownAsManager.status).toBe(403);
    expect(ownAsManager.body.error.code).toBe('forbidden');
    // a manager never rates themselves as manager, nor someone else as "self"
    expect((await put(participants.manager, 'manager', org.tokens.manager)).status).toBe(403);
    expect((await put(participants.member, 'self', org.tokens.manager)).status).toBe(403);
    expect((await put(participants.manager, 'self', org.tokens.manager)).status).toBe(200);
    expect((await put(participants.southRep, 'manager', org.tokens.admin)).status).toBe(200);
  });

  it('takes self-ratings while open only, manager ratings in calibration too, and nothing once closed', async () => {
    const calibrating = await seedResultsCycle(t, org, 'calibrating');
    const self = await t.api('PUT', url(calibrating.cycleId, calibrating.participants.member, 'self'), { token: org.tokens.member, body: { rating: 3 } });
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('invalid_state');
    const manager = await t.api('PUT', url(calibrating.cycleId, calibrating.participants.member, 'manager'), { token: org.tokens.manager, body: { rating: 3 } });
    expect(manager.status).toBe(200);

    const closed = await seedResultsCycle(t, org, 'closed');
    for (const [who, token] of [
      ['self', org.tokens.member],
      ['manager', org.tokens.manager],
    ] as const) {
      const res = await t.api('PUT', url(closed.cycleId, closed.participants.member, who), { token, body: { rating: 3 } });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('cycle_locked');
    }
  });
});
