/**
 * Issue 4's data benchmark: a 1,000,000-row order CSV (order id, salesperson of 10,000,
 * channel, paid time in 2026, amount, tax, status), generated with a seeded random generator.
 * For PostgreSQL (DATABASE_URL or the local test server, in a fresh database) and for the
 * embedded PGlite, side by side in one run:
 *  (a) `kedu import <file> --dataset 订单` as a process — wall time, rows/s against the target
 *      (≥ 150,000 rows/s on PostgreSQL) and the process's peak memory (target < 500 MB);
 *  (b) the metric `sum(amount - tax) where status = paid` per salesperson per month, computed
 *      by the app's metric code in the database — median of 5 — against DuckDB reading the same
 *      CSV and computing the same aggregate (median of 5; target: within 3×).
 * Prints one JSON line per database. Run through bench/run.ts (`npm run bench -- dataset`).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../src/server/db/client.ts';
import { runMigrations } from '../src/server/db/migrate.ts';
import type { MetricDefinition } from '../src/core/datasets/metric-definition.ts';
import { computeMetricValues } from '../src/server/modules/metrics/metric-values.ts';
import { datasets } from '../src/server/db/schema/index.ts';
import { median, random, round } from './support.ts';

const ROWS = Number(process.env.KEDU_BENCH_ROWS ?? 1_000_000);
const SALESPEOPLE = 10_000;
const RUNS = 5;
const IMPORT_TARGET = 150_000;
const MEMORY_TARGET_MB = 500;
const RATIO_TARGET = 3;
const root = path.resolve(import.meta.dirname, '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kedu-bench-data-'));
const csv = path.join(work, 'orders.csv');

const name = (i: number) => `S${String(i).padStart(5, '0')}`;

/** The order export, written in chunks (never a whole file in memory). */
async function writeOrders(): Promise<void> {
  const next = random(42);
  const out = fs.createWriteStream(csv);
  const channels = ['小程序', 'H5', '门店', '直播'];
  const statuses = ['paid', 'paid', 'paid', 'paid', 'refunded', 'cancelled'];
  const start = Date.UTC(2026, 0, 1);
  const year = 365 * 24 * 3600 * 1000;
  let chunk = 'order_id,salesperson,channel,paid_at,amount,tax,status\n';
  for (let i = 1; i <= ROWS; i++) {
    const at = new Date(start + Math.floor(next() * year)).toISOString().slice(0, 19).replace('T', ' ');
    const amount = Math.round(next() * 500_00) / 100 + 1;
    const tax = Math.round(amount * 6) / 100;
    chunk += `O${String(i).padStart(9, '0')},${name(1 + Math.floor(next() * SALESPEOPLE))},${channels[Math.floor(next() * 4)]},${at},${amount.toFixed(2)},${tax.toFixed(2)},${statuses[Math.floor(next() * statuses.length)]}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

const COLUMNS = [
  { name: 'order_id', type: 'text' },
  { name: 'salesperson', type: 'text' },
  { name: 'channel', type: 'text' },
  { name: 'paid_at', type: 'datetime' },
  { name: 'amount', type: 'decimal' },
  { name: 'tax', type: 'decimal' },
  { name: 'status', type: 'text' },
] as const;

const SPEC: MetricDefinition = {
  definition: 'paid orders: amount less tax, by payment month and salesperson',
  aggregation: 'sum',
  expression: 'amount - tax',
  filters: [{ column: 'status', op: '=', values: ['paid'] }],
  dateColumn: 'paid_at',
  owner: { kind: 'person', column: 'salesperson', match: 'name' },
  unit: '元',
};

/** A workspace with 10,000 salespeople and an empty orders dataset, through the app's own services. */
async function prepare(database: Database): Promise<string> {
  await runMigrations(database);
  const { completeSetup } = await import('../src/server/modules/workspaces/workspaces.service.ts');
  const { createEmptyDataset } = await import('../src/server/modules/datasets/datasets.service.ts');
  await completeSetup(database.db, { workspaceName: 'Bench', workspaceSlug: 'bench', adminName: 'Bench Admin', email: 'admin@bench.test', password: 'bench password 1' } as never, null);
  const { rows } = await database.pool.query(`select id from workspaces where slug = 'bench'`);
  const ws = rows[0].id as string;
  await database.pool.query(`insert into people (workspace_id, name) select $1, 'S' || lpad(i::text, 5, '0') from generate_series(1, ${SALESPEOPLE}) i`, [ws]);
  const actor = { userId: null, label: 'bench', ip: null, workspaceId: ws };
  await createEmptyDataset(database, actor, { name: '订单', description: '', columns: COLUMNS.map((c) => ({ ...c, snapshot: false, aliases: [] })), keyColumns: ['order_id'], dateColumn: 'paid_at', templateKey: null });
  return ws;
}

/** `kedu import` as a user runs it, with its peak resident memory read from /proc while it runs. */
async function runImport(env: Record<string, string>): Promise<{ seconds: number; peakMb: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'bin/kedu.js'), 'import', csv, '--dataset', '订单', '--workspace', 'bench'], {
    env: { ...process.env, ...env, LANG: 'en_US.UTF-8', KEDU_LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let peakKb = 0;
  const sample = () => {
    try {
      const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
    } catch {
      // the process has ended
    }
  };
  const timer = setInterval(sample, 50);
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const [code] = await once(child, 'exit');
  clearInterval(timer);
  if (code !== 0) throw new Error(`kedu import failed (${code}): ${output.slice(-2000)}`);
  return { seconds: (performance.now() - started) / 1000, peakMb: peakKb / 1024 };
}

async function timeMetric(database: Database, ws: string): Promise<{ ms: number; groups: number }> {
  const [dataset] = await database.db.select().from(datasets);
  const times: number[] = [];
  let groups = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const result = await computeMetricValues(database.db, ws, SPEC, dataset!, 'month');
    times.push(performance.now() - t0);
    groups = result.values.length;
    if (result.unmatchedOwners.length) throw new Error(`unmatched owners: ${result.unmatchedOwners.slice(0, 5)}`);
  }
  return { ms: median(times), groups };
}

async function timeDuckDb(): Promise<{ ms: number; groups: number }> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const times: number[] = [];
  let groups = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const reader = await connection.runAndReadAll(
      `select salesperson, strftime(paid_at, '%Y-%m') as period, sum(amount - tax) as value from read_csv('${csv}', header = true, types = {'amount': 'DECIMAL(18,2)', 'tax': 'DECIMAL(18,2)', 'paid_at': 'TIMESTAMP'}) where status = 'paid' group by 1, 2`,
    );
    times.push(performance.now() - t0);
    groups = reader.getRows().length;
  }
  connection.closeSync();
  return { ms: median(times), groups };
}

async function postgresUrl(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const base = process.env.KEDU_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: base });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const db = `kedu_bench_${process.pid}`;
  await admin.query(`create database ${db}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${db}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${db} with (force)`);
      await c.end();
    },
  };
}

try {
  await writeOrders();
  const duck = await timeDuckDb();
  const runs: { db: 'postgres' | 'pglite'; open: () => Promise<Database>; env: Record<string, string>; cleanup?: () => Promise<void> }[] = [];
  const pgTarget = await postgresUrl();
  if (pgTarget) runs.push({ db: 'postgres', open: () => openDatabase({ kind: 'postgres', url: pgTarget.url }), env: { DATABASE_URL: pgTarget.url }, cleanup: pgTarget.drop });
  else console.error('bench: PostgreSQL is not reachable; measuring PGlite only');
  const pgliteDir = path.join(work, 'pglite');
  runs.push({ db: 'pglite', open: () => openDatabase({ kind: 'embedded', dataDir: pgliteDir }), env: { KEDU_DATA_DIR: pgliteDir, DATABASE_URL: '' } });

  for (const run of runs) {
    try {
      let database = await run.open();
      const ws = await prepare(database);
      await database.close(); // the CLI opens it (the embedded database takes one process at a time)
      const imported = await runImport(run.env);
      database = await run.open();
      const metric = await timeMetric(database, ws);
      await database.close();
      if (metric.groups !== duck.groups) throw new Error(`metric groups ${metric.groups} ≠ DuckDB ${duck.groups}`);
      const rate = Math.round(ROWS / imported.seconds);
      console.log(
        JSON.stringify({
          bench: 'dataset import and metric',
          db: run.db,
          rows: ROWS,
          import: { seconds: round(imported.seconds), rowsPerSecond: rate, target: run.db === 'postgres' ? `>= ${IMPORT_TARGET}` : 'none', met: run.db === 'postgres' ? rate >= IMPORT_TARGET : null },
          memory: { peakMb: Math.round(imported.peakMb), targetMb: MEMORY_TARGET_MB, met: imported.peakMb < MEMORY_TARGET_MB },
          metric: { ms: round(metric.ms), groups: metric.groups, duckdbMs: round(duck.ms), ratio: Math.round((metric.ms / duck.ms) * 100) / 100, target: run.db === 'postgres' ? `<= ${RATIO_TARGET}` : 'none', met: run.db === 'postgres' ? metric.ms / duck.ms <= RATIO_TARGET : null },
        }),
      );
    } finally {
      await run.cleanup?.();
    }
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
