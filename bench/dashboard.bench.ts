/**
 * Dashboards on a large workspace: `kedu demo --size large` (2,000 people, 50 units, 24 closed
 * monthly cycles, 10,000 goals with their check-ins), `kedu serve` on it, and 20 concurrent
 * clients (autocannon, 127.0.0.1) on each dashboard call — the manager's own and team views,
 * the administrator's team view (everyone) and company view — side by side with a bare Fastify
 * process answering the same JSON bodies from memory. For PostgreSQL (a fresh database) and
 * the embedded PGlite; each call twice: as shipped (`answers: reused` — the answer is kept until
 * the workspace changes, `firstMs` the cold first answer) and with the reuse off (`computed`). Prints one JSON line per call; fails only on errors (non-2xx answers),
 * never on a missed target: the figures are reported, not asserted.
 * Run through bench/run.ts (`npm run bench -- dashboard`). KEDU_BENCH_SECONDS sets the seconds
 * per call (default 8), KEDU_BENCH_DEMO_SCALE a smaller workspace (e.g. people=200,goals=1000),
 * KEDU_BENCH_DBS the databases (default postgres,pglite).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { apiToken, type DemoSummary, freshPostgres, type Load, load, seedDemo, startBare, startKedu } from './dashboard.support.ts';
import { round } from './support.ts';

const SECONDS = Number(process.env.KEDU_BENCH_SECONDS ?? 8);
// the baseline varies far less than the real calls: fewer seconds measure it as well
const BARE_SECONDS = Math.max(2, Math.round(SECONDS / 2));
const SCALE = process.env.KEDU_BENCH_DEMO_SCALE;
const DBS = (process.env.KEDU_BENCH_DBS ?? 'postgres,pglite').split(',');
const TARGET_P99_MS = 100;
const TARGET_RATIO = 5;

type Call = { endpoint: string; as: 'admin' | 'manager' };
type Mode = 'reused' | 'computed';
const MODES: Mode[] = ['reused', 'computed'];
// the manager is the first sales department's director: ~490 people in 11 units at full size
const CALLS: Call[] = [
  { endpoint: '/dashboard/me', as: 'manager' },
  { endpoint: '/dashboard/team', as: 'manager' },
  { endpoint: '/dashboard/team', as: 'admin' },
  { endpoint: '/dashboard/company', as: 'admin' },
];

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kedu-bench-dashboard-'));
let failed = false;

async function measure(db: 'postgres' | 'pglite', env: Record<string, string>): Promise<void> {
  const demo: DemoSummary = await seedDemo(env, SCALE);
  console.error(`bench: ${db}: kedu demo --size large took ${demo.seconds.toFixed(1)} s (${JSON.stringify(demo.counts)})`);
  // two servers in turn on the same data: as shipped (an answer reused until the workspace
  // changes), and with the reuse off (KEDU_READ_CACHE_SECONDS=0: every request computes its answer)
  const bodies: Record<string, string> = {};
  const real: Record<Mode, Load[]> = { reused: [], computed: [] };
  const firstMs: number[] = [];
  for (const mode of MODES) {
    const server = await startKedu({ ...env, KEDU_READ_CACHE_SECONDS: mode === 'reused' ? '60' : '0' });
    try {
      const account = (role: string) => demo.accounts.find((a) => a.role === role)!;
      const tokens = { admin: await apiToken(server.url, account('admin').email, demo.password), manager: await apiToken(server.url, account('manager').email, demo.password) };
      const base = `${server.url}/api/v1/workspaces/${demo.slug}`;
      // the bodies the bare server answers with: each call's real answer, captured once (which
      // also warms the server up); the first answer's time is what a cold cache costs one person
      for (const [i, call] of CALLS.entries()) {
        const started = performance.now();
        const res = await fetch(`${base}${call.endpoint}`, { headers: { authorization: `Bearer ${tokens[call.as]}` } });
        const text = await res.text();
        if (mode === 'reused') firstMs.push(round(performance.now() - started));
        if (!res.ok) throw new Error(`${call.endpoint} as ${call.as}: ${res.status} ${text.slice(0, 500)}`);
        bodies[`/bare/${i}`] = text;
      }
      for (const call of CALLS) real[mode].push(await load(`${base}${call.endpoint}`, { authorization: `Bearer ${tokens[call.as]}` }, SECONDS));
    } finally {
      await server.stop();
    }
  }
  // the baseline runs alone, as the real server did: the two never compete for the two cores
  const file = path.join(work, `bodies-${db}.json`);
  fs.writeFileSync(file, JSON.stringify(bodies));
  const bare = await startBare(file);
  try {
    for (const [i, call] of CALLS.entries()) {
      const b = await load(`${bare.url}/bare/${i}`, {}, BARE_SECONDS);
      for (const mode of MODES) {
        const r = real[mode][i];
        if (r.failures > 0 || b.failures > 0) failed = true;
        console.log(
          JSON.stringify({
            bench: 'dashboard',
            db,
            endpoint: call.endpoint,
            as: call.as,
            answers: mode,
            firstMs: firstMs[i],
            p50: r.p50,
            p99: r.p99,
            requestsPerSec: r.requestsPerSec,
            bareP50: b.p50,
            bareP99: b.p99,
            bareRequestsPerSec: b.requestsPerSec,
            ratioP99: round(r.p99 / Math.max(b.p99, 1)),
            targetP99Ms: TARGET_P99_MS,
            targetRatio: TARGET_RATIO,
            met: { p99: r.p99 < TARGET_P99_MS, ratio: r.p99 / Math.max(b.p99, 1) <= TARGET_RATIO },
            failures: r.failures + b.failures,
            bodyBytes: Buffer.byteLength(bodies[`/bare/${i}`]),
            connections: 20,
            seconds: SECONDS,
            seedSeconds: round(demo.seconds),
            loadAverage: round(os.loadavg()[0]),
          }),
        );
      }
    }
  } finally {
    await bare.stop();
  }
}

try {
  if (DBS.includes('postgres')) {
    const pgDb = await freshPostgres(`kedu_bench_dash_${process.pid}`);
    if (!pgDb) console.error('bench: PostgreSQL is not reachable; measuring PGlite only');
    else {
      try {
        await measure('postgres', { DATABASE_URL: pgDb.url });
      } finally {
        await pgDb.drop();
      }
    }
  }
  if (DBS.includes('pglite')) await measure('pglite', { KEDU_DATA_DIR: path.join(work, 'pglite'), DATABASE_URL: '' });
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
if (failed) {
  console.error('bench: dashboard: some requests failed (non-2xx answers or errors)');
  process.exitCode = 1;
}
