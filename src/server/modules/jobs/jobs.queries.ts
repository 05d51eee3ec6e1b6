import { sql } from 'drizzle-orm';
import type { Job } from '../../../contracts/jobs.ts';
import type { Db } from '../../db/client.ts';
import { JOB_QUEUE_SCHEMA } from '../../db/migrate.ts';
import type { JobError } from '../../db/schema/jobs.ts';

export type JobRow = {
  id: string;
  kind: string;
  state: Job['state'];
  subject: string;
  progress: Job['progress'];
  result: unknown;
  error: JobError | null;
  attempts: number;
  created_by: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  queue_state: string | null;
};

/** A job of a workspace with the state pg-boss holds for it (`failed` once it gave up on a lost try). */
export async function findWorkspaceJob(db: Db, workspaceId: string, id: string): Promise<JobRow | null> {
  const { rows } = await db.execute<JobRow>(sql`
    select j.id, j.kind, j.state, j.subject, j.progress, j.result, j.error, j.attempts, j.created_by, j.created_at, j.started_at, j.finished_at,
           (select q.state::text from ${sql.raw(JOB_QUEUE_SCHEMA)}.job q where q.id = j.id) as queue_state
      from background_jobs j where j.id = ${id} and j.workspace_id = ${workspaceId}`);
  return rows[0] ?? null;
}
