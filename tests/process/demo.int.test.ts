import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { today } from '../../src/server/modules/goals/goal-status.ts';
import { marketingFiles, marketingSpan } from '../../src/server/modules/demo/demo-marketing.files.ts';
import { MARKETING_DATASETS } from '../../src/server/modules/demo/demo-marketing.ts';
import { csvText } from '../../src/server/modules/demo/demo-solo.ts';
import { openDatabase } from '../../src/server/db/client.ts';
import { KEDU_BIN, runCli, startServerProcess } from '../../src/server/testing/server-process.ts';
import { tempDataDir } from './helpers.ts';

/** `kedu demo --size large` as a user runs it, at a small size (the hidden --scale) on an embedded database. */
describe('kedu demo', () => {
  const dir = tempDataDir();
  const env = { KEDU_DATA_DIR: dir, DATABASE_URL: '' };
  const scale = ['--scale', 'people=40,units=4,months=2,goals=120'];
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates the large workspace, prints its accounts and progress, and its accounts sign in to the dashboards', async () => {
    const res = await runCli(['demo', '--size', 'large', ...scale], env);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/created the workspace ".+" \(large\): 40 people in 4 units, 2 closed monthly cycles \(80 results\)/);
    const password = /password for all: (\S+?);/.exec(res.stdout)?.[1];
    expect(password).toMatch(/^kedu-/);
    const emails = [...res.stdout.matchAll(/^\s+(admin|manager|member)\s+(\S+@large\.kedu\.test)/gm)].map((m) => ({ role: m[1], email: m[2] }));
    expect(emails.map((e) => e.role)).toEqual(expect.arrayContaining(['admin', 'manager', 'member']));
    expect(res.stderr).toMatch(/\[\s*[\d.]+ s\] appraisal cycles: 2\/2/);
    expect(res.stderr).toContain('check-ins:');

    const server = await startServerProcess(env);
    try {
      const manager = emails.find((e) => e.role === 'manager')!;
      const login = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: manager.email, password }) });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0];
      const team = await fetch(`${server.url}/api/v1/workspaces/large/dashboard/team`, { headers: { cookie } });
      expect(team.status, await team.clone().text()).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('refuses the taken slug with exit 2, and replaces it when asked', async () => {
    const again = await runCli(['demo', '--size', 'large', ...scale], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('a workspace with the slug "large" already exists');
    const replaced = await runCli(['demo', '--size', 'large', '--replace', '--json', ...scale], env);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(JSON.parse(replaced.stdout)).toMatchObject({ slug: 'large', counts: { people: 40, goals: 120 } });
  });

  it.each([
    [['--size', 'huge'], '--size must be small or large'],
    [['--size', 'large', '--scale', 'people=3'], 'bad --scale'],
    [['--size', 'large', '--seed', 'abc'], '--seed must be a whole number'],
    [['--size', 'large', '--workspace', 'Bad Slug'], '--workspace must be'],
    [['--seed', '3'], 'apply to --size large only'],
  ])('exits 2 on bad options %j', async (args, message) => {
    const res = await runCli(['demo', ...args], env);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(message);
  });

  it('kedu import into the small demo: the open cycle takes the new data in the job the import announces, and the CLI says so', async () => {
    const small = tempDataDir();
    const smallEnv = { KEDU_DATA_DIR: small, DATABASE_URL: '' };
    try {
      const demo = await runCli(['demo'], smallEnv);
      expect(demo.code, demo.stderr).toBe(0);
      // one more article of 徐佳怡's in the open November cycle's month, in the 已通知内容 export's layout
      const [header] = marketingFiles(marketingSpan(today()).from, marketingSpan(today()).to).articles;
      const row = header!.map((h) => ({ 内容标题: '用户故事｜一封读者来信', 发表时间: '20261128', 内容url: 'https://mp.weixin.qq.com/s/cli-letter', 作者: '徐佳怡', 送达阅读率: '0.0500', 首次分享率: '0.0600', 每次分享带来阅读次数: '4.00', 阅读完成率: '0.6100' })[h] ?? '120');
      const file = path.join(small, 'letter.csv');
      fs.writeFileSync(file, csvText([header!, row]));
      const imported = await runCli(['import', file, '--workspace', 'demo', '--dataset', MARKETING_DATASETS.articles.name], smallEnv);
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stdout).toContain('imported 1 rows');
      expect(imported.stdout).toContain('1 open cycle(s) took their actuals from the new data');
    } finally {
      fs.rmSync(small, { recursive: true, force: true });
    }
  });

  it('kill -9 during the large seed (a job): nothing is half made, the job is marked failed, and the next seed runs', { timeout: 240_000 }, async () => {
    const work = tempDataDir();
    const killEnv = { KEDU_DATA_DIR: work, DATABASE_URL: '' };
    try {
      const proc = spawn(process.execPath, [KEDU_BIN, 'demo', '--size', 'large', '--scale', 'people=600,units=20,months=12,goals=3000'], { env: { ...process.env, LANG: 'en_US.UTF-8', KEDU_LOG_LEVEL: 'warn', ...killEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      proc.stdout.on('data', (d) => (output += d));
      const exited = new Promise((resolve) => proc.once('exit', resolve));
      // killed once the seed's transaction has written the organisation (the first stage it reports)
      await new Promise<void>((resolve, reject) => {
        proc.stderr.on('data', (d) => {
          output += d;
          if (/organisation/i.test(output)) resolve();
        });
        proc.once('exit', () => reject(new Error(`kedu demo ended before it was killed:\n${output}`)));
      });
      proc.kill('SIGKILL');
      await exited;

      // the next run takes the folder, marks the interrupted seed failed, and seeds the slug afresh
      const again = await runCli(['demo', '--size', 'large', ...scale], killEnv);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toContain('40 people in 4 units');
      const database = await openDatabase({ kind: 'embedded', dataDir: work });
      try {
        const { rows } = await database.pool.query(`select state, error->'params'->>'reason' as reason from background_jobs where kind = 'demo.large-seed' order by created_at`);
        expect(rows).toEqual([
          { state: 'failed', reason: expect.stringContaining('interrupted') },
          { state: 'completed', reason: null },
        ]);
        const { rows: people } = await database.pool.query(`select count(*)::int as n from people p join workspaces w on w.id = p.workspace_id where w.slug = 'large'`);
        expect(people[0].n).toBe(40);
      } finally {
        await database.close();
      }
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
});
