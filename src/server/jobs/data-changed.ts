import type { JobSender, Sql } from './job-types.ts';
import { queueTrackedJobIn } from './queue-tracked.ts';

/**
 * "The data changed": what a module that holds data announces (datasets after an import or a
 * rollback, metrics after a definition or a binding changes) for whoever derives values from it
 * — today the cycles module, which takes open cycles' actuals from the data again
 * (docs/architecture.md "Data → actuals"). The announcer names what changed; it never knows
 * who listens, so the modules that hold data import nothing of the ones that read it.
 */
export const DATA_CHANGED = 'data.changed';

/** What changed: a dataset's rows, a metric's definition, a term's binding, or everything (an unbinding). */
export type DataChange = { datasetId: string } | { metricId: string } | { term: string } | { all: true };

/** Who changed it (an audit actor: the jobs layer imports no module). */
export type DataChangedJob = { workspaceId: string; actor: { userId: string | null; label: string; ip: string | null }; change: DataChange };

/**
 * Queues the announcement inside the caller's transaction: it exists exactly when the change
 * does. Returns the job's id, which the caller hands to its client to follow (GET /jobs/{id}).
 * Call `jobs.wake(DATA_CHANGED)` after the commit to have it run at once.
 * @example const actualsJob = await announceDataChanged(client, jobs, { workspaceId, actor, change: { datasetId } }, '十月订单')
 */
export function announceDataChanged(client: Sql, jobs: JobSender, job: DataChangedJob, subject: string): Promise<string> {
  return queueTrackedJobIn(client, jobs, { kind: DATA_CHANGED, workspaceId: job.workspaceId, subject, createdBy: job.actor.userId }, job);
}
