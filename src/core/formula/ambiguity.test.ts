import { describe, expect, it } from 'vitest';
import { compileFormula } from './compile.ts';
import { parseFormula } from './parser.ts';

const SEED = '销售成本÷(期初库存余额+期末库存余额)/2';
const values = { 销售成本: 900, 期初库存余额: 100, 期末库存余额: 200 };
const warnings = (source: string) => parseFormula(source).diagnostics.filter((d) => d.code === 'ambiguous_division');

describe('the 成品周转率 seed (domain.md §2)', () => {
  it('is computed left to right: (销售成本÷(期初+期末))/2', () => {
    const f = compileFormula(SEED);
    if (!f.ok) throw new Error('should compile');
    expect(f.evaluate(values)).toEqual({ ok: true, value: 900 / 300 / 2 }); // 1.5, not 6
    expect(f.variables).toEqual(['销售成本', '期初库存余额', '期末库存余额']);
  });

  it('gets an ambiguity warning spanning the whole chain, with both explicit readings', () => {
    const f = compileFormula(SEED);
    if (!f.ok) throw new Error('should compile');
    expect(f.diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'ambiguous_division',
        start: 0,
        end: 22,
        readings: ['(销售成本 ÷ (期初库存余额 + 期末库存余额)) / 2', '销售成本 ÷ ((期初库存余额 + 期末库存余额) / 2)'],
        message: {
          'zh-CN':
            '除法后面紧跟另一个除法，容易误读：销售成本÷(期初库存余额+期末库存余额)/2 会按从左到右计算，即 (销售成本 ÷ (期初库存余额 + 期末库存余额)) / 2。如果您的本意是 销售成本 ÷ ((期初库存余额 + 期末库存余额) / 2)，请加上括号；如果本意就是前者，也请加上括号以消除歧义。',
          en: 'A division followed by another division is easy to misread: 销售成本÷(期初库存余额+期末库存余额)/2 is computed left to right, as (销售成本 ÷ (期初库存余额 + 期末库存余额)) / 2. If you meant 销售成本 ÷ ((期初库存余额 + 期末库存余额) / 2), add the parentheses; if you meant the former, add its parentheses to make it explicit.',
        },
      },
    ]);
    expect(SEED.slice(0, 22)).toBe(SEED);
  });

  it('the intended reading has no warning and gives 6', () => {
    const f = compileFormula('销售成本÷((期初库存余额+期末库存余额)/2)');
    if (!f.ok) throw new Error('should compile');
    expect(f.diagnostics).toEqual([]);
    expect(f.evaluate(values)).toEqual({ ok: true, value: 6 });
  });

  it('both readings offered by the warning parse, and mean what they say', () => {
    const readings = warnings(SEED)[0].readings;
    if (!readings) throw new Error('the warning has readings');
    const [asComputed, alternative] = readings;
    for (const [text, value] of [
      [asComputed, 1.5],
      [alternative, 6],
    ] as const) {
      const f = compileFormula(text);
      if (!f.ok) throw new Error(text);
      expect(f.diagnostics).toEqual([]);
      expect(f.evaluate(values)).toEqual({ ok: true, value });
    }
  });
});

describe('ambiguous_division', () => {
  it.each([
    ['a/b/c', 0, 5, '(a / b) / c', 'a / (b / c)'],
    ['a ÷ b ÷ c', 0, 9, '(a ÷ b) ÷ c', 'a ÷ (b ÷ c)'],
    ['x + a/b/c', 4, 9, '(a / b) / c', 'a / (b / c)'],
    ['x*a/b/c', 0, 7, '(x * a / b) / c', 'x * a / (b / c)'],
    ['a/b/c/d', 0, 7, '(a / b) / c', 'a / (b / c)'],
    ['a/b/c*d', 0, 5, '(a / b) / c', 'a / (b / c)'],
    ['(a)/-b/c', 0, 8, '(a / -b) / c', 'a / (-b / c)'],
    ['SUM(a/b/2, 1)', 4, 9, '(a / b) / 2', 'a / (b / 2)'],
  ])('%s warns at %d–%d: %s or %s', (source, start, end, first, second) => {
    expect(warnings(source).map((d) => [d.start, d.end, ...(d.readings ?? [])])).toEqual([[start, end, first, second]]);
  });

  it.each(['a/b', '(a/b)/c', 'a/(b/c)', 'a/b*c', '实际销售额/目标销售额*100%', 'a*b*c', 'a/b + c/d', 'a*b/c'])('%s has no warning', (source) => {
    expect(parseFormula(source).diagnostics).toEqual([]);
  });

  it('warns once per chain, and once for each separate chain', () => {
    expect(warnings('a/b/c/d/e')).toHaveLength(1);
    expect(warnings('a/b/c + d/e/f').map((d) => [d.start, d.end])).toEqual([
      [0, 5],
      [8, 13],
    ]);
  });

  it('is a warning: the formula still compiles', () => {
    expect(compileFormula('a/b/c').ok).toBe(true);
  });
});
