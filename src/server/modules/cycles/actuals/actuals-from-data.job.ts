import { DATA_CHANGED, type DataChangedJob } from '../../../jobs/data-changed.ts';
import type { JobKind } from '../../../jobs/job-types.ts';
import { workInTransaction } from '../../../jobs/job-transaction.ts';
import { refreshActualsFromData } from './actuals-from-data.ts';

/** What the job leaves for its follower: how many open cycles took their actuals again. */
export type ActualsRefreshResult = { refreshedCycles: number };

/**
 * The cycles module's answer to "the data changed" (jobs/data-changed.ts): open cycles take the
 * actuals of metric-bound terms from the data again, and the participants whose values moved are
 * scored again — one transaction, the job's result recorded in it, so a retry after a crash
 * finds it done or does it whole. The refresh is idempotent: an announcement that arrives late
 * or twice plans from the data as it is then and writes the same values.
 */
export const actualsFromDataJob: JobKind<DataChangedJob> = {
  name: DATA_CHANGED,
  retryLimit: 3,
  retryDelaySeconds: 2,
  expireInSeconds: 30 * 60,
  async run(data, ctx) {
    return workInTransaction(ctx, async (tx): Promise<ActualsRefreshResult> => ({ refreshedCycles: await refreshActualsFromData(tx, data.workspaceId, data.change) }));
  },
};
