import { randomUUID } from 'node:crypto';
import type { Database } from '../db/client.ts';
import { inClientTransaction } from '../db/client-transaction.ts';
import type { JobSender, Sql } from './job-types.ts';
import { insertJobRecord } from './jobs.queries.ts';

/**
 * Queues work someone will follow: its record (so GET /jobs/{id} answers at once), anything the
 * work needs stored with it (`alongside`, e.g. an uploaded file), and the job itself — in one
 * transaction, so the job exists exactly when what it needs does. Wakes this process's worker.
 * @example const id = await queueTrackedJob(database, jobs, { kind: 'cycles.recompute', workspaceId, subject: '10月考核', createdBy }, data)
 */
export async function queueTrackedJob(
  database: Database,
  jobs: JobSender,
  job: { kind: string; workspaceId: string | null; subject: string; createdBy: string | null },
  data: unknown,
  alongside?: (client: Sql, jobId: string) => Promise<void>,
): Promise<string> {
  const id = await inClientTransaction(database, async (client) => {
    const queued = await queueTrackedJobIn(client, jobs, job, data);
    await alongside?.(client, queued);
    return queued;
  });
  jobs.wake(job.kind);
  return id;
}

/**
 * The same inside the caller's transaction (an outbox: the job exists exactly when the caller's
 * writes commit). The caller wakes the worker after its commit, or lets it find the job on its next poll.
 */
export async function queueTrackedJobIn(client: Sql, jobs: JobSender, job: { kind: string; workspaceId: string | null; subject: string; createdBy: string | null }, data: unknown): Promise<string> {
  const id = randomUUID();
  await insertJobRecord(client, { id, workspaceId: job.workspaceId, kind: job.kind, subject: job.subject.slice(0, 255), createdBy: job.createdBy });
  await jobs.send(job.kind, data, { id, tx: client });
  return id;
}
