import type { JobError, JobProgress } from '../db/schema/jobs.ts';
import type { Sql } from './job-types.ts';

/**
 * The records of background_jobs (db/schema/jobs.ts), written in plain SQL because they are
 * also written on a transaction's own client (a job completing inside its work's transaction).
 */

export type NewJobRecord = { id: string; workspaceId: string | null; kind: string; subject: string; createdBy: string | null };

/** A job queued by a request: its record exists before the job does, so the caller can follow it at once. */
export async function insertJobRecord(sql: Sql, job: NewJobRecord): Promise<void> {
  await sql.query(`insert into background_jobs (id, workspace_id, kind, subject, created_by) values ($1, $2, $3, $4, $5)`, [job.id, job.workspaceId, job.kind, job.subject, job.createdBy]);
}

/**
 * A try begins: the record becomes `running` (created now for jobs nobody queued by hand — a
 * cron tick). Null when the job has already finished: an earlier try committed its work and was
 * killed before pg-boss heard of it, so there is nothing left to do.
 */
export async function startJobRecord(sql: Sql, job: { id: string; kind: string; workspaceId: string | null }): Promise<{ attempts: number } | null> {
  const { rows } = await sql.query(
    `insert into background_jobs (id, workspace_id, kind, state, attempts, started_at) values ($1, $2, $3, 'running', 1, now())
     on conflict (id) do update set state = 'running', attempts = background_jobs.attempts + 1, started_at = coalesce(background_jobs.started_at, now()), updated_at = now()
       where background_jobs.state in ('queued', 'running')
     returning attempts`,
    [job.id, job.workspaceId, job.kind],
  );
  return rows[0] ? { attempts: Number(rows[0].attempts) } : null;
}

export async function saveJobProgress(sql: Sql, id: string, progress: JobProgress): Promise<void> {
  await sql.query(`update background_jobs set progress = $2, updated_at = now() where id = $1 and state = 'running'`, [id, JSON.stringify(progress)]);
}

/** A running job is alive (its server has not died): the heartbeat other servers look at. */
export async function touchJobRecord(sql: Sql, id: string): Promise<void> {
  await sql.query(`update background_jobs set updated_at = now() where id = $1 and state = 'running'`, [id]);
}

/**
 * Jobs pg-boss still counts as active whose record has not heard from its server for `seconds`:
 * that server died (kill -9, a lost machine) and the job is to be tried again.
 */
export async function findLostJobs(sql: Sql, queueSchema: string, seconds: number): Promise<{ id: string; kind: string }[]> {
  const { rows } = await sql.query(
    `select j.id::text as id, j.kind from background_jobs j join ${queueSchema}.job q on q.id = j.id
      where j.state = 'running' and q.state = 'active' and j.updated_at < now() - make_interval(secs => $1)`,
    [seconds],
  );
  return rows;
}

/** pg-boss's own state of a job (created, retry, active, completed, failed …), or null when it has none. */
export async function jobQueueState(sql: Sql, queueSchema: string, id: string): Promise<string | null> {
  const { rows } = await sql.query(`select state from ${queueSchema}.job where id = $1`, [id]);
  return rows[0]?.state ?? null;
}

/** The job completed: its result and how far it got, unless it was already recorded (inside the work's transaction). */
export async function completeJobRecord(sql: Sql, id: string, result: unknown, progress: JobProgress | null): Promise<void> {
  await sql.query(
    `update background_jobs set state = 'completed', result = $2, progress = coalesce($3, progress), error = null, finished_at = now(), updated_at = now() where id = $1 and state <> 'completed'`,
    [id, JSON.stringify(result ?? null), progress ? JSON.stringify(progress) : null],
  );
}

/** The job failed for good (`final`), or this try did and another follows (the error is kept to show meanwhile). */
export async function failJobRecord(sql: Sql, id: string, error: JobError, final: boolean): Promise<void> {
  await sql.query(
    `update background_jobs set state = $3, error = $2, finished_at = case when $3 = 'failed' then now() end, updated_at = now() where id = $1 and state in ('queued', 'running')`,
    [id, JSON.stringify(error), final ? 'failed' : 'queued'],
  );
}

/** Files kept for jobs are cut into chunks of this size. */
export const JOB_FILE_CHUNK_BYTES = 1024 * 1024;

export async function insertJobFileChunk(sql: Sql, jobId: string, seq: number, data: Buffer): Promise<void> {
  await sql.query(`insert into job_file_chunks (job_id, seq, data) values ($1, $2, $3)`, [jobId, seq, data]);
}

export async function readJobFileChunk(sql: Sql, jobId: string, seq: number): Promise<Buffer | null> {
  const { rows } = await sql.query(`select data from job_file_chunks where job_id = $1 and seq = $2`, [jobId, seq]);
  return rows[0]?.data ?? null;
}

export async function deleteJobFile(sql: Sql, jobId: string): Promise<void> {
  await sql.query(`delete from job_file_chunks where job_id = $1`, [jobId]);
}
