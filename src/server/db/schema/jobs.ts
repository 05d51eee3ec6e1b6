import { check, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users, workspaces } from './accounts.ts';
import { createdAtColumn, updatedAtColumn } from './columns.ts';

/**
 * What a job has done so far, as its runner reports it (rows read of a file, participants scored …);
 * `step`: the stage a job of several stages is in (the large demo seed: organisation, cycles, goals …).
 */
export type JobProgress = { done: number; total: number | null; unit: 'rows' | 'bytes' | 'items'; bytes?: number; totalBytes?: number; step?: string };
/** Why a job failed, in the shape of an API error (code, message parameters, located details). */
export type JobError = { code: string; params: Record<string, unknown>; details: unknown[] };

/**
 * Background work a user can follow (docs/architecture.md "Jobs"). The queue itself is pg-boss's
 * (schema `pgboss`): it delivers, retries and expires. This table is what people see — who started
 * the job, how far it got, its result or why it failed — written by the job in the same
 * transaction as its work, so that a result never shows without its data or the reverse.
 * The id is the pg-boss job's id.
 */
export const backgroundJobs = pgTable(
  'background_jobs',
  {
    id: uuid('id').primaryKey(),
    /** Null for work of the whole installation (the daily status refresh). */
    workspaceId: uuid('workspace_id').references(() => workspaces.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    state: text('state').notNull().default('queued'),
    /** What the job is about, shown to people (the file name of an import). */
    subject: text('subject').notNull().default(''),
    progress: jsonb('progress').$type<JobProgress>(),
    result: jsonb('result').$type<unknown>(),
    error: jsonb('error').$type<JobError>(),
    attempts: integer('attempts').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAtColumn(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    index('background_jobs_ws_idx').on(t.workspaceId, t.createdAt),
    // the jobs still to finish, asked on every cycle read (is a data change pending?): a few rows
    // however long the history of finished jobs grows
    index('background_jobs_pending_idx').on(t.workspaceId, t.kind).where(sql`${t.state} in ('queued', 'running')`),
    check('background_jobs_state_ck', sql`${t.state} in ('queued', 'running', 'completed', 'failed')`),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * The file a job works on, kept in the database in chunks: any server on the same PostgreSQL
 * can run the job, and a job retried after a crash still finds its file.
 */
export const jobFileChunks = pgTable(
  'job_file_chunks',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => backgroundJobs.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ name: 'job_file_chunks_pk', columns: [t.jobId, t.seq] })],
);

export type BackgroundJobRow = typeof backgroundJobs.$inferSelect;
