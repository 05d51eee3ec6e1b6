import { Command, CommanderError } from 'commander';
import { VERSION } from '../server/version.ts';
import { registerAdminCommands } from './admin.command.ts';
import { registerApiCommands } from './api.command.ts';
import { registerBackupCommands } from './backup.command.ts';
import { registerFormulaCommand } from './formula.command.ts';
import { CliError } from './cli-error.ts';
import { registerScoreCommand } from './score.command.ts';
import { registerServeCommands } from './serve.command.ts';

/** Exit codes: 0 ok, 1 the command failed, 2 bad usage or bad input. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('kedu')
    .description('Kedu (刻度): goals, indicators and scorecards for marketing and sales teams')
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });
  program.addHelpText(
    'after',
    '\nConfiguration comes from the environment: DATABASE_URL, KEDU_DATA_DIR, PORT … (see .env.example).',
  );
  registerServeCommands(program);
  registerAdminCommands(program);
  registerBackupCommands(program);
  registerFormulaCommand(program);
  registerApiCommands(program);
  registerScoreCommand(program);
  if (argv.length <= 2) {
    program.outputHelp({ error: true });
    return 2;
  }

  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return 2;
    }
    if (err instanceof CliError) {
      if (err.message) process.stderr.write(`kedu: ${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(`kedu: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
