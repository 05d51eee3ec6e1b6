/**
 * Background jobs (contracts/jobs.ts): long work answers 202 with a job, which the web app
 * follows here until it has completed — then the work's own result — or failed, as the same
 * ApiError the request would have thrown had it done the work itself.
 */
import type { z } from 'zod';
import type * as jobs from '../../../contracts/jobs.ts';
import { ApiError, get, workspacePath } from '../../api.ts';

export type Job = z.infer<typeof jobs.job>;
export type JobProgress = NonNullable<Job['progress']>;
export type JobAccepted = { job: Job };

/** The HTTP status the work would have answered with, for the error a failed job carries. */
const STATUS_OF: Record<string, number> = { import_failed: 422, validation_failed: 400, conflict: 409, name_taken: 409, not_found: 404 };

/** How often a running job is asked how far it got. */
export const POLL_MS = 500;

export const jobsApi = {
  get: (ws: string, id: string) => get<Job>(`${workspacePath(ws)}/jobs/${id}`),
};

export const isJobAccepted = (body: unknown): body is JobAccepted => typeof body === 'object' && body !== null && 'job' in body;

export const isFinished = (job: Job) => job.state === 'completed' || job.state === 'failed';

function outcomeOf<T>(job: Job): T {
  if (job.state === 'completed') return job.result as T;
  const error = job.error ?? { code: 'job_failed', message: '', details: [] };
  throw new ApiError(STATUS_OF[error.code] ?? 500, error.code, error.message, error.details);
}

/**
 * Waits for a job: `onProgress` hears each new state while it is queued or runs; resolves with its
 * result, or rejects with its error as an ApiError (details located by row and column as a 422 has
 * them). Follows the server's event stream, which carries every row count even while the embedded
 * database is busy with the import itself; asks again every half second if the stream breaks.
 */
export function followJob<T>(ws: string, accepted: Job, onProgress: (job: Job) => void): Promise<T> {
  onProgress(accepted);
  if (isFinished(accepted)) return Promise.resolve().then(() => outcomeOf<T>(accepted));
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (job: Job) => {
      if (settled) return;
      onProgress(job);
      if (!isFinished(job)) return;
      settled = true;
      source.close();
      try {
        resolve(outcomeOf<T>(job));
      } catch (err) {
        reject(err);
      }
    };
    const source = new EventSource(`/api/v1/workspaces/${encodeURIComponent(ws)}/jobs/${accepted.id}/events`);
    source.addEventListener('job', (event) => settle(JSON.parse((event as MessageEvent<string>).data) as Job));
    source.onerror = () => {
      if (settled) return;
      source.close();
      pollJob(ws, accepted.id, settle).catch((err: unknown) => {
        settled = true;
        reject(err);
      });
    };
  });
}

async function pollJob(ws: string, id: string, settle: (job: Job) => void): Promise<void> {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const job = await jobsApi.get(ws, id);
    settle(job);
    if (isFinished(job)) return;
  }
}

/** Waits for a job known by its id (one a write answered with, e.g. an import's `actualsJob`): its result, or its error thrown. */
export async function waitForJob<T>(ws: string, id: string, onProgress: (job: Job) => void = () => {}): Promise<T> {
  return followJob<T>(ws, await jobsApi.get(ws, id), onProgress);
}

// useJob moved to jobs-queries.ts; kept here for features/datasets/ImportDone.tsx until it imports it from there
