import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { isPostgresAvailable } from '../../src/server/testing/postgres-available.ts';
import { getJson, runCli, startServerProcess } from '../../src/server/testing/server-process.ts';
import { freshPgDatabase, setupAndToken, tempDataDir } from './helpers.ts';

describe('kedu serve as a process', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('refuses a second server on the same data folder, and recovers the lock of a killed one', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const first = await startServerProcess({ KEDU_DATA_DIR: dir });
    try {
      const second = await runCli(['serve'], { KEDU_DATA_DIR: dir, PORT: '0' });
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`The data folder ${dir} is in use by another Kedu process (pid ${first.proc.pid})`);
    } finally {
      await first.stop('SIGKILL');
    }
    // the killed server left its lock file behind; a new server takes it over
    expect(fs.existsSync(`${dir}/kedu.lock`)).toBe(true);
    const third = await startServerProcess({ KEDU_DATA_DIR: dir });
    expect((await getJson(`${third.url}/healthz`)).status).toBe(200);
    expect(await third.stop('SIGTERM')).toBe(0);
    expect(fs.existsSync(`${dir}/kedu.lock`)).toBe(false);
  });

  it('finishes an in-flight request on SIGTERM, then closes the database and exits 0', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const server = await startServerProcess({ KEDU_DATA_DIR: dir });
    // first-run setup hashes a password (argon2id, tens of ms): a request still in flight when the signal lands
    const inFlight = fetch(`${server.url}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ workspaceName: 'Graceful', adminName: 'Gail', email: 'gail@graceful.test', password: 'correct horse battery' }),
    });
    while (!server.output().includes('"url":"/api/v1/setup"')) await new Promise((r) => setTimeout(r, 2));
    const code = await server.stop('SIGTERM');
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(code).toBe(0);
    expect(server.output()).toContain('shut down cleanly');
    // the write survived the shutdown
    const again = await startServerProcess({ KEDU_DATA_DIR: dir });
    expect((await getJson(`${again.url}/api/v1/setup/status`)).body.needsSetup).toBe(false);
    await again.stop();
  });

  it('stops with a clear message and a non-zero exit when a migration fails', async () => {
    if (!(await isPostgresAvailable())) {
      if (process.env.CI === 'true') throw new Error('PostgreSQL is required under CI');
      return;
    }
    const pgdb = await freshPgDatabase();
    try {
      // a table in the way of the first migration
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: pgdb.url });
      await client.connect();
      await client.query('create table users (id int)');
      await client.end();
      const res = await runCli(['serve'], { DATABASE_URL: pgdb.url, PORT: '0' });
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(/Database migration failed: .*users/);
    } finally {
      await pgdb.drop();
    }
  });

  it('stops with exit 2 naming the variable when the configuration is invalid', async () => {
    const res = await runCli(['serve'], { PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('PORT:');
    expect(res.stderr).toContain('DATABASE_URL: must start with postgres://');
  });

  it('runs on PostgreSQL from DATABASE_URL', async () => {
    if (!(await isPostgresAvailable())) return;
    const pgdb = await freshPgDatabase();
    const server = await startServerProcess({ DATABASE_URL: pgdb.url });
    try {
      const status = await getJson(`${server.url}/api/v1/setup/status`);
      expect(status.body).toMatchObject({ database: 'postgres', needsSetup: true });
      const token = await setupAndToken(server.url);
      expect(token).toMatch(/^kedu_/);
    } finally {
      await server.stop();
      await pgdb.drop();
    }
  });
});

