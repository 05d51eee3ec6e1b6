import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPostgresAvailable } from '../../src/server/testing/postgres-available.ts';
import { runCli, type ServerProcess, startServerProcess } from '../../src/server/testing/server-process.ts';
import { freshPgDatabase, SETUP_BODY, tempDataDir } from './helpers.ts';

/**
 * Two `kedu serve` processes on one PostgreSQL, as behind a load balancer (issue 13, docs/deploy.md):
 * what one server keeps in memory (dashboards' answers, identities) must not outlive a write made
 * on the other, and versions hold across them. Both keep what they keep for an hour here, so a
 * server that saw the other's change saw it through the change feed, not by its time running
 * out; how soon (the 1 s target) is `npm run bench -- many-servers`'s figure, and the median here
 * is held to it. (Scheduled
 * work running once per tick with two servers: jobs.int.test.ts.)
 */
const hasPostgres = await isPostgresAvailable();
if (!hasPostgres && process.env.CI === 'true') throw new Error('PostgreSQL is required under CI');

const ws = SETUP_BODY.workspaceSlug;
const ROUNDS = 20;
/** Far below the hour the servers keep their answers, far above any machine's delay. */
const GIVE_UP_MS = 60_000;

type Caller = { headers: Record<string, string> };

async function signIn(url: string, email = SETUP_BODY.email, password = SETUP_BODY.password): Promise<Caller> {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { headers: { cookie: res.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': csrfToken, 'accept-language': 'en' } };
}

async function call(server: ServerProcess, caller: Caller, method: string, path: string, body?: unknown) {
  const json = body === undefined ? {} : { headers: { ...caller.headers, 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const res = await fetch(`${server.url}/api/v1${path}`, { method, headers: caller.headers, ...json });
  return { status: res.status, body: (await res.json().catch(() => null)) as any };
}

/** The units the company dashboard lists, as `server` answers (from its cache when it has one). */
const dashboardUnits = async (server: ServerProcess, caller: Caller): Promise<string[]> => (await call(server, caller, 'GET', `/workspaces/${ws}/dashboard/company`)).body.units.map((u: { name: string }) => u.name);

/** Polls `read` until `seen` holds; the milliseconds it took. */
async function timeUntil<T>(read: () => Promise<T>, seen: (value: T) => boolean, giveUpMs = GIVE_UP_MS): Promise<number> {
  const started = performance.now();
  while (!seen(await read())) {
    if (performance.now() - started > giveUpMs) return Number.POSITIVE_INFINITY;
  }
  return performance.now() - started;
}

describe.skipIf(!hasPostgres)('two servers on one PostgreSQL', () => {
  const dirs: string[] = [];
  let database: { url: string; drop: () => Promise<void> };
  let a: ServerProcess;
  let b: ServerProcess;
  let admin: Caller;

  beforeAll(async () => {
    database = await freshPgDatabase();
    const env = (dir: string) => ({ DATABASE_URL: database.url, KEDU_DATA_DIR: dir, KEDU_DEMO: 'off', KEDU_READ_CACHE_SECONDS: '3600', KEDU_IDENTITY_CACHE_SECONDS: '3600' });
    dirs.push(tempDataDir(), tempDataDir());
    // the first migrates; the second starts on the migrated database, as in a rolling deploy
    a = await startServerProcess(env(dirs[0]!));
    b = await startServerProcess(env(dirs[1]!));
    const setup = await fetch(`${a.url}/api/v1/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(SETUP_BODY) });
    expect(setup.status).toBe(200);
    admin = await signIn(a.url);
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await database?.drop();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it(`sees a write made on the other server (${ROUNDS} rounds, alternating), though it keeps dashboards for an hour`, async () => {
    const delays: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const [writer, reader] = round % 2 === 0 ? [a, b] : [b, a];
      // the reader has the answer in its cache: asked twice, the second from memory
      const before = await dashboardUnits(reader, admin);
      expect(await dashboardUnits(reader, admin)).toEqual(before);
      const name = `Unit ${round}`;
      expect((await call(writer, admin, 'POST', `/workspaces/${ws}/units`, { name })).status).toBe(201);
      delays.push(await timeUntil(() => dashboardUnits(reader, admin), (names) => names.includes(name)));
    }
    if (process.env.KEDU_SHOW_FIGURES) console.log('delays ms', delays.map(Math.round));
    expect(Math.max(...delays)).toBeLessThan(GIVE_UP_MS);
    expect([...delays].sort((x, y) => x - y)[ROUNDS / 2]).toBeLessThan(1_000);
  });

  it('refuses a write based on a version the other server has already replaced (409 with the current version)', async () => {
    const created = await call(a, admin, 'POST', `/workspaces/${ws}/units`, { name: 'Versioned' });
    expect(created.body.version).toBe(1);
    const onB = await call(b, admin, 'PATCH', `/workspaces/${ws}/units/${created.body.id}`, { name: 'Renamed on B', version: 1 });
    expect(onB.status).toBe(200);
    const onA = await call(a, admin, 'PATCH', `/workspaces/${ws}/units/${created.body.id}`, { name: 'Renamed on A', version: 1 });
    expect(onA.status).toBe(409);
    expect(onA.body.error.details[0].value).toMatchObject({ currentVersion: 2, updatedBy: `${SETUP_BODY.adminName} <${SETUP_BODY.email}>` });
    const units = await call(a, admin, 'GET', `/workspaces/${ws}/units`);
    expect(units.body.find((u: { id: string }) => u.id === created.body.id).name).toBe('Renamed on B');
  });

  it('refuses a revoked token and an ended session on both servers, though each keeps identities for an hour', async () => {
    const created = await call(a, admin, 'POST', '/auth/tokens', { name: 'to revoke' });
    const bearer: Caller = { headers: { authorization: `Bearer ${created.body.token}` } };
    // both servers have resolved the token and keep who it is
    for (const server of [a, b, a, b]) expect((await call(server, bearer, 'GET', `/workspaces/${ws}/units`)).status).toBe(200);
    expect((await call(a, admin, 'DELETE', `/auth/tokens/${created.body.id}`)).status).toBe(200);
    const refusedWithin = await Promise.all([a, b].map((server) => timeUntil(() => call(server, bearer, 'GET', `/workspaces/${ws}/units`), (res) => res.status === 401)));
    expect(Math.max(...refusedWithin)).toBeLessThan(GIVE_UP_MS);

    const session = await signIn(b.url);
    for (const server of [a, b]) expect((await call(server, session, 'GET', '/auth/me')).status).toBe(200);
    expect((await call(b, session, 'POST', '/auth/logout')).status).toBe(200);
    const endedWithin = await Promise.all([a, b].map((server) => timeUntil(() => call(server, session, 'GET', '/auth/me'), (res) => res.status === 401)));
    expect(Math.max(...endedWithin)).toBeLessThan(GIVE_UP_MS);
  });
  it('lets a member promoted from a shell (kedu create-admin --workspace) act as an administrator on both servers', async () => {
    const email = 'mo@crash.test';
    expect((await call(a, admin, 'POST', `/workspaces/${ws}/members`, { email, name: 'Mo', role: 'member', password: 'correct horse battery' })).status).toBe(201);
    const mo = await signIn(b.url, email, 'correct horse battery');
    // both servers know Mo as a member, and keep it
    for (const server of [a, b, a, b]) expect((await call(server, mo, 'GET', `/workspaces/${ws}/members`)).status).toBe(403);
    dirs.push(tempDataDir());
    const cli = await runCli(['create-admin', '--workspace', ws, '--email', email, '--name', 'Mo', '--password', 'correct horse battery'], { DATABASE_URL: database.url, KEDU_DATA_DIR: dirs.at(-1)! });
    expect(cli.code, cli.stderr).toBe(0);
    const within = await Promise.all([a, b].map((server) => timeUntil(() => call(server, mo, 'GET', `/workspaces/${ws}/members`), (res) => res.status === 200)));
    expect(Math.max(...within)).toBeLessThan(GIVE_UP_MS);
  });

  // scheduled work runs once per tick with two servers: tests/process/jobs.int.test.ts
});
