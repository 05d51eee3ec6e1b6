import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { type ServerProcess, startServerProcess } from '../../src/server/testing/server-process.ts';

/** A Kedu server process on a copy of the run's prepared (migrated, empty) data folder. */
export async function startE2EServer(env: Record<string, string> = {}): Promise<ServerProcess & { dataDir: string }> {
  const dataDir = path.join(inject('e2eRunDir'), randomBytes(4).toString('hex'));
  fs.cpSync(inject('e2eTemplateDir'), dataDir, { recursive: true });
  const server = await startServerProcess({ KEDU_DATA_DIR: dataDir, ...env });
  return { ...server, dataDir };
}
