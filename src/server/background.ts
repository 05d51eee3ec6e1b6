import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { type JobQueue, startJobQueue } from './jobs/job-queue.ts';
import type { JobKind } from './jobs/job-types.ts';
import { actualsFromDataJob } from './modules/cycles/actuals/actuals-from-data.job.ts';
import { cycleRecomputeJob } from './modules/cycles/lifecycle/recompute.job.ts';
import { datasetImportJob } from './modules/datasets/import.job.ts';
import { sendStatusRefresh, STATUS_REFRESH, statusRefreshJob } from './modules/goals/status-refresh.job.ts';

/** Every kind of background work, as app.ts lists every route module (docs/architecture.md "Jobs"). */
export const JOB_KINDS: readonly JobKind[] = [datasetImportJob, actualsFromDataJob, cycleRecomputeJob, statusRefreshJob];

/**
 * The job queue of a server: workers for every kind, the daily status refresh on its cron, jobs
 * a killed embedded server left behind taken back, and today's refresh sent (once a day however
 * many servers start).
 */
export async function startBackgroundWork(database: Database, config: Config, logger?: FastifyBaseLogger): Promise<JobQueue> {
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const jobs = await startJobQueue(database, JOB_KINDS, {
    work: true,
    schedules: [{ kind: STATUS_REFRESH, cron: config.statusRefreshCron, tz }],
    recoverActive: database.kind === 'embedded',
    lostAfterSeconds: config.jobLostSeconds,
    logger,
  });
  await sendStatusRefresh(jobs);
  return jobs;
}
