import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPostgresAvailable } from '../../src/server/testing/postgres-available.ts';
import { type ServerProcess, startServerProcess } from '../../src/server/testing/server-process.ts';
import { freshPgDatabase, SETUP_BODY, tempDataDir } from './helpers.ts';

/**
 * docs/deploy.md's recipe, as written: two instances on one PostgreSQL behind Debian's nginx with
 * deploy/nginx/kedu.conf, restarted one after the other by deploy/rolling-restart.sh while
 * clients keep reading and writing through nginx — and not one request fails.
 */
const root = path.resolve(import.meta.dirname, '../..');
const nginxBinary = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));
const hasPostgres = await isPostgresAvailable();
if (process.env.CI === 'true' && (!nginxBinary || !hasPostgres)) throw new Error('nginx (Debian package nginx) and PostgreSQL are required under CI');

/**
 * One request on a connection of its own. A client that reuses an idle keep-alive connection can
 * send a request just as nginx, reloading, closes that connection: browsers send such a request
 * again, Node's fetch reports it failed (seen once on a loaded machine). A new connection per
 * request measures what nginx and Kedu do, not that race.
 */
const send = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) =>
  new Promise<{ status: number; text: string }>((resolve) => {
    const request = http.request(url, { method: init.method, headers: { ...init.headers, connection: 'close' }, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.on('error', (err) => resolve({ status: 0, text: err.message }));
    });
    request.on('error', (err) => resolve({ status: 0, text: err.message }));
    request.end(init.body);
  });

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

describe.skipIf(!nginxBinary || !hasPostgres)('two instances behind nginx: a rolling restart with no failed request', () => {
  const dir = tempDataDir();
  let database: { url: string; drop: () => Promise<void> };
  const instances = new Map<number, ServerProcess>();
  const restarts = new Map<number, number>();
  let ports: number[] = [];
  let front = '';
  let stopping = false;
  const nginx = (...args: string[]) => execFileSync(nginxBinary!, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), ...args], { stdio: 'pipe' });

  /** Starts the instance of `port`, and again whenever it exits (systemd's part in the recipe); its pid file exists while it runs. */
  const supervise = async (port: number) => {
    const server = await startServerProcess({ DATABASE_URL: database.url, KEDU_DATA_DIR: path.join(dir, `data-${port}`), KEDU_DEMO: 'off', PORT: String(port), KEDU_TRUST_PROXY: '127.0.0.1' });
    instances.set(port, server);
    fs.writeFileSync(path.join(dir, `kedu-${port}.pid`), String(server.proc.pid));
    server.proc.once('exit', () => {
      fs.rmSync(path.join(dir, `kedu-${port}.pid`), { force: true });
      if (stopping) return;
      restarts.set(port, (restarts.get(port) ?? 0) + 1);
      void supervise(port);
    });
  };

  beforeAll(async () => {
    database = await freshPgDatabase();
    ports = [await freePort(), await freePort()];
    const listen = await freePort();
    front = `http://127.0.0.1:${listen}`;
    // the recipe's files, with this test's ports and folders in place of /etc/nginx and 3001/3002
    const site = fs
      .readFileSync(path.join(root, 'deploy/nginx/kedu.conf'), 'utf8')
      .replace('/etc/nginx/kedu-upstream.conf', path.join(dir, 'kedu-upstream.conf'))
      .replace('listen 80;', `listen 127.0.0.1:${listen};`);
    const upstream = fs
      .readFileSync(path.join(root, 'deploy/nginx/kedu-upstream.conf'), 'utf8')
      .replace(':3001 ', `:${ports[0]} `)
      .replace(':3002 ', `:${ports[1]} `);
    expect(site).not.toMatch(/^\s*include \/etc/m);
    expect(upstream).toContain(`:${ports[1]} `);
    fs.writeFileSync(path.join(dir, 'kedu.conf'), site);
    fs.writeFileSync(path.join(dir, 'kedu-upstream.conf'), upstream);
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${path.join(dir, t)};`).join(' ');
    fs.writeFileSync(
      path.join(dir, 'nginx.conf'),
      `worker_processes 2; error_log ${path.join(dir, 'error.log')} warn; pid ${path.join(dir, 'nginx.pid')};\n` +
        `${process.getuid?.() === 0 ? 'user root;' : ''}\nevents { worker_connections 512; }\n` +
        `http { access_log off; ${temp} include ${path.join(dir, 'kedu.conf')}; }\n`,
    );
    // the first instance migrates the new database before the second starts
    await supervise(ports[0]!);
    await supervise(ports[1]!);
    nginx('-t');
    nginx();
  });

  afterAll(async () => {
    stopping = true;
    try {
      nginx('-s', 'quit');
    } catch {
      // not started
    }
    for (const server of instances.values()) await server.stop();
    if (process.env.KEDU_SHOW_FIGURES) fs.copyFileSync(path.join(dir, 'error.log'), '/tmp/nginx-error.log');
    await database?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves reads and writes through nginx throughout deploy/rolling-restart.sh, each instance restarted once', async () => {
    const setup = await fetch(`${front}/api/v1/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(SETUP_BODY) });
    expect(setup.status).toBe(200);
    const login = await fetch(`${front}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: SETUP_BODY.email, password: SETUP_BODY.password }) });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie: login.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': csrfToken };
    const ws = `${front}/api/v1/workspaces/${SETUP_BODY.workspaceSlug}`;

    // four clients: reading the dashboard and the units, and creating units, without pause
    let done = false;
    const failures: string[] = [];
    let requests = 0;
    let created = 0;
    const client = async (id: number) => {
      for (let n = 0; !done; n++) {
        const write = n % 3 === 0;
        const res = await send(write ? `${ws}/units` : `${ws}/${n % 2 ? 'dashboard/company' : 'units'}`, {
          method: write ? 'POST' : 'GET',
          headers: write ? { ...headers, 'content-type': 'application/json' } : headers,
          body: write ? JSON.stringify({ name: `Unit ${id}-${n}` }) : undefined,
        });
        requests++;
        if (res.status >= 400 || res.status === 0) failures.push(`${write ? 'POST' : 'GET'} → ${res.status} ${res.text.slice(0, 200)}`);
        else if (write) created++;
      }
    };
    const clients = [0, 1, 2, 3].map(client);

    const script = spawn(path.join(root, 'deploy/rolling-restart.sh'), ports.map(String), {
      env: {
        ...process.env,
        KEDU_UPSTREAM_FILE: path.join(dir, 'kedu-upstream.conf'),
        KEDU_NGINX_RELOAD: `${nginxBinary} -p ${dir} -c ${path.join(dir, 'nginx.conf')} -s reload`,
        // systemctl restart: stop (SIGTERM, wait for the exit); the supervisor above starts it again
        KEDU_RESTART: `kill -TERM "$(cat ${dir}/kedu-{port}.pid)"; while [ -e ${dir}/kedu-{port}.pid ]; do sleep 0.1; done`,
        KEDU_DRAIN_SECONDS: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    script.stdout.on('data', (d) => (output += d));
    script.stderr.on('data', (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => script.once('exit', resolve));
    done = true;
    await Promise.all(clients);

    if (process.env.KEDU_SHOW_FIGURES) console.log({ requests, created, failures: failures.length, sample: failures.slice(0, 3) });
    expect(code, output).toBe(0);
    expect(output).toContain(`[${ports[1]}] healthy and back in the pool`);
    expect([restarts.get(ports[0]!), restarts.get(ports[1]!)]).toEqual([1, 1]);
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(100);
    // every write that was answered is there, once
    const units = (await (await fetch(`${ws}/units`, { headers })).json()) as unknown[];
    expect(units).toHaveLength(created);
    // both instances are back in the pool
    expect(fs.readFileSync(path.join(dir, 'kedu-upstream.conf'), 'utf8')).not.toContain(' down');
  });
});
