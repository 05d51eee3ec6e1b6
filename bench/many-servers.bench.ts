/**
 * One and two `kedu serve` instances on one PostgreSQL (issue 13): each keeps dashboards' answers
 * and identities in memory, and a write on either forgets them on both (src/server/db/change-feed.ts,
 * LISTEN/NOTIFY). On `kedu demo --size large` in a fresh database, autocannon with 20 clients in
 * all measures, first on one instance, then on two with the clients split between them (10 each,
 * at the same time, latencies merged):
 * - `reads`  — the manager's team view, answers reused (as shipped);
 * - `writes` — the manager checks in on goals of their team (a write every team makes often);
 * - `mix`    — 90 % reads, 10 % writes: each write forgets the workspace's answers on every
 *   instance, so the reads around it compute theirs again.
 * The one-instance figure is the baseline of the two-instance one (`ratio…` = two / one). Then
 * the staleness across instances: 50 times, a unit created on A, and B's company view (kept in
 * memory) polled until it lists it — the milliseconds from the write's answer, against the 1 s
 * target (before the change feed, B would have kept its answer for the 60 s read-cache time).
 * Prints one JSON line per measurement; fails only on errors and wrong answers (any non-2xx),
 * never on a missed target. Run through bench/run.ts (`npm run bench -- many-servers`).
 * KEDU_BENCH_SECONDS sets the seconds per call (default 8), KEDU_BENCH_DEMO_SCALE a smaller
 * workspace (e.g. people=200,units=10,months=6,goals=1000), KEDU_BENCH_PG the server.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type autocannon from 'autocannon';
import { apiToken, type DemoSummary, freshPostgres, type Load, loadAll, seedDemo, startKedu } from './dashboard.support.ts';
import { random, round } from './support.ts';

const SECONDS = Number(process.env.KEDU_BENCH_SECONDS ?? 8);
const SCALE = process.env.KEDU_BENCH_DEMO_SCALE;
const CONNECTIONS = 20;
const WRITE_SHARE = 0.1;
/** Goals the writes are spread over: a check-in locks its goal's row, so one goal would queue them all. */
const WRITE_GOALS = 10;
const STALE_ROUNDS = 50;
const STALE_TARGET_MS = 1_000;
/** How long a server kept a dashboard answer when it could not hear the others' writes. */
const STALE_BEFORE_MS = 60_000;
const GIVE_UP_MS = 10_000;

type Call = 'reads' | 'writes' | 'mix';
const CALLS: Call[] = ['reads', 'writes', 'mix'];
type Server = { url: string; stop: () => Promise<void> };
type Goal = { id: string; value: number };
type Api = { base: string; manager: Record<string, string>; admin: Record<string, string>; goals: Goal[] };
/** What the clients saw beside autocannon's figures: each kind's own latencies and answers that were not what they should be. */
type Seen = { read: number[]; write: number[]; wrong: number };
type Sent = { kind?: 'read' | 'write'; at?: number };

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kedu-bench-many-servers-'));
let failed = false;

const percentile = (xs: readonly number[], p: number) => (xs.length === 0 ? null : round([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!));

async function json(url: string, init: RequestInit & { headers: Record<string, string> }): Promise<any> {
  const res = await fetch(url, init);
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

/**
 * Goals of the manager's team they may check in on today, found the way the app shows them: the
 * team view's goals at risk, then each goal's page. A check-in repeats the goal's current value, so
 * the statuses the dashboards count stay what the demo made them.
 */
async function teamGoals(base: string, manager: Record<string, string>): Promise<Goal[]> {
  const team = await json(`${base}/dashboard/team`, { headers: manager });
  const today = new Date().toISOString().slice(0, 10);
  const goals: Goal[] = [];
  for (const candidate of team.atRisk as { id: string }[]) {
    const goal = await json(`${base}/goals/${candidate.id}`, { headers: manager });
    if (goal.canCheckIn && goal.startsOn <= today) goals.push({ id: goal.id, value: goal.current ?? goal.baseline ?? 0 });
    if (goals.length === WRITE_GOALS) break;
  }
  if (goals.length === 0) throw new Error('the manager has no goal at risk to check in on');
  return goals;
}

/** The requests of one call as autocannon sends them: each client picks its next request as it goes (a write with WRITE_SHARE in the mix). */
function requestsOf(call: Call, api: Api, seen: Seen, next: () => number): autocannon.Request[] {
  let turn = 0;
  const setupRequest = (request: autocannon.Request, context: object): autocannon.Request => {
    const write = call === 'writes' || (call === 'mix' && next() < WRITE_SHARE);
    Object.assign(context, { kind: write ? 'write' : 'read', at: performance.now() } satisfies Sent);
    if (!write) return { ...request, method: 'GET', path: `${api.base}/dashboard/team`, headers: { ...api.manager }, body: undefined };
    const goal = api.goals[turn++ % api.goals.length]!;
    return { ...request, method: 'POST', path: `${api.base}/goals/${goal.id}/check-ins`, headers: { ...api.manager, 'content-type': 'application/json' }, body: JSON.stringify({ value: goal.value, comment: 'many-servers bench' }) };
  };
  const onResponse = (status: number, body: string, context: object) => {
    const { kind, at } = context as Sent;
    if (!kind || at === undefined) return;
    seen[kind].push(performance.now() - at);
    // a team view, or the check-in just made (autocannon counts the non-2xx answers itself)
    if (status < 300 && !body.includes(kind === 'read' ? '"goalCount":' : '"value":')) seen.wrong += 1;
  };
  return [{ setupRequest, onResponse }];
}

/** One call on the given instances at once, the 20 clients split evenly between them. */
async function measure(call: Call, servers: Server[], api: (server: Server) => Api, seed: number): Promise<{ load: Load; seen: Seen }> {
  const seen: Seen = { read: [], write: [], wrong: 0 };
  const next = random(seed);
  const targets = servers.map((server) => ({ url: server.url, requests: requestsOf(call, api(server), seen, next) }));
  const load = await loadAll(targets, SECONDS, CONNECTIONS / servers.length);
  return { load, seen };
}

/** A unit created on `writer`, then `reader`'s company view (from its memory) asked back to back until it lists it: ms from the write's answer. */
async function staleness(writer: Server, reader: Server, api: (server: Server) => Api, round: number): Promise<number> {
  const units = async () => ((await json(`${api(reader).base}/dashboard/company`, { headers: api(reader).admin })).units as { name: string }[]).map((u) => u.name);
  // the reader has the answer in memory: asked twice, the second is kept
  await units();
  await units();
  const name = `Bench ${process.pid} ${round}`;
  await json(`${api(writer).base}/units`, { method: 'POST', headers: { ...api(writer).admin, 'content-type': 'application/json' }, body: JSON.stringify({ name }) });
  const written = performance.now();
  while (!(await units()).includes(name)) {
    if (performance.now() - written > GIVE_UP_MS) throw new Error(`${reader.url} did not list the unit created on ${writer.url} within ${GIVE_UP_MS} ms`);
  }
  return performance.now() - written;
}

async function run(databaseUrl: string): Promise<void> {
  const demo: DemoSummary = await seedDemo({ DATABASE_URL: databaseUrl }, SCALE);
  console.error(`bench: many-servers: kedu demo --size large took ${demo.seconds.toFixed(1)} s (${JSON.stringify(demo.counts)})`);
  // each instance has its own data folder, as on its own machine
  const start = (name: string) => startKedu({ DATABASE_URL: databaseUrl, KEDU_DATA_DIR: path.join(work, name) });
  const a = await start('a');
  let b: Server | null = null;
  try {
    b = await start('b');
    const account = (role: string) => demo.accounts.find((x) => x.role === role)!;
    const auth = async (role: string) => ({ authorization: `Bearer ${await apiToken(a.url, account(role).email, demo.password)}` });
    const manager = await auth('manager');
    const admin = await auth('admin');
    const wsPath = `/api/v1/workspaces/${demo.slug}`;
    const goals = await teamGoals(`${a.url}${wsPath}`, manager);
    console.error(`bench: many-servers: writes check in on ${goals.length} goals of the manager's team`);
    // `base` is the path the load sends and the full URL the set-up calls use
    const api = (server: Server): Api => ({ base: `${server.url}${wsPath}`, manager, admin, goals });
    const apiForLoad = (server: Server): Api => ({ ...api(server), base: wsPath });
    const line = (instances: number, call: Call, { load, seen }: { load: Load; seen: Seen }, one?: Load) => {
      const failures = load.failures + seen.wrong;
      if (failures > 0) failed = true;
      console.log(
        JSON.stringify({
          bench: 'many-servers',
          db: 'postgres',
          instances,
          call,
          as: 'manager',
          p50: load.p50,
          p99: load.p99,
          requestsPerSec: load.requestsPerSec,
          ...(call === 'mix' ? { writeShare: Math.round((seen.write.length / Math.max(1, seen.read.length + seen.write.length)) * 1000) / 1000, readP50: percentile(seen.read, 50), readP99: percentile(seen.read, 99), writeP50: percentile(seen.write, 50), writeP99: percentile(seen.write, 99) } : {}),
          ...(one ? { oneP50: one.p50, oneP99: one.p99, oneRequestsPerSec: one.requestsPerSec, ratioRequestsPerSec: Math.round((load.requestsPerSec / Math.max(1, one.requestsPerSec)) * 100) / 100, ratioP99: Math.round((load.p99 / Math.max(1, one.p99)) * 100) / 100 } : {}),
          failures: load.failures,
          wrongAnswers: seen.wrong,
          requests: load.requests,
          connections: CONNECTIONS,
          connectionsPerInstance: CONNECTIONS / instances,
          seconds: SECONDS,
          seedSeconds: round(demo.seconds),
          cores: os.cpus().length,
          loadAverage: round(os.loadavg()[0]!),
        }),
      );
    };

    // the answers are in memory before the load starts, on every instance
    const warm = async (servers: Server[]) => {
      for (const server of servers) await json(`${api(server).base}/dashboard/team`, { headers: manager });
    };
    const two = [a, b];
    // each call on one instance, then at once on two: the baseline measured a moment before the
    // figure, as this shared machine's load comes and goes (the second instance idles meanwhile)
    for (const [i, call] of CALLS.entries()) {
      await warm([a]);
      const one = await measure(call, [a], apiForLoad, 1 + i);
      line(1, call, one);
      await warm(two);
      line(2, call, await measure(call, two, apiForLoad, 1 + i), one.load);
    }

    const delays: number[] = [];
    for (let r = 0; r < STALE_ROUNDS; r++) delays.push(await staleness(a, two[1]!, api, r));
    const max = Math.max(...delays);
    console.log(
      JSON.stringify({
        bench: 'many-servers',
        db: 'postgres',
        instances: 2,
        call: 'staleness',
        rounds: STALE_ROUNDS,
        p50: percentile(delays, 50),
        p99: percentile(delays, 99),
        max: round(max),
        targetMs: STALE_TARGET_MS,
        beforeMs: STALE_BEFORE_MS,
        met: max < STALE_TARGET_MS,
        failures: 0,
        cores: os.cpus().length,
        loadAverage: round(os.loadavg()[0]!),
      }),
    );
  } finally {
    await b?.stop();
    await a.stop();
  }
}

try {
  const database = await freshPostgres(`kedu_bench_servers_${process.pid}`);
  if (!database) throw new Error('PostgreSQL is not reachable (KEDU_BENCH_PG, or 127.0.0.1:5432 user postgres): several instances need it');
  try {
    await run(database.url);
  } finally {
    await database.drop();
  }
} catch (error) {
  console.error('bench: many-servers:', error);
  failed = true;
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
if (failed) {
  console.error('bench: many-servers: some requests failed (non-2xx answers, wrong answers or errors)');
  process.exitCode = 1;
}
