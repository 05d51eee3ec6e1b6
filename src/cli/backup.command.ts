import path from 'node:path';
import readline from 'node:readline/promises';
import type { Command } from 'commander';
import { VERSION } from '../server/version.ts';
import { CliError } from './cli-error.ts';
import { say } from './cli-messages.ts';
import { announceChange } from '../server/db/change-feed.ts';
import { cliConfig } from './config-loader.ts';
import { explainStartupError } from './serve.command.ts';

const describe = (tables: Record<string, number>) =>
  Object.entries(tables)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ') || say('backup.no_rows');

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('write every table to one file (works on the embedded database and on PostgreSQL)')
    .argument('<file>', 'backup file to write, e.g. kedu-2026-11-23.kedu.gz')
    .action(async (file: string) => {
      const config = cliConfig();
      const { writeBackup, runMigrations, openConfiguredDatabase } = await databaseModules();
      const database = await openConfiguredDatabase(config).catch(explainStartupError);
      try {
        await runMigrations(database);
        const header = await writeBackup(database, path.resolve(file), VERSION);
        process.stdout.write(`${say('backup.written', { file, tables: describe(header.tables) })}\n`);
      } finally {
        await database.close();
      }
    });

  program
    .command('restore')
    .description('replace ALL data with a backup file (in one transaction; stop the server first on the embedded database)')
    .argument('<file>', 'backup file written by "kedu backup"')
    .option('-y, --yes', 'do not ask for confirmation')
    .action(async (file: string, opts: { yes?: boolean }) => {
      if (!opts.yes) await confirm(say('restore.warning', { file, kind: process.env.DATABASE_URL ? 'postgres' : 'embedded' }));
      const config = cliConfig();
      const { restoreBackup, BackupError, runMigrations, openConfiguredDatabase } = await databaseModules();
      const database = await openConfiguredDatabase(config).catch(explainStartupError);
      try {
        await runMigrations(database);
        const header = await restoreBackup(database, path.resolve(file));
        await announceChange(database);
        process.stdout.write(`${say('backup.restored', { file, createdAt: header.createdAt, version: header.version, tables: describe(header.tables) })}\n`);
      } catch (err) {
        if (err instanceof BackupError) throw new CliError(say('backup.refused', { detail: err.message }), 2);
        throw err;
      } finally {
        await database.close();
      }
    });
}

/** Loaded when a command runs, not at start: `kedu --help` should not load the database layer. */
async function databaseModules() {
  const [backup, migrate, open] = await Promise.all([import('../server/db/backup.ts'), import('../server/db/migrate.ts'), import('../server/db/open.ts')]);
  return { ...backup, ...migrate, ...open };
}

async function confirm(warning: string): Promise<void> {
  if (!process.stdin.isTTY) throw new CliError(say('restore.pass_yes', { warning }), 2);
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question(say('restore.ask', { warning }));
  rl.close();
  if (answer.trim().toLowerCase() !== 'yes') throw new CliError(say('restore.cancelled'), 1);
}
