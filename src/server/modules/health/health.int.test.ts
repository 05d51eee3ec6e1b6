import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, startTestApp, type TestApp } from '../../testing/harness.ts';

// ~1.5 s of work on the embedded database, ~0.5 s on PostgreSQL
const HEAVY_QUERY = 'select count(*) from (select g % 1000 as k, count(*) from generate_series(1, 3000000) g group by 1) x';

describeEachDatabase('/healthz', (kind) => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => t?.close());

  it('answers 200 when the database answers', async () => {
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'ok' });
  });

  it('reports a long transaction as busy, not as a database that is down', async () => {
    const { sql } = await import('drizzle-orm');
    const work = t.database.db.transaction(async (tx) => {
      await tx.execute(sql.raw(HEAVY_QUERY));
      await tx.execute(sql.raw(HEAVY_QUERY));
    });
    await new Promise((r) => setTimeout(r, 100));
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    await work;
  });

  it('answers within 200 ms while a heavy query runs, and the event loop stays free', async () => {
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const started = Date.now();
    const heavy = t.database.pool.query(HEAVY_QUERY);
    await new Promise((r) => setTimeout(r, 100)); // the query is now running
    const timings: number[] = [];
    let running = true;
    heavy.finally(() => (running = false));
    while (running || timings.length === 0) {
      const t0 = performance.now();
      const res = await fetch(`${url}/healthz`);
      timings.push(performance.now() - t0);
      expect(res.status).toBe(200);
      expect(['ok', 'busy']).toContain(((await res.json()) as { database: string }).database);
      await new Promise((r) => setTimeout(r, 50));
    }
    await heavy;
    lag.disable();
    const queryMs = Date.now() - started;
    expect(Math.max(...timings)).toBeLessThan(200);
    // the heavy query did not block this thread (PGlite runs in its worker)
    expect(lag.max / 1e6).toBeLessThan(200);
    if (kind === 'pglite') expect(queryMs).toBeGreaterThan(400); // it really was heavy
  });
});
