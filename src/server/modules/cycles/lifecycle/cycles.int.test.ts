import { describe, expect, it } from 'vitest';
import { ON_TARGET_VALUES, seedAppraisal, setManagerRating } from '../../../testing/appraisal-fixtures.ts';
import type { Org } from '../../../testing/fixtures.ts';
import { describeEachDatabase, type TestApp } from '../../../testing/harness.ts';
import { useSeededOrg } from '../../../testing/seeded-org.ts';

const CJK = /[\u4e00-\u9fff]/;

describeEachDatabase('appraisal cycles API', (kind) => {
  let t: TestApp;
  let org: Org;
  const url = (path: string) => `/api/v1/workspaces/${org.ws}${path}`;
  const as = (who: 'admin' | 'manager' | 'member') => org.tokens[who];
  const api = (method: string, path: string, who: 'admin' | 'manager' | 'member' = 'admin', body?: unknown, headers?: Record<string, string>) =>
    t.api(method, url(path), { token: as(who), body, headers });
  const auditOf = async (entityId: string) => (await api('GET', `/audit?entityId=${entityId}&pageSize=100`)).body.items as { action: string; before: any; after: any }[];

  useSeededOrg(kind, (app, seeded) => {
    t = app;
    org = seeded;
  });

  describe('creating and editing', () => {
    it('creates a cycle with the period dates and a default name in the request language, and audits it', async () => {
      const zh = await api('POST', '/cycles', 'admin', { periodLabel: '2025-10' }, { 'accept-language': 'zh-CN' });
      expect(zh.status, JSON.stringify(zh.body)).toBe(201);
      expect(zh.body).toMatchObject({ name: '2025年10月考核', periodKind: 'month', periodLabel: '2025-10', startsOn: '2025-10-01', endsOn: '2025-10-31', state: 'draft', trial: false });
      expect(zh.body.counts).toEqual({ participants: 0, complete: 0, incomplete: 0, invalid: 0 });
      const en = await api('POST', '/cycles', 'admin', { periodLabel: '2025-Q4', trial: true, forcedDistribution: [{ grade: 'S', maxShare: 0.1 }] });
      expect(en.body).toMatchObject({ name: 'Q4 2025 appraisal', periodKind: 'quarter', startsOn: '2025-10-01', endsOn: '2025-12-31', trial: true, forcedDistribution: [{ grade: 'S', maxShare: 0.1 }] });
      const quarterZh = await api('POST', '/cycles', 'admin', { periodLabel: '2024-Q4' }, { 'accept-language': 'zh-CN' });
      expect(quarterZh.body.name).toBe('2024年第4季度考核');
      const year = await api('POST', '/cycles', 'admin', { periodLabel: '2024' });
      expect(year.body).toMatchObject({ periodKind: 'year', startsOn: '2024-01-01', endsOn: '2024-12-31' });
      expect((await auditOf(zh.body.id)).map((e) => e.action)).toEqual(['cycle.create']);

      const again = await api('POST', '/cycles', 'admin', { periodLabel: '2025-10' }, { 'accept-language': 'zh-CN' });
      expect(again.status).toBe(409);
      expect(again.body.error.details).toEqual([expect.objectContaining({ path: ['body', 'name'], code: 'cycle.name_taken' })]);

      const list = await api('GET', '/cycles', 'member');
      expect(list.status).toBe(200);
      const labels = list.body.map((c: { periodLabel: string }) => c.periodLabel);
      // newest period first: the quarter and the month end on the same day, then 2024's
      expect(labels.indexOf('2024')).toBeGreaterThan(labels.indexOf('2025-10'));
      expect(labels.indexOf('2024-Q4')).toBeGreaterThan(labels.indexOf('2025-Q4'));
    });

    it('refuses a period that is not one, in both languages', async () => {
      for (const [language, pattern] of [['zh-CN', CJK], ['en', /2026-Q4/]] as const) {
        const res = await api('POST', '/cycles', 'admin', { periodLabel: '2026-13' }, { 'accept-language': language });
        expect(res.status).toBe(400);
        expect(res.body.error.details[0]).toMatchObject({ path: ['body', 'periodLabel'], code: 'cycle.period_label_invalid' });
        expect(res.body.error.details[0].message).toMatch(pattern);
      }
    });

    it("lists each viewer's own result with the cycle, and nobody else's", async () => {
      const { cycleId, participants } = await seedAppraisal(t, org, { state: 'open', periodLabel: '2026-05' });
      await setManagerRating(t, participants.member, '沟通能力', 5);
      await api('PUT', `/cycles/${cycleId}/participants/${participants.member}/actuals`, 'admin', { values: ON_TARGET_VALUES });
      const mine = (who: 'admin' | 'manager' | 'member') => api('GET', '/cycles', who).then((r) => r.body.find((c: { id: string }) => c.id === cycleId).mine);
      expect(await mine('member')).toMatchObject({ participantId: participants.member, status: 'complete', total: expect.any(Number) });
      expect((await mine('manager'))?.participantId).toBe(participants.manager);
      expect(await mine('admin')).toBeNull();
      expect((await api('GET', `/cycles/${cycleId}`, 'member')).body.mine.participantId).toBe(participants.member);
    });

    it('edits a draft, deletes only drafts', async () => {
      const { cycleId } = await seedAppraisal(t, org, { state: 'draft', periodLabel: '2026-01' });
      const patched = await api('PATCH', `/cycles/${cycleId}`, 'admin', { name: 'January', trial: true });
      expect(patched.body).toMatchObject({ name: 'January', trial: true });
      const twice = await api('PATCH', `/cycles/${cycleId}`, 'admin', { forcedDistribution: [{ grade: 'S', maxShare: 0.1 }, { grade: 'S', minShare: 0.2 }] });
      expect(twice.status).toBe(400);
      expect(twice.body.error.details[0]).toMatchObject({ path: ['body', 'forcedDistribution', 1, 'grade'], code: 'cycle.distribution_grade_twice' });
      expect((await api('DELETE', `/cycles/${cycleId}`)).status).toBe(200);
      expect((await api('GET', `/cycles/${cycleId}`)).status).toBe(404);

      const open = await seedAppraisal(t, org, { state: 'open', periodLabel: '2026-01' });
      const refused = await api('DELETE', `/cycles/${open.cycleId}`);
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('invalid_state');
      expect(refused.body.error.message).toMatch(/only a draft can be deleted/);
    });
  });

  describe('lifecycle', () => {
    it('previews, opens, calibrates, closes, reopens: each audited, each refused out of order', async () => {
      const { cycleId } = await seedAppraisal(t, org, { state: 'draft', periodLabel: '2026-02' });
      const preview = await api('GET', `/cycles/${cycleId}/preview`);
      expect(preview.status).toBe(200);
      expect(preview.body.participants.map((p: { personName: string }) => p.personName).sort()).toEqual(['Erin East', 'Max Member', 'Mia Manager', 'Sam South']);
      expect(preview.body.participants.every((p: { templateName: string; inCycle: boolean }) => p.templateName.startsWith('销售代表考核表') && !p.inCycle)).toBe(true);
      expect(preview.body.withoutTemplate.map((p: { personName: string }) => p.personName).sort()).toEqual(['Ada Admin', 'Hana HR']);

      const tooEarly = await api('POST', `/cycles/${cycleId}/calibrate`);
      expect(tooEarly.status).toBe(409);
      expect(tooEarly.body.error.code).toBe('invalid_state');

      const opened = await api('POST', `/cycles/${cycleId}/open`);
      expect(opened.status, JSON.stringify(opened.body)).toBe(200);
      expect(opened.body).toMatchObject({ state: 'open', counts: { participants: 4, complete: 0, incomplete: 4, invalid: 0 } });
      expect(opened.body.openedAt).not.toBeNull();
      expect((await api('POST', `/cycles/${cycleId}/open`)).body.error.message).toMatch(/opened already/);

      expect((await api('POST', `/cycles/${cycleId}/calibrate`)).body.state).toBe('calibrating');
      expect((await api('POST', `/cycles/${cycleId}/back-to-open`)).body.state).toBe('open');
      expect((await api('POST', `/cycles/${cycleId}/calibrate`)).body.state).toBe('calibrating');

      const refused = await api('POST', `/cycles/${cycleId}/close`, 'admin', {});
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('invalid_state');
      expect(refused.body.error.message).toMatch(/4 participant\(s\) have an incomplete/);
      expect(refused.body.error.details).toHaveLength(4);
      expect(refused.body.error.details[0].message).toMatch(/incomplete/);

      const closed = await api('POST', `/cycles/${cycleId}/close`, 'admin', { allowIncomplete: true });
      expect(closed.status, JSON.stringify(closed.body)).toBe(200);
      expect(closed.body.state).toBe('closed');
      const { rows } = await t.database.pool.query('select count(*)::int as n from cycle_participants where cycle_id = $1 and frozen_result is not null', [cycleId]);
      expect(rows[0].n).toBe(4);

      const noReason = await api('POST', `/cycles/${cycleId}/reopen`, 'admin', { reason: 'oops' });
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.details[0]).toMatchObject({ path: ['body', 'reason'], code: 'field.too_short' });
      const reopened = await api('POST', `/cycles/${cycleId}/reopen`, 'admin', { reason: '销售额数据导入有误，需更正' });
      expect(reopened.body.state).toBe('calibrating');
      expect(reopened.body.closedAt).toBeNull();
      const after = await t.database.pool.query('select count(*)::int as n from cycle_participants where cycle_id = $1 and frozen_result is not null', [cycleId]);
      expect(after.rows[0].n).toBe(0);

      const audit = await auditOf(cycleId);
      expect(audit.map((e) => e.action).reverse()).toEqual([
        'cycle.create',
        'cycle.open',
        'cycle.calibrate',
        'cycle.back_to_open',
        'cycle.calibrate',
        'cycle.close',
        'cycle.reopen',
      ]);
      expect(audit[0].after.reason).toBe('销售额数据导入有误，需更正');
    });

    it('refuses to open when nobody holds a template of the period kind', async () => {
      const created = await api('POST', '/cycles', 'admin', { periodLabel: '2026', name: 'No templates for years' });
      for (const [language, pattern] of [['zh-CN', /考核表模板/], ['en', /no active person holds a scorecard template/]] as const) {
        const res = await api('POST', `/cycles/${created.body.id}/open`, 'admin', undefined, { 'accept-language': language });
        expect(res.status).toBe(409);
        expect(res.body.error.code).toBe('invalid_state');
        expect(res.body.error.message).toMatch(pattern);
      }
      expect((await api('GET', `/cycles/${created.body.id}`)).body.state).toBe('draft');
    });

    it('a closed cycle refuses every write with cycle_locked', async () => {
      const { cycleId, participants } = await seedAppraisal(t, org, { state: 'closed', periodLabel: '2026-03' });
      const writes = [
        api('PATCH', `/cycles/${cycleId}`, 'admin', { name: 'renamed' }),
        api('PUT', `/cycles/${cycleId}/participants/${participants.member}/actuals`, 'admin', { values: { 销售额: 1 } }),
        api('POST', `/cycles/${cycleId}/recompute`),
        api('POST', `/cycles/${cycleId}/calibrate`),
        api('POST', `/cycles/${cycleId}/sync`),
      ];
      for (const res of await Promise.all(writes)) {
        expect(res.status).toBe(409);
        expect(res.body.error.code).toBe('cycle_locked');
        expect(res.body.error.message).toMatch(/reopen/i);
      }
      // reading still works, from the frozen result
      const detail = await api('GET', `/cycles/${cycleId}/participants/${participants.member}`, 'member');
      expect(detail.body).toMatchObject({ frozen: true, canEdit: { enterActuals: false, selfRate: false, appeal: false } });
    });

    it('concurrent transitions serialise: one wins, the other is refused', async () => {
      const { cycleId } = await seedAppraisal(t, org, { state: 'open', periodLabel: '2026-04' });
      const results = await Promise.all([api('POST', `/cycles/${cycleId}/calibrate`), api('POST', `/cycles/${cycleId}/calibrate`)]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    });

    it('sync adds the people who got a template since, and removes nobody', async () => {
      const { cycleId } = await seedAppraisal(t, org, { state: 'open', periodLabel: '2026-05' });
      const hire = await api('POST', '/people', 'admin', { name: 'Nina New', unitId: org.units.south, positionId: org.positionId });
      expect(hire.status).toBe(201);
      const synced = await api('POST', `/cycles/${cycleId}/sync`);
      expect(synced.status).toBe(200);
      expect(synced.body).toMatchObject({ added: 1, people: [{ personName: 'Nina New' }], cycle: { counts: { participants: 5 } } });
      expect((await api('POST', `/cycles/${cycleId}/sync`)).body.added).toBe(0);
      await api('PATCH', `/people/${hire.body.id}`, 'admin', { status: 'left' });
      expect((await api('POST', `/cycles/${cycleId}/sync`)).body.cycle.counts.participants).toBe(5);
    });
  });

  describe('actuals and results', () => {
    it('scores the seed example exactly: tiers r = 1.05 → 26 points; the whole card on target → 106', async () => {
      const { cycleId, participants } = await seedAppraisal(t, org, { periodLabel: '2026-06' });
      const res = await api('PUT', `/cycles/${cycleId}/participants/${participants.eastRep}/actuals`, 'manager', { values: ON_TARGET_VALUES });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const tiers = res.body.result.indicators.find((i: { key: string }) => i.key === '新大客户开发数量');
      expect(tiers).toMatchObject({ actual: 21, target: 20, achievement: 1.05, multiplier: 1.3, points: 26, match: { kind: 'tier', bound: 'above' } });
      expect(res.body.status).toBe('incomplete'); // 沟通能力 is not rated yet
      expect(res.body.result.issues[0].message.en).toMatch(/沟通能力/);
      const collection = res.body.result.indicators.find((i: { key: string }) => i.key === '回款率');
      expect(collection).toMatchObject({ formula: '回款额/应收额', terms: { 回款额: 90, 应收额: 100 }, actual: 0.9, achievement: 1, points: 20 });
      expect(res.body.values.map((v: { term: string; source: string; updatedBy: { name: string } }) => [v.term, v.source, v.updatedBy.name])).toContainEqual(['销售额', 'entry', 'Mia Manager']);
      expect(res.body.termsNeeded).toContainEqual({ key: '回款率', name: '回款率', manual: false, terms: ['回款额', '应收额'] });
      expect(res.body.termsNeeded).toContainEqual({ key: '沟通能力', name: '沟通能力', manual: true, terms: [] });
      expect(res.body.card.indicators[0].purpose).toBe('开拓新的大客户，保证业绩的可持续增长');

      await setManagerRating(t, participants.eastRep, '沟通能力', 5);
      await api('POST', `/cycles/${cycleId}/recompute`);
      const detail = await api('GET', `/cycles/${cycleId}/participants/${participants.eastRep}`, 'manager');
      expect(detail.body).toMatchObject({ status: 'complete', total: 106, grade: 'S', finalGrade: 'S' });
      expect(detail.body.ratings[0]).toMatchObject({ indicatorKey: '沟通能力', managerRating: 5 });

      const audit = await auditOf(participants.eastRep);
      expect(audit[0]).toMatchObject({ action: 'participant.actuals', before: { values: { 销售额: null } }, after: { values: { 销售额: 100 } } });
    });

    it('a veto halves the total; null deletes a value; not applicable rescales the weights', async () => {
      const { cycleId, participants } = await seedAppraisal(t, org, { periodLabel: '2026-07' });
      const put = (body: unknown) => api('PUT', `/cycles/${cycleId}/participants/${participants.member}/actuals`, 'admin', body);
      await setManagerRating(t, participants.member, '沟通能力', 5);
      const vetoed = await put({ values: { ...ON_TARGET_VALUES, 销售额: 70 } });
      // 26 + 30×0.7 + 20 + 15 + 15 = 97, halved by the veto on 销售额 (r = 0.7 < 0.8)
      expect(vetoed.body.result.subtotal).toBeCloseTo(97, 9);
      expect(vetoed.body.total).toBeCloseTo(48.5, 9);
      expect(vetoed.body.result.vetoes).toEqual([expect.objectContaining({ key: '销售额', effect: { multiply: 0.5 }, bit: true })]);

      const missing = await put({ values: { 销售额: null } });
      expect(missing.body).toMatchObject({ status: 'incomplete', total: null });
      expect(missing.body.values.map((v: { term: string }) => v.term)).not.toContain('销售额');
      expect(missing.body.result.issues[0].message.en).toMatch(/销售额/);

      // 销售额 not applicable: the remaining 70 points are scaled to 100 → (26 + 20 + 15 + 15) × 100/70
      const na = await put({ values: {}, notApplicable: ['销售额'] });
      expect(na.body.status).toBe('complete');
      expect(na.body.total).toBeCloseTo((76 * 100) / 70, 9);
      expect(na.body.notApplicable).toEqual(['销售额']);
      expect(na.body.result.indicators.find((i: { key: string }) => i.key === '销售额')).toMatchObject({ status: 'not_applicable', effectiveWeight: 0 });
    });

    it('refuses unknown terms at body.values.<term> with the closest name, and NA keys not on the card', async () => {
      const { cycleId, participants } = await seedAppraisal(t, org, { periodLabel: '2026-08' });
      for (const language of ['zh-CN', 'en']) {
        const res = await api('PUT', `/cycles/${cycleId}/participants/${participants.member}/actuals`, 'admin', { values: { 回款额x: 1, 沟通能力: 4, 毫无关系的名称: 1 }, notApplicable: ['销售'] }, { 'accept-language': language });
        expect(res.status).toBe(400);
        const byPath = Object.fromEntries(res.body.error.details.map((d: { path: string[]; code: string; message: string }) => [d.path.join('.'), d]));
        expect(byPath['body.values.回款额x']).toMatchObject({ code: 'cycle.unknown_term_suggest' });
        expect(byPath['body.values.回款额x'].message).toMatch(/回款额/);
        expect(byPath['body.values.沟通能力']).toMatchObject({ code: 'cycle.term_is_rating' });
        expect(byPath['body.values.毫无关系的名称']).toMatchObject({ code: 'cycle.unknown_term' });
        expect(byPath['body.notApplicable.0'].code).toMatch(/^cycle\.unknown_indicator/);
        if (language === 'zh-CN') expect(res.body.error.message).toMatch(CJK);
      }
      const everything = await api('PUT', `/cycles/${cycleId}/participants/${participants.member}/actuals`, 'admin', {
        values: {},
        notApplicable: ['新大客户开发数量', '销售额', '回款率', '费用率', '沟通能力'],
      });
      expect(everything.body.error.details[0]).toMatchObject({ path: ['body', 'notApplicable'], code: 'cycle.nothing_applicable' });
    });

    it('actuals are entered only while open', async () => {
      const { cycleId, participants } = await seedAppraisal(t, org, { state: 'calibrating', periodLabel: '2026-09' });
      const res = await api('PUT', `/cycles/${cycleId}/participants/${participants.member}/actuals`, 'admin', { values: { 销售额: 1 } });
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'invalid_state' });
      expect(res.body.error.message).toMatch(/actuals are locked/);
    });

    it('what-if explains a change in both languages and writes nothing', async () => {
      const { cycleId, participants } = await seedAppraisal(t, org, { periodLabel: '2026-11' });
      await setManagerRating(t, participants.member, '沟通能力', 5);
      await api('PUT', `/cycles/${cycleId}/participants/${participants.member}/actuals`, 'admin', { values: { ...ON_TARGET_VALUES, 销售额: 70 } });
      const before = await t.database.pool.query('select total, computed_at from cycle_participants where id = $1', [participants.member]);
      const auditBefore = (await auditOf(participants.member)).length;

      const res = await api('POST', `/cycles/${cycleId}/participants/${participants.member}/what-if`, 'member', { change: { key: '销售额', actual: 85 } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.before.total).toBeCloseTo(48.5, 9);
      expect(res.body.after.total).toBeCloseTo(26 + 25.5 + 20 + 15 + 15, 9);
      expect(res.body.indicators[0]).toMatchObject({ key: '销售额', pointsDelta: expect.any(Number) });
      const codes = res.body.causes.map((c: { code: string }) => c.code);
      expect(codes).toContain('whatif.veto_off');
      for (const cause of res.body.causes) {
        expect(cause.message['zh-CN']).toMatch(CJK);
        expect(cause.message.en.length).toBeGreaterThan(0);
      }
      const target = await api('POST', `/cycles/${cycleId}/participants/${participants.member}/what-if`, 'member', { change: { key: '销售额', target: 70 } });
      expect(target.body.after.total).toBeGreaterThan(target.body.before.total);
      const unknown = await api('POST', `/cycles/${cycleId}/participants/${participants.member}/what-if`, 'member', { change: { key: '销售', target: 1 } });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.details[0]).toMatchObject({ path: ['body', 'change', 'key'], code: 'cycle.unknown_indicator_suggest' });

      const after = await t.database.pool.query('select total, computed_at from cycle_participants where id = $1', [participants.member]);
      expect(after.rows).toEqual(before.rows);
      expect((await auditOf(participants.member)).length).toBe(auditBefore);
    });

    it('close freezes the full result; reading it afterwards gives the frozen one', async () => {
      const { cycleId, participants } = await seedAppraisal(t, org, { periodLabel: '2026-12' });
      for (const who of Object.values(participants)) {
        await setManagerRating(t, who, '沟通能力', 4);
        const res = await api('PUT', `/cycles/${cycleId}/participants/${who}/actuals`, 'admin', { values: ON_TARGET_VALUES });
        expect(res.status).toBe(200);
      }
      await api('POST', `/cycles/${cycleId}/calibrate`);
      const closed = await api('POST', `/cycles/${cycleId}/close`, 'admin', {});
      expect(closed.status, JSON.stringify(closed.body)).toBe(200);
      expect(closed.body.counts).toMatchObject({ participants: 4, complete: 4 });
      const { rows } = await t.database.pool.query('select frozen_result from cycle_participants where id = $1', [participants.member]);
      // rating 4 on 1–5 → 0.2 + 0.8 × 3/4 = 0.8 → 12 points
      expect(rows[0].frozen_result.total).toBeCloseTo(103, 9);
      const detail = await api('GET', `/cycles/${cycleId}/participants/${participants.member}`, 'member');
      expect(detail.body).toMatchObject({ frozen: true, total: 103, cycle: { state: 'closed' } });
      expect(detail.body.result.indicators).toHaveLength(5);
    });
  });

  describe('scope', () => {
    it('members see only themselves, managers their units, admins everyone; out of sight is 404', async () => {
      const { cycleId, participants } = await seedAppraisal(t, org, { periodLabel: '2027-01' });
      const names = async (who: 'admin' | 'manager' | 'member', query = '') =>
        ((await api('GET', `/cycles/${cycleId}/participants?pageSize=50${query}`, who)).body.items as { personName: string }[]).map((p) => p.personName).sort();
      expect(await names('admin')).toEqual(['Erin East', 'Max Member', 'Mia Manager', 'Sam South']);
      expect(await names('manager')).toEqual(['Erin East', 'Max Member', 'Mia Manager', 'Sam South']);
      expect(await names('member')).toEqual(['Max Member']);
      expect(await names('member', '&q=Erin')).toEqual([]);
      expect(await names('admin', `&unitId=${org.units.east}`)).toEqual(['Erin East', 'Max Member']);
      expect(await names('admin', `&unitId=${org.units.sales}`)).toEqual(['Erin East', 'Max Member', 'Mia Manager', 'Sam South']);
      expect(await names('admin', '&status=complete')).toEqual([]);

      const list = await api('GET', '/cycles', 'member');
      expect(list.body.find((c: { id: string }) => c.id === cycleId).counts.participants).toBe(1);

      expect((await api('GET', `/cycles/${cycleId}/participants/${participants.member}`, 'member')).status).toBe(200);
      expect((await api('GET', `/cycles/${cycleId}/participants/${participants.eastRep}`, 'member')).status).toBe(404);
      const whatIf = await api('POST', `/cycles/${cycleId}/participants/${participants.eastRep}/what-if`, 'member', { change: { key: '销售额', actual: 1 } });
      expect(whatIf.status).toBe(404);

      const self = await api('GET', `/cycles/${cycleId}/participants/${participants.member}`, 'member');
      expect(self.body.canEdit).toEqual({ enterActuals: false, setNotApplicable: false, rate: false, selfRate: true, adjust: false, appeal: false });
      const managed = await api('GET', `/cycles/${cycleId}/participants/${participants.eastRep}`, 'manager');
      expect(managed.body.canEdit).toEqual({ enterActuals: true, setNotApplicable: true, rate: true, selfRate: false, adjust: true, appeal: false });

      // nobody enters their own actuals
      const own = await api('PUT', `/cycles/${cycleId}/participants/${participants.manager}/actuals`, 'manager', { values: { 销售额: 200 } });
      expect(own.status).toBe(403);
      const memberWrites = await api('PUT', `/cycles/${cycleId}/participants/${participants.member}/actuals`, 'member', { values: { 销售额: 200 } });
      expect(memberWrites.status).toBe(403);
      const colleague = await api('PUT', `/cycles/${cycleId}/participants/${participants.eastRep}/actuals`, 'member', { values: { 销售额: 200 } });
      expect(colleague.status).toBe(404);
      expect((await api('POST', `/cycles/${cycleId}/recompute`, 'manager')).status).toBe(403);
    });

    it("a manager sees nobody outside their units, even with a unit filter", async () => {
      const { cycleId } = await seedAppraisal(t, org, { periodLabel: '2027-02' });
      // move Sam South to 人力资源部 after a cycle: he stays placed where he was (the snapshot)
      const hrRep = await api('POST', '/people', 'admin', { name: 'Harry HR Rep', unitId: org.units.hr, positionId: org.positionId });
      await api('POST', `/cycles/${cycleId}/sync`);
      const res = await api('GET', `/cycles/${cycleId}/participants?unitId=${org.units.hr}`, 'manager');
      expect(res.body.items).toEqual([]);
      const admin = await api('GET', `/cycles/${cycleId}/participants?unitId=${org.units.hr}`, 'admin');
      expect(admin.body.items.map((p: { personId: string }) => p.personId)).toEqual([hrRep.body.id]);
    });
  });
});
