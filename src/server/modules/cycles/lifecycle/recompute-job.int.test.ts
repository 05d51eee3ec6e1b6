import { expect, it } from 'vitest';
import { seedAppraisal, setManagerRating } from '../../../testing/appraisal-fixtures.ts';
import type { Org } from '../../../testing/fixtures.ts';
import { describeEachDatabase, type TestApp } from '../../../testing/harness.ts';
import { useSeededOrg } from '../../../testing/seeded-org.ts';

describeEachDatabase('a large cycle is recomputed as a background job', (kind) => {
  let t: TestApp;
  let org: Org;
  // every cycle counts as large here
  useSeededOrg(
    kind,
    (app, seeded) => {
      t = app;
      org = seeded;
    },
    { KEDU_RECOMPUTE_JOB_PARTICIPANTS: '0' },
  );
  const url = (path: string) => `/api/v1/workspaces/${org.ws}${path}`;

  it('answers 202 with the job, which scores every participant again in one audited transaction', async () => {
    const { cycleId, participants } = await seedAppraisal(t, org, { state: 'open', periodLabel: '2026-06' });
    await setManagerRating(t, participants.eastRep, '沟通能力', 5);
    const before = await t.api('GET', url(`/cycles/${cycleId}/participants/${participants.eastRep}`), { token: org.tokens.admin });
    // a value changed behind the API's back: only a recompute scores it
    await t.database.pool.query(`update manual_ratings set manager_rating = 1 where participant_id = $1`, [participants.eastRep]);
    const res = await t.api('POST', url(`/cycles/${cycleId}/recompute`), { token: org.tokens.admin });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body.job).toMatchObject({ kind: 'cycles.recompute', subject: expect.any(String), result: null });
    expect(await t.waitForJob(res.body.job.id)).toMatchObject({ state: 'completed', result: { cycleId, recomputed: expect.any(Number) } });
    const job = (await t.api('GET', url(`/jobs/${res.body.job.id}`), { token: org.tokens.admin })).body;
    expect(job.result.recomputed).toBeGreaterThanOrEqual(3);
    expect(job.progress).toMatchObject({ done: job.result.recomputed, total: job.result.recomputed, unit: 'items' });
    const after = await t.api('GET', url(`/cycles/${cycleId}/participants/${participants.eastRep}`), { token: org.tokens.admin });
    const rated = (detail: { body: { result: { indicators: { key: string; points: number }[] } } }) => detail.body.result.indicators.find((i) => i.key === '沟通能力')!.points;
    expect(rated(after)).toBeLessThan(rated(before));
    const audit = (await t.api('GET', url(`/audit?entityId=${cycleId}&pageSize=100`), { token: org.tokens.admin })).body.items as { action: string; after: { participants: number } }[];
    expect(audit.find((e) => e.action === 'cycle.recompute')?.after.participants).toBe(job.result.recomputed);
  });

  it('refuses a cycle that may not be recomputed before queueing anything, and a manager at all', async () => {
    const { cycleId } = await seedAppraisal(t, org, { state: 'draft', periodLabel: '2026-07' });
    const res = await t.api('POST', url(`/cycles/${cycleId}/recompute`), { token: org.tokens.admin });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('invalid_state');
    expect((await t.api('POST', url(`/cycles/${cycleId}/recompute`), { token: org.tokens.manager })).status).toBe(403);
    const { rows } = await t.database.pool.query(`select count(*)::int as n from background_jobs where kind = 'cycles.recompute' and result->>'cycleId' = $1`, [cycleId]);
    expect(rows[0].n).toBe(0);
  });
});
