import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/client.ts';
import { ORDERS_DATASET, ORDERS_HEADER } from '../../src/server/testing/dataset-fixtures.ts';
import { availableKinds } from '../../src/server/testing/harness.ts';
import { isPostgresAvailable } from '../../src/server/testing/postgres-available.ts';
import { getJson, runCli, type ServerProcess, startServerProcess } from '../../src/server/testing/server-process.ts';
import { youzanCsv } from '../../src/server/testing/youzan-csv.ts';
import { freshPgDatabase, SETUP_BODY, setupAndToken, tempDataDir } from './helpers.ts';

/** `n` orders, one a minute from 1 October 2026 on. */
function ordersCsv(n: number, from = 0): string {
  const lines = [ORDERS_HEADER];
  for (let i = from; i < from + n; i++) {
    const at = new Date(Date.UTC(2026, 9, 1) + i * 60_000).toISOString().slice(0, 19).replace('T', ' ');
    lines.push(`K${i},Erin East,小程序,${at},${100 + (i % 50)},0,交易成功`);
  }
  return `${lines.join('\n')}\n`;
}

/** Creates a dataset from a file through the API (multipart, as the web app sends it). */
function postImport(server: ServerProcess, token: string, csv: string, name: string) {
  const form = new FormData();
  form.append('dataset', JSON.stringify({ ...ORDERS_DATASET, name }));
  form.append('file', new Blob([csv], { type: 'text/csv' }), `${name}.csv`);
  return fetch(`${server.url}/api/v1/workspaces/${SETUP_BODY.workspaceSlug}/datasets/import`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
}

const jobUrl = (server: ServerProcess, id: string) => `${server.url}/api/v1/workspaces/${SETUP_BODY.workspaceSlug}/jobs/${id}`;

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('background jobs across processes', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('runs scheduled work once per tick, and the start-of-day refresh once, with two servers on one PostgreSQL', { timeout: 300_000 }, async () => {
    if (!(await isPostgresAvailable())) {
      if (process.env.CI === 'true') throw new Error('PostgreSQL is required under CI');
      return;
    }
    const pgdb = await freshPgDatabase();
    cleanups.push(pgdb.drop);
    // every minute instead of every midnight, so that two ticks happen within the test
    const env = { DATABASE_URL: pgdb.url, KEDU_STATUS_REFRESH_CRON: '* * * * *' };
    const first = await startServerProcess(env);
    cleanups.push(() => first.stop());
    const second = await startServerProcess(env);
    cleanups.push(() => second.stop());

    const database = await openDatabase({ kind: 'postgres', url: pgdb.url });
    cleanups.push(() => database.close());
    const jobsOf = async () =>
      (
        await database.pool.query<{ as_of: string | null; minute: string }>(
          `select data->>'asOf' as as_of, to_char(created_on, 'YYYY-MM-DD HH24:MI') as minute from pgboss.job where name = 'goals.refresh-statuses'
           union all select data->>'asOf', to_char(created_on, 'YYYY-MM-DD HH24:MI') from pgboss.archive where name = 'goals.refresh-statuses'`,
        )
      ).rows;
    // pg-boss turns a tick into one "send it" job (its slot is the tick's minute), then that into the job
    const tickSlotsOf = async () =>
      (
        await database.pool.query<{ slot: string; state: string }>(
          `select to_char(singleton_on, 'YYYY-MM-DD HH24:MI') as slot, state from pgboss.job where name = '__pgboss__send-it' and singleton_key = 'goals.refresh-statuses'
           union all select to_char(singleton_on, 'YYYY-MM-DD HH24:MI'), state from pgboss.archive where name = '__pgboss__send-it' and singleton_key = 'goals.refresh-statuses'`,
        )
      ).rows;
    // two ticks sent, and every tick's job made (under load a tick's job can be made in the next minute)
    const { ticks, slots } = await waitFor('two cron ticks', async () => {
      const cron = (await jobsOf()).filter((j) => j.as_of === null);
      const sent = await tickSlotsOf();
      return new Set(sent.map((t) => t.slot)).size >= 2 && sent.every((t) => t.state === 'completed') && cron.length === sent.length && { ticks: cron, slots: sent };
    }, 480_000);
    // one job per tick, whichever server's clock saw the tick first: no tick was sent twice
    expect(slots.length).toBe(new Set(slots.map((t) => t.slot)).size);
    expect(ticks.length).toBe(slots.length);
    // both servers sent today's refresh at start: one job
    expect((await jobsOf()).filter((j) => j.as_of !== null)).toHaveLength(1);
    const runs = await database.pool.query(`select state, count(*)::int as n from background_jobs where kind = 'goals.refresh-statuses' group by state`);
    expect(runs.rows.every((r) => r.state === 'completed' || r.state === 'running')).toBe(true);
  });

  it('kedu import --url sends a large file to a running server and shows the rows the server reads, then the result or the problems', { timeout: 180_000 }, async () => {
    const work = tempDataDir();
    cleanups.push(() => fs.rmSync(work, { recursive: true, force: true }));
    const server = await startServerProcess({ KEDU_DATA_DIR: path.join(work, 'data'), DATABASE_URL: '', KEDU_IMPORT_JOB_MB: '1' });
    cleanups.push(() => server.stop());
    const token = await setupAndToken(server.url);
    const big = path.join(work, 'youzan-2026.csv');
    fs.writeFileSync(big, youzanCsv(30_000));
    const remote = ['--url', server.url, '--token', token];
    const run = await runCli(['import', big, '--dataset', '有赞订单', ...remote], { LANG: 'en_US.UTF-8' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('creating the dataset "有赞订单"');
    expect(run.stderr).toMatch(/the server imports it in the background \(job [0-9a-f]{8}\)/);
    // the server's own count of rows read, as it went (a line per tenth of the file when not on a terminal)
    expect(run.stderr).toMatch(/\d+%\s+[\d.]+\/[\d.]+ MB\s+[\d,]+ rows/);
    expect(run.stdout).toContain('imported 30,000 rows into "有赞订单"');

    // the same file again is refused at once; one with a bad row fails with its row and column
    const again = await runCli(['import', big, '--dataset', '有赞订单', ...remote], { LANG: 'en_US.UTF-8' });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/This file was imported on \d{4}-\d\d-\d\d \d\d:\d\d by Ada <ada@crash.test> \(youzan-2026.csv, 30000 rows\)/);
    expect(again.stderr).not.toContain('{at}');
    const lines = youzanCsv(20_000, 500_000).split('\n');
    lines[15_000] = lines[15_000]!.replace(/2026-10-\d\d 10:00:00/, 'not a time');
    const bad = path.join(work, 'youzan-bad.csv');
    fs.writeFileSync(bad, lines.join('\n'));
    const failed = await runCli(['import', bad, '--dataset', '有赞订单', ...remote], { LANG: 'en_US.UTF-8' });
    expect(failed.code, failed.stderr).toBe(2);
    expect(failed.stderr).toMatch(/row 15001, column "[^"]+", value "not a time": /);
    const datasets = await getJson(`${server.url}/api/v1/workspaces/${SETUP_BODY.workspaceSlug}/datasets`, { headers: { authorization: `Bearer ${token}` } });
    expect(datasets.body.map((d: { rowCount: number }) => d.rowCount)).toEqual([30_000]);
  });

  describe.each(availableKinds())('kill -9 while an import job runs [%s]', (kind) => {
    it('tries the job again after the restart: all of the file or none of it, never part', { timeout: 240_000 }, async () => {
      const work = tempDataDir();
      cleanups.push(() => fs.rmSync(work, { recursive: true, force: true }));
      let env: Record<string, string> = { KEDU_IMPORT_JOB_MB: '1', KEDU_JOB_LOST_SECONDS: '6' };
      if (kind === 'pglite') {
        env = { ...env, KEDU_DATA_DIR: path.join(work, 'data'), DATABASE_URL: '' };
      } else {
        const pgdb = await freshPgDatabase();
        cleanups.push(pgdb.drop);
        env = { ...env, DATABASE_URL: pgdb.url };
      }
      const server = await startServerProcess(env);
      const token = await setupAndToken(server.url);
      const rows = kind === 'pglite' ? 60_000 : 200_000;
      const res = await postImport(server, token, ordersCsv(rows), '大单');
      expect(res.status, await res.clone().text()).toBe(202);
      const { job } = (await res.json()) as { job: { id: string } };
      // killed once the job has begun (its record says running, or its server says it started)
      // this job's start, not any job's: the day's status refresh also starts with the server
      const started = (line: string) => line.includes('"msg":"job started"') && line.includes(`"job":"${job.id}"`);
      await waitFor('the job to start', async () => server.output().split('\n').some(started), 240_000);
      if (kind === 'postgres') await waitFor('rows read', async () => (await getJson(jobUrl(server, job.id), { headers: { authorization: `Bearer ${token}` } })).body?.progress?.done > 0, 240_000);
      await server.stop('SIGKILL');

      const restarted = await startServerProcess(env);
      cleanups.push(() => restarted.stop());
      const done = await waitFor(
        'the job to finish after the restart',
        async () => {
          const { body } = await getJson(jobUrl(restarted, job.id), { headers: { authorization: `Bearer ${token}` } });
          return (body?.state === 'completed' || body?.state === 'failed') && body;
        },
        180_000,
      );
      expect(done, JSON.stringify(done)).toMatchObject({ state: 'completed', result: { batch: { rowCount: rows } }, progress: { done: rows } });
      expect(done.attempts).toBeGreaterThanOrEqual(2);
      await restarted.stop();

      const database = await openDatabase(kind === 'pglite' ? { kind: 'embedded', dataDir: env.KEDU_DATA_DIR! } : { kind: 'postgres', url: env.DATABASE_URL! });
      try {
        const batches = await database.pool.query(`select row_count from dataset_batches`);
        expect(batches.rows).toEqual([{ row_count: rows }]);
        const { rows: sets } = await database.pool.query(`select table_name, row_count from datasets`);
        expect(sets).toEqual([{ table_name: expect.any(String), row_count: rows }]);
        expect((await database.pool.query(`select count(*)::int as n from ${sets[0].table_name}`)).rows[0].n).toBe(rows);
        expect((await database.pool.query(`select count(*)::int as n from job_file_chunks`)).rows[0].n).toBe(0);
      } finally {
        await database.close();
      }
    });
  });
});
