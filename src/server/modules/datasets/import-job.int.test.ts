import { expect, it } from 'vitest';
import { importFile, OCTOBER_ORDERS, ORDERS_DATASET, ORDERS_HEADER } from '../../testing/dataset-fixtures.ts';
import type { Org } from '../../testing/fixtures.ts';
import { describeEachDatabase, type TestApp } from '../../testing/harness.ts';
import { useSeededOrg } from '../../testing/seeded-org.ts';

/** Orders as a shop exports them, `n` of them, one a minute from 1 October on. */
function ordersCsv(n: number, from = 0): string {
  const lines = [ORDERS_HEADER];
  for (let i = from; i < from + n; i++) {
    const at = new Date(Date.UTC(2026, 9, 1) + i * 60_000).toISOString().slice(0, 19).replace('T', ' ');
    lines.push(`="J${i}",Erin East,小程序,${at},${100 + (i % 50)},0,交易成功`);
  }
  return lines.join('\n');
}

describeEachDatabase('large imports run as background jobs', (kind) => {
  let t: TestApp;
  let org: Org;
  // every file counts as large here: the job path for files of any size
  useSeededOrg(
    kind,
    (app, seeded) => {
      t = app;
      org = seeded;
    },
    { KEDU_IMPORT_JOB_MB: '0' },
  );
  const ws = (path: string) => `/api/v1/workspaces/${org.ws}${path}`;
  const chunksOf = async (id: string) => Number((await t.database.pool.query('select count(*) as n from job_file_chunks where job_id = $1', [id])).rows[0].n);

  it('answers 202 with the job at once, then completes it with the result a 201 would have carried and its rows counted', async () => {
    const res = await importFile(t, org, ordersCsv(3000), { create: { ...ORDERS_DATASET, name: '大订单' }, filename: 'big-orders.csv' });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body.job).toMatchObject({ kind: 'dataset.import', subject: 'big-orders.csv', result: null, error: null });
    expect(['queued', 'running']).toContain(res.body.job.state);
    const id = res.body.job.id;
    expect(await t.waitForJob(id)).toMatchObject({ state: 'completed' });

    const job = (await t.api('GET', ws(`/jobs/${id}`), { token: org.tokens.admin })).body;
    expect(job).toMatchObject({ state: 'completed', attempts: 1, error: null, progress: { done: 3000, unit: 'rows' } });
    expect(job.result).toMatchObject({ dataset: { name: '大订单', rowCount: 3000 }, batch: { fileName: 'big-orders.csv', rowCount: 3000 }, replaced: 0 });
    expect(job.finishedAt >= job.startedAt).toBe(true);
    // the stored file went with the import's commit
    expect(await chunksOf(id)).toBe(0);
    const rows = (await t.api('GET', ws(`/datasets/${job.result.dataset.id}/rows?pageSize=1`), { token: org.tokens.admin })).body;
    expect(rows.total).toBe(3000);
  });

  it('fails a file with bad rows with the problems a 422 lists, located by row and column, and writes nothing', async () => {
    const bad = `${ordersCsv(50)}\n="JX",Erin East,小程序,not a date,100,0,交易成功`;
    const res = await importFile(t, org, bad, { create: { ...ORDERS_DATASET, name: '坏订单' }, filename: 'bad.csv' });
    expect(res.status).toBe(202);
    const id = res.body.job.id;
    expect(await t.waitForJob(id)).toMatchObject({ state: 'failed' });
    const job = (await t.api('GET', ws(`/jobs/${id}`), { token: org.tokens.admin, headers: { 'accept-language': 'zh-CN' } })).body;
    expect(job).toMatchObject({ state: 'failed', result: null, attempts: 1, error: { code: 'import_failed' } });
    expect(job.error.details[0]).toMatchObject({ row: 52, column: '付款时间', value: 'not a date' });
    expect(job.error.details[0].message).toMatch(/[\u4e00-\u9fff]/);
    // the user's file is final: not retried, and nothing of it stays behind
    const datasets = (await t.api('GET', ws('/datasets'), { token: org.tokens.admin })).body;
    expect(datasets.map((d: { name: string }) => d.name)).not.toContain('坏订单');
    expect(await chunksOf(id)).toBe(0);
  });

  it('refuses the same file again before queueing anything, and queues it with replace=true', async () => {
    const first = await importFile(t, org, OCTOBER_ORDERS, { create: { ...ORDERS_DATASET, name: '十月订单' } });
    const done = await t.waitForJob(first.body.job.id);
    const datasetId = (done.result as { dataset: { id: string } }).dataset.id;
    const again = await importFile(t, org, OCTOBER_ORDERS, { datasetId });
    expect(again.status).toBe(409);
    expect(again.body.error.details[0].code).toBe('dataset.same_file');
    const replaced = await importFile(t, org, OCTOBER_ORDERS, { datasetId, replace: true });
    expect(replaced.status).toBe(202);
    expect(await t.waitForJob(replaced.body.job.id)).toMatchObject({ state: 'completed', result: { replacedBatchId: expect.any(String) } });
  });

  it('shows a job to whoever started it and to admins, and to nobody else', async () => {
    const res = await importFile(t, org, ordersCsv(10, 5000), { create: { ...ORDERS_DATASET, name: '小订单' } });
    await t.waitForJob(res.body.job.id);
    expect((await t.api('GET', ws(`/jobs/${res.body.job.id}`), { token: org.tokens.admin })).status).toBe(200);
    for (const token of [org.tokens.manager, org.tokens.member]) {
      const other = await t.api('GET', ws(`/jobs/${res.body.job.id}`), { token });
      expect(other.status).toBe(404);
      expect(other.body.error.code).toBe('not_found');
    }
    expect((await t.api('GET', ws('/jobs/00000000-0000-4000-8000-000000000000'), { token: org.tokens.admin })).status).toBe(404);
  });
});
