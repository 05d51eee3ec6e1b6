import type { FastifyBaseLogger } from 'fastify';
import PgBoss from 'pg-boss';
import type { Database } from '../db/client.ts';
import { JOB_QUEUE_SCHEMA } from '../db/migrate.ts';
import { runTracked } from './job-runner.ts';
import { failJobRecord, findLostJobs, jobQueueState } from './jobs.queries.ts';
import type { JobKind, JobSender, Sql } from './job-types.ts';

export type JobQueueOptions = {
  /** Run the kinds' work in this process (a server does; a process that only sends does not). */
  work: boolean;
  /** Cron schedules to keep (pg-boss sends each tick once, whichever server's clock sees it first). */
  schedules?: { kind: string; cron: string; tz: string }[];
  /** How often an idle worker asks for work (seconds, at least 0.5). */
  pollingIntervalSeconds?: number;
  logger?: FastifyBaseLogger;
  /**
   * Jobs left `active` by a process that died are this process's to take back at once (instead of
   * after their expiry): true only where no other process can be running them — the embedded
   * database, whose folder one process holds locked.
   */
  recoverActive?: boolean;
  /**
   * On PostgreSQL, a running job whose record has not been touched for this long lost its server
   * (KEDU_JOB_LOST_SECONDS, default 90). pg-boss alone would wait for the kind's expiry (an hour for
   * an import) before trying it again; a heartbeat of a sixth of this tells a dead server from a slow job.
   */
  lostAfterSeconds?: number;
};

export type JobQueue = JobSender & {
  /** Called in this process after a job of a workspace ran here (a dashboard cache forgets that workspace). */
  onFinished(listener: (workspaceId: string) => void): void;
  /** Stops fetching, waits for running jobs (up to `timeoutMs`), then lets go of the database. */
  stop(timeoutMs?: number): Promise<void>;
};

/** pg-boss over the app's own connection pool: one connection for the embedded database, the same pool on PostgreSQL. */
function poolAdapter(database: Database): PgBoss.Db {
  return { executeSql: (text, values) => database.pool.query(text, values) };
}

/** The same, on one client in a transaction: a job sent there exists exactly when the transaction commits. */
export function transactionAdapter(client: Sql): PgBoss.Db {
  return { executeSql: (text, values) => client.query(text, values) };
}

/**
 * Starts the job queue (docs/architecture.md "Jobs"): pg-boss on the app's database, each kind a
 * queue with its own retries and expiry, its work run through runTracked so that every job leaves
 * a record people can read (background_jobs). Sending wakes this process's worker at once.
 */
export async function startJobQueue(database: Database, kinds: readonly JobKind[], options: JobQueueOptions): Promise<JobQueue> {
  const boss = new PgBoss({
    db: poolAdapter(database),
    schema: JOB_QUEUE_SCHEMA,
    migrate: true,
    // supervision expires lost jobs (a killed process) and archives finished ones; scheduling
    // turns cron ticks into jobs — both guarded by pg-boss so that two servers do each once
    supervise: options.work,
    schedule: options.work && (options.schedules?.length ?? 0) > 0,
    maintenanceIntervalSeconds: 60,
    cronMonitorIntervalSeconds: 30,
    cronWorkerIntervalSeconds: 5,
  });
  boss.on('error', (err) => options.logger?.error({ err }, 'job queue error'));
  await boss.start();

  const lostAfter = options.lostAfterSeconds ?? 90;
  const byName = new Map(kinds.map((k) => [k.name, k]));
  const workers = new Map<string, string>();
  const finished: ((workspaceId: string) => void)[] = [];
  const announce = (data: unknown) => {
    const workspaceId = (data as { workspaceId?: unknown } | null)?.workspaceId;
    if (typeof workspaceId === 'string') for (const listener of finished) listener(workspaceId);
  };
  for (const kind of kinds) {
    const settings = { name: kind.name, retryLimit: kind.retryLimit, retryDelay: kind.retryDelaySeconds, retryBackoff: kind.retryDelaySeconds > 0, expireInSeconds: kind.expireInSeconds };
    const existing = await boss.getQueue(kind.name);
    if (existing) await boss.updateQueue(kind.name, settings);
    else await boss.createQueue(kind.name, settings);
  }
  /**
   * A try that died with its process goes back to the queue while it has retries left (pg-boss's
   * fail); one that had none left is failed for good — and its record says so, with why, rather
   * than "running" forever.
   */
  const failInterrupted = async (kind: string, id: string, why: string) => {
    await boss.fail(kind, id, { message: why });
    if ((await jobQueueState(database.pool, JOB_QUEUE_SCHEMA, id)) === 'failed') {
      await failJobRecord(database.pool, id, { code: 'job_failed', params: { reason: why }, details: [] }, true);
    }
  };
  if (options.recoverActive) {
    const { rows } = await database.pool.query<{ name: string; ids: string[] }>(`select name, array_agg(id::text) as ids from ${JOB_QUEUE_SCHEMA}.job where state = 'active' group by name`);
    // a failed try goes back to the queue while it has retries left (pg-boss's fail), else stays failed
    for (const { name, ids } of rows) for (const id of ids) await failInterrupted(name, id, 'interrupted: the server stopped while the job ran');
    if (rows.length) options.logger?.warn({ jobs: rows.flatMap((r) => r.ids) }, 'jobs interrupted by the last stop are tried again');
  }
  let sweeper: NodeJS.Timeout | null = null;
  // the queue is also what the work is given to send more work (JobContext.jobs)
  const queue: JobQueue = {
    async send(name, data, sendOptions = {}) {
      if (!byName.has(name)) throw new Error(`unknown job kind ${name}`);
      const id = await boss.send(name, data as object, { id: sendOptions.id, ...(sendOptions.tx ? { db: transactionAdapter(sendOptions.tx) } : {}) });
      const worker = workers.get(name);
      // a job sent in a transaction is not there until it commits; the worker polls for it then
      if (worker && !sendOptions.tx) boss.notifyWorker(worker);
      return id;
    },
    onFinished(listener) {
      finished.push(listener);
    },
    wake(name) {
      const worker = workers.get(name);
      if (worker) boss.notifyWorker(worker);
    },
    async stop(timeoutMs = 15_000) {
      if (sweeper) clearInterval(sweeper);
      await boss.stop({ graceful: true, wait: true, close: false, timeout: timeoutMs });
    },
  };
  if (options.work) {
    for (const kind of kinds) {
      const id = await boss.work<unknown>(
        kind.name,
        { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
        async ([job]) => {
          try {
            await runTracked(database, kind, job!, { jobs: queue, logger: options.logger, heartbeatMs: (lostAfter * 1000) / 6 });
          } finally {
            announce(job!.data);
          }
        },
      );
      workers.set(kind.name, id);
    }
    for (const s of options.schedules ?? []) await boss.schedule(s.kind, s.cron, {}, { tz: s.tz });
  }
  if (options.work && database.kind === 'postgres') {
    const sweep = async () => {
      for (const lost of await findLostJobs(database.pool, JOB_QUEUE_SCHEMA, lostAfter)) {
        options.logger?.warn({ job: lost.id, kind: lost.kind }, 'a job lost its server; it is tried again');
        await failInterrupted(lost.kind, lost.id, 'lost: its server stopped while the job ran');
      }
    };
    sweeper = setInterval(() => void sweep().catch((err) => options.logger?.error({ err }, 'looking for lost jobs failed')), (lostAfter * 1000) / 3);
    sweeper.unref();
  }

  return queue;
}
