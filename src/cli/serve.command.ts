import type { Command } from 'commander';
import { DataDirLockedError } from '../server/db/data-dir-lock.ts';
import { MigrationError } from '../server/db/migration-error.ts';
import { CliError } from './cli-error.ts';
import { say } from './cli-messages.ts';
import { cliConfig } from './config-loader.ts';

/** Turns the known start-up failures into one clear line and exit code 1. */
export function explainStartupError(err: unknown): never {
  if (err instanceof DataDirLockedError || err instanceof MigrationError) throw new CliError(err.message, 1);
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'EADDRINUSE') throw new CliError(say('serve.port_in_use', { detail: (err as Error).message }), 1);
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '3D000' || code === '28P01') {
    throw new CliError(say('serve.db_unreachable', { detail: (err as Error).message }), 1);
  }
  throw err;
}

export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description('run the web app and API (embedded database unless DATABASE_URL is set)')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)')
    .option('--host <host>', 'address to bind (default: HOST or 0.0.0.0)')
    .action(async (opts: { port?: string; host?: string }) => {
      const config = cliConfig({ PORT: opts.port, HOST: opts.host });
      // loaded here, not at the top: `kedu --help` should not load the whole server
      const { startServer } = await import('../server/main.ts');
      try {
        await startServer(config, { handleSignals: true });
      } catch (err) {
        explainStartupError(err);
      }
      // keep running until a signal stops the server
      await new Promise(() => {});
    });

  program
    .command('migrate')
    .description('apply database migrations and exit (serve also does this at start)')
    .action(async () => {
      const config = cliConfig();
      const { openConfiguredDatabase } = await import('../server/db/open.ts');
      const { runMigrations } = await import('../server/db/migrate.ts');
      try {
        const database = await openConfiguredDatabase(config);
        try {
          await runMigrations(database);
        } finally {
          await database.close();
        }
      } catch (err) {
        explainStartupError(err);
      }
      process.stdout.write(`${say('serve.migrated')}\n`);
    });
}
