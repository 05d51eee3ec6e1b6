import { expect, it } from 'vitest';
import { seedAppraisal, setManagerRating } from '../../../testing/appraisal-fixtures.ts';
import { insertAppeal, seedResultsCycle, setTerms } from '../../../testing/appraisal-results-fixtures.ts';
import type { Org } from '../../../testing/fixtures.ts';
import { describeEachDatabase, type TestApp } from '../../../testing/harness.ts';
import { useSeededOrg } from '../../../testing/seeded-org.ts';
import { multipartFile } from '../../../testing/sessions.ts';
import { appealsOf } from './appeals.service.ts';

describeEachDatabase('adjustments and appeals', (kind) => {
  let t: TestApp;
  let org: Org;
  useSeededOrg(kind, (app, seeded) => {
    t = app;
    org = seeded;
  });

  const cycles = (path: string) => `/api/v1/workspaces/${org.ws}/cycles${path}`;
  /** 销售额 90, 新客户数 8, rating 4 → 85 (A). */
  async function scored(state: 'open' | 'calibrating') {
    const cycle = await seedResultsCycle(t, org, 'open');
    await setManagerRating(t, cycle.participants.member, '沟通能力', 4);
    await setTerms(t, cycle.cycleId, cycle.participants.member, { 销售额: 90, 新客户数: 8 });
    if (state === 'calibrating') {
      const res = await t.api('POST', cycles(`/${cycle.cycleId}/calibrate`), { token: org.tokens.admin });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    return cycle;
  }

  it('adjusts a result with a written reason: the final grade follows, audited; without a reason it is refused', async () => {
    const { cycleId, participants } = await scored('open');
    const adjustment = cycles(`/${cycleId}/participants/${participants.member}/adjustment`);

    const noReason = await t.api('PUT', adjustment, { token: org.tokens.manager, body: { total: 96 } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details).toEqual([expect.objectContaining({ path: ['body', 'reason'], code: 'field.required' })]);
    const shortReason = await t.api('PUT', adjustment, { token: org.tokens.manager, body: { total: 96, reason: 'ok' } });
    expect(shortReason.body.error.details).toEqual([expect.objectContaining({ path: ['body', 'reason'], code: 'field.too_short' })]);
    const aboveMax = await t.api('PUT', adjustment, { token: org.tokens.manager, body: { total: 121, reason: 'Far above the rest' } });
    expect(aboveMax.status).toBe(400);
    expect(aboveMax.body.error.details).toEqual([expect.objectContaining({ path: ['body', 'total'], code: 'adjustment.above_max_total' })]);
    expect(aboveMax.body.error.details[0].message).toContain('120');

    const res = await t.api('PUT', adjustment, { token: org.tokens.manager, body: { total: 96, reason: 'Won the key account in the last week' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ total: 85, grade: 'A', adjustedTotal: 96, adjustmentReason: 'Won the key account in the last week', finalGrade: 'S' });

    const audit = await t.api('GET', `/api/v1/workspaces/${org.ws}/audit?action=participant.adjust&entityId=${participants.member}`, { token: org.tokens.admin });
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0].before).toMatchObject({ adjustedTotal: null, finalGrade: 'A' });
    expect(audit.body.items[0].after).toMatchObject({ adjustedTotal: 96, adjustmentReason: 'Won the key account in the last week', finalGrade: 'S' });

    // nobody adjusts their own result; a member adjusts nobody's
    const own = await t.api('PUT', cycles(`/${cycleId}/participants/${participants.manager}/adjustment`), { token: org.tokens.manager, body: { total: 100, reason: 'I deserve it' } });
    expect(own.status).toBe(403);
    expect((await t.api('PUT', adjustment, { token: org.tokens.member, body: { total: 100, reason: 'I deserve it' } })).status).toBe(403);

    const removed = await t.api('DELETE', adjustment, { token: org.tokens.admin, body: { reason: 'Agreed at calibration to keep the computed total' } });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body).toMatchObject({ adjustedTotal: null, adjustmentReason: null, finalGrade: 'A' });
    const again = await t.api('DELETE', adjustment, { token: org.tokens.admin, body: { reason: 'Agreed at calibration' } });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('no adjustment');
  });

  it('takes appeals only in calibration, one open per indicator; accepting with a correction changes the total, rejecting keeps it', async () => {
    const open = await scored('open');
    const early = await t.api('POST', cycles(`/${open.cycleId}/participants/${open.participants.member}/appeals`), { token: org.tokens.member, body: { indicatorKey: '销售额', reason: '销售额应为 100 万' } });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('invalid_state');

    const { cycleId, participants } = await scored('calibrating');
    const appealUrl = cycles(`/${cycleId}/participants/${participants.member}/appeals`);
    const created = await t.api('POST', appealUrl, { token: org.tokens.member, body: { indicatorKey: '销售额', reason: '销售额应为 100 万，漏记了一笔订单' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.appeal).toMatchObject({ status: 'open', indicatorKey: '销售额', indicatorName: '销售额', personName: 'Max Member', canResolve: false });
    const appealId = created.body.appeal.id as string;

    const twice = await t.api('POST', appealUrl, { token: org.tokens.member, body: { indicatorKey: '销售额', reason: 'Still waiting for an answer' } });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('conflict');
    const unknown = await t.api('POST', appealUrl, { token: org.tokens.member, body: { indicatorKey: 'nope', reason: 'Something is wrong' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual([expect.objectContaining({ path: ['body', 'indicatorKey'], code: 'appeal.unknown_indicator' })]);
    const byManager = await t.api('POST', appealUrl, { token: org.tokens.manager, body: { reason: 'On their behalf' } });
    expect(byManager.status).toBe(403);
    const whole = await t.api('POST', appealUrl, { token: org.tokens.member, body: { reason: '整体结果与实际表现不符' } });
    expect(whole.status).toBe(201);

    // shown in the list: the member sees their own, the manager their units', the admin all
    for (const token of [org.tokens.member, org.tokens.manager, org.tokens.admin]) {
      const list = await t.api('GET', cycles(`/${cycleId}/appeals?status=open`), { token });
      expect(list.status).toBe(200);
      expect(list.body.map((a: { id: string }) => a.id)).toEqual([appealId, whole.body.appeal.id]);
    }
    expect((await t.api('GET', cycles(`/${cycleId}/appeals`), { token: org.tokens.manager })).body[0].canResolve).toBe(true);

    // the corrections name a term the appealed indicator reads (or a manual key, in its scale)
    const accept = cycles(`/${cycleId}/appeals/${appealId}/accept`);
    const badTerm = await t.api('POST', accept, { token: org.tokens.manager, body: { corrections: { '销售 额': 100, 沟通能力: 9 }, resolution: 'Corrected' } });
    expect(badTerm.status).toBe(400);
    expect(badTerm.body.error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['body', 'corrections', '销售 额'], code: 'appeal.unknown_term' }),
        expect.objectContaining({ path: ['body', 'corrections', '沟通能力'], code: 'appeal.term_not_of_indicator' }),
      ]),
    );
    expect((await t.api('POST', accept, { token: org.tokens.member, body: { corrections: { 销售额: 100 }, resolution: 'Mine' } })).status).toBe(403);

    const accepted = await t.api('POST', accept, { token: org.tokens.manager, body: { corrections: { 销售额: 100 }, resolution: '核实后补记订单' } });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.appeal).toMatchObject({ status: 'accepted', corrections: { 销售额: 100 }, resolution: '核实后补记订单' });
    expect(accepted.body.result.total).toBeCloseTo(90, 9); // 50 + 24 + 16
    expect(accepted.body.result.finalGrade).toBe('A');
    const [value] = (await t.database.pool.query(`select value, source from cycle_term_values where participant_id = $1 and term = '销售额'`, [participants.member])).rows;
    expect(value).toEqual({ value: 100, source: 'appeal' });
    const twiceAccepted = await t.api('POST', accept, { token: org.tokens.manager, body: { corrections: { 销售额: 100 }, resolution: 'Again' } });
    expect(twiceAccepted.status).toBe(409);

    // rejecting keeps the result as it is
    const shortResolution = await t.api('POST', cycles(`/${cycleId}/appeals/${whole.body.appeal.id}/reject`), { token: org.tokens.manager, body: { resolution: 'no' } });
    expect(shortResolution.body.error.details).toEqual([expect.objectContaining({ path: ['body', 'resolution'], code: 'field.too_short' })]);
    const rejected = await t.api('POST', cycles(`/${cycleId}/appeals/${whole.body.appeal.id}/reject`), { token: org.tokens.manager, body: { resolution: '结果与数据一致，维持原结果' } });
    expect(rejected.status).toBe(200);
    expect(rejected.body.appeal.status).toBe('rejected');
    expect(rejected.body.result.total).toBeCloseTo(90, 9);

    // a manual indicator's correction is the manager's rating
    const ratingAppeal = await t.api('POST', appealUrl, { token: org.tokens.member, body: { indicatorKey: '沟通能力', reason: 'Clients praised my communication' } });
    const outOfScale = await t.api('POST', cycles(`/${cycleId}/appeals/${ratingAppeal.body.appeal.id}/accept`), { token: org.tokens.admin, body: { corrections: { 沟通能力: 9 }, resolution: 'Agreed' } });
    expect(outOfScale.body.error.details).toEqual([expect.objectContaining({ path: ['body', 'corrections', '沟通能力'], code: 'rating.out_of_scale' })]);
    const ratingAccepted = await t.api('POST', cycles(`/${cycleId}/appeals/${ratingAppeal.body.appeal.id}/accept`), { token: org.tokens.admin, body: { corrections: { 沟通能力: 5 }, resolution: 'Agreed' } });
    expect(ratingAccepted.status, JSON.stringify(ratingAccepted.body)).toBe(200);
    expect(ratingAccepted.body.result.total).toBeCloseTo(94, 9); // 50 + 24 + 20

    expect((await t.api('GET', cycles(`/${cycleId}/appeals?status=rejected`), { token: org.tokens.member })).body).toHaveLength(1);
    const shown = await appealsOf(t.database.db, participants.member);
    expect(shown.map((a) => a.status)).toEqual(['accepted', 'rejected', 'accepted']);
    // a colleague's appeals are not the member's to see
    const colleague = await insertAppeal(t, org, participants.eastRep);
    expect((await t.api('GET', cycles(`/${cycleId}/appeals`), { token: org.tokens.member })).body.map((a: { id: string }) => a.id)).not.toContain(colleague);
    expect((await t.api('POST', cycles(`/${cycleId}/appeals/${colleague}/reject`), { token: org.tokens.member, body: { resolution: 'Not mine to answer' } })).status).toBe(404);
  });

  it('a closed cycle refuses every results write with 409 cycle_locked', async () => {
    const { cycleId, participants } = await seedAppraisal(t, org, { state: 'calibrating' });
    const close = await t.api('POST', cycles(`/${cycleId}/close`), { token: org.tokens.admin, body: { allowIncomplete: true } });
    expect(close.status, JSON.stringify(close.body)).toBe(200);
    // an appeal left open in a closed cycle (closing refuses open appeals; written directly here)
    const appealId = await insertAppeal(t, org, participants.eastRep);
    const p = (pid: string, rest: string) => cycles(`/${cycleId}/participants/${pid}${rest}`);
    const { payload, headers } = multipartFile('file', 'actuals.csv', 'person,销售额\nerin@acme.test,100\n');
    const writes: [string, string, string, unknown?, Record<string, string>?, (Buffer | undefined)?][] = [
      ['PUT', p(participants.member, `/ratings/${encodeURIComponent('沟通能力')}/self`), org.tokens.member, { rating: 3 }],
      ['PUT', p(participants.eastRep, `/ratings/${encodeURIComponent('沟通能力')}/manager`), org.tokens.manager, { rating: 3 }],
      ['PUT', p(participants.eastRep, '/adjustment'), org.tokens.manager, { total: 50, reason: 'After the close' }],
      ['DELETE', p(participants.eastRep, '/adjustment'), org.tokens.manager, { reason: 'After the close' }],
      ['POST', p(participants.member, '/appeals'), org.tokens.member, { reason: 'After the close' }],
      ['POST', cycles(`/${cycleId}/appeals/${appealId}/accept`), org.tokens.manager, { corrections: { 销售额: 100 }, resolution: 'After the close' }],
      ['POST', cycles(`/${cycleId}/appeals/${appealId}/reject`), org.tokens.manager, { resolution: 'After the close' }],
      ['POST', cycles(`/${cycleId}/actuals/import`), org.tokens.manager, undefined, headers, payload],
    ];
    for (const [method, url, token, body, extraHeaders, raw] of writes) {
      const res = await t.app.inject({ method: method as 'POST', url, headers: { authorization: `Bearer ${token}`, 'accept-language': 'en', ...extraHeaders }, payload: raw ?? (body as object) });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(409);
      expect(res.json().error.code).toBe('cycle_locked');
    }
  });
});
