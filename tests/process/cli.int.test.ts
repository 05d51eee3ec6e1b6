import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { availableKinds } from '../../src/server/testing/harness.ts';
import { getJson, runCli, startServerProcess } from '../../src/server/testing/server-process.ts';
import { freshPgDatabase, setupAndToken, tempDataDir } from './helpers.ts';

describe('kedu CLI', () => {
  it('prints help and the version', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const cmd of ['serve', 'migrate', 'create-admin', 'backup', 'restore']) expect(help.stdout).toContain(cmd);
    const version = await runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('checks and evaluates a formula, exiting 2 on an error', async () => {
    const ok = await runCli(['formula', '销售成本÷((期初库存余额+期末库存余额)/2)', '--set', '销售成本=900', '--set', '期初库存余额=100', '--set', '期末库存余额=200']);
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim()).toBe('6');
    const bad = await runCli(['formula', '销售额2 / 目标', '--set', '销售额=1', '--set', '目标=2', '--lang', 'en']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('did you mean 销售额');
  });

  it.each([[['bogus']], [['backup']], [['serve', '--nope']], [[]]])('exits 2 with usage on bad arguments %j', async (args) => {
    const res = await runCli(args);
    expect(res.code).toBe(2);
    expect(res.stderr + res.stdout).toContain('Usage: kedu');
  });

  it('speaks Chinese unless LANG asks for English', async () => {
    const zh = await runCli(['api', 'FETCH', '/api/v1/x'], { LANG: 'zh_CN.UTF-8', KEDU_TOKEN: 'kedu_x' });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('不认识的请求方法 “FETCH”');
    const en = await runCli(['api', 'FETCH', '/api/v1/x'], { LANG: 'en_US.UTF-8', KEDU_TOKEN: 'kedu_x' });
    expect(en.stderr).toContain('unknown method "FETCH"');
  });

  it('create-admin sets up a new installation, then refuses without --workspace, and validates its options', async () => {
    const dir = tempDataDir();
    try {
      const env = { KEDU_DATA_DIR: dir };
      const bad = await runCli(['create-admin', '--email', 'not-an-email', '--name', 'A', '--password', 'short'], env);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--email');
      expect(bad.stderr).toContain('--password');
      const ok = await runCli(['create-admin', '--email', 'Root@Example.test', '--name', 'Root', '--password', 'correct horse battery', '--workspace-name', 'Acme'], env);
      expect(ok.stderr).toBe('');
      expect(ok.code).toBe(0);
      const again = await runCli(['create-admin', '--email', 'two@example.test', '--name', 'Two', '--password', 'correct horse battery'], env);
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('already set up');
      const server = await startServerProcess(env);
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'root@example.test', password: 'correct horse battery' }),
      });
      expect(login.status).toBe(200);
      expect(((await login.json()) as { workspaces: { name: string; role: string }[] }).workspaces).toMatchObject([{ name: 'Acme', role: 'admin' }]);
      await server.stop();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // four processes, two of them initialising an embedded database: slow on a busy CI machine
  });
});

describe.each(availableKinds())('kedu backup and restore [%s]', { timeout: 120_000 }, (kind) => {
  const files = fs.mkdtempSync(path.join(os.tmpdir(), 'kedu-backup-'));
  const cleanups: (() => unknown)[] = [() => fs.rmSync(files, { recursive: true, force: true })];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  async function environment(): Promise<Record<string, string>> {
    if (kind === 'pglite') {
      const dir = tempDataDir();
      cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
      return { KEDU_DATA_DIR: dir };
    }
    const db = await freshPgDatabase();
    cleanups.push(db.drop);
    return { DATABASE_URL: db.url };
  }

  it('restores exactly what was backed up, into a fresh installation', async () => {
    const source = await environment();
    let server = await startServerProcess(source);
    const token = await setupAndToken(server.url);
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    for (const name of ['销售代表', 'Content "editor"', 'HR 专员']) {
      const res = await fetch(`${server.url}/api/v1/workspaces/crash/positions`, { method: 'POST', headers: auth, body: JSON.stringify({ name }) });
      expect(res.status).toBe(201);
    }
    const before = (await getJson(`${server.url}/api/v1/workspaces/crash/positions`, { headers: auth })).body;
    const goalsBefore = await cascadeGoals(server.url, auth);
    await server.stop();
    // a dataset too: its rows live in a table of their own, which the restore makes again
    const sample = path.resolve(import.meta.dirname, '../../samples/imports/wechat-user-analysis.csv');
    const imported = await runCli(['import', sample, '--dataset', '公众号'], source);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toContain('creating the dataset "公众号" (template: WeChat official account · user analysis)');
    expect(imported.stdout).toContain('imported 61 rows into "公众号"');
    const again = await runCli(['import', sample, '--dataset', '公众号'], source);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('was imported on');

    const file = path.join(files, `backup-${kind}.kedu.gz`);
    const backup = await runCli(['backup', file], source);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('positions 3');

    const target = await environment();
    const refused = await runCli(['restore', file], target);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--yes');
    const restore = await runCli(['restore', file, '--yes'], target);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);

    server = await startServerProcess(target);
    const after = await getJson(`${server.url}/api/v1/workspaces/crash/positions`, { headers: auth });
    expect(after.status).toBe(200); // the API token came along with the users
    // a goal moved under one created after it comes back: parents are restored before children
    expect((await getJson(`${server.url}/api/v1/workspaces/crash/plans/${goalsBefore.planId}/goals?parentId=${goalsBefore.later}`, { headers: auth })).body.map((g: { id: string }) => g.id)).toEqual([goalsBefore.earlier]);
    // the CLI talks to a running server with the same token
    const whoami = await runCli(['whoami', '--url', server.url], { KEDU_TOKEN: token });
    expect(whoami.code).toBe(0);
    expect(whoami.stdout).toContain('ada@crash.test');
    expect(whoami.stdout).toMatch(/crash\tadmin\tCrash Co/);
    const viaApi = await runCli(['api', 'POST', '/api/v1/workspaces/crash/positions', '--url', server.url, '-d', '{"name":"Via CLI"}'], { KEDU_TOKEN: token });
    expect(viaApi.code).toBe(0);
    expect(JSON.parse(viaApi.stdout).name).toBe('Via CLI');
    const invalid = await runCli(['api', 'POST', '/api/v1/workspaces/crash/positions', '--url', server.url, '-d', '{"name":""}'], { KEDU_TOKEN: token, LANG: 'en_US.UTF-8' });
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('400 validation_failed');
    expect(invalid.stderr).toContain('body.name: Required');
    const noToken = await runCli(['whoami', '--url', server.url], { KEDU_TOKEN: '' });
    expect(noToken.code).toBe(2);
    expect(after.body).toEqual(before);
    const datasets = (await getJson(`${server.url}/api/v1/workspaces/crash/datasets`, { headers: auth })).body;
    expect(datasets.map((d: { name: string; rowCount: number }) => [d.name, d.rowCount])).toEqual([['公众号', 61]]);
    const rows = (await getJson(`${server.url}/api/v1/workspaces/crash/datasets/${datasets[0].id}/rows?pageSize=200`, { headers: auth })).body;
    expect(rows.total).toBe(61);
    // sequences continue after the restored rows: new writes still work and are audited
    const res = await fetch(`${server.url}/api/v1/workspaces/crash/positions`, { method: 'POST', headers: auth, body: JSON.stringify({ name: 'New after restore' }) });
    expect(res.status).toBe(201);
    const audit = await getJson(`${server.url}/api/v1/workspaces/crash/audit?action=position.create`, { headers: auth });
    expect(audit.body.total).toBe(5);
    await server.stop();
  });

  it('refuses a file that is not a backup and changes nothing', async () => {
    const env = await environment();
    const junk = path.join(files, 'junk.txt');
    fs.writeFileSync(junk, 'hello');
    const res = await runCli(['restore', junk, '--yes'], env);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('not a Kedu backup');
    expect(res.stderr).toContain('nothing was changed');
    const missing = await runCli(['restore', path.join(files, 'nope.gz'), '--yes'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  });
});

/** A plan whose first goal is later moved under a goal created after it (so id order is not parent order). */
async function cascadeGoals(url: string, auth: Record<string, string>): Promise<{ planId: string; earlier: string; later: string }> {
  const post = async (p: string, body: unknown, method = 'POST') => {
    const res = await fetch(`${url}/api/v1/workspaces/crash${p}`, { method, headers: auth, body: JSON.stringify(body) });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    return (await res.json()) as { id: string };
  };
  const indicator = await post('/indicator-library/sales_amount/copy', {});
  const plan = await post('/plans', { name: '2027 年度计划', startsOn: '2027-01-01', endsOn: '2027-12-31' });
  const goal = { owner: { kind: 'company' }, indicatorId: indicator.id, target: 100, startsOn: '2027-01-01', deadline: '2027-12-31' };
  const earlier = await post('/goals', { ...goal, planId: plan.id, statement: '销售额 100 元', source: 'budget' });
  const later = await post('/goals', { ...goal, planId: plan.id, statement: '销售额 100 元（年度）', source: 'strategy' });
  await post(`/goals/${earlier.id}`, { ...goal, statement: '销售额 100 元', source: 'parent', parentId: later.id }, 'PUT');
  // an update writes the row anew at the end of the table: now the child is stored before its parent
  await post(`/goals/${later.id}`, { ...goal, statement: '全年销售额 100 元', source: 'strategy' }, 'PUT');
  return { planId: plan.id, earlier: earlier.id, later: later.id };
}
