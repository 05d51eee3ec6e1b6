import type { Database } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { JobKind, JobSender } from '../../jobs/job-types.ts';
import { queueTrackedJob } from '../../jobs/queue-tracked.ts';
import type { LargeDemoSizes } from './large-demo.sizes.ts';
import { LargeDemoError, type LargeDemoSummary, seedLargeDemo } from './large-demo.ts';

export const LARGE_DEMO_SEED = 'demo.large-seed';

export type LargeDemoJobData = { slug: string; seed: number; sizes: LargeDemoSizes; replace: boolean; passwordHash: string; today?: string };

/** What the job leaves: the summary without a password (the one who queued it holds that). */
export type LargeDemoJobResult = Omit<LargeDemoSummary, 'password'>;

/**
 * The large demo seed (`kedu demo --size large`) as a job: the same one-transaction seed, its
 * stages reported as progress (`step`). Never retried: a seed interrupted by a crash wrote
 * nothing (its transaction died) and is marked failed, to be run again by hand. A taken slug is
 * the user's to change — final, with the reason `demo.large_exists` or `demo.large_not_replaceable`.
 */
export const largeDemoJob: JobKind<LargeDemoJobData> = {
  name: LARGE_DEMO_SEED,
  retryLimit: 0,
  retryDelaySeconds: 0,
  // 2,000 people and 10,000 goals take about a minute; a try still running after two hours was lost
  expireInSeconds: 2 * 60 * 60,
  async run(data, ctx) {
    try {
      const { password: _shownOnce, ...summary } = await seedLargeDemo(ctx.database, {
        ...data,
        onProgress: (p) => ctx.progress({ done: p.count, total: p.total, unit: 'items', step: p.step }),
      });
      return summary satisfies LargeDemoJobResult;
    } catch (err) {
      if (err instanceof LargeDemoError) throw new AppError('conflict', { reason: `demo.large_${err.code}`, slug: err.slug });
      throw err;
    }
  },
};

/** Queues the seed; the job's id. */
export function queueLargeDemo(database: Database, jobs: JobSender, data: LargeDemoJobData): Promise<string> {
  return queueTrackedJob(database, jobs, { kind: LARGE_DEMO_SEED, workspaceId: null, subject: `kedu demo --size large (${data.slug})`, createdBy: null }, data);
}
