import { runCommand } from './testing/run-command.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { displayWidth, registerFormulaCommand } from './formula.command.ts';

/** Runs `kedu formula …` in-process; returns the exit code and what was written. */
const kedu = (...args: string[]) => runCommand(registerFormulaCommand, 'formula', args);

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('kedu formula', () => {
  it('prints the value', async () => {
    const r = await kedu('实际销售额/目标销售额*100%', '--set', '实际销售额=1200', '--set', '目标销售额=1000');
    expect(r).toEqual({ code: 0, out: '1.2\n', err: '' });
  });

  it('evaluates a formula without names, and accepts 80% in --set', async () => {
    expect((await kedu('ROUND(2.675, 2)')).out).toBe('2.68\n');
    expect((await kedu('a * 2', '--set', 'a=80%')).out).toBe('1.6\n');
    expect((await kedu('[Sales (net)] + 1', '--set', '[Sales (net)]=2')).out).toBe('3\n');
    expect((await kedu('1 > 2')).out).toBe('false\n');
  });

  it('prints warnings with a caret line under the source, and still the value (exit 0)', async () => {
    vi.stubEnv('LANG', 'en_US.UTF-8');
    const r = await kedu('销售成本÷(期初库存余额+期末库存余额)/2', '--set', '销售成本=900', '--set', '期初库存余额=100', '--set', '期末库存余额=200');
    expect(r.code).toBe(0);
    expect(r.out).toBe('1.5\n');
    const lines = r.err.split('\n');
    expect(lines[0]).toMatch(/^warning \[ambiguous_division\] at character 1–22: A division followed by another division/);
    expect(lines[1]).toBe('  销售成本÷(期初库存余额+期末库存余额)/2');
    // Chinese characters are two columns wide
    expect(lines[2]).toBe(`  ${'^'.repeat(displayWidth('销售成本÷(期初库存余额+期末库存余额)/2'))}`);
  });

  it('prints errors with positions and exits 2, in zh-CN by default', async () => {
    vi.stubEnv('LANG', 'zh_CN.UTF-8');
    const r = await kedu('目标 + 销售额2', '--set', '销售额=1', '--set', '目标=2');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      ['错误 [unknown_name] 第 6–9 个字符：未知名称 销售额2——您是想写 销售额 吗？', '  目标 + 销售额2', '         ^^^^^^^', 'kedu: 公式有 1 处错误', ''].join('\n'),
    );
  });

  it('--lang en overrides LANG', async () => {
    vi.stubEnv('LANG', 'zh_CN.UTF-8');
    const r = await kedu('(a + 1', '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      ['error [unclosed_parenthesis] at character 1: This opening parenthesis is never closed. Add ")" where the group ends.', '  (a + 1', '  ^', 'kedu: the formula has 1 error', ''].join('\n'),
    );
  });

  it('prints "not computable" with the reason and where (exit 0)', async () => {
    const r = await kedu('a / (b - 1)', '--set', 'a=1', '--set', 'b=1', '--lang', 'en');
    expect(r).toEqual({
      code: 0,
      out: 'Not computable: the divisor (b - 1) is 0. Use DIV(a, b, fallback) to say what the result is when it is 0.\n  a / (b - 1)\n  ^^^^^^^^^^^\n',
      err: '',
    });
    const missing = await kedu('a + b', '--lang', 'zh-CN');
    expect(missing.out).toBe('不可计算：缺少 a 的值。请为本期录入或导入该数据。\n  a + b\n  ^\n');
  });

  it('--json prints the result as one object', async () => {
    const r = await kedu('a/b/c', '--set', 'a=12', '--set', 'b=3', '--set', 'c=2', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ ok: true, value: 2, variables: ['a', 'b', 'c'], diagnostics: [{ severity: 'warning', code: 'ambiguous_division', start: 0, end: 5 }] });
    expect(json.diagnostics[0].message).toHaveProperty('zh-CN');
    expect(json).not.toHaveProperty('notComputable');
  });

  it('--json reports not computable and errors (exit 2 for errors, nothing on stderr)', async () => {
    const nc = JSON.parse((await kedu('1/x', '--set', 'x=0', '--json')).out);
    expect(nc).toMatchObject({ ok: true, notComputable: { code: 'division_by_zero', start: 0, end: 3 }, variables: ['x'], diagnostics: [] });
    expect(nc).not.toHaveProperty('value');
    const bad = await kedu('1 +', '--json');
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('');
    expect(JSON.parse(bad.out)).toMatchObject({ ok: false, variables: [], diagnostics: [{ code: 'unexpected_end', start: 2, end: 3 }] });
  });

  it.each([['x=abc'], ['x'], ['=5'], ['x=1,5'], ['x=0x10'], ['x=']])('--set %s is bad input: exit 2 naming the option', async (assignment) => {
    const r = await kedu('x + 1', '--set', assignment, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`--set ${assignment}`);
  });

  it('takes a formula that starts with - after --', async () => {
    expect(await kedu('--set', 'a=1', '--set', 'b=3', '--', '-a + b')).toEqual({ code: 0, out: '2\n', err: '' });
  });

  it('rejects an unknown --lang', async () => {
    expect((await kedu('1', '--lang', 'fr')).code).toBe(2);
  });
});

describe('displayWidth', () => {
  it('counts wide characters as two columns and combining marks as none', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('销售额')).toBe(6);
    expect(displayWidth('（）')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
  });
});
