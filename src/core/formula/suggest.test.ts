import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from './suggest.ts';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['销售额2', '销售额', 1],
    ['kitten', 'sitting', 3],
    ['ab', 'ba', 1],
    ['期初库存余额', '期末库存余额', 1],
    ['𠀀a', '𠀀b', 1], // counts code points, not UTF-16 units
  ])('%s ↔ %s = %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('closestName', () => {
  it('finds the closest candidate within one edit per three characters', () => {
    expect(closestName('销售额2', ['销售成本', '销售额'])).toBe('销售额');
    expect(closestName('目标销售', ['目标销售额', '实际销售额'])).toBe('目标销售额');
    expect(closestName('summ', ['MIN', 'SUM'])).toBe('SUM');
    expect(closestName('利润', ['销售额'])).toBeNull();
    expect(closestName('x', [])).toBeNull();
    expect(closestName('x', ['a', 'b'])).toBeNull();
    expect(closestName('成本', ['成品'])).toBeNull();
    expect(closestName('销售量', ['销售额'])).toBe('销售额');
  });

  it('compares NFKC-normalised, lower-cased names', () => {
    expect(closestName('销售额２', ['销售额2'])).toBe('销售额2');
    expect(closestName('ＲＯＵＮＤ', ['ROUND'])).toBe('ROUND');
    expect(closestName('Ｘ', ['x'])).toBe('x');
  });

  it('prefers the smaller distance, then the earlier candidate', () => {
    expect(closestName('abcd', ['abxy', 'abcx', 'abcy'])).toBe('abcx');
  });
});
