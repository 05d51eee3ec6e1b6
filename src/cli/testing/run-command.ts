import { Command } from 'commander';
import { vi } from 'vitest';
import { CliError } from '../cli-error.ts';

/**
 * Runs one `kedu <name> …` command in-process, as main() would: returns its exit code and
 * what it wrote to stdout and stderr (CliError → its code and message, a commander usage
 * error → 2).
 */
export async function runCommand(register: (program: Command) => void, name: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err += String(chunk);
    return true;
  });
  const program = new Command('kedu').exitOverride().configureOutput({ writeOut: (s) => void (out += s), writeErr: (s) => void (err += s) });
  register(program);
  let code = 0;
  try {
    await program.parseAsync(['node', 'kedu', name, ...args]);
  } catch (e) {
    if (e instanceof CliError) {
      code = e.exitCode;
      if (e.message) err += `kedu: ${e.message}\n`;
    } else if (e && typeof e === 'object' && 'code' in e && String(e.code).startsWith('commander.')) code = 2;
    else throw e;
  } finally {
    vi.restoreAllMocks();
  }
  return { code, out, err };
}
