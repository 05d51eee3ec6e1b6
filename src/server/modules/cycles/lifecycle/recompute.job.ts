import type { Database } from '../../../db/client.ts';
import type { JobKind, JobSender } from '../../../jobs/job-types.ts';
import { workInTransaction } from '../../../jobs/job-transaction.ts';
import { queueTrackedJob } from '../../../jobs/queue-tracked.ts';
import type { WorkspaceActor } from '../../org/index.ts';
import { recomputeIn } from './cycle-transitions.service.ts';

export const CYCLE_RECOMPUTE = 'cycles.recompute';

type RecomputeData = { workspaceId: string; actor: WorkspaceActor; cycleId: string };

/**
 * Scoring every participant of a cycle again, as a job: the same transaction as the request's
 * (cycle locked, every result rewritten, audited), with the job's result recorded in it.
 */
export const cycleRecomputeJob: JobKind<RecomputeData> = {
  name: CYCLE_RECOMPUTE,
  retryLimit: 2,
  retryDelaySeconds: 5,
  expireInSeconds: 30 * 60,
  async run(data, ctx) {
    return workInTransaction(ctx, async (tx) => {
      const { recomputed, cycle } = await recomputeIn(tx, data.actor, data.cycleId);
      ctx.progress({ done: recomputed, total: recomputed, unit: 'items' });
      return { recomputed, cycleId: cycle.id };
    });
  },
};

/** Queues the recompute of a large cycle; the job's id. */
export function queueRecompute(database: Database, jobs: JobSender, actor: WorkspaceActor, cycleId: string, subject: string): Promise<string> {
  const job = { kind: CYCLE_RECOMPUTE, workspaceId: actor.workspaceId, subject, createdBy: actor.userId };
  return queueTrackedJob(database, jobs, job, { workspaceId: actor.workspaceId, actor, cycleId } satisfies RecomputeData);
}
