import { describe, expect, it } from 'vitest';
import type { Ast } from './ast.ts';
import { formatFormula, formatName, formatNumber } from './format.ts';
import { parseFormula } from './parser.ts';

const canonical = (source: string) => formatFormula(parseFormula(source).ast as Ast);

describe('formatFormula', () => {
  it.each([
    ['销售成本÷((期初库存余额+期末库存余额)/2)', '销售成本 ÷ ((期初库存余额 + 期末库存余额) / 2)'],
    ['实际销售额/目标销售额*100%', '实际销售额 / 目标销售额 * 100%'],
    ['((a))', 'a'],
    ['(a*b)+c', 'a * b + c'],
    ['a-(b-c)', 'a - (b - c)'],
    ['(a-b)-c', 'a - b - c'],
    ['a/(b*c)', 'a / (b * c)'],
    ['-(a+b)', '-(a + b)'],
    ['-(-a)', '--a'],
    ['a*(-b)', 'a * -b'],
    ['if(a>1,b,c)', 'IF(a > 1, b, c)'],
    ['Max（a，b）', 'MAX(a, b)'],
    ['a and not b>1 or c<2', 'a AND NOT b > 1 OR c < 2'],
    ['not (a>1 and b>1)', 'NOT (a > 1 AND b > 1)'],
    ['(a>1)=(b>1)', '(a > 1) = (b > 1)'],
    ['a≥b', 'a ≥ b'],
    ['a<>b', 'a <> b'],
    ['.5+1e3+1e21', '0.5 + 1000 + 1e+21'],
    ['[期初库存余额]+[Sales (net)]', '期初库存余额 + [Sales (net)]'],
    ['[sum]+[and]', '[sum] + [and]'],
    ['a OR (b OR c)', 'a OR (b OR c)'],
  ])('%s → %s', (source, expected) => {
    expect(canonical(source)).toBe(expected);
    expect(canonical(expected)).toBe(expected); // canonical text is a fixed point
  });
});

describe('formatName / formatNumber', () => {
  it('brackets names that are not identifiers, or that are keywords or function names', () => {
    expect(formatName('期初库存余额')).toBe('期初库存余额');
    expect(formatName('Sales (net)')).toBe('[Sales (net)]');
    expect(formatName('a]b')).toBe('[a]]b]');
    expect(formatName('2023年销售额')).toBe('[2023年销售额]');
    expect(formatName('NOT')).toBe('[NOT]');
    expect(formatName('Round')).toBe('[Round]');
  });

  it('writes percentages and parenthesises negative literals', () => {
    expect(formatNumber(80, true)).toBe('80%');
    expect(formatNumber(-5, false)).toBe('(-5)');
  });
});
