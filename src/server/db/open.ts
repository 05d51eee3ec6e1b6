import path from 'node:path';
import type { Config } from '../config.ts';
import { type Database, openDatabase } from './client.ts';

/** Opens the database the configuration names: PostgreSQL at DATABASE_URL, or the embedded one in the data folder. */
export function openConfiguredDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  if (config.databaseUrl) return openDatabase({ kind: 'postgres', url: config.databaseUrl });
  return openDatabase({ kind: 'embedded', dataDir: path.resolve(config.dataDir) });
}
