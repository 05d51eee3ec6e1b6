import type { Sql } from './job-types.ts';

export type FinishedJob = { state: 'completed' | 'failed'; error: unknown; result: unknown };

/**
 * Waits until a job has finished (completed, or failed for good), reading its record — for a
 * process that works the job itself (`kedu import` refreshing cycles) and for the tests.
 */
export async function waitForJobToFinish(sql: Sql, id: string, pollMs = 50): Promise<FinishedJob> {
  for (;;) {
    const { rows } = await sql.query('select state, error, result from background_jobs where id = $1', [id]);
    const row = rows[0] as { state: string; error: unknown; result: unknown } | undefined;
    if (row && (row.state === 'completed' || row.state === 'failed')) return row as FinishedJob;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** Waits until no job (of a workspace, or at all) is queued or running. */
export async function waitForIdleJobs(sql: Sql, workspaceId?: string, pollMs = 50): Promise<void> {
  for (;;) {
    const { rows } = await sql.query(
      `select count(*)::int as n from background_jobs where state in ('queued', 'running') and ($1::uuid is null or workspace_id = $1::uuid)`,
      [workspaceId ?? null],
    );
    if (Number(rows[0]?.n ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
