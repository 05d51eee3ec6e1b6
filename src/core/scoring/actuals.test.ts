import { describe, expect, it } from 'vitest';
import { resolveActual, resolveActuals, scoreWithTerms } from './actuals.ts';
import type { Indicator, Scorecard } from './types.ts';

const turnover: Indicator = { key: '成品周转率', name: '成品周转率', weight: 50, target: 4, formula: '销售成本÷((期初库存余额+期末库存余额)/2)' };
const sales: Indicator = { key: '销售额', weight: 50, target: 1_000_000 };
const card: Scorecard = { indicators: [turnover, sales] };
const terms = { 销售成本: 810_000, 期初库存余额: 200_000, 期末库存余额: 250_000, 销售额: 900_000 };

describe('actuals from formulas', () => {
  it('evaluates the formula and keeps its inputs for the explanation', () => {
    expect(resolveActual(turnover, terms)).toEqual({
      status: 'ok',
      value: 3.6,
      formula: turnover.formula,
      terms: { 销售成本: 810_000, 期初库存余额: 200_000, 期末库存余额: 250_000 },
    });
  });

  it('without a formula the actual is the term named by the key', () => {
    expect(resolveActual(sales, terms)).toEqual({ status: 'ok', value: 900_000 });
    expect(resolveActual(sales, {})).toMatchObject({ status: 'missing', missingTerms: ['销售额'], reason: { code: 'actual.missing' } });
  });

  it('missing terms → missing, naming them', () => {
    const out = resolveActual(turnover, { 销售成本: 1, 期末库存余额: null });
    expect(out).toMatchObject({ status: 'missing', missingTerms: ['期初库存余额', '期末库存余额'] });
    if (out.status === 'missing') expect(out.reason.message['zh-CN']).toContain('期初库存余额, 期末库存余额');
  });

  it('a zero divisor → not computable, with the formula’s reason in both languages', () => {
    const out = resolveActual(turnover, { 销售成本: 1, 期初库存余额: 0, 期末库存余额: 0 });
    expect(out.status).toBe('not_computable');
    if (out.status !== 'not_computable') return;
    expect(out.reason.code).toBe('actual.not_computable');
    expect(out.reason.message['zh-CN']).toContain('成品周转率');
    expect(out.reason.message['zh-CN']).toContain('除数');
    expect(out.reason.message.en).toMatch(/divisor/);
    expect(out.terms).toEqual({ 销售成本: 1, 期初库存余额: 0, 期末库存余额: 0 });
  });

  it('a true/false formula is an error', () => {
    expect(resolveActual({ ...sales, formula: '销售额 > 100' }, terms)).toMatchObject({ status: 'error', reason: { code: 'actual.boolean' } });
  });

  it('a formula that does not parse, or names an unknown term, is an error with the formula’s diagnostic', () => {
    expect(resolveActual({ ...sales, formula: '销售额 + * 2' }, terms)).toMatchObject({ status: 'error', reason: { code: 'actual.formula_invalid' } });
    const unknown = resolveActual({ ...sales, formula: '销售成夲 / 2' }, terms, { knownNames: Object.keys(terms) });
    expect(unknown).toMatchObject({ status: 'error', reason: { code: 'actual.formula_invalid' } });
    if (unknown.status === 'error') expect(unknown.reason.message['zh-CN']).toContain('销售成本');
  });

  it('resolveActuals gives every indicator by key', () => {
    expect(Object.keys(resolveActuals(card, terms))).toEqual(['成品周转率', '销售额']);
  });
});

describe('scoring from term values', () => {
  it('scores with the formula’s actual and explains it', () => {
    const result = scoreWithTerms(card, terms);
    expect(result.status).toBe('complete');
    expect(result.indicators[0]).toMatchObject({ actual: 3.6, formula: turnover.formula, terms: { 销售成本: 810_000 } });
    expect(result.indicators[0].points).toBeCloseTo(45, 9);
    expect(result.total).toBeCloseTo(45 + 45, 9);
  });

  it('missing terms and zero divisors make the scorecard incomplete, with the reasons', () => {
    const result = scoreWithTerms(card, { 销售成本: 1, 期初库存余额: 0, 期末库存余额: 0 });
    expect(result.status).toBe('incomplete');
    expect(result.issues.map((i) => i.code)).toEqual(['actual.not_computable', 'actual.missing']);
  });

  it('a boolean formula makes the scorecard invalid', () => {
    const result = scoreWithTerms({ indicators: [{ ...sales, weight: 100, formula: '销售额 > 1' }] }, terms);
    expect(result.status).toBe('invalid');
  });

  it('not-applicable indicators need no terms', () => {
    const result = scoreWithTerms(card, { 销售额: 1_000_000 }, { notApplicable: ['成品周转率'] });
    expect(result.status).toBe('complete');
    expect(result.total).toBeCloseTo(100, 9);
  });
});
