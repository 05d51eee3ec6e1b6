import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/client.ts';
import type { JobProgress } from '../db/schema/jobs.ts';

/** Anything that runs SQL: the pool, or one client inside a transaction. */
// biome-ignore lint/suspicious/noExplicitAny: rows of SQL written by hand, typed where they are read (as pg's own QueryResult does)
export type Sql = { query(text: string, values?: unknown[]): Promise<{ rows: any[]; rowCount: number | null }> };

/** What a job's work is given besides its data. */
export type JobContext = {
  database: Database;
  jobId: string;
  /** 1 for the first try. */
  attempt: number;
  /** No try follows this one if it fails (cleanup that a retry would still need can happen now). */
  isLastAttempt: boolean;
  /** Reports how far the work has got; cheap to call often (written at most about once a second). */
  progress(progress: JobProgress): void;
  /**
   * Marks the job completed with its result inside the work's own transaction, so the result and
   * the data it describes commit together (a crash between them cannot show one without the other).
   */
  completeIn(tx: Sql, result: unknown): Promise<void>;
  /** The queue, for work that announces more work (an import announces that its data changed). */
  jobs: JobSender;
  logger?: FastifyBaseLogger;
};

/** A kind of background work: its queue name, how it is retried, and the work itself. */
// biome-ignore lint/suspicious/noExplicitAny: a list of kinds holds kinds of different data (JOB_KINDS); each kind's own code is typed
export type JobKind<Data = any> = {
  name: string;
  /** Tries after the first when the work fails unexpectedly (an AppError — the user's input — is final). */
  retryLimit: number;
  retryDelaySeconds: number;
  /**
   * A try still running after this long counts as lost (its process was killed) and is retried.
   * Longer than the work can take on a busy machine: pg-boss also gives up waiting for it then.
   */
  expireInSeconds: number;
  /**
   * The work holds one transaction for long (an import): on the embedded database, whose one
   * connection it then holds, it waits a moment for its follower to connect first (live-jobs.ts).
   */
  holdsDatabase?: boolean;
  run(data: Data, ctx: JobContext): Promise<unknown>;
};

export type SendOptions = {
  /** The job's id; a second send with the same id is ignored (how a once-a-day job stays once). */
  id?: string;
  /** Send inside this transaction: the job exists exactly when the transaction commits. */
  tx?: Sql;
};

export type JobSender = {
  /** Queues a job; its id, or null when a job with the same id exists already. */
  send(kind: string, data: unknown, options?: SendOptions): Promise<string | null>;
  /** Tells this process's worker of a kind to look for work now (after a transaction that sent one commits). */
  wake(kind: string): void;
};
