/**
 * Issue 12's figure: how long a 1,000,000-row import holds its HTTP request. The same order CSV
 * is posted to `kedu serve` twice, on the embedded database and on PostgreSQL:
 *  (a) baseline — KEDU_IMPORT_JOB_MB large, so the import runs within the request (as before
 *      background jobs): the request is held for the whole import;
 *  (b) as shipped — the file is stored with a background job and the request answered 202; the
 *      job is then followed to its end through GET /jobs/{id}.
 * Prints one JSON line per database: the request's hold time in (a) and (b), their ratio, and
 * the job's total time. Run through bench/run.ts (`npm run bench -- import-request`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ORDERS_DATASET, ORDERS_HEADER } from '../src/server/testing/dataset-fixtures.ts';
import { startServerProcess } from '../src/server/testing/server-process.ts';
import { round } from './support.ts';

const ROWS = Number(process.env.KEDU_BENCH_ROWS ?? 1_000_000);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kedu-bench-request-'));
const csv = path.join(work, 'orders.csv');
const SETUP = { workspaceName: 'Bench', workspaceSlug: 'bench', adminName: 'Bench', email: 'bench@bench.test', password: 'correct horse battery' };

/** The orders, written in chunks. */
function writeOrders(): void {
  const fd = fs.openSync(csv, 'w');
  fs.writeSync(fd, `${ORDERS_HEADER}\n`);
  let chunk = '';
  for (let i = 0; i < ROWS; i++) {
    const at = new Date(Date.UTC(2026, 0, 1) + (i % 525_600) * 60_000).toISOString().slice(0, 19).replace('T', ' ');
    chunk += `B${i},S${i % 10_000},小程序,${at},${(i % 997) + 0.5},0,交易成功\n`;
    if (chunk.length > 1 << 20) (fs.writeSync(fd, chunk), (chunk = ''));
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}

async function tokenFor(url: string): Promise<string> {
  const setup = await fetch(`${url}/api/v1/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(SETUP) });
  const cookie = setup.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await setup.json()) as { csrfToken: string };
  const res = await fetch(`${url}/api/v1/auth/tokens`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify({ name: 'bench' }) });
  return ((await res.json()) as { token: string }).token;
}

/** Posts the CSV as a new dataset; the time until the answer, and the answer. */
async function post(url: string, token: string, name: string): Promise<{ ms: number; status: number; body: any }> {
  const form = new FormData();
  form.append('dataset', JSON.stringify({ ...ORDERS_DATASET, name }));
  form.append('file', await fs.openAsBlob(csv), 'orders.csv');
  const started = performance.now();
  const res = await fetch(`${url}/api/v1/workspaces/bench/datasets/import`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const body = await res.json();
  return { ms: performance.now() - started, status: res.status, body };
}

async function measure(label: string, env: Record<string, string>, fresh: () => Promise<Record<string, string>>) {
  // (a) within the request
  const inline = await startServerProcess({ ...env, ...(await fresh()), KEDU_IMPORT_JOB_MB: '1024' }, 120_000);
  let held: number;
  try {
    const token = await tokenFor(inline.url);
    const a = await post(inline.url, token, '订单');
    if (a.status !== 201 || a.body.batch.rowCount !== ROWS) throw new Error(`inline import: ${a.status} ${JSON.stringify(a.body).slice(0, 300)}`);
    held = a.ms;
  } finally {
    await inline.stop();
  }
  // (b) as a job
  const server = await startServerProcess({ ...env, ...(await fresh()) }, 120_000);
  try {
    const token = await tokenFor(server.url);
    const b = await post(server.url, token, '订单');
    if (b.status !== 202) throw new Error(`job import: ${b.status} ${JSON.stringify(b.body).slice(0, 300)}`);
    const started = performance.now() - b.ms;
    let job = b.body.job;
    while (job.state !== 'completed' && job.state !== 'failed') {
      await new Promise((r) => setTimeout(r, 250));
      job = await (await fetch(`${server.url}/api/v1/workspaces/bench/jobs/${job.id}`, { headers: { authorization: `Bearer ${token}` } })).json();
    }
    if (job.state !== 'completed' || job.result.batch.rowCount !== ROWS) throw new Error(`job: ${JSON.stringify(job).slice(0, 300)}`);
    console.log(
      JSON.stringify({
        benchmark: 'import-request',
        database: label,
        rows: ROWS,
        fileMb: round(fs.statSync(csv).size / 1024 / 1024),
        requestHeldMs: round(b.ms),
        baselineRequestHeldMs: round(held),
        ratio: Math.round((b.ms / held) * 1000) / 1000,
        jobTotalMs: round(performance.now() - started),
        loadAverage: round(os.loadavg()[0]!),
      }),
    );
  } finally {
    await server.stop();
  }
}

writeOrders();
try {
  await measure('embedded', { DATABASE_URL: '' }, async () => ({ KEDU_DATA_DIR: fs.mkdtempSync(path.join(work, 'data-')) }));
  const admin = process.env.KEDU_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  let n = 0;
  const fresh = async () => {
    const name = `kedu_bench_request_${process.pid}_${n++}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`create database ${name}`);
    await client.end();
    return { DATABASE_URL: admin.replace(/\/[^/]*$/, `/${name}`) };
  };
  await measure('postgres', {}, fresh);
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  for (let i = 0; i < n; i++) await client.query(`drop database if exists kedu_bench_request_${process.pid}_${i} with (force)`);
  await client.end();
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
