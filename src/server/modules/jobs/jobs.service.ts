import type { Job } from '../../../contracts/jobs.ts';
import type { Db } from '../../db/client.ts';
import type { JobError } from '../../db/schema/jobs.ts';
import { AppError, type ErrorDetail } from '../../errors.ts';
import { renderError } from '../../http/error-handler.ts';
import type { Viewer } from '../../http/request-context.ts';
import type { Locale } from '../../i18n/messages.ts';
import { liveProgress } from '../../jobs/live-jobs.ts';
import { canFollowJob } from '../../access.ts';
import { findWorkspaceJob, type JobRow } from './jobs.queries.ts';


/**
 * A job of the viewer's workspace, as its starter (or an admin) follows it. While it runs in this
 * process, its progress is the one in memory (fresh, and readable while the embedded database is
 * busy with the job itself). A job pg-boss gave up on after its last try was lost (a killed
 * process, no retries left) reads as failed, interrupted.
 */
export async function loadJob(db: Db, viewer: Viewer, id: string, locale: Locale): Promise<Job> {
  const row = await findWorkspaceJob(db, viewer.workspaceId, id);
  // a job the viewer may not follow is as absent as one of another workspace
  if (!row || !canFollowJob(viewer, { createdBy: row.created_by })) throw new AppError('not_found', { entity: 'entity.job' });
  return toJobDto(row, locale);
}

function toJobDto(row: JobRow, locale: Locale): Job {
  const lost = (row.state === 'running' || row.state === 'queued') && row.queue_state === 'failed';
  const error: JobError | null = lost ? { code: 'job_interrupted', params: {}, details: [] } : row.error;
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
  return {
    id: row.id,
    kind: row.kind,
    state: lost ? 'failed' : row.state,
    subject: row.subject,
    progress: (row.state === 'running' ? liveProgress.get(row.id) : undefined) ?? row.progress ?? null,
    result: row.state === 'completed' ? (row.result ?? null) : null,
    error: error ? renderError(locale, { code: error.code, params: error.params as Record<string, string | number>, details: error.details as ErrorDetail[] }) : null,
    attempts: row.attempts,
    createdAt: iso(row.created_at)!,
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
  };
}

const terminal = (state: Job['state']) => state === 'completed' || state === 'failed';
const FOLLOW_MEMORY_MS = 250;
const FOLLOW_DATABASE_MS = 1_000;

/**
 * Follows a job until it has finished, calling `send` at each change: from this process's memory
 * while the job runs here (every quarter second, without the database — which an import on the
 * embedded database holds), else from its record (every second; a job run by another server).
 */
export async function followJob(db: Db, viewer: Viewer, first: Job, locale: Locale, send: (job: Job) => void, isOpen: () => boolean): Promise<void> {
  let job = first;
  let sent = '';
  let lastRead = Date.now();
  let wasLive = false;
  for (;;) {
    const text = JSON.stringify(job);
    if (text !== sent) {
      send(job);
      sent = text;
    }
    if (terminal(job.state) || !isOpen()) return;
    await new Promise((resolve) => setTimeout(resolve, FOLLOW_MEMORY_MS));
    const live = liveProgress.get(job.id);
    if (live) {
      job = { ...job, state: 'running', progress: live };
    } else if (wasLive || Date.now() - lastRead >= FOLLOW_DATABASE_MS) {
      // not (or no longer: it has just finished) running here: its record says where it is
      job = await loadJob(db, viewer, job.id, locale);
      lastRead = Date.now();
    }
    wasLive = live !== undefined;
  }
}
