import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactSum, formatNumber, formatPercent, reaches } from './arith.ts';
import { messageCodes, renderMessage } from './messages.ts';

describe('exactSum', () => {
  it('is correctly rounded', () => {
    expect(exactSum([0.1, 0.2, 0.3])).toBe(0.6);
    expect(exactSum([1e100, 1, -1e100])).toBe(1);
    expect(exactSum([])).toBe(0);
    expect(exactSum([0.1, 0.1, 0.1, -0.3])).toBe(2.7755575615628914e-17);
  });
  it('does not depend on the order (property)', () => {
    const doubles = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 20 });
    fc.assert(
      fc.property(doubles, (xs) => {
        const reversed = [...xs].reverse();
        const sorted = [...xs].sort((a, b) => a - b);
        return exactSum(xs) === exactSum(reversed) && exactSum(xs) === exactSum(sorted);
      }),
    );
  });
});

describe('formatting and comparison', () => {
  it('formats numbers and percentages for messages', () => {
    expect(formatNumber(22.000000000000004)).toBe('22');
    expect(formatNumber(28.571428)).toBe('28.57');
    expect(formatNumber(-0.0001)).toBe('0');
    expect(formatPercent(0.85)).toBe('85%');
    expect(formatPercent(1.05)).toBe('105%');
  });
  it('a ratio equal to its threshold after rounding reaches it', () => {
    expect(reaches(0.7 / 0.1, 7)).toBe(true);
    expect(reaches(0.79, 0.8)).toBe(false);
  });
});

describe('message table', () => {
  it('every code renders in both languages, without holes', () => {
    const params = new Proxy({}, { get: () => 1, has: () => true });
    for (const code of messageCodes) {
      const text = renderMessage(code, params as Record<string, number>);
      expect(text['zh-CN'].length, code).toBeGreaterThan(0);
      expect(text.en.length, code).toBeGreaterThan(0);
      for (const t of [text['zh-CN'], text.en]) expect(t, code).not.toMatch(/undefined|NaN|\[object/);
      expect(text['zh-CN'], code).toMatch(/[\u4e00-\u9fff]/);
    }
  });
  it('bilingual parameters are chosen by language', () => {
    const text = renderMessage('actual.not_computable', { indicator: '成品周转率', detail: { 'zh-CN': '除数为 0', en: 'division by zero' } });
    expect(text['zh-CN']).toContain('除数为 0');
    expect(text.en).toContain('division by zero');
  });
});
