import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { describe, inject } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { JOB_KINDS } from '../background.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { type JobQueue, startJobQueue } from '../jobs/job-queue.ts';
import { waitForIdleJobs, waitForJobToFinish } from '../jobs/job-waits.ts';
import { adminQuery, pgUrlFor } from './postgres-available.ts';

export type DbKind = 'pglite' | 'postgres';

/** The database kinds this run can test: both, or PGlite alone when PostgreSQL is absent (never under CI). */
export function availableKinds(): DbKind[] {
  return inject('pgTemplate') ? ['pglite', 'postgres'] : ['pglite'];
}

/** describe() once per database kind: every integration suite runs on PGlite and on PostgreSQL. */
export function describeEachDatabase(name: string, body: (kind: DbKind) => void): void {
  for (const kind of availableKinds()) describe(`${name} [${kind}]`, () => body(kind));
}

export type ApiResponse<T = any> = { status: number; body: T; headers: Record<string, unknown> };

export type TestApp = {
  kind: DbKind;
  app: FastifyInstance;
  database: Database;
  /** The app's job queue, working in this process (no cron schedules: tests send what they need). */
  jobs: JobQueue;
  /** Waits until a job has finished — completed, or failed for good — and returns its record (state, error, result). */
  waitForJob(id: string): Promise<{ state: string; error: unknown; result: unknown }>;
  /**
   * Waits until no background job is queued or running: after an import, a rollback or a metric
   * change, open cycles take their actuals in the job "the data changed" queues.
   */
  settleJobs(): Promise<void>;
  /** A request through app.inject; `token` authenticates with an API token. */
  api<T = any>(method: string, url: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<ApiResponse<T>>;
  close(): Promise<void>;
};

/** A fresh, migrated database of the given kind (cloned from the run's template) and an app on it. */
export async function startTestApp(kind: DbKind, env: Record<string, string> = {}): Promise<TestApp> {
  let database: Database;
  let dropDatabase = async () => {};
  if (kind === 'pglite') {
    database = await openDatabase({ kind: 'embedded', dataDir: null, loadFrom: inject('pgliteTemplate') });
  } else {
    const name = `kedu_test_${inject('runId')}_${randomBytes(4).toString('hex')}`;
    await adminQuery(`create database ${name} template ${inject('pgTemplate')}`);
    database = await openDatabase({ kind: 'postgres', url: pgUrlFor(name), poolSize: 4 });
    dropDatabase = () => adminQuery(`drop database if exists ${name} with (force)`);
  }
  const config = loadConfig({ KEDU_LOG_LEVEL: 'silent', ...env });
  const jobs = await startJobQueue(database, JOB_KINDS, { work: true });
  const app = await buildApp({ config, database, version: 'test', jobs });
  await app.ready();
  const testApp: TestApp = {
    kind,
    app,
    database,
    jobs,
    waitForJob: (id) => waitForJobToFinish(database.pool, id),
    settleJobs: () => waitForIdleJobs(database.pool),
    async api(method, url, options = {}) {
      const headers: Record<string, string> = { 'accept-language': 'en', ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      const res = await app.inject({ method: method as 'GET', url, headers, payload: options.body as object | undefined });
      let body: unknown = res.body;
      if (String(res.headers['content-type'] ?? '').includes('json')) body = res.json();
      return { status: res.statusCode, body: body as any, headers: res.headers };
    },
    async close() {
      await app.close();
      await jobs.stop();
      await database.close();
      await dropDatabase();
    },
  };
  return testApp;
}
