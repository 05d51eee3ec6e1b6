import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { JobQueue } from '../jobs/job-queue.ts';

/** What buildApp needs from the outside; tests pass their own. */
export type AppDeps = {
  config: Config;
  database: Database;
  version: string;
  logger?: FastifyBaseLogger;
  /** The job queue: long work is sent here and runs in the background (docs/architecture.md "Jobs"). */
  jobs: JobQueue;
};

/** The AppDeps inside a plugin's options, without Fastify's own (prefix …), to pass on to child plugins. */
export const pickDeps = ({ config, database, version, logger, jobs }: AppDeps): AppDeps => ({ config, database, version, logger, jobs });
