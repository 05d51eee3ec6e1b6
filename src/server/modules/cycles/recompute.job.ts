import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import type { Database, Db } from '../../db/client.ts';
import { inClientTransaction } from '../../db/client-transaction.ts';
import { cycleParticipants } from '../../db/schema/index.ts';
import type { JobKind, JobSender } from '../../jobs/job-types.ts';
import { insertJobRecord } from '../../jobs/jobs.queries.ts';
import type { WorkspaceActor } from '../org/index.ts';
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
    return inClientTransaction(ctx.database, async (client, tx) => {
      const { recomputed, cycle } = await recomputeIn(tx, data.actor, data.cycleId);
      ctx.progress({ done: recomputed, total: recomputed, unit: 'items' });
      const result = { recomputed, cycleId: cycle.id };
      await ctx.completeIn(client, result);
      return result;
    });
  },
};

/** How many people a cycle scores. */
export async function countParticipants(db: Db, cycleId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(cycleParticipants).where(eq(cycleParticipants.cycleId, cycleId));
  return row?.n ?? 0;
}

/** Queues the recompute of a large cycle; the job's id. */
export async function queueRecompute(database: Database, jobs: JobSender, actor: WorkspaceActor, cycleId: string, subject: string): Promise<string> {
  const id = randomUUID();
  await inClientTransaction(database, async (client) => {
    await insertJobRecord(client, { id, workspaceId: actor.workspaceId, kind: CYCLE_RECOMPUTE, subject, createdBy: actor.userId });
    await jobs.send(CYCLE_RECOMPUTE, { workspaceId: actor.workspaceId, actor, cycleId } satisfies RecomputeData, { id, tx: client });
  });
  jobs.wake(CYCLE_RECOMPUTE);
  return id;
}
