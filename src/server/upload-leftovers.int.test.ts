import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { startServer } from './main.ts';

/**
 * Issue 13: each `kill -9` during an upload left a `kedu-upload-*` folder of customer data in
 * the system's temporary folder, forever. Uploads now go under the data folder, and a server
 * that starts removes what a dead process left there — and the folders earlier versions left in
 * the system's temporary folder — touching nothing else.
 */
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kedu-leftovers-'));
const savedTmp = process.env.TMPDIR;
afterAll(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  fs.rmSync(work, { recursive: true, force: true });
});

/** A folder with an `upload` file, last changed `ageMs` ago. */
function leftover(dir: string, ageMs = 0): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'upload'), 'name,salary\nAda,90000\n');
  const when = new Date(Date.now() - ageMs);
  for (const p of [path.join(dir, 'upload'), dir]) fs.utimesSync(p, when, when);
  return dir;
}

describe('the upload folder at start', () => {
  it('removes the uploads a killed process left (in the data folder and, from earlier versions, in the temporary folder), and nothing else', async () => {
    const dataDir = path.join(work, 'data');
    const systemTemp = path.join(work, 'tmp');
    fs.mkdirSync(systemTemp, { recursive: true });
    const uploads = path.join(dataDir, 'uploads');
    const dead = leftover(path.join(uploads, 'kedu-upload-99999999-AbC123'));
    const ours = leftover(path.join(uploads, `kedu-upload-${process.pid}-XyZ789`));
    const alive = leftover(path.join(uploads, `kedu-upload-${process.ppid}-Live01`));
    const notOurs = leftover(path.join(uploads, 'someone-else'));
    const oldVersion = leftover(path.join(systemTemp, 'kedu-upload-Qw3rTy'), 2 * 60 * 60 * 1000);
    const oldVersionBusy = leftover(path.join(systemTemp, 'kedu-upload-Busy42'));
    const otherTemp = leftover(path.join(systemTemp, 'kedu-pg-x1'), 2 * 60 * 60 * 1000);

    process.env.TMPDIR = systemTemp;
    const server = await startServer(loadConfig({ KEDU_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', KEDU_LOG_LEVEL: 'silent', KEDU_DEMO: 'off' }));
    try {
      for (const gone of [dead, ours, oldVersion]) expect(fs.existsSync(gone), gone).toBe(false);
      for (const kept of [alive, notOurs, oldVersionBusy, otherTemp]) expect(fs.existsSync(kept), kept).toBe(true);
    } finally {
      await server.stop();
    }
  }, 120_000);
});
