import { type Config, ConfigError, loadConfig } from '../server/config.ts';
import { CliError } from './cli-error.ts';

/** The server configuration, or a CLI error (exit 2) naming every bad variable. */
export function cliConfig(overrides: Record<string, string | undefined> = {}): Config {
  try {
    const env = { ...process.env };
    for (const [k, v] of Object.entries(overrides)) if (v !== undefined) env[k] = v;
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message, 2);
    throw err;
  }
}
