import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { registerLintCommand } from './lint.command.ts';
import { runCommand } from './testing/run-command.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kedu-lint-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.unstubAllEnvs());

const samples = path.join(import.meta.dirname, '../../samples/plans');
const kedu = (...args: string[]) => runCommand(registerLintCommand, 'lint', args);
let n = 0;
function file(content: string): string {
  const p = path.join(dir, `${n++}.plan.json`);
  fs.writeFileSync(p, content);
  return p;
}
const minimal = { format: 'kedu.plan/v1', plan: { name: 'P', startsOn: '2027-01-01', endsOn: '2027-12-31', reviewCadence: 'monthly' } };

describe('kedu lint', () => {
  it('flags a target too low, and passes a recurring goal without a deadline of its own', async () => {
    const history = [36_000, 37_000, 38_000, 36_000, 37_000, 38_000].map((value, i) => ({ period: `2026-0${i + 4}`, value }));
    const goal = { owner: { kind: 'company' }, indicator: 'sales_amount', source: 'strategy', recurrence: 'month', history };
    const plan = { ...minimal, goals: [{ key: 'low', statement: '每月销售额 1000 元', target: 1000, ...goal }, { key: 'fine', statement: '每月销售额 40000 元', target: 40_000, ...goal }] };
    const r = await kedu(file(JSON.stringify(plan)), '--lang', 'en');
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split('\n');
    expect(lines.filter((l) => / {2}A {2}/.test(l))).toHaveLength(1);
    expect(lines.find((l) => / {2}A {2}/.test(l))).toMatch(/low.*The target 1,000 \(2027-01\) is below .*not challenging/);
    expect(lines.some((l) => l.includes('target too low'))).toBe(true);
  });

  it('passes the 微商 sample: exit 0, a summary line', async () => {
    vi.stubEnv('LANG', 'zh_CN.UTF-8');
    const r = await kedu(path.join(samples, 'weishang.plan.json'));
    expect(r).toEqual({ code: 0, out: '计划「2027 微商计划」：4 个目标\n通过：4 个目标均符合 SMART，未发现常见误区。\n', err: '' });
  });

  it('prints each goal’s failed letters and the pitfalls, exit 1', async () => {
    const r = await kedu(path.join(samples, 'pitfalls.plan.json'), '--lang', 'zh-CN');
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    const lines = r.out.trimEnd().split('\n');
    expect(lines[1]).toMatch(/^目标 brand「提升品牌知名度」 {2}S {2}“提升品牌知名度”过于笼统/);
    expect(lines[2]).toMatch(/^目标 brand「提升品牌知名度」 {2}M {2}/);
    expect(lines[3]).toMatch(/^目标 sales「3个月内销售额突破1000万元」 {2}A {2}目标值 10,000,000 意味着 3 个月里每月增长 169.7%/);
    expect(lines.filter((l) => l.startsWith('误区  '))).toHaveLength(4);
    expect(lines.at(-1)).toBe('未通过：3 个目标中 2 个有问题（共 3 条），常见误区 4 个。');
  });

  it('speaks English with --lang en or LANG=en', async () => {
    vi.stubEnv('LANG', 'en_US.UTF-8');
    const r = await kedu(path.join(samples, 'pitfalls.plan.json'));
    expect(r.out).toContain('goal brand "提升品牌知名度"  S  "提升品牌知名度" is too vague');
    expect(r.out).toContain('pitfall  Common pitfall "no dynamic adjustment"');
    expect(r.out.trimEnd().split('\n').at(-1)).toBe('Failed: 2 of 3 goals with problems (3 messages), 4 common pitfalls.');
  });

  it('--json prints the report', async () => {
    const r = await kedu(path.join(samples, 'pitfalls.plan.json'), '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.ok).toBe(false);
    expect(report.pitfalls.map((p: { pitfall: string }) => p.pitfall)).toEqual(['vague_goal', 'no_customer_indicator', 'target_too_high', 'no_review_cadence']);
    expect(report.goals[0].messages[0]).toMatchObject({ letter: 'S', code: 'smart.vague', path: ['statement'] });
  });

  it('exits 2 on a missing file, a directory, bad JSON with line:column, or schema problems with their path', async () => {
    vi.stubEnv('LANG', 'en_US.UTF-8');
    const missing = await kedu(path.join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('nope.json: No such file');
    expect((await kedu(dir)).err).toContain('This is a directory');
    const bad = file('{\n  "format": "kedu.plan/v1",\n  "plan": {}\n  "goals": []\n}');
    const syntax = await kedu(bad);
    expect(syntax.code).toBe(2);
    expect(syntax.err).toMatch(new RegExp(`${path.basename(bad)}:4:3: Not valid JSON at line 4, column 3`));
    const schema = await kedu(file(JSON.stringify({ ...minimal, goals: [{ key: 'g1', statement: 'x', owner: { kind: 'team' }, colour: 'red' }] })));
    expect(schema.code).toBe(2);
    expect(schema.err).toContain(': goals[0].owner.kind: must be one of: company, unit, person');
    expect(schema.err).toContain(': goals[0].colour: unknown field "colour"');
    expect(schema.err).toContain('kedu: 2 problems in the plan file; nothing was checked');
  });

  it('--json prints the problems of an invalid file', async () => {
    const r = await kedu(file('{"format": "kedu.plan/v1", "plan": '), '--json');
    expect(r.code).toBe(2);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out).problems).toMatchObject([{ path: '', code: 'file.not_json', line: 1, column: 36 }]);
  });
});

describe('kedu lint stays light', () => {
  /** Every source file lint.command.ts imports, directly or not (static and dynamic imports). */
  function importGraph(start: string): Set<string> {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) visit(path.resolve(path.dirname(file), m[1]));
    };
    visit(start);
    return seen;
  }

  it('loads neither the server nor the database', () => {
    const files = [...importGraph(path.join(import.meta.dirname, 'lint.command.ts'))].map((f) => path.relative(path.join(import.meta.dirname, '..'), f));
    expect(files).toContain('contracts/plan-file.ts');
    expect(files.filter((f) => f.startsWith('server/') || f.includes('/db/'))).toEqual([]);
  });
});
