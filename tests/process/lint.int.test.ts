import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/server/testing/server-process.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kedu-lint-proc-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, content: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
};

describe('kedu lint (the real command)', () => {
  it('is listed in the help', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('lint');
  });

  it('passes the 微商 sample with exit 0', async () => {
    const r = await runCli(['lint', 'samples/plans/weishang.plan.json'], { LANG: 'zh_CN.UTF-8' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('计划「2027 微商计划」：4 个目标\n通过：4 个目标均符合 SMART，未发现常见误区。\n');
  });

  it('fails the pitfalls sample with exit 1: the letters, the four pitfalls and a summary', async () => {
    const r = await runCli(['lint', 'samples/plans/pitfalls.plan.json', '--lang', 'zh-CN']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('目标 brand「提升品牌知名度」  S  ');
    expect(r.stdout).toContain('目标 sales「3个月内销售额突破1000万元」  A  目标值 10,000,000 意味着 3 个月里每月增长 169.7%');
    for (const pitfall of ['目标过于笼统', '忽视用户需求', '目标设定过高', '缺乏动态调整']) expect(r.stdout).toContain(`误区  常见误区“${pitfall}”`);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('未通过：3 个目标中 2 个有问题（共 3 条），常见误区 4 个。');
  });

  it('--json prints the report as JSON', async () => {
    const r = await runCli(['lint', 'samples/plans/pitfalls.plan.json', '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.pitfalls).toHaveLength(4);
    expect(report.goals.map((g: { key: string }) => g.key)).toEqual(['brand', 'sales', 'content']);
  });

  it('exits 2 on a missing file', async () => {
    const r = await runCli(['lint', path.join(dir, 'missing.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing.json: No such file');
  });

  it('exits 2 on bad JSON, with line:column', async () => {
    const bad = write('bad.plan.json', '{\n  "format": "kedu.plan/v1",\n  "plan": { "name": "x" },\n  "goals": [,]\n}\n');
    const r = await runCli(['lint', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}:4:13: Not valid JSON at line 4, column 13: "," cannot be here.`);
    expect(r.stdout).toBe('');
  });

  it('exits 2 on schema problems, each with its path (and --json lists them)', async () => {
    const plan = { format: 'kedu.plan/v1', plan: { name: 'x', startsOn: '2027-01-01', endsOn: '2027-12-31' }, goals: [{ key: 'g1', statement: 's', owner: { kind: 'company' }, indicator: 'nope', deadline: '2027-02-30' }] };
    const file = write('schema.plan.json', JSON.stringify(plan, null, 2));
    const r = await runCli(['lint', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('goals[0].deadline: is not a valid day');
    expect(r.stderr).toContain('goals[0].indicator: There is no indicator "nope"');
    expect(r.stderr).toContain('kedu: 2 problems in the plan file; nothing was checked');
    const fixed = write('refs.plan.json', JSON.stringify({ ...plan, goals: [{ ...plan.goals[0], deadline: '2027-03-31' }] }));
    const json = await runCli(['lint', fixed, '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout).problems).toMatchObject([{ path: 'goals[0].indicator', code: 'plan.unknown_indicator' }]);
  });
});
