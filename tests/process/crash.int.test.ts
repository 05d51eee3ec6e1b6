import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { availableKinds } from '../../src/server/testing/harness.ts';
import { getJson, type ServerProcess, startServerProcess } from '../../src/server/testing/server-process.ts';
import { freshPgDatabase, setupAndToken, tempDataDir } from './helpers.ts';

/**
 * kill -9 during a burst of writes: every write the server acknowledged must be there
 * after a restart, and the database must open (on the embedded database this also
 * proves the stale data-folder lock of the killed process is recovered).
 */
describe.each(availableKinds())('crash during writes [%s]', (kind) => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('keeps every acknowledged write after kill -9 and restarts cleanly', async () => {
    let env: Record<string, string>;
    if (kind === 'pglite') {
      const dir = tempDataDir();
      cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
      env = { KEDU_DATA_DIR: dir };
    } else {
      const pgdb = await freshPgDatabase();
      cleanups.push(pgdb.drop);
      env = { DATABASE_URL: pgdb.url };
    }
    let server: ServerProcess = await startServerProcess(env);
    cleanups.push(() => server.stop('SIGKILL'));
    const token = await setupAndToken(server.url);

    const acknowledged: string[] = [];
    let stop = false;
    const writer = async (lane: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const res = await fetch(`${server.url}/api/v1/workspaces/crash/positions`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ name: `P-${lane}-${i}` }),
          });
          if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
        } catch {
          return; // the server is gone: this write was never acknowledged
        }
      }
    };
    const lanes = [0, 1, 2, 3].map(writer);
    // let the burst run until a good number of writes are acknowledged (however slow the machine), then kill the server in the middle of it
    while (acknowledged.length <= 20) await new Promise((r) => setTimeout(r, 20));
    server.proc.kill('SIGKILL');
    await server.stop('SIGKILL');
    stop = true;
    await Promise.all(lanes);
    expect(acknowledged.length).toBeGreaterThan(10);

    server = await startServerProcess(env);
    const health = await getJson(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    const listed = await getJson(`${server.url}/api/v1/workspaces/crash/positions`, { headers: { authorization: `Bearer ${token}` } });
    expect(listed.status).toBe(200);
    const stored = new Set((listed.body as { id: string }[]).map((p) => p.id));
    const lost = acknowledged.filter((id) => !stored.has(id));
    expect(lost).toEqual([]);
    expect(await server.stop('SIGTERM')).toBe(0);
  });
});
