import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { availableKinds } from '../../src/server/testing/harness.ts';
import { startServerProcess } from '../../src/server/testing/server-process.ts';
import { freshPgDatabase, setupAndToken, tempDataDir } from './helpers.ts';

/**
 * Issue 13: every `kill -9` during an upload left a `kedu-upload-*` folder of customer data in
 * the system's temporary folder, forever. An upload is now spooled under the data folder, and
 * the next start removes what the killed server left there.
 */
describe.each(availableKinds())('kill -9 during an upload [%s]', (kind) => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('leaves its file under the data folder, and the next start removes it', { timeout: 180_000 }, async () => {
    const work = tempDataDir();
    cleanups.push(() => fs.rmSync(work, { recursive: true, force: true }));
    const dataDir = path.join(work, 'data');
    const env: Record<string, string> = { KEDU_DATA_DIR: dataDir, DATABASE_URL: '', KEDU_DEMO: 'off' };
    if (kind === 'postgres') {
      const pgdb = await freshPgDatabase();
      cleanups.push(pgdb.drop);
      env.DATABASE_URL = pgdb.url;
    }
    const first = await startServerProcess(env);
    cleanups.push(() => first.stop('SIGKILL'));
    const token = await setupAndToken(first.url);

    // an upload that has begun and not ended: its head and part of the file
    const boundary = 'kedu-upload-kill';
    const { port } = new URL(first.url);
    const request = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/v1/workspaces/crash/datasets/preview', headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` } });
    request.on('error', () => {}); // the server dies under it
    request.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="salaries.csv"\r\nContent-Type: text/csv\r\n\r\n`);
    request.write(`name,salary\n${'Ada,90000\n'.repeat(50_000)}`);
    const uploads = path.join(dataDir, 'uploads');
    const spooled = () => (fs.existsSync(uploads) ? fs.readdirSync(uploads).filter((n) => n.startsWith('kedu-upload-')) : []);
    await expect.poll(spooled, { timeout: 30_000 }).toHaveLength(1);
    const [folder] = spooled();
    expect(folder).toMatch(new RegExp(`^kedu-upload-${first.proc.pid}-`));

    await first.stop('SIGKILL');
    request.destroy();
    expect(spooled(), 'what the killed server left').toEqual([folder]);

    const second = await startServerProcess(env);
    cleanups.push(() => second.stop());
    expect(spooled(), 'removed at start').toEqual([]);
    expect(second.output()).toContain('removed uploads left by a process that stopped in the middle of them');
  });
});
