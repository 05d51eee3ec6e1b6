import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { startBackgroundWork } from './background.ts';
import type { JobQueue } from './jobs/job-queue.ts';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { runMigrations } from './db/migrate.ts';
import { openConfiguredDatabase } from './db/open.ts';
import { sweepUploadLeftovers, setUploadFolder } from './http/upload-to-file.ts';
import { createLogger } from './logger.ts';
import { VERSION } from './version.ts';

export type RunningServer = { app: FastifyInstance; database: Database; url: string; stop(): Promise<void> };

/**
 * config → database → migrations → the upload folder swept → listen; SIGTERM/SIGINT finish
 * in-flight requests, then close the database.
 */
export async function startServer(config: Config, options: { handleSignals?: boolean } = {}): Promise<RunningServer> {
  const logger = createLogger(config);
  const database = await openConfiguredDatabase(config);
  try {
    await runMigrations(database);
    // uploads are spooled under the data folder; what a killed process left there (and the
    // kedu-upload-* folders earlier versions left in the system's temporary folder) goes now,
    // before a job or a request could spool anything
    setUploadFolder(path.join(config.dataDir, 'uploads'));
    const swept = await sweepUploadLeftovers();
    if (swept.length) logger.warn({ folders: swept }, 'removed uploads left by a process that stopped in the middle of them');
  } catch (err) {
    await database.close();
    throw err;
  }
  let app: FastifyInstance | null = null;
  let jobs: JobQueue | null = null;
  try {
    jobs = await startBackgroundWork(database, config, logger);
    app = await buildApp({ config, database, version: VERSION, logger, jobs });
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await app?.close();
    await jobs?.stop();
    await database.close();
    throw err;
  }
  const server = app;
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  app.log.info({ database: database.kind, dataDir: database.kind === 'embedded' ? config.dataDir : undefined, url }, `Kedu ${VERSION} is ready at ${url}`);

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      // stops accepting and waits for in-flight requests; a keep-alive connection that
      // becomes idle after its last response would otherwise hold the close for 72 s
      const sweep = setInterval(() => app?.server.closeIdleConnections(), 50);
      try {
        await app?.close();
      } finally {
        clearInterval(sweep);
      }
      // a job still running after the grace period is failed back to the queue (tried again later)
      await jobs?.stop(10_000);
      await database.close();
    })();
    return stopping;
  };
  if (options.handleSignals) {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        app.log.info({ signal }, 'shutting down: finishing in-flight requests');
        const force = setTimeout(() => {
          app.log.error('shutdown took longer than 20 s; exiting');
          process.exit(1);
        }, 20_000);
        force.unref();
        stop().then(
          () => {
            app.log.info('shut down cleanly');
            process.exit(0);
          },
          (err) => {
            app.log.error({ err }, 'error while shutting down');
            process.exit(1);
          },
        );
      });
    }
  }
  return { app, database, url, stop };
}
