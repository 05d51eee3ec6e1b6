import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { seedAppraisal } from '../../../testing/appraisal-fixtures.ts';
import { importFile, OCTOBER_ORDERS, ORDERS_DATASET, ORDERS_HEADER } from '../../../testing/dataset-fixtures.ts';
import type { Org } from '../../../testing/fixtures.ts';
import { describeEachDatabase, type TestApp } from '../../../testing/harness.ts';
import { useSeededOrg } from '../../../testing/seeded-org.ts';

/**
 * Data → cycle actuals has one owner (issue 12 §2): datasets and metrics announce that data
 * changed, and the cycles module takes open cycles' actuals from it in that job.
 */
describeEachDatabase('cycles: actuals taken from data that changed', (kind) => {
  let t: TestApp;
  let org: Org;
  useSeededOrg(kind, (app, seeded) => {
    t = app;
    org = seeded;
  });
  const ws = (path: string) => `/api/v1/workspaces/${org.ws}${path}`;
  let datasetId: string;
  let metricId: string;

  beforeAll(async () => {
    const res = await importFile(t, org, OCTOBER_ORDERS, { create: ORDERS_DATASET });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    datasetId = res.body.dataset.id;
    const spec = { definition: '交易成功订单的实付金额减去退款金额', aggregation: 'sum', expression: '实付金额 - 退款金额', filters: [{ column: '订单状态', op: '=', values: ['交易成功'] }], dateColumn: '付款时间', owner: { kind: 'person', column: '销售员', match: 'name' }, unit: '元' };
    const metric = await t.api('POST', ws('/metrics'), { token: org.tokens.admin, body: { name: '净销售额', datasetId, spec } });
    expect(metric.status, JSON.stringify(metric.body)).toBe(201);
    metricId = metric.body.id;
    await t.settleJobs();
  });

  const salesOf = async (cycleId: string, participantId: string) =>
    (await t.api('GET', ws(`/cycles/${cycleId}/participants/${participantId}`), { token: org.tokens.admin })).body.values.find((v: { term: string }) => v.term === '销售额') ?? null;

  it('says while an announcement is still to be worked that an open cycle’s actuals are being refreshed', async () => {
    const open = await seedAppraisal(t, org, { state: 'open', periodLabel: '2026-09' });
    const closed = await seedAppraisal(t, org, { state: 'closed', periodLabel: '2026-08' });
    const refreshing = async (cycleId: string) => (await t.api('GET', ws(`/cycles/${cycleId}`), { token: org.tokens.admin })).body.actualsRefreshing;
    expect(await refreshing(open.cycleId)).toBe(false);
    // an announcement no worker has taken yet (its record only: the queue never sees it)
    const pending = randomUUID();
    await t.database.pool.query(`insert into background_jobs (id, workspace_id, kind, subject) values ($1, (select id from workspaces where slug = $2), 'data.changed', 'test')`, [pending, org.ws]);
    try {
      expect(await refreshing(open.cycleId)).toBe(true);
      // a closed cycle's values are frozen: nothing is refreshing there
      expect(await refreshing(closed.cycleId)).toBe(false);
      const list = (await t.api('GET', ws('/cycles'), { token: org.tokens.admin })).body;
      expect(list.find((c: { id: string }) => c.id === open.cycleId).actualsRefreshing).toBe(true);
    } finally {
      await t.database.pool.query('delete from background_jobs where id = $1', [pending]);
    }
    expect(await refreshing(open.cycleId)).toBe(false);
  });

  it('brings an open cycle in line with one job per announcement, the later plan reading the earlier data', async () => {
    const open = await seedAppraisal(t, org, { state: 'open', periodLabel: '2026-10' });
    const bound = await t.api('PUT', ws('/metric-bindings'), { token: org.tokens.admin, body: { term: '销售额', metricId } });
    expect(bound.status).toBe(200);
    await t.settleJobs();
    expect(await salesOf(open.cycleId, open.participants.eastRep)).toMatchObject({ value: 1900, source: 'metric' });

    // three imports in a row (1,200 + 700 in October, then 100, 200 and 300): three announcements, worked in turn; the last plan sees every row
    const files = [1, 2, 3].map((n) => [ORDERS_HEADER, `L${n},Erin East,小程序,2026-10-2${n} 10:00:00,${n * 100},0,交易成功`].join('\n'));
    const jobs: string[] = [];
    for (const [i, content] of files.entries()) {
      const res = await importFile(t, org, content, { datasetId, filename: `late-${i}.csv` });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      jobs.push(res.body.actualsJob);
    }
    for (const id of jobs) expect((await t.waitForJob(id)).state).toBe('completed');
    expect(await salesOf(open.cycleId, open.participants.eastRep)).toMatchObject({ value: 2500, source: 'metric', lineage: { metric: '净销售额', rows: 5 } });

    // the job's record says who changed what, as the audit log does
    const { rows } = await t.database.pool.query('select kind, subject, state from background_jobs where id = $1', [jobs[0]]);
    expect(rows[0]).toMatchObject({ kind: 'data.changed', subject: '订单', state: 'completed' });
  });

  it('takes the actuals from the data one last time when a cycle leaves open for calibration', async () => {
    const open = await seedAppraisal(t, org, { state: 'open', periodLabel: '2026-11' });
    await t.api('PUT', ws('/metric-bindings'), { token: org.tokens.admin, body: { term: '销售额', metricId } });
    await t.settleJobs();
    const before = await salesOf(open.cycleId, open.participants.southRep);
    // a change no announcement reaches before the cycle moves on: a row written beside the API
    const table = (await t.database.pool.query('select table_name from datasets where id = $1', [datasetId])).rows[0].table_name as string;
    await t.database.pool.query(`update ${table} set c5 = c5 + 1000 where c2 = 'Sam South' and _replaced_by is null and c4 >= '2026-11-01' and c7 = '交易成功'`);
    const calibrated = await t.api('POST', ws(`/cycles/${open.cycleId}/calibrate`), { token: org.tokens.admin });
    expect(calibrated.status, JSON.stringify(calibrated.body)).toBe(200);
    expect((await salesOf(open.cycleId, open.participants.southRep)).value).toBe(before.value + 1000);
  });
});
