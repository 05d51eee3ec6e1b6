import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { adminQuery, pgUrlFor } from '../../src/server/testing/postgres-available.ts';

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kedu-proc-'));
}

/** An empty PostgreSQL database for one test, and a function that drops it. */
export async function freshPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `kedu_proc_${inject('runId')}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  return { url: pgUrlFor(name), drop: () => adminQuery(`drop database if exists ${name} with (force)`) };
}

export const SETUP_BODY = { workspaceName: 'Crash Co', workspaceSlug: 'crash', adminName: 'Ada', email: 'ada@crash.test', password: 'correct horse battery' };

/** First-run setup over HTTP, then an API token for the administrator. */
export async function setupAndToken(url: string): Promise<string> {
  const setup = await fetch(`${url}/api/v1/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(SETUP_BODY) });
  if (setup.status !== 200) throw new Error(`setup failed: ${setup.status} ${await setup.text()}`);
  const cookie = setup.headers.get('set-cookie')!.split(';')[0];
  const { csrfToken } = (await setup.json()) as { csrfToken: string };
  const token = await fetch(`${url}/api/v1/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'test' }),
  });
  return ((await token.json()) as { token: string }).token;
}
