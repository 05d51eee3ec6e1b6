import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startServerProcess } from '../../src/server/testing/server-process.ts';
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
});
