import type { JobProgress } from '../db/schema/jobs.ts';

/**
 * What this process knows of the jobs running in it, without asking the database: their latest
 * progress, and whether someone follows them. The embedded database serves one connection, which
 * an import's transaction holds until it commits; a follower who connected before that still
 * hears every row count from here (jobs.routes.ts, the event stream).
 */
export const liveProgress = new Map<string, JobProgress>();

const followed = new Map<string, () => void>();
const watchers = new Map<string, Set<(progress: JobProgress) => void>>();

/** A job running here reports how far it got (job-runner.ts): kept, and told to whoever watches it in this process. */
export function reportLiveProgress(jobId: string, progress: JobProgress): void {
  liveProgress.set(jobId, progress);
  for (const watch of watchers.get(jobId) ?? []) watch(progress);
}

/**
 * Hears every progress report of a job running in this process (a command that queued it and
 * works it itself prints each stage); returns the function that stops listening.
 */
export function watchLiveProgress(jobId: string, listener: (progress: JobProgress) => void): () => void {
  const set = watchers.get(jobId) ?? new Set();
  set.add(listener);
  watchers.set(jobId, set);
  return () => {
    set.delete(listener);
    if (set.size === 0) watchers.delete(jobId);
  };
}

/** A follower's event stream is open: a job waiting for one may begin. */
export function announceFollower(jobId: string): void {
  followed.get(jobId)?.();
}

/**
 * Waits until someone follows the job, or `ms` pass (an API client that only polls at the end).
 * Used where the job would otherwise take the database's one connection before its follower could
 * sign in (the embedded database); the wait ends on the follower's arrival, not on the clock.
 */
export function waitForFollower(jobId: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      followed.delete(jobId);
      resolve();
    };
    const timer = setTimeout(done, ms);
    followed.set(jobId, done);
  });
}
