import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { cycleParticipants } from '../../../db/schema/index.ts';
import { assignTemplate, setManagerRating } from '../../../testing/appraisal-fixtures.ts';
import { insertAppeal, seedResultsCycle, setTerms } from '../../../testing/appraisal-results-fixtures.ts';
import type { Org } from '../../../testing/fixtures.ts';
import { describeEachDatabase, type TestApp } from '../../../testing/harness.ts';
import { useSeededOrg } from '../../../testing/seeded-org.ts';
import { multipartFile } from '../../../testing/sessions.ts';

/**
 * Guards of the appraisal results found by review: numbers too large to score, nobody (admins
 * included) grading their own work, no cycle closed over open appeals, appeals correcting only
 * what they are about, an upload that reveals nobody out of scope, and one audit entity name.
 * On RESULTS_CARD (yearly): 销售额 (50, cap 1.2), 新客户数 (30, uncapped), 沟通能力 (20, manual).
 */
describeEachDatabase('appraisal results guards', (kind) => {
  let t: TestApp;
  let org: Org;
  useSeededOrg(kind, (app, seeded) => {
    t = app;
    org = seeded;
  });
  beforeAll(async () => {
    // the admin takes part too: the yearly template is also assigned to Ada Admin in person
    const { templateId } = await seedResultsCycle(t, org, 'draft');
    await assignTemplate(t, org, templateId, { personId: org.people.admin });
  });

  const cycles = (path: string) => `/api/v1/workspaces/${org.ws}/cycles${path}`;
  const participantOf = async (cycleId: string, personId: string) => {
    const [row] = await t.database.db
      .select({ id: cycleParticipants.id })
      .from(cycleParticipants)
      .where(and(eq(cycleParticipants.cycleId, cycleId), eq(cycleParticipants.personId, personId)));
    return row.id;
  };
  const calibrate = async (cycleId: string) => {
    const res = await t.api('POST', cycles(`/${cycleId}/calibrate`), { token: org.tokens.admin });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };

  it('refuses numbers beyond ±10^15 (located 400), and a value too large to score stored earlier makes an error, never a 500', async () => {
    const { cycleId, participants: p } = await seedResultsCycle(t, org, 'open');
    const participant = cycles(`/${cycleId}/participants/${p.member}`);

    const huge = await t.api('PUT', `${participant}/actuals`, { token: org.tokens.manager, body: { values: { 新客户数: 1e308 } } });
    expect(huge.status, JSON.stringify(huge.body)).toBe(400);
    expect(huge.body.error.details).toEqual([expect.objectContaining({ path: ['body', 'values', '新客户数'], code: 'field.number_too_large' })]);
    expect(huge.body.error.details[0].message).toContain('10^15');
    const zh = await t.api('PUT', `${participant}/actuals`, { token: org.tokens.manager, body: { values: { 新客户数: -1e16 } }, headers: { 'accept-language': 'zh-CN' } });
    expect(zh.body.error.details[0].message).toContain('数值过大');
    // 10^15 itself is taken
    expect((await t.api('PUT', `${participant}/actuals`, { token: org.tokens.manager, body: { values: { 新客户数: 1e15 } } })).status).toBe(200);

    const whatIf = await t.api('POST', `${participant}/what-if`, { token: org.tokens.manager, body: { change: { key: '新客户数', actual: 1e300 } } });
    expect(whatIf.status).toBe(400);
    expect(whatIf.body.error.details).toEqual([expect.objectContaining({ path: ['body', 'change', 'actual'], code: 'field.number_too_large' })]);
    const whatIfTarget = await t.api('POST', `${participant}/what-if`, { token: org.tokens.manager, body: { change: { key: '新客户数', target: 1e300 } } });
    expect(whatIfTarget.body.error.details).toEqual([expect.objectContaining({ path: ['body', 'change', 'target'], code: 'field.number_too_large' })]);
    const rating = await t.api('PUT', `${participant}/ratings/${encodeURIComponent('沟通能力')}/manager`, { token: org.tokens.manager, body: { rating: 1e300 } });
    expect(rating.status).toBe(400);
    expect(rating.body.error.details).toEqual([expect.objectContaining({ path: ['body', 'rating'], code: 'field.number_too_large' })]);

    // a value written before these limits (or by another way in): 1e308 / 10 × 30 overflows
    await setManagerRating(t, p.member, '沟通能力', 4);
    await setTerms(t, cycleId, p.member, { 销售额: 90, 新客户数: 1e308 });
    const detail = await t.api('GET', participant, { token: org.tokens.manager });
    expect(detail.status, JSON.stringify(detail.body).slice(0, 500)).toBe(200);
    expect(detail.body.result).toMatchObject({ status: 'invalid', subtotal: null, total: null });
    const indicator = detail.body.result.indicators.find((i: { key: string }) => i.key === '新客户数');
    expect(indicator).toMatchObject({ status: 'error', points: null, reason: expect.objectContaining({ code: 'score.not_finite' }) });
    expect(indicator.reason.message.en).toContain('too large to score');
    expect(detail.body).toMatchObject({ status: 'invalid', total: null });
    for (const url of [cycles(`/${cycleId}/participants`), cycles(`/${cycleId}/ranking`), cycles(`/${cycleId}`)]) {
      const res = await t.api('GET', url, { token: org.tokens.admin });
      expect(res.status, `${url}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(200);
    }
    const list = await t.api('GET', cycles(`/${cycleId}/participants?pageSize=200`), { token: org.tokens.admin });
    expect(list.body.items.find((i: { id: string }) => i.id === p.member)).toMatchObject({ status: 'invalid', total: null });

    // the upload refuses cells beyond 10^15, located
    const { payload, headers } = multipartFile('file', 'actuals.csv', 'person,新客户数\nerin@acme.test,2e15\n');
    const upload = await t.app.inject({ method: 'POST', url: cycles(`/${cycleId}/actuals/import`), headers: { ...headers, authorization: `Bearer ${org.tokens.manager}`, 'accept-language': 'en' }, payload });
    expect(upload.statusCode, upload.body).toBe(422);
    expect(upload.json().error.details).toEqual([expect.objectContaining({ row: 2, column: '新客户数', value: '2e15', code: 'actuals.too_large' })]);
    expect(upload.json().error.details[0].message).toContain('too large');
  });

  it('an admin who takes part cannot grade their own work: actuals, rating, adjustment, upload, appeals', async () => {
    const { cycleId, participants: p } = await seedResultsCycle(t, org, 'open');
    const own = await participantOf(cycleId, org.people.admin);
    const mine = cycles(`/${cycleId}/participants/${own}`);
    const actuals = await t.api('PUT', `${mine}/actuals`, { token: org.tokens.admin, body: { values: { 销售额: 120 } } });
    expect(actuals.status).toBe(403);
    expect((await t.api('PUT', `${mine}/ratings/${encodeURIComponent('沟通能力')}/manager`, { token: org.tokens.admin, body: { rating: 5 } })).status).toBe(403);
    expect((await t.api('PUT', `${mine}/adjustment`, { token: org.tokens.admin, body: { total: 100, reason: 'I deserve it' } })).status).toBe(403);
    const detail = await t.api('GET', mine, { token: org.tokens.admin });
    expect(detail.status).toBe(200);
    expect(detail.body.canEdit).toMatchObject({ enterActuals: false, rate: false, adjust: false });
    // their own manager's work still goes through: the admin grades everyone else
    expect((await t.api('PUT', cycles(`/${cycleId}/participants/${p.southRep}/actuals`), { token: org.tokens.admin, body: { values: { 销售额: 100 } } })).status).toBe(200);

    const { payload, headers } = multipartFile('file', 'actuals.csv', 'person,销售额\nadmin@acme.test,120\n');
    const upload = await t.app.inject({ method: 'POST', url: cycles(`/${cycleId}/actuals/import`), headers: { ...headers, authorization: `Bearer ${org.tokens.admin}`, 'accept-language': 'en' }, payload });
    expect(upload.statusCode, upload.body).toBe(422);
    expect(upload.json().error.details).toEqual([expect.objectContaining({ row: 2, code: 'actuals.person_self' })]);

    await calibrate(cycleId);
    const appeal = await t.api('POST', `${mine}/appeals`, { token: org.tokens.admin, body: { indicatorKey: '销售额', reason: 'My sales were higher' } });
    expect(appeal.status, JSON.stringify(appeal.body)).toBe(201);
    expect(appeal.body.appeal.canResolve).toBe(false);
    const accept = await t.api('POST', cycles(`/${cycleId}/appeals/${appeal.body.appeal.id}/accept`), { token: org.tokens.admin, body: { corrections: { 销售额: 200 }, resolution: 'Granted to myself' } });
    expect(accept.status).toBe(403);
    const reject = await t.api('POST', cycles(`/${cycleId}/appeals/${appeal.body.appeal.id}/reject`), { token: org.tokens.admin, body: { resolution: 'Rejected by myself' } });
    expect(reject.status).toBe(403);
  });

  it('refuses to close a cycle while appeals are open, naming how many; canResolve only while the cycle takes answers', async () => {
    const { cycleId, participants: p } = await seedResultsCycle(t, org, 'calibrating');
    const first = await insertAppeal(t, org, p.member);
    await insertAppeal(t, org, p.eastRep, null);
    const listed = await t.api('GET', cycles(`/${cycleId}/appeals`), { token: org.tokens.manager });
    expect(listed.body.map((a: { canResolve: boolean }) => a.canResolve)).toEqual([true, true]);

    for (const allowIncomplete of [false, true]) {
      const close = await t.api('POST', cycles(`/${cycleId}/close`), { token: org.tokens.admin, body: { allowIncomplete } });
      expect(close.status).toBe(409);
      expect(close.body.error.code).toBe('invalid_state');
      expect(close.body.error.message).toContain('2 appeal(s) are still open');
    }
    const zh = await t.api('POST', cycles(`/${cycleId}/close`), { token: org.tokens.admin, body: { allowIncomplete: true }, headers: { 'accept-language': 'zh-CN' } });
    expect(zh.body.error.message).toContain('还有 2 条异议未处理');
    expect((await t.api('GET', cycles(`/${cycleId}`), { token: org.tokens.admin })).body.state).toBe('calibrating');

    // back to open: the appeals cannot be answered there, so nobody is offered to
    const back = await t.api('POST', cycles(`/${cycleId}/back-to-open`), { token: org.tokens.admin });
    expect(back.status).toBe(200);
    const whileOpen = await t.api('GET', cycles(`/${cycleId}/appeals`), { token: org.tokens.admin });
    expect(whileOpen.body.map((a: { canResolve: boolean }) => a.canResolve)).toEqual([false, false]);
    const detail = await t.api('GET', cycles(`/${cycleId}/participants/${p.member}`), { token: org.tokens.manager });
    expect(detail.status).toBe(200);
    await calibrate(cycleId);

    const answer = (id: string) => t.api('POST', cycles(`/${cycleId}/appeals/${id}/reject`), { token: org.tokens.manager, body: { resolution: 'The figures are right' } });
    expect((await answer(first)).status).toBe(200);
    const stillOne = await t.api('POST', cycles(`/${cycleId}/close`), { token: org.tokens.admin, body: { allowIncomplete: true } });
    expect(stillOne.status).toBe(409);
    expect(stillOne.body.error.message).toContain('1 appeal(s)');
    const rest = (await t.api('GET', cycles(`/${cycleId}/appeals?status=open`), { token: org.tokens.admin })).body as { id: string }[];
    for (const a of rest) expect((await answer(a.id)).status).toBe(200);
    const closed = await t.api('POST', cycles(`/${cycleId}/close`), { token: org.tokens.admin, body: { allowIncomplete: true } });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.state).toBe('closed');
  });

  it('an appeal about one indicator corrects only what that indicator reads; one about the whole result any term', async () => {
    const { cycleId, participants: p } = await seedResultsCycle(t, org, 'open');
    await setManagerRating(t, p.member, '沟通能力', 4);
    await setTerms(t, cycleId, p.member, { 销售额: 90, 新客户数: 8 });
    await calibrate(cycleId);
    const appeals = cycles(`/${cycleId}/participants/${p.member}/appeals`);
    const about = await t.api('POST', appeals, { token: org.tokens.member, body: { indicatorKey: '销售额', reason: '销售额漏记了一笔订单' } });
    expect(about.status).toBe(201);
    const accept = (id: string, corrections: Record<string, number>) =>
      t.api('POST', cycles(`/${cycleId}/appeals/${id}/accept`), { token: org.tokens.manager, body: { corrections, resolution: 'Corrected after review' } });

    const wider = await accept(about.body.appeal.id, { 销售额: 100, 新客户数: 20, 沟通能力: 5 });
    expect(wider.status).toBe(400);
    expect(wider.body.error.details).toEqual([
      expect.objectContaining({ path: ['body', 'corrections', '新客户数'], code: 'appeal.term_not_of_indicator' }),
      expect.objectContaining({ path: ['body', 'corrections', '沟通能力'], code: 'appeal.term_not_of_indicator' }),
    ]);
    expect(wider.body.error.details[0].message).toContain('"销售额"');
    const [kept] = (await t.database.pool.query(`select value from cycle_term_values where participant_id = $1 and term = '新客户数'`, [p.member])).rows;
    expect(kept.value).toBe(8);
    const ok = await accept(about.body.appeal.id, { 销售额: 100 });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.result.total).toBeCloseTo(90, 9);

    // a manual indicator's appeal corrects its rating only
    const rated = await t.api('POST', appeals, { token: org.tokens.member, body: { indicatorKey: '沟通能力', reason: 'Clients praised my communication' } });
    const notTerm = await accept(rated.body.appeal.id, { 销售额: 120 });
    expect(notTerm.body.error.details).toEqual([expect.objectContaining({ path: ['body', 'corrections', '销售额'], code: 'appeal.term_not_of_indicator' })]);
    expect((await accept(rated.body.appeal.id, { 沟通能力: 5 })).status).toBe(200);

    // about the whole result: any term of the card, and the ratings
    const whole = await t.api('POST', appeals, { token: org.tokens.member, body: { reason: '整体结果与实际表现不符' } });
    const any = await accept(whole.body.appeal.id, { 新客户数: 10, 沟通能力: 4 });
    expect(any.status, JSON.stringify(any.body)).toBe(200);
    expect(any.body.result.total).toBeCloseTo(50 + 30 + 16, 9);

    // at most 200 corrections, like the actuals
    const many = await t.api('POST', appeals, { token: org.tokens.member, body: { indicatorKey: '新客户数', reason: 'Still not right' } });
    const tooMany = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`t${i}`, i]));
    const refused = await accept(many.body.appeal.id, tooMany);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([expect.objectContaining({ path: ['body', 'corrections'], code: 'cycle.too_many_values' })]);
    const big = await accept(many.body.appeal.id, { 新客户数: 1e300 });
    expect(big.body.error.details).toEqual([expect.objectContaining({ path: ['body', 'corrections', '新客户数'], code: 'field.number_too_large' })]);
  });

  it('the upload tells an out-of-scope participant from nobody in no way, and counts no out-of-scope namesake', async () => {
    const { cycleId, templateId } = await seedResultsCycle(t, org, 'draft');
    // Hana HR (人力资源部, outside the manager's units) takes part, and a namesake in 华东区 too
    await assignTemplate(t, org, templateId, { personId: org.people.hrPerson });
    const twin = await t.api('POST', `/api/v1/workspaces/${org.ws}/people`, { token: org.tokens.admin, body: { name: 'Hana HR', email: 'hana2@acme.test', unitId: org.units.east } });
    expect(twin.status).toBe(201);
    await assignTemplate(t, org, templateId, { personId: twin.body.id });
    expect((await t.api('POST', cycles(`/${cycleId}/open`), { token: org.tokens.admin })).status).toBe(200);

    const upload = (csv: string) => {
      const { payload, headers } = multipartFile('file', 'actuals.csv', csv);
      return t.app.inject({ method: 'POST', url: cycles(`/${cycleId}/actuals/import`), headers: { ...headers, authorization: `Bearer ${org.tokens.manager}`, 'accept-language': 'en' }, payload });
    };
    const res = await upload('person,销售额\nhana@acme.test,100\nnobody@acme.test,100\n');
    expect(res.statusCode).toBe(422);
    const details = res.json().error.details as { row: number; code: string; message: string }[];
    expect(details.map((d) => [d.row, d.code])).toEqual([
      [2, 'actuals.person_unknown'],
      [3, 'actuals.person_unknown'],
    ]);
    expect(details[0].message.replace('hana@acme.test', 'X')).toBe(details[1].message.replace('nobody@acme.test', 'X'));

    // by name, the one the manager may see is meant: no "2 participants are named …"
    const byName = await upload('person,销售额\nHana HR,100\n');
    expect(byName.statusCode, byName.body).toBe(200);
    const twinPid = await participantOf(cycleId, twin.body.id);
    const [written] = (await t.database.pool.query(`select participant_id from cycle_term_values v join cycle_participants p on p.id = v.participant_id where p.cycle_id = $1`, [cycleId])).rows;
    expect(written.participant_id).toBe(twinPid);
  });

  it('audits ratings, adjustments and actuals under one entity name, cycle_participant', async () => {
    const { cycleId, participants: p } = await seedResultsCycle(t, org, 'open');
    const base = cycles(`/${cycleId}/participants/${p.member}`);
    expect((await t.api('PUT', `${base}/actuals`, { token: org.tokens.manager, body: { values: { 销售额: 90 } } })).status).toBe(200);
    expect((await t.api('PUT', `${base}/ratings/${encodeURIComponent('沟通能力')}/manager`, { token: org.tokens.manager, body: { rating: 4 } })).status).toBe(200);
    expect((await t.api('PUT', `${base}/adjustment`, { token: org.tokens.manager, body: { total: 90, reason: 'Agreed at calibration' } })).status).toBe(200);
    expect((await t.api('DELETE', `${base}/adjustment`, { token: org.tokens.manager, body: { reason: 'Agreed to keep the computed total' } })).status).toBe(200);
    const audit = await t.api('GET', `/api/v1/workspaces/${org.ws}/audit?entityType=cycle_participant&entityId=${p.member}&pageSize=100`, { token: org.tokens.admin });
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['participant.actuals', 'participant.adjust', 'participant.remove_adjustment', 'rating.manager']);
    const old = await t.api('GET', `/api/v1/workspaces/${org.ws}/audit?entityType=participant&entityId=${p.member}`, { token: org.tokens.admin });
    expect(old.body.items).toEqual([]);
  });
});
