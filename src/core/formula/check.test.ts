import { describe, expect, it } from 'vitest';
import { checkFormula } from './check.ts';

const codes = (source: string, knownNames?: string[]) =>
  checkFormula(source, knownNames ? { knownNames } : {}).diagnostics.map((d) => [d.code, d.start, d.end]);

describe('checkFormula: names', () => {
  it('lists the distinct term names in order of first appearance', () => {
    const r = checkFormula('b + a*b + [c d] + SUM(a, e)');
    expect(r).toEqual({ ok: true, variables: ['b', 'a', 'c d', 'e'], diagnostics: [], type: 'number' });
  });

  it('accepts any name without knownNames', () => {
    expect(checkFormula('whatever + 未定义').ok).toBe(true);
  });

  it('rejects an unknown name with knownNames and suggests the closest one', () => {
    const r = checkFormula('销售额2/目标', { knownNames: ['销售成本', '销售额', '目标'] });
    expect(r.ok).toBe(false);
    expect(r.variables).toEqual(['销售额2', '目标']);
    expect(r.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'unknown_name',
        start: 0,
        end: 4,
        suggestion: '销售额',
        message: { 'zh-CN': '未知名称 销售额2——您是想写 销售额 吗？', en: 'Unknown name 销售额2 — did you mean 销售额?' },
      },
    ]);
  });

  it('suggests across full-width/half-width and case differences', () => {
    const suggestion = (source: string, known: string[]) => checkFormula(source, { knownNames: known }).diagnostics[0]?.suggestion;
    expect(suggestion('销售额２', ['销售额2'])).toBe('销售额2');
    expect(suggestion('sales', ['Sales'])).toBe('Sales');
    expect(suggestion('[期初库存]', ['期初库存余额', '期末库存余额'])).toBe('期初库存余额');
    expect(suggestion('期初库存余', ['期初库存余额', '期末库存余额'])).toBe('期初库存余额');
    expect(suggestion('[Sales net]', ['Sales (net)'])).toBe('Sales (net)');
  });

  it('writes suggested names as they must be typed', () => {
    const d = checkFormula('[Sales net]', { knownNames: ['Sales (net)'] }).diagnostics[0];
    expect(d.message.en).toBe('Unknown name [Sales net] — did you mean [Sales (net)]?');
  });

  it('does not suggest something far-fetched', () => {
    const d = checkFormula('利润', { knownNames: ['销售额', '目标销售额'] }).diagnostics[0];
    expect(d.suggestion).toBeUndefined();
    expect(d.message.en).toBe(
      'Unknown name 利润. Check the spelling, or define this term in the indicator first; put names with spaces or operators in brackets.',
    );
  });

  it('reports every unknown name', () => {
    expect(codes('x + y + a', ['a'])).toEqual([
      ['unknown_name', 0, 1],
      ['unknown_name', 4, 5],
    ]);
  });
});

describe('checkFormula: functions', () => {
  it('rejects unknown functions, with a suggestion when one is close', () => {
    const r = checkFormula('SUMM(a, b)');
    expect(r.diagnostics).toMatchObject([{ code: 'unknown_function', start: 0, end: 4, suggestion: 'SUM' }]);
    expect(r.diagnostics[0].message.en).toBe('Unknown function SUMM — did you mean SUM?');
    const term = checkFormula('销售额(1+2)').diagnostics[0];
    expect(term).toMatchObject({ code: 'unknown_function', start: 0, end: 3 });
    expect(term.message.en).toContain('to multiply, write 销售额*(…)');
  });

  it.each([
    ['IF(a>1, 2)', 'IF takes 3 arguments, but 2 were given. Usage: IF(condition, a, b).', '函数 IF 需要恰好 3 个参数，这里给了 2 个。用法：IF(条件, a, b)。'],
    ['ROUND(a)', 'ROUND takes 2 arguments, but 1 was given. Usage: ROUND(x, digits).', '函数 ROUND 需要恰好 2 个参数，这里给了 1 个。用法：ROUND(x, 小数位数)。'],
    ['ABS(a, b)', 'ABS takes 1 argument, but 2 were given. Usage: ABS(x).', '函数 ABS 需要恰好 1 个参数，这里给了 2 个。用法：ABS(x)。'],
    ['DIV(a, b)', 'DIV takes 3 arguments, but 2 were given. Usage: DIV(a, b, fallback).', '函数 DIV 需要恰好 3 个参数，这里给了 2 个。用法：DIV(a, b, 备用值)。'],
    ['SUM()', 'SUM takes at least 1 argument, but 0 were given. Usage: SUM(a, b, …).', '函数 SUM 需要至少 1 个参数，这里给了 0 个。用法：SUM(a, b, …)。'],
  ])('%s: wrong argument count spans the call', (source, en, zh) => {
    const r = checkFormula(`1 + ${source}`);
    expect(r.diagnostics).toMatchObject([{ code: 'wrong_argument_count', start: 4, end: 4 + source.length, message: { en, 'zh-CN': zh } }]);
  });

  it('accepts the right argument counts', () => {
    for (const source of ['IF(a>1, 2, 3)', 'MIN(a)', 'MAX(a, b, c)', 'ABS(a)', 'ROUND(a, 2)', 'AVG(a, b)', 'SUM(a)', 'DIV(a, b, 0)']) {
      expect(checkFormula(source)).toMatchObject({ ok: true, type: 'number' });
    }
  });
});

describe('checkFormula: types', () => {
  it('types comparisons, AND, OR, NOT as conditions', () => {
    expect(checkFormula('a > 1 AND NOT b = 2 OR c <> 3').type).toBe('boolean');
    expect(checkFormula('IF(a > 1, b > 1, c > 1)').type).toBe('boolean');
    expect(checkFormula('(a > 1) = (b > 1)').type).toBe('boolean');
  });

  it.each([
    ['(a > b) + 1', 0, 7, '"+" needs numbers, but (a > b) is a condition (true/false). To turn a condition into a number write IF((a > b), 1, 0).'],
    ['-(a > b)', 1, 8, '"-" needs numbers'],
    ['a * (b = 1)', 4, 11, '"*" needs numbers'],
    ['IF(a, 1, 2)', 3, 4, 'IF needs a condition (true/false), but a is a number. Write a comparison, e.g. a > 0.'],
    ['a AND b > 1', 0, 1, 'AND needs a condition'],
    ['a > 1 OR 2', 9, 10, 'OR needs a condition'],
    ['NOT a', 4, 5, 'NOT needs a condition'],
    ['SUM(a, b > 1)', 7, 12, 'SUM needs numbers, but b > 1 is a condition (true/false). Use IF(b > 1, 1, 0) instead.'],
    ['ROUND(a > 1, 2)', 6, 11, 'ROUND needs numbers'],
    ['(a > 1) < 2', 0, 7, '"<" needs numbers'],
    ['(a > 1) = 2', 0, 11, 'The two sides of "=" differ in type'],
    ['IF(a > 1, 1, b > 1)', 13, 18, 'The two results of IF differ in type'],
  ])('%s: type error at %d–%d', (source, start, end, message) => {
    const [d] = checkFormula(source).diagnostics;
    expect([d.code, d.start, d.end]).toEqual(['type_error', start, end]);
    expect(d.message.en).toContain(message);
    expect(d.message['zh-CN']).not.toBe('');
  });

  it('does not cascade: an unknown function does not make its caller a type error', () => {
    expect(codes('FOO(a) + 1')).toEqual([['unknown_function', 0, 3]]);
  });
});

describe('checkFormula: warnings', () => {
  it('warns about a division by the constant 0, and stays ok', () => {
    const r = checkFormula('a + b/0');
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toMatchObject([{ severity: 'warning', code: 'constant_division_by_zero', start: 4, end: 7 }]);
  });

  it('returns errors and warnings sorted by position', () => {
    expect(codes('a/b/c + x', ['a', 'b', 'c'])).toEqual([
      ['ambiguous_division', 0, 5],
      ['unknown_name', 8, 9],
    ]);
  });

  it('returns parse errors as they are', () => {
    expect(checkFormula('(a')).toEqual({
      ok: false,
      variables: [],
      diagnostics: [expect.objectContaining({ code: 'unclosed_parenthesis', start: 0, end: 1 })],
    });
  });
});
