import type { Tx } from '../db/client.ts';
import { inClientTransaction } from '../db/client-transaction.ts';
import type { JobContext } from './job-types.ts';

/**
 * A job's whole work in one transaction, its result recorded as completed inside it: a crash
 * leaves neither, and a retry of a job that committed finds it done.
 * @example return workInTransaction(ctx, async (tx) => ({ refreshedCycles: await refresh(tx) }))
 */
export function workInTransaction<R>(ctx: JobContext, work: (tx: Tx) => Promise<R>): Promise<R> {
  return inClientTransaction(ctx.database, async (client, tx) => {
    const result = await work(tx);
    await ctx.completeIn(client, result);
    return result;
  });
}
