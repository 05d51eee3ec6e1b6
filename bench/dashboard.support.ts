/**
 * What bench/dashboard.bench.ts (and bench/many-servers.bench.ts) drives: a throw-away PostgreSQL
 * database, `kedu demo` and `kedu serve` as processes, sign-in to an API token, the bare baseline
 * server, and autocannon.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const kedu = path.join(root, 'bin/kedu.js');

/** A fresh database on the local PostgreSQL (KEDU_BENCH_PG), or null when there is none. */
export async function freshPostgres(name: string): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const base = process.env.KEDU_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const run = async (text: string) => {
    const c = new pg.Client({ connectionString: base, connectionTimeoutMillis: 3000 });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };
  try {
    await run(`create database ${name}`);
  } catch {
    return null;
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}

export type DemoSummary = { slug: string; password: string; seconds: number; accounts: { role: string; email: string; name: string }[]; counts: Record<string, number> };

/** `kedu demo --size large --json` as a user runs it; its progress lines pass through to stderr. */
export async function seedDemo(env: Record<string, string>, scale: string | undefined): Promise<DemoSummary> {
  const args = [kedu, 'demo', '--size', 'large', '--json', ...(scale ? ['--scale', scale] : [])];
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env, LANG: 'en_US.UTF-8', KEDU_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`kedu demo exited with ${code}: ${out}`);
  return JSON.parse(out.trim().split('\n').pop()!) as DemoSummary;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/** `kedu serve` on a free port with request logging off (as the bare server has none), ready when /healthz answers. */
export async function startKedu(env: Record<string, string>): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [kedu, 'serve'], { cwd: root, env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', KEDU_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 250) {
    if (child.exitCode !== null) throw new Error(`kedu serve exited with ${child.exitCode}`);
    if (waited > 90_000) throw new Error('kedu serve did not answer /healthz in 90 s');
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, stop: () => stopChild(child) };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

/** Signs in with e-mail and password, then creates an API token (the way scripts call the API). */
export async function apiToken(url: string, email: string, password: string): Promise<string> {
  const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!login.ok) throw new Error(`sign-in as ${email}: ${login.status} ${await login.text()}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const res = await fetch(`${url}/api/v1/auth/tokens`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify({ name: 'dashboard bench' }) });
  if (!res.ok) throw new Error(`token for ${email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** The bare baseline server (bench/bare-server.ts) in its own process, serving the captured bodies. */
export async function startBare(bodiesFile: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'bare-server.ts'), bodiesFile], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  for (let waited = 0; !/listening (\d+)/.test(out); waited += 100) {
    if (child.exitCode !== null || waited > 30_000) throw new Error(`the bare server did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: `http://127.0.0.1:${/listening (\d+)/.exec(out)![1]}`, stop: () => stopChild(child) };
}

export type Load = { p50: number; p99: number; requestsPerSec: number; requests: number; failures: number };

/** `connections` clients requesting `url` back to back for `seconds`: latency percentiles in ms, throughput, and non-2xx answers plus errors. */
export async function load(url: string, headers: Record<string, string>, seconds: number, connections = 20): Promise<Load> {
  const r = await autocannon({ url, headers, connections, duration: seconds });
  return { p50: r.latency.p50, p99: r.latency.p99, requestsPerSec: Math.round(r.requests.average), requests: r.requests.total, failures: r.non2xx + r.errors + r.timeouts };
}

/** One server under load in `loadAll`: its URL, headers, and the requests each client sends in turn (autocannon's `requests`). */
export type LoadTarget = { url: string; headers?: Record<string, string>; requests?: autocannon.Request[] };

type RawResult = autocannon.Result & { totalCompletedRequests: number };
const aggregateResult = (autocannon as unknown as { aggregateResult: (results: RawResult[], opts: { url: string; connections: number }) => autocannon.Result }).aggregateResult;

/**
 * `connections` clients on each target at the same time for `seconds` (servers behind a load
 * balancer, say): the latencies of all of them merged into one set of percentiles, throughput
 * and failures summed.
 */
export async function loadAll(targets: LoadTarget[], seconds: number, connections: number): Promise<Load> {
  const runs = (await Promise.all(targets.map((t) => autocannon({ url: t.url, headers: t.headers ?? {}, requests: t.requests, connections, duration: seconds, skipAggregateResult: true })))) as RawResult[];
  const r = aggregateResult(runs, { url: targets[0]!.url, connections: connections * targets.length });
  const requests = runs.reduce((sum, run) => sum + run.totalCompletedRequests, 0);
  return { p50: r.latency.p50, p99: r.latency.p99, requestsPerSec: Math.round(requests / seconds), requests, failures: r.non2xx + r.errors + r.timeouts };
}
