import type { FastifyBaseLogger } from 'fastify';
import type PgBoss from 'pg-boss';
import type { Database } from '../db/client.ts';
import type { JobError, JobProgress } from '../db/schema/jobs.ts';
import { AppError } from '../errors.ts';
import { liveProgress, reportLiveProgress, waitForFollower } from './live-jobs.ts';
import type { JobKind, JobSender } from './job-types.ts';
import { completeJobRecord, failJobRecord, saveJobProgress, startJobRecord, touchJobRecord } from './jobs.queries.ts';

/** How often progress is written to the database while a job runs. */
const PROGRESS_EVERY_MS = 1_000;


/** How long a job that holds the embedded database waits for its follower's event stream (live-jobs.ts). */
const FOLLOWER_WAIT_MS = 3_000;

/**
 * One try of a job, with its record kept (background_jobs): running, progress, then completed
 * with its result — or failed with why. An AppError is the user's to fix (a file with bad rows):
 * final at once, never retried. Anything else is thrown on to pg-boss, which tries again after
 * the kind's delay; the last try's error is kept as the job's.
 */
export async function runTracked(database: Database, kind: JobKind, job: PgBoss.JobWithMetadata<unknown>, options: { jobs: JobSender; logger?: FastifyBaseLogger; heartbeatMs: number }): Promise<void> {
  const { logger } = options;
  const data = (job.data ?? {}) as { workspaceId?: string };
  const started = await startJobRecord(database.pool, { id: job.id, kind: kind.name, workspaceId: data.workspaceId ?? null });
  if (!started) return;
  if (kind.holdsDatabase && database.kind === 'embedded') await waitForFollower(job.id, FOLLOWER_WAIT_MS);
  logger?.info({ job: job.id, kind: kind.name, attempt: started.attempts }, 'job started');
  const reporter = progressReporter(database, job.id);
  // on PostgreSQL other servers watch for jobs whose server died (lostAfterSeconds); the embedded database has no other
  const heartbeat = database.kind === 'postgres' ? setInterval(() => void touchJobRecord(database.pool, job.id).catch(() => {}), options.heartbeatMs) : null;
  try {
    const result = await kind.run(job.data, {
      database,
      jobId: job.id,
      attempt: started.attempts,
      isLastAttempt: job.retryCount >= job.retryLimit,
      progress: reporter.report,
      completeIn: (tx, value) => completeJobRecord(tx, job.id, value, reporter.latest()),
      jobs: options.jobs,
      logger,
    });
    clearInterval(heartbeat ?? undefined);
    await reporter.stop();
    await completeJobRecord(database.pool, job.id, result, reporter.latest());
  } catch (err) {
    clearInterval(heartbeat ?? undefined);
    await reporter.stop();
    if (err instanceof AppError) {
      await failJobRecord(database.pool, job.id, { code: err.code, params: err.params, details: err.details }, true);
      return;
    }
    const final = job.retryCount >= job.retryLimit;
    logger?.error({ err, job: job.id, kind: kind.name, attempt: started.attempts, final }, final ? 'job failed' : 'job failed; it will be tried again');
    await failJobRecord(database.pool, job.id, unexpectedError(err), final).catch(() => {});
    throw err;
  }
}

/** What people are told of a failure that is not theirs: that it failed, and what the server said (no stack). */
function unexpectedError(err: unknown): JobError {
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'job_failed', params: { reason: message.slice(0, 500) }, details: [] };
}

/** Keeps the latest progress in memory at once and in the database at most once a second, one write at a time. */
function progressReporter(database: Database, jobId: string) {
  let latest: JobProgress | null = null;
  let writing: Promise<void> | null = null;
  let lastWrite = 0;
  const write = () => {
    if (writing || !latest) return;
    const value = latest;
    lastWrite = Date.now();
    writing = saveJobProgress(database.pool, jobId, value)
      .catch(() => {})
      .finally(() => {
        writing = null;
      });
  };
  return {
    report(progress: JobProgress) {
      latest = progress;
      reportLiveProgress(jobId, progress);
      if (Date.now() - lastWrite >= PROGRESS_EVERY_MS) write();
    },
    latest: () => latest,
    /** Stops reporting; the last progress is written with the job's completion (completeJobRecord). */
    async stop() {
      liveProgress.delete(jobId);
      await writing;
    },
  };
}
