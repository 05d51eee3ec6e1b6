import { Command, CommanderError } from 'commander';
import { VERSION } from '../server/version.ts';
import { CliError } from './cli-error.ts';

type Register = (program: Command) => void;

/**
 * The commands, in the order help lists them, by the module that registers them. A module is
 * loaded only when needed: running one command (`kedu score …`) loads only its own module,
 * not the server, the database or the other commands' dependencies.
 */
const registrars: { commands: readonly string[]; load: () => Promise<Register> }[] = [
  { commands: ['serve', 'migrate'], load: async () => (await import('./serve.command.ts')).registerServeCommands },
  { commands: ['create-admin'], load: async () => (await import('./admin.command.ts')).registerAdminCommands },
  { commands: ['backup', 'restore'], load: async () => (await import('./backup.command.ts')).registerBackupCommands },
  { commands: ['formula'], load: async () => (await import('./formula.command.ts')).registerFormulaCommand },
  { commands: ['whoami', 'api'], load: async () => (await import('./api.command.ts')).registerApiCommands },
  { commands: ['score'], load: async () => (await import('./score.command.ts')).registerScoreCommand },
  { commands: ['import'], load: async () => (await import('./import.command.ts')).registerImportCommand },
  { commands: ['demo'], load: async () => (await import('./demo.command.ts')).registerDemoCommand },
  { commands: ['lint'], load: async () => (await import('./lint.command.ts')).registerLintCommand },
];

/** The program with every command, or, when argv names one, with just that one. */
async function buildProgram(argv: string[]): Promise<Command> {
  const program = () =>
    new Command('kedu')
      .description('Kedu (刻度): goals, indicators and scorecards for marketing and sales teams')
      .version(VERSION, '-v, --version', 'print the version')
      .helpOption('-h, --help', 'show help')
      .showHelpAfterError()
      .exitOverride()
      .configureOutput({ outputError: (text, write) => write(text) })
      .addHelpText('after', '\nConfiguration comes from the environment: DATABASE_URL, KEDU_DATA_DIR, PORT … (see .env.example).');
  const name = argv[2];
  const only = registrars.find((r) => r.commands.includes(name));
  if (only) {
    const one = program();
    (await only.load())(one);
    // the list above may lag behind a module's commands: then register everything
    if (one.commands.some((c) => c.name() === name)) return one;
  }
  const all = program();
  const registers = await Promise.all(registrars.map((r) => r.load()));
  for (const register of registers) register(all);
  return all;
}

/** Exit codes: 0 ok, 1 the command failed, 2 bad usage or bad input. */
export async function main(argv: string[]): Promise<number> {
  const program = await buildProgram(argv);
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
