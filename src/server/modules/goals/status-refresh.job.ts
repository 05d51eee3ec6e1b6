import { jobIdFor } from '../../jobs/job-id.ts';
import type { JobKind, JobSender } from '../../jobs/job-types.ts';
import { refreshStaleStatuses, today } from './goal-status.ts';
import { selectWorkspaceIds } from './goal-status.queries.ts';

export const STATUS_REFRESH = 'goals.refresh-statuses';

/**
 * Goal statuses move with the calendar even when nobody checks in (docs/goals.md): once a day —
 * at the cron tick and when a server starts — every workspace's goals whose status was computed
 * on an earlier day get it again. Reads never write; they show what this job stored.
 */
export const statusRefreshJob: JobKind<{ asOf?: string }> = {
  name: STATUS_REFRESH,
  retryLimit: 5,
  retryDelaySeconds: 30,
  expireInSeconds: 30 * 60,
  async run(data, { database, progress }) {
    const asOf = data.asOf ?? today();
    const all = await selectWorkspaceIds(database.db);
    let goals = 0;
    for (const [i, w] of all.entries()) {
      goals += await refreshStaleStatuses(database.db, w.id, asOf);
      progress({ done: i + 1, total: all.length, unit: 'items' });
    }
    return { asOf, workspaces: all.length, goals };
  },
};

/** The refresh of one day, sent by every server that starts that day and by the cron tick: one job however many send it. */
export function sendStatusRefresh(jobs: JobSender, asOf = today()): Promise<string | null> {
  return jobs.send(STATUS_REFRESH, { asOf }, { id: jobIdFor(`${STATUS_REFRESH}:${asOf}`) });
}
