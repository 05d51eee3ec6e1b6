import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/client.ts';
import { availableKinds } from '../../src/server/testing/harness.ts';
import { KEDU_BIN, runCli } from '../../src/server/testing/server-process.ts';
import { youzanCsv } from '../../src/server/testing/youzan-csv.ts';
import { freshPgDatabase, tempDataDir } from './helpers.ts';

/**
 * kill -9 in the middle of `kedu import`: the import is one transaction, so afterwards there is
 * no batch and no row of it — and the database opens and takes the next import.
 */
describe.each(availableKinds())('kill -9 during kedu import [%s]', (kind) => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  // five CLI processes, one of them killed mid-import of 150,000–400,000 rows: on a loaded two-core
  // machine that outlasts the integration default of 30 s (seen once), and its own wait for
  // progress is 60 s
  it('leaves no partial batch and the next import works', { timeout: 180_000 }, async () => {
    const work = tempDataDir();
    cleanups.push(() => fs.rmSync(work, { recursive: true, force: true }));
    let env: Record<string, string>;
    if (kind === 'pglite') {
      env = { KEDU_DATA_DIR: path.join(work, 'data'), DATABASE_URL: '' };
    } else {
      const pgdb = await freshPgDatabase();
      cleanups.push(pgdb.drop);
      env = { DATABASE_URL: pgdb.url };
    }
    const admin = await runCli(['create-admin', '--email', 'ada@kill.test', '--name', 'Ada', '--password', 'correct horse battery', '--workspace-name', 'Kill Co'], env);
    expect(admin.code, admin.stderr).toBe(0);
    const small = path.join(work, 'small.csv');
    fs.writeFileSync(small, youzanCsv(20, 9_000_000));
    const first = await runCli(['import', small, '--dataset', '订单'], env);
    expect(first.code, first.stderr).toBe(0);

    const big = path.join(work, 'big.csv');
    fs.writeFileSync(big, youzanCsv(kind === 'pglite' ? 150_000 : 400_000));
    const proc = spawn(process.execPath, [KEDU_BIN, 'import', big, '--dataset', '订单'], { env: { ...process.env, LANG: 'en_US.UTF-8', KEDU_LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    proc.stdout.on('data', (d) => (output += d));
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    // kill it once rows are flowing (the progress line after 10 % of the file)
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no progress in time:\n${output}`)), 240_000);
      proc.stderr.on('data', (d) => {
        output += d;
        if (/(^|\n)[1-9]0%/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      });
      proc.once('exit', () => {
        clearTimeout(timer);
        reject(new Error(`kedu import ended before it was killed:\n${output}`));
      });
    });
    proc.kill('SIGKILL');
    await exited;

    const database = await openDatabase(kind === 'pglite' ? { kind: 'embedded', dataDir: env.KEDU_DATA_DIR! } : { kind: 'postgres', url: env.DATABASE_URL! });
    try {
      const batches = await database.pool.query(`select file_name, row_count from dataset_batches`);
      expect(batches.rows).toEqual([{ file_name: 'small.csv', row_count: 20 }]);
      const { rows } = await database.pool.query(`select table_name, row_count from datasets`);
      expect(rows).toHaveLength(1);
      expect(rows[0].row_count).toBe(20);
      const stored = await database.pool.query(`select count(*)::int as n from ${rows[0].table_name}`);
      expect(stored.rows[0].n).toBe(20);
    } finally {
      await database.close();
    }

    const again = path.join(work, 'again.csv');
    fs.writeFileSync(again, youzanCsv(30, 8_000_000));
    const next = await runCli(['import', again, '--dataset', '订单'], env);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout).toContain('imported 30 rows');
  });
});
